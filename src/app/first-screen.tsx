/**
 * The first screen as the build prerenders it into index.html
 * (scripts/prerender-first-screen.ts): what React's first commit draws at `/`
 * for an officer (or a phone signed out) in zh-CN, the default language — the
 * header and the case list's frame with its loading line — so it paints with
 * the HTML and the stylesheet, before any JavaScript. React then replaces it
 * with the same markup (createRoot, main.tsx); first-screen.test.tsx holds the
 * two equal.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { RoleFrame, ScreenFrame, SyncChipSlot } from './RoleFrame';

/** The path the first screen is drawn for; elsewhere the boot script hides it. */
export const FIRST_SCREEN_PATH = '/';

/** The first screen's markup (`#root`'s content). */
export function firstScreenHtml(): string {
  return renderToStaticMarkup(
    <RoleFrame
      path={FIRST_SCREEN_PATH}
      role="officer"
      online
      updateReady={null}
      syncChip={<SyncChipSlot />}
    >
      <ScreenFrame path={FIRST_SCREEN_PATH} role="officer" />
    </RoleFrame>,
  );
}
