/**
 * Messages of the roadside video part of a case (src/ui/Footage.tsx), which
 * the officer's case screen and the reviewer's case view both show; loaded
 * with each. The admin's screen of units has its own (features/admin).
 */
import type { MessageBundle } from '../ui/i18n/setup';

const zh = {
  footage: {
    title: '路侧视频',
    intro: '案发地点 {{km}} 公里内的视频点位，由近及远。调取范围默认为事故前后各 15 分钟。',
    noPoint: '案件还没有定位，无法列出附近的视频点位。请先在“位置”中标出事故地点。',
    noPack: '本机还没有大队的视频点位清单：联网登录后会自动下载。',
    none: '{{km}} 公里内没有大队登记的视频点位。',
    unitsLabel: '附近的视频点位',
    distance: '距离 {{distance}}',
    metres: '{{count}} 米',
    kilometres: '{{km}} 公里',
    facing: '朝向{{facing}}',
    keeps: '保存 {{days}} 天',
    facings: { N: '北', NE: '东北', E: '东', SE: '东南', S: '南', SW: '西南', W: '西', NW: '西北' },
    window: '调取时段：{{from}} 至 {{to}}',
    request: '申请调取视频',
    requestFor: '申请调取视频：{{name}}',
    sending: '正在申请…',
    needsLink: '需联网才能申请',
    offlineNote: '当前没有网络：申请调取视频需要联网。附近点位仍可查看，有网络后再申请。',
    retentionPassed: '已超过保存期（该点位只保存 {{days}} 天），无法再调取这段视频。',
    requested: '已提交申请：{{name}}。',
    requests: '调取申请',
    noRequests: '还没有调取申请。',
    loading: '正在读取调取申请…',
    retry: '重试',
    standing: {
      requested: '已申请，待调取',
      retrieved: '已调取',
      unavailable: '无法调取',
      expired: '已过期（超过保存期仍未调取）',
    },
    requestedBy: '{{name}} 于 {{time}} 申请',
    resolvedBy: '{{name}} 于 {{time}} 处理',
    reference: '视频文件或编号：{{reference}}',
    reason: '说明：{{reason}}',
    expiresAt: '保存期至 {{time}}',
    answer: {
      label: '处理 {{name}} 的调取申请',
      retrievedField: '视频文件或编号',
      retrieved: '标记为已调取',
      unavailableField: '无法调取的原因',
      unavailable: '标记为无法调取',
      required: '请填写“{{field}}”。',
    },
    failure: {
      'signed-out': '登录已过期，请重新登录后再试。',
      offline: '没有网络：调取申请需要联网，有网络后再试。',
      forbidden: '只有本案民警或事故中队可以申请调取视频。',
      'not-found': '服务器上还没有这起案件：案件发送成功后才能申请和查看调取视频。',
      'retention-passed': '该点位已不再保存这段时间的视频（已超过保存期），无法调取。',
      'unit-unavailable': '这个视频点位已停用或不属于本大队，请刷新后再选。',
      'already-resolved': '这条申请已经有人处理过了，已刷新。',
      invalid: '服务器认为申请有误，请检查后再试。',
      server: '服务器出错，请稍后再试。',
    },
  },
};

export const footageMessages: MessageBundle<typeof zh> = {
  'zh-CN': zh,
  en: {
    footage: {
      title: 'Roadside video',
      intro:
        'Video units within {{km}} km of the accident, nearest first. A request asks for 15 minutes either side of the accident.',
      noPoint:
        'The case has no position yet, so the units near it cannot be listed. Mark the place under “Location” first.',
      noPack:
        'This phone has not got the brigade’s list of video units yet: it comes when you sign in with signal.',
      none: 'The brigade has no video unit within {{km}} km.',
      unitsLabel: 'Video units nearby',
      distance: '{{distance}} away',
      metres: '{{count}} m',
      kilometres: '{{km}} km',
      facing: 'facing {{facing}}',
      keeps: 'keeps {{days}} days',
      facings: {
        N: 'north',
        NE: 'north-east',
        E: 'east',
        SE: 'south-east',
        S: 'south',
        SW: 'south-west',
        W: 'west',
        NW: 'north-west',
      },
      window: 'Footage from {{from}} to {{to}}',
      request: 'Request footage',
      requestFor: 'Request footage: {{name}}',
      sending: 'Requesting…',
      needsLink: 'Needs a connection to request',
      offlineNote:
        'No connection: requesting footage needs the network. The units nearby still show; request once you have signal.',
      retentionPassed:
        'Past the retention (this unit keeps {{days}} days): this footage can no longer be requested.',
      requested: 'Requested: {{name}}.',
      requests: 'Footage requests',
      noRequests: 'No footage requested yet.',
      loading: 'Reading the footage requests…',
      retry: 'Try again',
      standing: {
        requested: 'Requested, waiting',
        retrieved: 'Retrieved',
        unavailable: 'Unavailable',
        expired: 'Expired (not retrieved within the retention)',
      },
      requestedBy: 'Requested by {{name}} at {{time}}',
      resolvedBy: 'Answered by {{name}} at {{time}}',
      reference: 'Video file or reference: {{reference}}',
      reason: 'Note: {{reason}}',
      expiresAt: 'Kept until {{time}}',
      answer: {
        label: 'Answer the request of {{name}}',
        retrievedField: 'Video file or reference',
        retrieved: 'Mark retrieved',
        unavailableField: 'Why it cannot be retrieved',
        unavailable: 'Mark unavailable',
        required: 'Fill in “{{field}}”.',
      },
      failure: {
        'signed-out': 'Your sign-in has expired. Sign in again and retry.',
        offline: 'No connection: footage requests need the network. Try again with signal.',
        forbidden: 'Only the case’s officer or the accident squad may request footage.',
        'not-found':
          'The server does not have this case yet: once it is sent, footage can be requested and followed here.',
        'retention-passed':
          'The unit no longer keeps footage of that time (past its retention): it cannot be retrieved.',
        'unit-unavailable':
          'This video unit is out of use or not the brigade’s. Refresh and choose again.',
        'already-resolved': 'Someone answered this request already; refreshed.',
        invalid: 'The server found the request wrong. Check it and retry.',
        server: 'The server failed. Try again later.',
      },
    },
  },
};
