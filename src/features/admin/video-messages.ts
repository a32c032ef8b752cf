/**
 * Words of the admin's roadside video units screen (`videoUnits.*`), zh-CN and
 * English; the compass points are the case screens' (`footage.facings.*`,
 * src/services/footage-messages.ts), loaded with them.
 */
import type { MessageBundle } from '../../ui/i18n/setup';

const zh = {
  videoUnits: {
    title: '路侧视频点位',
    link: '{{name}}的路侧视频点位',
    intro:
      '大队登记的路口视频点位。民警手机联网时取得点位清单，离线时也能在案件页面看到事故地点附近的点位，并在联网时申请调取视频。',
    radius: {
      title: '查找范围',
      field: '案件附近多少米内的点位（米）',
      hint: '100 至 20000 米，默认 2000 米。',
      invalid: '“查找范围”应为 100 至 20000 之间的整数（米）。',
      save: '保存查找范围',
      saved: '已保存：{{metres}} 米内。',
    },
    listTitle: '已登记的点位',
    none: '还没有登记视频点位。',
    inUse: '使用中',
    outOfUse: '已停用',
    place: '纬度 {{lat}}，经度 {{lon}}',
    edit: '编辑',
    editFor: '编辑 {{name}}',
    disable: '停用',
    disableFor: '停用 {{name}}',
    enable: '重新启用',
    enableFor: '重新启用 {{name}}',
    form: {
      addTitle: '登记新点位',
      editTitle: '编辑点位 {{code}}',
      add: '登记点位',
      save: '保存修改',
      cancel: '取消编辑',
      added: '已登记：{{name}}。',
      saved: '已保存：{{name}}。',
    },
    field: {
      code: '点位编号',
      name: '名称（路口或路段）',
      latitude: '纬度（度）',
      longitude: '经度（度）',
      facing: '朝向',
      retentionDays: '视频保存天数',
    },
    hint: {
      code: '字母、数字、- 或 _，最多 24 个，例如 SF-001；本大队内不能重复。',
      latitude: '例如 30.6595',
      longitude: '例如 104.0655',
      retentionDays: '1 至 365 天。超过保存期的视频无法再调取。',
    },
    problem: {
      required: '请填写“{{field}}”。',
      code: '“点位编号”只能用字母、数字、- 或 _，最多 24 个。',
      name: '“名称”最多 60 个字。',
      latitude: '“纬度”应为 -90 至 90 之间的数。',
      longitude: '“经度”应为 -180 至 180 之间的数。',
      facing: '请选择“朝向”。',
      retentionDays: '“视频保存天数”应为 1 至 365 之间的整数。',
      taken: '本大队已有编号为该值的点位。',
    },
  },
};

export const videoMessages: MessageBundle<typeof zh> = {
  'zh-CN': zh,
  en: {
    videoUnits: {
      title: 'Roadside video units',
      link: 'Roadside video units of {{name}}',
      intro:
        'The brigade’s video units at junctions. Officers’ phones get the list when online; offline the case screen still lists the units near the accident, and footage is requested once online.',
      radius: {
        title: 'Search radius',
        field: 'Units within how many metres of a case',
        hint: '100 to 20,000 metres; 2,000 unless set.',
        invalid: '“Search radius” must be a whole number of metres from 100 to 20,000.',
        save: 'Save the radius',
        saved: 'Saved: within {{metres}} m.',
      },
      listTitle: 'Registered units',
      none: 'No video unit registered yet.',
      inUse: 'In use',
      outOfUse: 'Out of use',
      place: 'Latitude {{lat}}, longitude {{lon}}',
      edit: 'Edit',
      editFor: 'Edit {{name}}',
      disable: 'Take out of use',
      disableFor: 'Take out of use: {{name}}',
      enable: 'Put back in use',
      enableFor: 'Put back in use: {{name}}',
      form: {
        addTitle: 'Register a unit',
        editTitle: 'Edit unit {{code}}',
        add: 'Register the unit',
        save: 'Save the changes',
        cancel: 'Cancel editing',
        added: 'Registered: {{name}}.',
        saved: 'Saved: {{name}}.',
      },
      field: {
        code: 'Unit code',
        name: 'Name (junction or road)',
        latitude: 'Latitude (degrees)',
        longitude: 'Longitude (degrees)',
        facing: 'Facing',
        retentionDays: 'Days footage is kept',
      },
      hint: {
        code: 'Letters, digits, - or _, at most 24, e.g. SF-001; unique in the brigade.',
        latitude: 'e.g. 30.6595',
        longitude: 'e.g. 104.0655',
        retentionDays: '1 to 365 days. Footage older than this cannot be requested.',
      },
      problem: {
        required: 'Fill in “{{field}}”.',
        code: '“Unit code” takes letters, digits, - or _ only, at most 24.',
        name: '“Name” takes at most 60 characters.',
        latitude: '“Latitude” must be a number from -90 to 90.',
        longitude: '“Longitude” must be a number from -180 to 180.',
        facing: 'Choose “Facing”.',
        retentionDays: '“Days footage is kept” must be a whole number from 1 to 365.',
        taken: 'The brigade already has a unit with this code.',
      },
    },
  },
};
