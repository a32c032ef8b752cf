/** Failure reasons in words (failure-reasons.ts); loaded with the outbox and sign-in screens. */
import type { MessageBundle } from '../ui/i18n/setup';

const zh = {
  reasons: {
    network: '连接不到服务器',
    timeout: '服务器无响应',
    'not-a-receipt': '收到的不是服务器回执（可能连接了需要登录的 Wi-Fi）',
    busy: '服务器繁忙，稍后自动重试',
    locked: '照片正在上传中，稍后继续',
    server: '服务器出错，稍后自动重试',
    invalid: '服务器认为内容不完整或格式不对',
    forbidden: '没有权限',
    'forbidden-role': '这个账号不能做这项操作（需要路勤民警账号）',
    'not-found': '服务器找不到',
    'too-large': '文件太大，服务器拒收',
    refused: '服务器拒收',
    conflict: '与服务器上的版本不一致，正在核对',
    'invalid-transition': '案件在服务器上的状态不允许这项操作',
    'photo-hash-mismatch': '照片在传输中损坏，将从本机重新发送',
    'case-mismatch': '案件内容与签名的清单不一致，请联系技术支持',
    'bad-signature': '本机的签名无法验证，请重新登录',
    'device-unknown': '服务器不认识本机的登记，将重新登记',
    'device-revoked': '本机的登记已被管理员吊销，请联系大队管理员',
    'officer-mismatch': '案件属于另一位民警，只能由其本人登录后发送',
    'not-case-officer':
      '案件已由另一位民警负责（已移交或由中队接手），本机不能再发送；请联系事故中队',
    'invalid-handover': '只能移交给本大队另一位在岗的民警',
    sealed: '已签名的认定内容被改动而没有重新签名：请在签名页发起更正，写明原因并由各方重新签名',
    'reopen-required': '保险公司已赔付此案：需事故中队重新打开案件后才能发送新版本，打开后自动发送',
    'station-cannot-determine':
      '劝导站账号不能认定责任：请把案件移交民警，由民警认定；民警认定后只能原样向当事人宣读并签字，不能更改',
    unauthenticated: '需要重新登录',
    'bad-credentials': '用户名或密码不正确',
    'local-photo-damaged': '本机照片已损坏，请补拍',
    'case-unreadable': '本机的案件记录无法读取，请联系技术支持',
    'needs-attention': '有照片需要处理',
    unexpected: '服务器的回答无法识别',
    other: '服务器没有接受，原因不明：请稍后重试，仍不行请联系技术支持',
    part: { photo: '照片：', case: '案件：', pull: '获取服务器更新：' },
  },
};

export const reasonMessages: MessageBundle<typeof zh> = {
  'zh-CN': zh,
  en: {
    reasons: {
      network: 'the server cannot be reached',
      timeout: 'the server did not answer',
      'not-a-receipt': 'the answer was not the server’s receipt (a Wi-Fi sign-in page?)',
      busy: 'the server is busy; trying again shortly',
      locked: 'the photo is still being uploaded; it goes on shortly',
      server: 'a fault on the server; trying again shortly',
      invalid: 'the server found the content incomplete or malformed',
      forbidden: 'not allowed',
      'forbidden-role': 'this account may not do this (a patrol officer’s account is needed)',
      'not-found': 'not found on the server',
      'too-large': 'the file is too large for the server',
      refused: 'the server refused it',
      conflict: 'differs from the version on the server; being checked',
      'invalid-transition': 'the case’s state on the server does not allow this',
      'photo-hash-mismatch': 'a photo was damaged in transfer; it is sent again from this phone',
      'case-mismatch': 'the case does not match its signed list; contact support',
      'bad-signature': 'this phone’s signature could not be verified; sign in again',
      'device-unknown': 'the server does not know this phone’s enrolment; it enrols again',
      'device-revoked':
        'an administrator revoked this phone’s enrolment; contact your brigade administrator',
      'officer-mismatch': 'the case belongs to another officer; only they can send it',
      'not-case-officer':
        'another officer is now in charge of this case (handed over or taken over by the squad); this phone can no longer send it — contact the accident squad',
      'invalid-handover': 'a case can be handed over only to another active officer of the brigade',
      sealed:
        'signed determination content was changed without new signatures: open a correction on the signing screen, give the reason and collect new signatures',
      'reopen-required':
        'an insurer has paid on this case: the accident squad must reopen it before a new version can be sent; it is sent by itself once reopened',
      'station-cannot-determine':
        'a rural station account cannot determine liability: hand the case over to an officer, who determines it; his determination is read to the parties and signed as it is, never changed',
      unauthenticated: 'sign in again',
      'bad-credentials': 'wrong username or password',
      'local-photo-damaged': 'a photo on this phone is damaged: retake it',
      'case-unreadable': 'this phone’s record of the case cannot be read; contact support',
      'needs-attention': 'a photo needs attention',
      unexpected: 'the server’s answer could not be understood',
      other:
        'the server did not accept it, for an unknown reason: try again later, then contact support',
      part: { photo: 'photo: ', case: 'case: ', pull: 'fetching server updates: ' },
    },
  },
};
