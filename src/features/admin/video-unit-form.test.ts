import { describe, expect, it } from 'vitest';
import {
  EMPTY_VIDEO_DRAFT,
  checkRadius,
  checkVideoDraft,
  type VideoDraft,
} from './video-unit-form';

const good: VideoDraft = {
  code: ' SF-001 ',
  name: ' 人民南路口 ',
  latitude: '30.6595',
  longitude: '104.0655',
  facing: 'S',
  retentionDays: '30',
};

describe('the video unit form', () => {
  it('makes the request from what was typed, trimmed and as numbers', () => {
    expect(checkVideoDraft(good)).toEqual({
      ok: true,
      value: {
        code: 'SF-001',
        name: '人民南路口',
        latitude: 30.6595,
        longitude: 104.0655,
        facing: 'S',
        retentionDays: 30,
      },
    });
  });

  it('names every blank field as required', () => {
    expect(checkVideoDraft({ ...EMPTY_VIDEO_DRAFT, retentionDays: '' })).toEqual({
      ok: false,
      problems: {
        code: 'required',
        name: 'required',
        latitude: 'required',
        longitude: 'required',
        retentionDays: 'required',
      },
    });
  });

  it.each([
    ['code', '路口1'],
    ['latitude', '91'],
    ['longitude', '东经104'],
    ['retentionDays', '2.5'],
    ['retentionDays', '0'],
  ] as const)('says %s is wrong when it is %s', (field, value) => {
    expect(checkVideoDraft({ ...good, [field]: value })).toEqual({
      ok: false,
      problems: { [field]: 'invalid' },
    });
  });

  it('takes a radius of whole metres from 100 to 20,000', () => {
    expect(['2000', ' 150 ', '99', '20001', '1.5', ''].map(checkRadius)).toEqual([
      2000,
      150,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
