import type { MessageBundle } from '../../ui/i18n/setup';

const zh = {
  review: {
    intro: '事故中队审核路勤民警按简易程序处理并发送的案件，并接手分流时移交事故中队的案件。',
    can: {
      read: '查看本大队路勤民警发送的案件：现场照片、当事人与车辆、责任认定和双方签字。',
      decide: '审核通过，或退回补充并写明需要补充的内容。',
      takeOver: '接手分流时不适用简易程序、移交事故中队的案件（“1+1”）。',
    },
    coming: {
      list: '手机上的待审核案件列表和案件详情。',
      actions: '“审核通过”和“退回补充”按钮，退回原因直接显示在民警手机上。',
    },
    meanwhile: '这些页面将在后续版本中提供。在此之前，审核通过服务器的接口完成，请联系大队管理员。',
  },
};

export const reviewMessages: MessageBundle<typeof zh> = {
  'zh-CN': zh,
  en: {
    review: {
      intro:
        'The accident squad reviews the cases patrol officers handled by the simplified procedure and sent, and takes over the cases triage handed to it.',
      can: {
        read: 'Read the cases your brigade’s patrol officers sent: scene photos, parties and vehicles, the liability determination and both signatures.',
        decide: 'Approve a case, or return it with what must be added.',
        takeOver:
          'Take over the cases triage found unfit for the simplified procedure and handed to the accident squad (“1+1”).',
      },
      coming: {
        list: 'The list of cases to review and each case’s details on this phone.',
        actions:
          '“Approve” and “Return for more” buttons; the reason for a return shows on the officer’s phone.',
      },
      meanwhile:
        'These screens come in a later version. Until then reviews are made through the server’s interface; ask your brigade administrator.',
    },
  },
};
