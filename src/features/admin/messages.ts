import type { MessageBundle } from '../../ui/i18n/setup';

const zh = {
  admin: {
    intro: '大队管理员维护本大队使用快处所需的账号和设置。',
    can: {
      accounts: '新建民警、审核员和保险公司人员的账号，停用账号，重设密码。',
      devices: '查看民警手机的登记；手机丢失时，吊销它的登记。',
      units: '查看各中队、劝导站和保险公司。',
    },
    coming: {
      screens: '手机上的账号与设备管理页面。',
      dashboard: '大队数据看板：案件数量和“五快”用时。',
    },
    meanwhile:
      '这些页面将在后续版本中提供。在此之前，请在服务器上用管理命令（npm run admin）或管理接口完成这些操作。',
  },
};

export const adminMessages: MessageBundle<typeof zh> = {
  'zh-CN': zh,
  en: {
    admin: {
      intro:
        'The brigade administrator keeps the accounts and settings the brigade needs for Kuaichu.',
      can: {
        accounts:
          'Create accounts for officers, reviewers and insurer staff, disable accounts, set new passwords.',
        devices: 'See the officers’ enrolled phones, and revoke a lost phone’s enrolment.',
        units: 'See the squads, rural stations and insurers.',
      },
      coming: {
        screens: 'Account and device screens on this phone.',
        dashboard: 'A brigade dashboard: case numbers and the “five fast” times.',
      },
      meanwhile:
        'These screens come in a later version. Until then, use the admin command on the server (npm run admin) or the admin interface.',
    },
  },
};
