/** The case timeline's words in zh-CN (the source of keys; English in timeline-messages-en.ts). */
import type { MessageBundle } from '../../ui/i18n/setup';
import { timelineEn } from './timeline-messages-en';

const zh = {
  timeline: {
    title: '时间线',
    open: '显示这起案件的全部经过',
    loading: '正在加载时间线…',
    none: '还没有记录。',
    failed: '时间线读取失败：{{reason}}',
    arrived: '到达现场',
    stationHandover: '劝导站移交民警（劝导站不认定责任）',
    'station-confirm': '民警远程确认案件并认定责任',
    'station-correct': '民警远程更正案件并认定责任',
    photo: '拍摄照片：{{slot}}',
    received: '服务器收到第 {{version}} 版',
    delivered: '理赔资料送达保险公司（第 {{version}} 版）',
    webhook: '保险公司的系统已接收推送：{{event}}',
    event: {
      'packet.created': '理赔资料',
      'packet.updated': '理赔资料更新',
      'case.returned': '案件退回',
    },
    acknowledged: '保险公司已回访',
    assessed: '保险公司已定损',
    paid: '保险公司已赔付',
    partyConfirmed: '{{vehicle}} 车当事人在自己的手机上确认了认定书',
    by: '经办：{{name}}',
    where: {
      scene: '地点：{{where}}',
      phone: '手机：{{where}}',
      insurer: '保险公司：{{where}}',
    },
  },
};

export type TimelineMessages = typeof zh;

export const timelineMessages: MessageBundle<TimelineMessages> = { 'zh-CN': zh, en: timelineEn };
