/** Messages of the role homes and their shared parts (AccountPanel, RoleHome, OfficerOnly); loaded with each. */
import type { MessageBundle } from '../ui/i18n/setup';

const zh = {
  account: {
    title: {
      reviewer: '事故中队审核',
      insurer: '保险公司',
      admin: '大队管理',
    },
    officerOnly: {
      title: '此页面供路勤民警使用',
      body: '新建案件、现场处理和发送情况是路勤民警在事故现场使用的页面。您以“{{role}}”身份登录，本机不会以您的身份建立或发送任何案件。',
      back: '返回{{role}}',
    },
    panel: '当前登录',
    name: '姓名',
    roleLabel: '身份',
    unit: '单位',
    insurer: '保险公司',
    role: {
      officer: '路勤民警',
      reviewer: '事故中队审核员',
      insurer: '保险公司理赔人员',
      admin: '大队管理员',
      station: '劝导站协管员',
    },
    expired: '登录已过期。重新登录后才能使用需要联网的功能。',
    signInAgain: '重新登录',
    signOut: '退出登录',
    signingOut: '正在退出…',
    settings: '设置',
    canDo: '在快处中，您可以',
    coming: '即将推出',
    officerScreens:
      '新建案件、现场取证和发送情况等页面供路勤民警在现场使用，以您的身份登录时不会出现；本机也不会以您的身份发送任何案件。',
  },
};

export const accountMessages: MessageBundle<typeof zh> = {
  'zh-CN': zh,
  en: {
    account: {
      title: {
        reviewer: 'Accident squad review',
        insurer: 'Insurer',
        admin: 'Brigade administration',
      },
      officerOnly: {
        title: 'This page is for patrol officers',
        body: 'New cases, on-scene handling and sending are the pages patrol officers use at the scene. You are signed in for “{{role}}”; this phone creates and sends no case as you.',
        back: 'Back to {{role}}',
      },
      panel: 'Signed in',
      name: 'Name',
      roleLabel: 'Role',
      unit: 'Unit',
      insurer: 'Insurer',
      role: {
        officer: 'Patrol officer',
        reviewer: 'Accident squad reviewer',
        station: 'Rural station helper',
        insurer: 'Insurer claims handler',
        admin: 'Brigade administrator',
      },
      expired: 'Your sign-in has expired. Sign in again to use what needs the server.',
      signInAgain: 'Sign in again',
      signOut: 'Sign out',
      signingOut: 'Signing out…',
      settings: 'Settings',
      canDo: 'In Kuaichu you can',
      coming: 'Coming next',
      officerScreens:
        'New cases, scene evidence and sending are for patrol officers at the scene and do not appear when you are signed in; this phone sends no case as you.',
    },
  },
};
