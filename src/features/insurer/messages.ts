import type { MessageBundle } from '../../ui/i18n/setup';

const zh = {
  insurer: {
    intro: '保险公司接收涉及本公司承保车辆的快处案件，办理快赔。',
    can: {
      receive: '接收涉及本公司承保车辆的案件：责任认定书、现场照片、当事人和保单信息。',
      assess: '登记定损结果。',
      pay: '登记赔付。',
    },
    coming: {
      list: '手机上的理赔案件列表和理赔资料，可查看和下载责任认定书。',
      actions: '定损和赔付的登记页面。',
    },
    meanwhile:
      '这些页面将在后续版本中提供。在此之前，案件通过服务器的接口送达和登记，请联系本公司的系统对接人员。',
  },
};

export const insurerMessages: MessageBundle<typeof zh> = {
  'zh-CN': zh,
  en: {
    insurer: {
      intro:
        'An insurer receives the quick-handling cases involving vehicles it insures, and settles the claims quickly.',
      can: {
        receive:
          'Receive the cases involving vehicles your company insures: the liability determination, scene photos, parties and policies.',
        assess: 'Record the damage assessment.',
        pay: 'Record the payment.',
      },
      coming: {
        list: 'The list of claim cases and their documents on this phone, with the determination to read and download.',
        actions: 'Screens to record the assessment and the payment.',
      },
      meanwhile:
        'These screens come in a later version. Until then cases are delivered and recorded through the server’s interface; ask your company’s integration contact.',
    },
  },
};
