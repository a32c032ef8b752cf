import type { MessageBundle } from '../../ui/i18n/setup';

const zh = {
  auth: {
    title: '登录',
    intro: '登录后，本机案件会自动发送到服务器。离线时仍可继续办案。',
    username: '用户名',
    password: '密码',
    submit: '登录',
    submitting: '正在登录…',
    signedInAs: '已登录：{{name}}',
    shiftEnds: '本班次登录有效至 {{time}}',
    expired: {
      'shift-over': '本班次登录已到期：可以继续办案，案件会在重新登录后发送。',
      'token-expired': '登录已过期：可以继续办案，案件会在重新登录后发送。',
      rejected: '服务器要求重新登录：可以继续办案，案件会在重新登录后发送。',
    },
    signedOut: '未登录：案件保存在本机，登录后才会发送。',
    failed: {
      offline: '无法连接服务器：登录需要联网。已保存的案件不受影响。',
      credentials: '用户名或密码不正确。',
      tooMany: '尝试次数过多，请稍后再试。',
      disabled: '账号已停用，请联系管理员。',
      enrol: '已登录，但本机登记失败：{{reason}}。请稍后重试。',
      other: '登录失败：{{reason}}。',
    },
    signOut: '退出登录',
    signOutWarn:
      '本机还有 {{count}} 个案件未发送。退出后案件仍保存在本机，不会删除，只对您本人显示；您重新登录后继续发送，其他民警在本机登录既看不到也不会发送。确定退出？',
    signOutConfirm: '确定退出',
    cancel: '取消',
    signedOutKept: '已退出。本机 {{count}} 个未发送的案件已保留。',
  },
};

export const authMessages: MessageBundle<typeof zh> = {
  'zh-CN': zh,
  en: {
    auth: {
      title: 'Sign in',
      intro:
        'Once signed in, the cases on this phone are sent to the server automatically. You can keep working offline.',
      username: 'Username',
      password: 'Password',
      submit: 'Sign in',
      submitting: 'Signing in…',
      signedInAs: 'Signed in: {{name}}',
      shiftEnds: 'Signed in for this shift until {{time}}',
      expired: {
        'shift-over':
          'Your shift’s sign-in has ended: keep working; cases are sent after you sign in again.',
        'token-expired':
          'Your sign-in has expired: keep working; cases are sent after you sign in again.',
        rejected:
          'The server asks you to sign in again: keep working; cases are sent after you do.',
      },
      signedOut: 'Not signed in: cases are kept on this phone and sent once you sign in.',
      failed: {
        offline:
          'Cannot reach the server: signing in needs a connection. Saved cases are not affected.',
        credentials: 'Wrong username or password.',
        tooMany: 'Too many attempts; please try again later.',
        disabled: 'This account is disabled; contact an administrator.',
        enrol: 'Signed in, but registering this phone failed: {{reason}}. Please try again later.',
        other: 'Sign-in failed: {{reason}}.',
      },
      signOut: 'Sign out',
      signOutWarn:
        '{{count}} cases on this phone are not sent yet. They stay on the phone after you sign out, shown only to you, and are sent when you sign in again; another officer signing in on this phone neither sees nor sends them. Sign out?',
      signOutConfirm: 'Sign out',
      cancel: 'Cancel',
      signedOutKept: 'Signed out. The {{count}} unsent cases are kept on this phone.',
    },
  },
};
