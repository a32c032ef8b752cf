/** The party's confirmation page's words (`confirm.*`), zh-CN and English; liability levels as printed. */
import { levelWords } from '../../documents/words';
import type { MessageBundle } from '../../ui/i18n/setup';

const zh = {
  confirm: {
    title: '确认事故认定书',
    intro:
      '这是交警在现场出具的事故认定书摘要。请核对，并保存下面的校验码：它与认定书 PDF 上印的校验码相同。',
    caseNumber: '案件编号',
    occurredAt: '事故时间',
    place: '地点',
    vehicles: '车辆与责任',
    vehicle: '{{label}} 车 {{plate}}：{{liability}}',
    noLiability: '责任未定',
    level: levelWords.zh,
    hash: '校验码（SHA-256）',
    hashHint: '请截图或复制保存，日后可用它核对认定书是否被改动。',
    copy: '复制校验码',
    copied: '校验码已复制。',
    copyFailed: '无法复制，请长按校验码手动复制或截图。',
    whoAmI: '我是哪辆车的当事人',
    send: '确认认定书',
    sending: '正在发送确认…',
    offlineHint: '没有网络时也可以查看和保存校验码；有网络后再按“确认认定书”。',
    done: '已确认：{{label}} 车当事人于 {{time}} 确认了这份认定书。',
    already: '{{label}} 车当事人已于 {{time}} 确认过这份认定书。',
    failed: {
      offline: '无法连接服务器：请在有网络时再按一次“确认认定书”。',
      'not-received': '服务器还没有收到这起案件：请稍后再试（交警的手机发送后即可确认）。',
      mismatch: '这份认定书与服务器上的不一致，无法确认：请联系办案交警。',
      amended: '这份认定书已被更正，无法确认：请向办案交警索取新的二维码。',
      busy: '尝试次数过多，请稍后再试。',
      server: '服务器暂时无法处理，请稍后再试。',
    },
    bad: {
      missing: '链接里没有认定书摘要：请用手机相机扫描交警出示的二维码打开本页。',
      'not-ours':
        '这个链接不是快处的认定书确认链接，或来自更新版本的应用：请重新扫描交警出示的二维码。',
      damaged: '链接不完整或已损坏（{{part}}）：请重新扫描交警出示的二维码。',
    },
  },
};

export type ConfirmMessages = typeof zh;

const en: ConfirmMessages = {
  confirm: {
    title: 'Confirm the accident determination',
    intro:
      'This is a summary of the determination the officer made at the scene. Check it, and keep the check code below: it is the one printed on the determination’s PDF.',
    caseNumber: 'Case number',
    occurredAt: 'Time of the accident',
    place: 'Place',
    vehicles: 'Vehicles and liability',
    vehicle: 'Vehicle {{label}} {{plate}}: {{liability}}',
    noLiability: 'liability not yet determined',
    level: levelWords.en,
    hash: 'Check code (SHA-256)',
    hashHint:
      'Take a screenshot or copy it: with it you can later check that the determination was not changed.',
    copy: 'Copy the check code',
    copied: 'Check code copied.',
    copyFailed: 'Could not copy: press and hold the code to copy it, or take a screenshot.',
    whoAmI: 'I am the party of vehicle',
    send: 'Confirm the determination',
    sending: 'Sending the confirmation…',
    offlineHint:
      'Without a connection you can still read and keep the check code; press “Confirm the determination” once you are online.',
    done: 'Confirmed: the party of vehicle {{label}} confirmed this determination at {{time}}.',
    already: 'The party of vehicle {{label}} already confirmed this determination at {{time}}.',
    failed: {
      offline:
        'Cannot reach the server: press “Confirm the determination” again once you are online.',
      'not-received':
        'The server has not received this case yet: try again later (once the officer’s phone has sent it).',
      mismatch:
        'This determination is not the one the server holds, so it cannot be confirmed: contact the officer.',
      amended:
        'This determination has been corrected since, so it cannot be confirmed: ask the officer for the new QR code.',
      busy: 'Too many tries: please try again later.',
      server: 'The server cannot take it right now: please try again later.',
    },
    bad: {
      missing:
        'The link carries no determination: open this page by scanning the officer’s QR code with your phone’s camera.',
      'not-ours':
        'This is not a Kuaichu confirmation link, or it comes from a newer version of the app: scan the officer’s QR code again.',
      damaged: 'The link is incomplete or damaged ({{part}}): scan the officer’s QR code again.',
    },
  },
};

export const confirmMessages: MessageBundle<ConfirmMessages> = { 'zh-CN': zh, en };
