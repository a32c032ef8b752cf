import type { LenientAdminMessages } from './lenient-messages';

export const lenientAdminEn: LenientAdminMessages = {
  lenientAdmin: {
    title: 'Warning instead of a fine: the list',
    link: 'Warning list of {{name}}',
    intro:
      'A driver whose plate or licence is from outside the region may get a warning and education instead of a fine for a minor violation on this list. The officer sees the suggestion when telling the parties the violations, and confirms it or gives the reason it does not apply. Once saved, officers’ phones fetch the new version when next online and use the one they have offline.',
    starter: 'In force: the list Kuaichu ships with (not changed yet, no region set).',
    version: 'In force: version {{version}}.',
    region: 'The brigade’s region',
    platePrefixes: 'Local plate prefixes',
    platePrefixesHint:
      'The province abbreviation and the issuing letter, separated by spaces or commas, e.g. 川A 川G',
    licenceAreaCodes: 'Local licence area codes',
    licenceAreaCodesHint:
      'The administrative-division code a licence number (the resident ID number) begins with: 2, 4 or 6 digits, e.g. 5101',
    item: 'Item {{n}}',
    field: {
      id: 'Id',
      zh: 'Violation (Chinese)',
      en: 'Violation (English)',
      basis: 'Legal basis',
    },
    idHint: 'Lower-case letters, digits and hyphens, e.g. seat-belt',
    basisHint:
      'One per line: the law’s name, then the article, e.g. 中华人民共和国道路交通安全法 第51条',
    remove: 'Remove item {{n}}',
    add: 'Add an item',
    problem: {
      required: 'Fill in “{{field}}”.',
      invalid: '“{{field}}” is not in the right form.',
      tooLong: '“{{field}}” is too long.',
    },
    duplicate: 'Each item needs its own id.',
    tooMany: 'The list holds at most 100 items.',
    save: 'Save the list',
    saved: 'Saved as version {{version}}.',
  },
};
