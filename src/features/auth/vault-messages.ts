import type { MessageBundle } from '../../ui/i18n/setup';

const zh = {
  vault: {
    lockedTitle: '本机已锁定',
    lockedIntro: '本机案件已加密保存。请输入您的 PIN 码解锁，离线也可以解锁。',
    pin: 'PIN 码',
    pinHint: '6–12 位数字',
    unlock: '解锁',
    unlocking: '正在解锁…',
    wrong_one: 'PIN 码不正确，还可以再试 {{count}} 次。',
    wrong_other: 'PIN 码不正确，还可以再试 {{count}} 次。',
    signInRequired: 'PIN 码错误次数过多。请联网后重新登录：登录后可重设 PIN 码，本机案件不会丢失。',
    signIn: '联网登录',
    setupTitle: '设置本机 PIN 码',
    setupIntro:
      '设置后，本机保存的案件（当事人身份证号、电话、号牌等）都加密存放；手机闲置 5 分钟或切换到其他应用时自动锁定，用 PIN 码解锁。设置时需要联网一次。',
    newPin: '新 PIN 码',
    repeatPin: '再次输入 PIN 码',
    setPin: '设置 PIN 码并加密',
    settingPin: '正在设置…',
    mismatch: '两次输入的 PIN 码不一致。',
    pinNotDigits: 'PIN 码只能是数字。',
    pinTooShort: 'PIN 码至少 {{min}} 位。',
    pinTooLong: 'PIN 码最多 {{max}} 位。',
    pinGuessable: '这个 PIN 码太容易猜到（如 123456、000000），请换一个。',
    offline: '设置 PIN 码需要联网一次，请联网后再试。本机案件不受影响。',
    notSignedIn: '请先登录，再设置 PIN 码。',
    server: '服务器没有给出密钥，请稍后再试。本机案件不受影响。',
    enabled: '本机加密已开启：案件加密保存，闲置 5 分钟或切换应用后锁定。',
    settingsTitle: '本机加密',
  },
};

export const vaultMessages: MessageBundle<typeof zh> = {
  'zh-CN': zh,
  en: {
    vault: {
      lockedTitle: 'This phone is locked',
      lockedIntro:
        'The cases on this phone are stored encrypted. Enter your PIN to unlock; it works offline too.',
      pin: 'PIN',
      pinHint: '6 to 12 digits',
      unlock: 'Unlock',
      unlocking: 'Unlocking…',
      wrong_one: 'Wrong PIN. {{count}} try left.',
      wrong_other: 'Wrong PIN. {{count}} tries left.',
      signInRequired:
        'Too many wrong PINs. Connect and sign in again: you can then set a new PIN, and no case on the phone is lost.',
      signIn: 'Sign in online',
      setupTitle: 'Set this phone’s PIN',
      setupIntro:
        'Once set, the cases on this phone (ID numbers, phone numbers, plates of the parties) are stored encrypted; the app locks after 5 minutes idle or when you switch apps, and your PIN unlocks it. Setting it needs the network once.',
      newPin: 'New PIN',
      repeatPin: 'PIN again',
      setPin: 'Set PIN and encrypt',
      settingPin: 'Setting…',
      mismatch: 'The two PINs differ.',
      pinNotDigits: 'A PIN has digits only.',
      pinTooShort: 'A PIN has at least {{min}} digits.',
      pinTooLong: 'A PIN has at most {{max}} digits.',
      pinGuessable: 'This PIN is too easy to guess (like 123456 or 000000): choose another.',
      offline: 'Setting a PIN needs the network once: connect and try again. No case is affected.',
      notSignedIn: 'Sign in first, then set your PIN.',
      server: 'The server gave no key: try again later. No case is affected.',
      enabled:
        'Encryption is on: cases are stored encrypted, and the app locks after 5 minutes idle or on switching apps.',
      settingsTitle: 'Encryption on this phone',
    },
  },
};
