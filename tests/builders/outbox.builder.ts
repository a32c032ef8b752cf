/** Outbox entries for planner tests: `anEntry('photo', 'c1').due(T0).failed(2).build()`. */
import type { Instant } from '../../src/domain';
import type { OutboxEntry, OutboxError, OutboxKind, OutboxStatus } from '../../src/domain/outbox';

export const T0: Instant = '2026-11-27T02:00:00.000Z';

/** `T0` moved by `ms`. */
export const at = (ms: number, from: Instant = T0): Instant =>
  new Date(Date.parse(from) + ms).toISOString();

export class EntryBuilder {
  private entry: OutboxEntry;

  constructor(
    kind: OutboxKind,
    caseId: string,
    entityId = kind === 'case' ? caseId : `${caseId}-p`,
  ) {
    this.entry = {
      key: `${kind}:${entityId}`,
      kind,
      entityId,
      caseId,
      status: 'pending',
      revision: 1,
      enqueuedAt: T0,
      updatedAt: T0,
      attempts: 0,
      nextAttemptAt: T0,
    };
  }

  /** Due at `when` (pending). */
  due(when: Instant): this {
    this.entry = { ...this.entry, nextAttemptAt: when };
    return this;
  }

  enqueued(when: Instant): this {
    this.entry = { ...this.entry, enqueuedAt: when, updatedAt: when };
    return this;
  }

  status(status: OutboxStatus, lastError?: OutboxError): this {
    this.entry = { ...this.entry, status, ...(lastError ? { lastError } : {}) };
    return this;
  }

  /** `attempts` failures so far (a backoff). */
  failed(attempts: number): this {
    this.entry = { ...this.entry, attempts };
    return this;
  }

  revision(revision: number): this {
    this.entry = { ...this.entry, revision };
    return this;
  }

  build(): OutboxEntry {
    return { ...this.entry };
  }
}

export const anEntry = (kind: OutboxKind, caseId: string, entityId?: string) =>
  new EntryBuilder(kind, caseId, entityId);
