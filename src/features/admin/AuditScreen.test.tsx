// @vitest-environment jsdom
/**
 * The admin's audit log: the chain's verdict (intact with its head hash, or
 * its first break in words), a search sent with only the filled filters, its
 * entries with the hidden keys named, the next page appended, and a bad
 * filter said on its field with nothing sent.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import { adminPath, listHandlers, renderAdminAt } from '../../../tests/builders/webhooks.builder';
import type { AuditEvent, AuditVerification } from '../../contracts/audit';
import { accountMessages } from '../../services/account-messages';
import { overdueMessages } from '../../services/overdue-messages';
import { setupI18n } from '../../ui/i18n/setup';
import { accountsMessages } from './accounts-messages';
import { AdminScreens } from './AdminScreens';
import { adminMessages } from './messages';

const server = setupServer();
const queries: string[] = [];
const event = (id: number, change: Partial<AuditEvent> = {}): AuditEvent => ({
  id,
  at: '2026-12-01T16:01:00.000Z',
  actor: '0190a000-0000-7000-8000-0000000000f1',
  actorName: '张伟（zhang.wei）',
  action: 'case.amended',
  subject: '0190a000-0000-7000-8000-00000000ca5e',
  details: { version: 2 },
  hidden: ['reason'],
  ...change,
});

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await setupI18n([adminMessages, accountMessages, overdueMessages, accountsMessages], 'zh-CN');
  await import('./AuditScreen');
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  queries.length = 0;
});
afterAll(() => server.close());

function audit(verdict: AuditVerification) {
  server.use(
    ...listHandlers({}),
    http.get(adminPath('/audit/verification'), () => HttpResponse.json(verdict)),
    http.get(adminPath('/audit'), ({ request }) => {
      const search = new URL(request.url).search;
      queries.push(search);
      return search.includes('before=')
        ? HttpResponse.json({
            events: [event(1, { action: 'case.received', hidden: [] })],
            next: null,
          })
        : HttpResponse.json({ events: [event(2)], next: '2' });
    }),
  );
}

describe('the audit log', () => {
  it('says the chain is intact, searches with the filled filters and pages back', async () => {
    audit({ ok: true, count: 42, headHash: 'f'.repeat(64), breaks: [] });
    renderAdminAt('/admin/audit', AdminScreens);
    expect((await screen.findByTestId('audit-verdict')).textContent).toContain(
      '审计链完整：共 42 条记录',
    );
    fireEvent.change(screen.getByLabelText('动作', { exact: false }), {
      target: { value: 'case.' },
    });
    fireEvent.click(screen.getByRole('button', { name: '查找' }));
    const first = await screen.findByTestId('audit-event');
    expect(within(first).getByText('#2 case.amended')).toBeTruthy();
    expect(within(first).getByText('操作人：张伟（zhang.wei）')).toBeTruthy();
    expect(within(first).getByText('未显示的文字内容：reason')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '更早的记录' }));
    await screen.findByText('#1 case.received');
    expect(queries).toEqual(['?action=case.', '?action=case.&before=2']);
    expect(screen.queryByRole('button', { name: '更早的记录' })).toBeNull();
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });

  it('names the first break in words', async () => {
    audit({
      ok: false,
      count: 42,
      headHash: 'f'.repeat(64),
      breaks: [{ at: 17, reason: 'hash_mismatch', message: 'event 17 altered' }],
    });
    renderAdminAt('/admin/audit', AdminScreens);
    const verdict = await screen.findByTestId('audit-verdict');
    expect(verdict.getAttribute('role')).toBe('alert');
    expect(verdict.textContent).toContain('最早一处在第 17 条记录');
    expect(verdict.textContent).toContain('第 17 条：记录内容被改动');
  });

  it('says a bad filter on its field and sends nothing', async () => {
    audit({ ok: true, count: 1, headHash: 'f'.repeat(64), breaks: [] });
    renderAdminAt('/admin/audit', AdminScreens);
    await screen.findByTestId('audit-verdict');
    const action = screen.getByLabelText('动作', { exact: false });
    fireEvent.change(action, { target: { value: 'DROP TABLE' } });
    fireEvent.click(screen.getByRole('button', { name: '查找' }));
    expect(action.getAttribute('aria-invalid')).toBe('true');
    expect(queries).toEqual([]);
  });
});
