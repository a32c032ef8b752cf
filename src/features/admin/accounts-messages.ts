/** The words of the admin's accounts, units and phones screens in zh-CN (English in accounts-messages-en.ts). */
import type { MessageBundle } from '../../ui/i18n/setup';
import { accountsEn } from './accounts-messages-en';

const zh = {
  accounts: {
    links: {
      title: '账号、单位和手机',
      accounts: '账号管理',
      units: '单位管理',
      devices: '手机登记',
    },
    title: '账号管理',
    intro: '为民警、审核员、保险公司人员和管理员新建账号；停用离职人员的账号，忘记密码时重设密码。',
    form: {
      title: '新建账号',
      username: '用户名',
      usernameHint: '登录时使用：3–32 个小写字母、数字、点、横线或下划线',
      displayName: '姓名',
      role: '身份',
      unit: '所属单位',
      unitHint: '民警属于巡逻中队或农村劝导站，审核员属于事故中队',
      insurer: '所属保险公司',
      password: '初始密码',
      passwordHint: '至少 10 个字符，请当面告知本人',
      choose: '请选择',
      submit: '新建账号',
      sending: '正在保存…',
      created: '已新建 {{name}}（{{username}}）的账号。',
    },
    list: {
      title: '全部账号（{{count}}）',
      none: '还没有账号。',
      enabled: '启用中',
      disabled: '已停用',
      disable: '停用',
      enable: '启用',
      disableFor: '停用 {{name}} 的账号',
      enableFor: '启用 {{name}} 的账号',
      reset: '重设密码',
      resetFor: '为 {{name}} 重设密码',
      newPassword: '{{name}} 的新密码',
      saveReset: '保存新密码',
      cancel: '取消',
      disabledDone: '{{name}} 的账号已停用，其所有登录已失效。',
      enabledDone: '{{name}} 的账号已启用，需要重新登录。',
      resetDone: '已为 {{name}} 重设密码，其所有登录已失效。',
    },
    error: {
      required: '必填',
      invalid: '填写的内容有误',
      tooLong: '太长了',
      usernamePattern: '用户名只能是 3–32 个小写字母、数字、点、横线或下划线',
      usernameTaken: '这个用户名已被使用，请换一个',
      unitRequired: '请选择所属单位',
      unitKind: '民警属于巡逻中队或农村劝导站，审核员属于事故中队',
      insurerRequired: '请选择所属保险公司',
      passwordShort: '密码至少 10 个字符',
      passwordWeak: '密码太简单（重复字符、常见密码、键盘连续键或包含用户名），请换一个',
      brigadeRequired: '请选择所属大队',
      unitNameTaken: '这个大队已有同名单位',
    },
    refusal: {
      cannot_disable_self: '不能停用自己的账号。',
      last_admin: '这是最后一个启用的管理员账号：请先新建另一个管理员。',
    },
    units: {
      title: '单位管理',
      intro:
        '大队下设的巡逻中队、事故中队和农村劝导站。新建单位后，即可在其中新建民警或审核员账号。',
      listTitle: '{{brigade}}的单位',
      none: '这个大队还没有单位。',
      members: '{{count}} 个账号',
      kind: {
        'patrol-squad': '巡逻中队',
        'accident-squad': '事故中队',
        'rural-station': '农村劝导站',
      },
      form: {
        title: '新建单位',
        brigade: '所属大队',
        name: '单位名称',
        kind: '类型',
        submit: '新建单位',
        created: '已新建{{name}}。',
      },
    },
    devices: {
      title: '手机登记',
      intro:
        '民警的手机登记后才能提交案件。手机丢失或更换时，吊销它的登记：那部手机之后的发送都会被拒绝，已收到的案件不受影响。',
      none: '还没有登记的手机。',
      owner: '{{name}}（{{username}}）',
      unknownOwner: '账号 {{id}}',
      enrolled: '登记于 {{time}}',
      active: '使用中',
      revokedAt: '已于 {{time}} 吊销',
      revoke: '吊销登记',
      revokeFor: '吊销“{{label}}”的登记',
      confirmText: '吊销后，这部手机不能再发送案件，且不能撤销。确定吊销“{{label}}”吗？',
      confirm: '确认吊销',
      cancel: '取消',
      revoked: '已吊销“{{label}}”的登记。',
    },
  },
};

export type AccountsMessages = typeof zh;

export const accountsMessages: MessageBundle<AccountsMessages> = { 'zh-CN': zh, en: accountsEn };
