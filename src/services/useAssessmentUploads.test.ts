// @vitest-environment jsdom
/**
 * The picked photos' state machine: the tus upload itself is src/api's
 * (tus-js-client runs its Node stack here, which msw cannot answer; the
 * server tests and the insurer's browser test drive it for real), so the
 * packet API is a stand-in answering as the upload would.
 */
import { createHash } from 'node:crypto';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PACKET_ID } from '../../tests/builders/packet.builder';
import { reviewerSession, servicesWith, TOKEN } from '../../tests/builders/review.builder';
import type { UploadAssessmentPhotoInput } from '../api';
import type * as PacketClient from './packet-client';
import { useAssessmentUploads } from './useAssessmentUploads';

const calls: { token: string; input: UploadAssessmentPhotoInput }[] = [];
let answers: ('ok' | 'server-error')[] = [];

vi.mock('./packet-client', async (original) => {
  const actual = await original<typeof PacketClient>();
  return {
    ...actual,
    packetApi: () => ({
      uploadAssessmentPhoto: (token: string, input: UploadAssessmentPhotoInput) => {
        calls.push({ token, input });
        input.onProgress?.(4, input.blob.size);
        const answer = answers.shift() ?? 'ok';
        return Promise.resolve(
          answer === 'ok'
            ? {
                ok: true,
                value: { sha256: input.sha256, byteLength: input.blob.size, created: true },
              }
            : { ok: false, failure: { kind: 'http', status: 500, message: 'x' } },
        );
      },
    }),
  };
});

const BYTES = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7, 6]);
const SHA = createHash('sha256').update(BYTES).digest('hex');
const jpeg = () => new File([BYTES], 'front.jpg', { type: 'image/jpeg' });

beforeAll(() => {
  URL.createObjectURL = () => 'blob:picked';
  URL.revokeObjectURL = () => undefined;
});
afterEach(() => {
  cleanup();
  calls.length = 0;
  answers = [];
});

const render = () =>
  renderHook(() => useAssessmentUploads(PACKET_ID), {
    wrapper: servicesWith(reviewerSession().store),
  });

describe('useAssessmentUploads', () => {
  it('uploads a picked photo for the packet and gives its hash to the assessment', async () => {
    const { result } = render();
    act(() => {
      const refused = result.current.add([jpeg(), new File(['x'], 'a.gif', { type: 'image/gif' })]);
      expect(refused).toEqual([{ name: 'a.gif', reason: 'type' }]);
    });
    expect(result.current.pending).toBe(true);
    await waitFor(() => expect(result.current.hashes).toEqual([SHA]));
    expect(result.current.pending).toBe(false);
    expect(calls.map((c) => [c.token, c.input.claimId, c.input.sha256, c.input.mediaType])).toEqual(
      [[TOKEN, PACKET_ID, SHA, 'image/jpeg']],
    );
  });

  it('says a failed upload failed, retries it on demand, and forgets a removed one', async () => {
    answers = ['server-error'];
    const { result } = render();
    act(() => void result.current.add([jpeg()]));
    await waitFor(() => expect(result.current.failed).toBe(true));
    expect(result.current.photos[0]).toMatchObject({ status: 'failed', failure: 'server' });
    expect(result.current.hashes).toEqual([]);
    act(() => result.current.retry(result.current.photos[0]!.key));
    await waitFor(() => expect(result.current.hashes).toEqual([SHA]));
    expect(calls).toHaveLength(2);
    act(() => result.current.remove(result.current.photos[0]!.key));
    expect(result.current.photos).toEqual([]);
    expect(result.current.hashes).toEqual([]);
  });
});
