/** The brigade administrator's words in English (zh-CN, the source of keys, is in messages.ts). */
import type { AdminMessages } from './messages';

export const adminEn: AdminMessages = {
  admin: {
    intro:
      'The brigade administrator keeps the accounts and settings the brigade needs for Kuaichu.',
    can: {
      accounts:
        'Create accounts for officers, reviewers and insurer staff, disable accounts, set new passwords.',
      devices: 'See the officers’ enrolled phones, and revoke a lost phone’s enrolment.',
      units: 'Create and see the squads and rural stations; see the insurers.',
      delivery:
        'Register each insurer’s delivery addresses and signing secrets, see what was delivered and send a delivery again.',
      dashboard:
        'See the brigade’s five-fast times and case counts on the Dashboard (figures and case numbers only, never what a case holds).',
    },
    coming: {
      settings:
        'The brigade’s other settings: which cases need review before packets go out, five-fast targets, the lenient enforcement list, video units.',
    },
    failure: {
      'signed-out': 'Your sign-in has expired. Sign in again, then try again.',
      offline: 'The server cannot be reached. Check the network and try again.',
      forbidden: 'This account may not do that.',
      'not-found': 'The server does not have it; it may have been removed.',
      refused: 'The server refused this address.',
      'endpoint-disabled': 'This delivery address is disabled. Enable it first, then send again.',
      conflict: 'Things changed on the server. Reload, then try again.',
      busy: 'The last action is still on its way. Wait a moment.',
      invalid: 'The server found something wrong in what was filled in.',
      server: 'The server failed. Try again in a moment.',
    },
    retry: 'Try again',
    loading: 'Loading…',
    back: 'Brigade administration',
    delivery: {
      title: 'Insurer delivery',
      intro:
        'Once a case is approved, Kuaichu delivers the claim packet to the addresses an insurer registered, each delivery signed with that address’s secret.',
      insurerCode: 'Code {{code}}',
      none: 'There are no insurers yet.',
      noEndpoints: 'No delivery address registered yet.',
      endpointsFailed: 'The delivery addresses could not be read: {{reason}}',
      register: 'Register a delivery address',
      registerFor: 'Register a delivery address for {{insurer}}',
      endpoints: 'Delivery addresses of {{insurer}}',
      open: 'See deliveries',
      counts: 'Pending {{pending}} · Delivered {{delivered}} · Failed {{failed}}',
      overlapUntil:
        'Secret rotation overlap until {{time}}: the previous secret still signs until then',
      noDescription: '(no description)',
    },
    insurerForm: {
      open: 'Add an insurer',
      title: 'Add an insurer',
      name: 'Full company name',
      nameHint: 'e.g. China United Property Insurance Co., Ltd.',
      code: 'Company code',
      codeHint:
        'The code the parties’ policies name this company by: 2–20 capital letters, digits, - or _, e.g. PICC.',
      submit: 'Add',
      submitting: 'Adding…',
      done: '{{name}} added (code {{code}}).',
      error: {
        nameRequired: 'Full company name: required.',
        nameTooLong: 'Full company name: too long, at most 80 characters.',
        nameInvalid: 'Full company name: contains characters that cannot be used.',
        codeRequired: 'Company code: required.',
        codeInvalid:
          'Company code: 2–20 capital letters, digits, - or _, starting with a letter, e.g. PICC.',
        codeTaken: 'Company code: another insurer has this code; choose another.',
      },
    },
    tiles: {
      title: 'Base map',
      link: 'Base map of {{name}}',
      intro:
        'The base map of this brigade’s officers’ phones (unless an officer set his own in Settings). Phones fetch it when online and use it offline afterwards. The tile server must be one this system’s server allows (TILE_HOSTS).',
      none: 'In force: none set; phones use OpenStreetMap.',
      version: 'In force: version {{version}}.',
      save: 'Save base map',
      saved: 'Saved as version {{version}}; officers’ phones fetch it when next online.',
      hostRefused:
        'Tile URL template: the server does not let its pages load tiles from this address (not in TILE_HOSTS). Use an allowed address, or ask the system’s operator to add it to TILE_HOSTS.',
    },
    state: {
      enabled: 'Enabled',
      gone: 'Disabled: the receiver answered 410, the address no longer exists',
      admin: 'Disabled by an administrator',
      since: ' (since {{time}})',
    },
    form: {
      title: 'Register a delivery address',
      insurer: 'Insurer: {{name}}',
      url: 'Delivery address (URL)',
      urlHint:
        'The address the insurer gave, starting with https://, e.g. https://claims.example.com/kuaichu',
      description: 'Description (optional)',
      descriptionHint: 'E.g. production, test. At most 200 characters.',
      allowPrivate: 'Allow a private address',
      privateWarning:
        'Risk: when ticked, the server sends claim packets to private, loopback or link-local addresses (and plain http:// is allowed). A wrong address could send case data to another system on the brigade’s network. Tick it only when the insurer must receive over a private line or network, and check the address.',
      submit: 'Register',
      submitting: 'Registering…',
      error: {
        urlRequired: 'Delivery address: enter the address the insurer gave.',
        urlInvalid:
          'Delivery address: not a valid web address; it starts with https://, e.g. https://claims.example.com/kuaichu.',
        urlTooLong: 'Delivery address: too long, at most 2000 characters.',
        urlHttps:
          'Delivery address: must start with https://; http:// only when a private address is allowed.',
        urlRefused:
          'Delivery address: the server refused it — it points to a private, loopback or link-local address and “Allow a private address” is not ticked, or it does not resolve. Check the address.',
        descriptionTooLong: 'Description: too long, at most 200 characters.',
        descriptionInvalid: 'Description: holds characters that cannot be used.',
      },
      done: '{{url}} is registered.',
      view: 'See this delivery address',
    },
    secret: {
      title: 'Signing secret',
      label: 'Secret',
      once: 'This secret is shown this once: it will not be shown again after you leave this page, and the server cannot show it again. Copy it now and give it to the insurer by a safe channel; they verify each delivery’s signature with it.',
      copy: 'Copy the secret',
      copied: 'Copied to the clipboard.',
      copyFailed: 'It could not be copied for you. Select the secret above and copy it.',
    },
    endpoint: {
      title: 'Delivery address',
      insurer: 'Insurer',
      url: 'Address',
      description: 'Description',
      state: 'State',
      private: 'Private address',
      privateYes: 'Allowed',
      privateNo: 'Not allowed',
      created: 'Registered',
      counts: 'Deliveries',
      overlap: 'Previous secret signs until',
    },
    rotate: {
      title: 'Rotate the signing secret',
      intro:
        'The new secret signs at once; during the overlap the previous one signs too, so the insurer has time to switch.',
      hours: 'Overlap (hours)',
      hoursHint: '0 to 168 hours (7 days); 24 by default.',
      hoursError: 'Overlap: enter a whole number of hours from 0 to 168.',
      submit: 'Rotate the secret',
      submitting: 'Rotating…',
      done: 'The secret is rotated.',
    },
    enable: {
      title: 'Enable and disable',
      enabledNote: 'Once disabled, new deliveries no longer go to this address.',
      disabledNote:
        'Once enabled again, new deliveries go to this address; failed ones are not resent by this — send them again one by one below.',
      disable: 'Disable this address',
      enable: 'Enable again',
      disabled: 'This address is disabled.',
      enabled: 'This address is enabled again.',
    },
    deliveries: {
      title: 'Deliveries',
      filter: 'State',
      all: 'All',
      none: 'No delivery matches.',
      list: 'Deliveries, newest first',
      heading: '{{event}} · {{caseNumber}}',
      webhookId: 'webhook-id',
      created: 'Created',
      deliveredAt: 'Delivered',
      next: 'Next attempt',
      caption: 'Attempts ({{count}} in all)',
      noAttempts: 'Not tried yet.',
      attempt: 'No.',
      time: 'Time',
      result: 'Result',
      duration: 'Took',
      ms: '{{ms}} ms',
      status: 'HTTP {{status}}',
      noAnswer: 'No answer',
      replay: 'Send again',
      replayFor: 'Send the delivery of {{caseNumber}} again',
      replayed: 'Queued again; it goes with the same webhook-id.',
    },
    brigades: {
      title: 'Call-back target',
      intro:
        'An insurer is to call back within the target after its packet arrives; a packet past it and not called back shows red for the insurer and the accident squad.',
      settings: 'Brigade settings',
      overdue: 'Packets overdue for a call-back',
      screenIntro:
        'Set each brigade’s call-back target for insurers, when its packets are made, its five-fast targets, and its officers’ phone lock and PIN requirement.',
      none: 'There is no brigade yet.',
      minutes: 'Call-back target (minutes)',
      minutesHint:
        'From the packet’s arrival to the insurer’s call-back: whole minutes, 1 to 1440 (a day).',
      packetsOn: 'When packets are made',
      on: {
        review: 'Once the accident squad approved the case',
        signed: 'Once the parties signed and the case arrived',
      },
      save: 'Save',
      saveFor: 'Save the settings of {{name}}',
      saving: 'Saving…',
      saved: 'Saved: call-back target {{minutes}} minutes.',
      error: {
        minutesRequired: 'Fill in “Call-back target (minutes)”.',
        minutesWhole: '“Call-back target (minutes)” must be whole minutes, such as 10.',
        minutesRange: '“Call-back target (minutes)” must be from 1 to 1440 minutes.',
      },
    },
    deliveryState: {
      pending: 'Pending',
      delivered: 'Delivered',
      failed: 'Failed',
      disabled: 'Address disabled',
    },
    event: {
      packetCreated: 'Claim packet',
      packetUpdated: 'Claim packet updated',
      caseReturned: 'Case returned',
    },
  },
};
