// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import i18n from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import type { AssessmentUploadsView, PickedPhoto } from '../../services/useAssessmentUploads';
import { refusalOf } from '../../services/useAssessmentUploads';
import { setupI18n } from '../../ui/i18n/setup';
import { AssessmentPhotoPicker } from './AssessmentPhotoPicker';
import { insurerMessages } from './messages';

beforeAll(async () => {
  await setupI18n([insurerMessages], 'zh-CN');
});
afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('zh-CN');
});

const photo = (key: string, change: Partial<PickedPhoto>): PickedPhoto => ({
  key,
  name: `${key}.jpg`,
  url: `blob:${key}`,
  status: 'uploading',
  sent: 0,
  total: 1000,
  ...change,
});

function uploadsWith(
  photos: PickedPhoto[],
  refused: ReturnType<AssessmentUploadsView['add']> = [],
) {
  return {
    photos,
    add: vi.fn(() => refused),
    remove: vi.fn(),
    retry: vi.fn(),
    hashes: [],
    pending: photos.some((p) => p.status === 'uploading'),
    failed: photos.some((p) => p.status === 'failed'),
  } satisfies AssessmentUploadsView;
}

describe('AssessmentPhotoPicker', () => {
  it('shows each photo with its progress, retries a failed one and removes one, axe-clean', async () => {
    const uploads = uploadsWith([
      photo('a', { sent: 400 }),
      photo('b', { status: 'done', sent: 1000 }),
      photo('c', { status: 'failed', failure: 'offline' }),
    ]);
    render(<AssessmentPhotoPicker uploads={uploads} errors={[]} />);
    const [first, second, third] = screen.getAllByTestId('assess-photo');
    expect(within(first!).getByText('正在上传 40%')).toBeTruthy();
    expect(within(first!).getByRole('progressbar', { name: '定损照片 1 上传进度' })).toBeTruthy();
    expect(within(second!).getByText('已上传')).toBeTruthy();
    expect(within(third!).getByRole('alert').textContent).toMatch(/^上传失败：/);
    fireEvent.click(within(third!).getByRole('button', { name: '重新上传定损照片 3' }));
    expect(uploads.retry).toHaveBeenCalledWith('c');
    fireEvent.click(within(second!).getByRole('button', { name: '移除定损照片 2' }));
    expect(uploads.remove).toHaveBeenCalledWith('b');
    expect(screen.getByRole('img', { name: '定损照片 2' }).getAttribute('src')).toBe('blob:b');
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });

  it('takes picked files, and says which it refused and why, in English too', async () => {
    const uploads = uploadsWith([], [{ name: 'scan.gif', reason: 'type' }]);
    render(<AssessmentPhotoPicker uploads={uploads} errors={['照片还在上传']} />);
    await i18n.changeLanguage('en');
    expect(screen.getByRole('button', { name: 'Take a photo' })).toBeTruthy();
    const file = new File([new Uint8Array([1])], 'scan.gif', { type: 'image/gif' });
    fireEvent.change(screen.getByTestId('assess-photo-input'), { target: { files: [file] } });
    expect(uploads.add).toHaveBeenCalledWith([file]);
    expect(
      await screen.findByText('“scan.gif” is not a JPEG, PNG or WebP photo: not added.'),
    ).toBeTruthy();
    expect(screen.getByText('照片还在上传')).toBeTruthy();
  });

  it('refuses a file of another type, an empty or oversized one, and a 13th', () => {
    const jpeg = (size: number) =>
      new File([new Uint8Array(size)], 'p.jpg', { type: 'image/jpeg' });
    expect(refusalOf(jpeg(10), 0)).toBeUndefined();
    expect(refusalOf(new File(['x'], 'p.gif', { type: 'image/gif' }), 0)).toBe('type');
    expect(refusalOf(jpeg(0), 0)).toBe('size');
    expect(refusalOf(jpeg(10), 12)).toBe('too-many');
  });
});
