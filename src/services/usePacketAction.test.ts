// @vitest-environment jsdom
import { cleanup, renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { aClaim, INSURED_VEHICLE, PACKET_ID } from '../../tests/builders/packet.builder';
import { reviewerSession, servicesWith } from '../../tests/builders/review.builder';
import { usePacketAction } from './usePacketAction';

const server = setupServer();
const at = (path: string) => `${location.origin}${path}`;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

/** Answers each POST in turn with `answers`; records the paths and bodies. */
function serve(...answers: (() => Response)[]) {
  const sent: { path: string; body: Record<string, unknown> }[] = [];
  server.use(
    http.post(at('/api/packets/:id/:action'), async ({ request }) => {
      sent.push({
        path: new URL(request.url).pathname,
        body: (await request.json()) as Record<string, unknown>,
      });
      return (answers.shift() ?? (() => HttpResponse.json(aClaim())))();
    }),
  );
  return sent;
}

function hook() {
  let n = 0;
  const ids = () => `0190a000-0000-7000-8000-00000000010${++n}`;
  return renderHook(() => usePacketAction(PACKET_ID, ids), {
    wrapper: servicesWith(reviewerSession().store),
  }).result;
}

const ASSESSMENT = {
  vehicles: [{ vehicleId: INSURED_VEHICLE, amountYuan: 3200.5 }],
  assessor: '王定损',
};

describe('usePacketAction', () => {
  it('posts the body with a request id to the step’s path and answers the claim', async () => {
    const sent = serve(() => HttpResponse.json(aClaim({ state: 'assessed' })));
    const result = hook();
    const outcome = await result.current.send('assessment', ASSESSMENT);
    expect(outcome).toMatchObject({ kind: 'done', claim: { state: 'assessed' } });
    expect(sent).toEqual([
      {
        path: `/api/packets/${PACKET_ID}/assessment`,
        body: { ...ASSESSMENT, requestId: '0190a000-0000-7000-8000-000000000101' },
      },
    ]);
  });

  it('sends a retry after no answer with the same request id, and the next submission with a new one', async () => {
    const sent = serve(
      () => HttpResponse.error(),
      () => HttpResponse.json(aClaim()),
    );
    const result = hook();
    expect(await result.current.send('acknowledge', { note: '已联系' })).toEqual({
      kind: 'failed',
      failure: 'offline',
    });
    expect((await result.current.send('acknowledge', { note: '已联系' })).kind).toBe('done');
    await result.current.send('acknowledge', { note: '已联系' });
    const ids = sent.map((s) => s.body['requestId']);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[1]);
  });

  it('names a withdrawn packet and a step its state does not allow', async () => {
    serve(
      () =>
        HttpResponse.json({ error: { code: 'withdrawn', message: 'replaced' } }, { status: 409 }),
      () =>
        HttpResponse.json(
          { error: { code: 'invalid_transition', message: 'no', details: { status: 'paid' } } },
          { status: 409 },
        ),
    );
    const result = hook();
    expect(await result.current.send('acknowledge', {})).toEqual({
      kind: 'failed',
      failure: 'withdrawn',
    });
    const payout = { amountYuan: 1, paidOn: '2026-12-06', reference: 'R1' };
    expect(await result.current.send('payout', payout)).toEqual({
      kind: 'failed',
      failure: 'invalid-transition',
    });
  });

  it('sends nothing more while a step is on its way', async () => {
    const sent = serve();
    const result = hook();
    const [first, second] = await Promise.all([
      result.current.send('acknowledge', {}),
      result.current.send('acknowledge', {}),
    ]);
    expect(first.kind).toBe('done');
    expect(second).toEqual({ kind: 'busy' });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
  });
});
