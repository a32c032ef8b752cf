// @vitest-environment jsdom
/**
 * The admin's newer screens in English, as an English-reading admin meets
 * them: adding an insurer (a taken code said on its field) and a brigade's
 * base map (a refused tile host said on the template field), each with no
 * axe violation.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import { adminPath, errorBody, renderAdminAt } from '../../../tests/builders/webhooks.builder';
import { accountMessages } from '../../services/account-messages';
import { setupI18n } from '../../ui/i18n/setup';
import { tileSourceMessages } from '../../ui/map/tile-source-messages';
import { AdminScreens } from './AdminScreens';
import { adminMessages } from './messages';

const server = setupServer();
const BRIGADE = '0190a000-0000-7000-8000-0000000000b1';

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await setupI18n([adminMessages, accountMessages, tileSourceMessages], 'en');
  await Promise.all([import('./NewInsurer'), import('./TileSourceScreen')]);
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  history.replaceState(null, '', '/');
});
afterAll(() => server.close());

describe('the admin’s screens in English', () => {
  it('adding an insurer: a code another insurer has is said on the code field', async () => {
    const sent: unknown[] = [];
    server.use(
      http.post(adminPath('/insurers'), async ({ request }) => {
        sent.push(await request.json());
        return errorBody(409, 'insurer_code_taken');
      }),
    );
    renderAdminAt('/admin/insurers/new', AdminScreens);
    await screen.findByRole('heading', { level: 1, name: 'Add an insurer' });
    fireEvent.change(screen.getByLabelText('Full company name'), {
      target: { value: 'China United' },
    });
    fireEvent.change(screen.getByLabelText('Company code'), { target: { value: 'picc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await screen.findByText('Company code: another insurer has this code; choose another.');
    expect(sent).toEqual([{ name: 'China United', code: 'PICC' }]);
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });

  it('a brigade’s base map: a host outside TILE_HOSTS is said on the template field', async () => {
    server.use(
      http.get(adminPath(`/brigades/${BRIGADE}/tile-source`), () =>
        HttpResponse.json({ version: 0, updatedAt: null, source: null }),
      ),
      http.put(adminPath(`/brigades/${BRIGADE}/tile-source`), () =>
        errorBody(400, 'tile_host_not_allowed'),
      ),
    );
    renderAdminAt(`/admin/brigades/${BRIGADE}/tiles`, AdminScreens);
    await screen.findByText('In force: none set; phones use OpenStreetMap.');
    fireEvent.click(screen.getByLabelText('Custom'));
    fireEvent.change(screen.getByLabelText('Tile URL template'), {
      target: { value: 'https://tiles.example.gov.cn/{z}/{x}/{y}.png' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save base map' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Tile URL template').getAttribute('aria-invalid')).toBe('true'),
    );
    expect(document.body.textContent).toContain(
      'Tile URL template: the server does not let its pages load tiles from this address',
    );
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });
});
