/**
 * Messages of the overdue list (src/ui/OverdueClaims.tsx), which the
 * reviewer's and the admin's screens both show; loaded with each. zh-CN has
 * one plural form, English two (`_one`, `_other`).
 */
import type { MessageBundle } from '../ui/i18n/setup';

const zh = {
  overdue: {
    title: '回访超时',
    open: '回访超时的理赔资料',
    intro:
      '保险公司收到理赔资料后，应在大队设定的回访时限内回访。下面是超过时限仍未回访的资料，最早到期的在前。',
    count_one: '{{count}} 份资料回访超时。',
    count_other: '{{count}} 份资料回访超时。',
    none: '没有回访超时的资料。',
    shown: '只列出最早到期的 {{shown}} 份。',
    asOf: '截至 {{time}}，页面打开时每 30 秒自动刷新。',
    late: '超时 {{duration}}',
    hours_one: '{{count}} 小时',
    hours_other: '{{count}} 小时',
    minutes_one: '{{count}} 分钟',
    minutes_other: '{{count}} 分钟',
    duration: '{{hours}} {{minutes}}',
    caseNumber: '案件 {{number}}',
    insurer: '保险公司',
    plates: '承保车辆',
    noPlates: '无',
    due: '应回访时间',
    brigade: '大队',
    loading: '正在加载…',
    retry: '重试',
    refresh: '刷新',
    stale: '刚才没能刷新：{{reason}} 下面是上一次的结果。',
    failure: {
      'signed-out': '登录已过期，请重新登录后再试。',
      offline: '连接不到服务器，请检查网络后重试。',
      forbidden: '这个账号不能查看回访超时的资料。',
      'not-found': '服务器上没有这个页面。',
      'invalid-transition': '服务器上的情况已经变了，请刷新。',
      invalid: '服务器认为请求有误。',
      server: '服务器出错，请稍后重试。',
    },
  },
};

export const overdueMessages: MessageBundle<typeof zh> = {
  'zh-CN': zh,
  en: {
    overdue: {
      title: 'Overdue call-backs',
      open: 'Packets overdue for a call-back',
      intro:
        'An insurer is to call back within the brigade’s call-back target after its packet arrives. These packets are past it and not called back yet, the earliest due first.',
      count_one: '{{count}} packet is overdue.',
      count_other: '{{count}} packets are overdue.',
      none: 'No packet is overdue.',
      shown: 'Only the {{shown}} earliest due are listed.',
      asOf: 'As of {{time}}; asked again every 30 seconds while this page is open.',
      late: '{{duration}} overdue',
      hours_one: '{{count}} hour',
      hours_other: '{{count}} hours',
      minutes_one: '{{count}} minute',
      minutes_other: '{{count}} minutes',
      duration: '{{hours}} {{minutes}}',
      caseNumber: 'Case {{number}}',
      insurer: 'Insurer',
      plates: 'Insured vehicles',
      noPlates: 'none',
      due: 'Call-back due',
      brigade: 'Brigade',
      loading: 'Loading…',
      retry: 'Try again',
      refresh: 'Refresh',
      stale: 'The last refresh failed: {{reason}} The list below is the one before.',
      failure: {
        'signed-out': 'Your sign-in has expired. Sign in again and retry.',
        offline: 'The server cannot be reached. Check the network and retry.',
        forbidden: 'This account may not see overdue packets.',
        'not-found': 'The server has no such page.',
        'invalid-transition': 'Things changed on the server. Refresh.',
        invalid: 'The server found the request wrong.',
        server: 'The server failed. Try again later.',
      },
    },
  },
};
