import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { statusText } from './status-text';

/** A t that answers the key and its values, so the test reads which words were chosen. */
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key}${JSON.stringify(values)}` : key) as unknown as TFunction;

describe('statusText', () => {
  const progress = (bytesSent: number) => ({
    caseId: 'c',
    part: 'photo' as const,
    bytesSent,
    bytesTotal: 41_800,
  });

  it('says "waiting for a connection" for a case waiting offline, not "sending"', () => {
    const text = statusText(
      t,
      { kind: 'saved-on-phone', waitingForSignIn: false, waitingForNetwork: true },
      'zh-CN',
    );
    expect(text).toBe('outbox.status.waitingForNetwork');
  });

  it('shows bytes once some have moved, and no "0 B / …" before', () => {
    expect(statusText(t, { kind: 'sending', progress: progress(0) }, 'zh-CN')).toBe(
      'outbox.status.sendingStarted',
    );
    const moving = statusText(t, { kind: 'sending', progress: progress(20_900) }, 'zh-CN');
    expect(moving).toContain('outbox.status.sending');
    expect(moving).toContain('"sent":"20.4 KB"');
    expect(moving).toContain('"total":"40.8 KB"');
  });

  it('counts the whole case: the second photo goes on from the first, against the case’s total', () => {
    const second = { ...progress(10_240), caseBytesSent: 51_200, caseBytesTotal: 102_400 };
    const text = statusText(t, { kind: 'sending', progress: second }, 'zh-CN');
    expect(text).toContain('"sent":"50.0 KB"');
    expect(text).toContain('"total":"100.0 KB"');
  });
});
