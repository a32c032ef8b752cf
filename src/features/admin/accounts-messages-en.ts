/** The words of the admin's accounts, units and phones screens in English (zh-CN, the source of keys, is in accounts-messages.ts). */
import type { AccountsMessages } from './accounts-messages';

export const accountsEn: AccountsMessages = {
  accounts: {
    links: {
      title: 'Accounts, units and phones',
      accounts: 'Accounts',
      units: 'Units',
      devices: 'Enrolled phones',
    },
    title: 'Accounts',
    intro:
      'Create accounts for officers, reviewers, insurer staff and administrators; disable the account of someone who left; set a new password when one is forgotten.',
    form: {
      title: 'New account',
      username: 'Username',
      usernameHint: 'Used to sign in: 3–32 lower-case letters, digits, dot, dash or underscore',
      displayName: 'Name',
      role: 'Role',
      unit: 'Unit',
      unitHint:
        'An officer belongs to a patrol squad or rural station, a reviewer to an accident squad',
      insurer: 'Insurer',
      password: 'First password',
      passwordHint: 'At least 10 characters; tell it to the person face to face',
      choose: 'Choose',
      submit: 'Create account',
      sending: 'Saving…',
      created: 'Account created for {{name}} ({{username}}).',
    },
    list: {
      title: 'All accounts ({{count}})',
      none: 'No accounts yet.',
      enabled: 'Enabled',
      disabled: 'Disabled',
      disable: 'Disable',
      enable: 'Enable',
      disableFor: 'Disable the account of {{name}}',
      enableFor: 'Enable the account of {{name}}',
      reset: 'New password',
      resetFor: 'Set a new password for {{name}}',
      newPassword: 'New password for {{name}}',
      saveReset: 'Save the new password',
      cancel: 'Cancel',
      disabledDone: 'The account of {{name}} is disabled; every sign-in of it has ended.',
      enabledDone: 'The account of {{name}} is enabled; they need to sign in again.',
      resetDone: 'New password set for {{name}}; every sign-in of the account has ended.',
    },
    error: {
      required: 'Required',
      invalid: 'This is not valid',
      tooLong: 'Too long',
      usernamePattern: 'Use 3–32 lower-case letters, digits, dot, dash or underscore',
      usernameTaken: 'This username is taken: choose another',
      unitRequired: 'Choose the unit',
      unitKind:
        'An officer belongs to a patrol squad or rural station, a reviewer to an accident squad',
      insurerRequired: 'Choose the insurer',
      passwordShort: 'Use at least 10 characters',
      passwordWeak:
        'Too easy to guess (repeated characters, a common password, a keyboard row or the username): choose another',
      brigadeRequired: 'Choose the brigade',
      unitNameTaken: 'The brigade already has a unit of this name',
    },
    refusal: {
      cannot_disable_self: 'You cannot disable your own account.',
      last_admin: 'This is the last enabled administrator: create another administrator first.',
    },
    units: {
      title: 'Units',
      intro:
        'The brigade’s patrol squads, accident squads and rural persuasion stations. Once a unit exists, officers or reviewers can be created in it.',
      listTitle: 'Units of {{brigade}}',
      none: 'This brigade has no units yet.',
      members: '{{count}} accounts',
      kind: {
        'patrol-squad': 'Patrol squad',
        'accident-squad': 'Accident squad',
        'rural-station': 'Rural persuasion station',
      },
      form: {
        title: 'New unit',
        brigade: 'Brigade',
        name: 'Unit name',
        kind: 'Kind',
        submit: 'Create unit',
        created: '{{name}} created.',
      },
    },
    devices: {
      title: 'Enrolled phones',
      intro:
        'An officer’s phone must be enrolled to send cases. When a phone is lost or replaced, revoke its enrolment: everything it sends afterwards is refused; cases already received are not affected.',
      none: 'No phones are enrolled yet.',
      owner: '{{name}} ({{username}})',
      unknownOwner: 'Account {{id}}',
      enrolled: 'Enrolled {{time}}',
      active: 'In use',
      revokedAt: 'Revoked {{time}}',
      revoke: 'Revoke',
      revokeFor: 'Revoke the enrolment of “{{label}}”',
      confirmText:
        'Once revoked, this phone can no longer send cases, and this cannot be undone. Revoke “{{label}}”?',
      confirm: 'Revoke now',
      cancel: 'Cancel',
      revoked: 'The enrolment of “{{label}}” is revoked.',
    },
  },
};
