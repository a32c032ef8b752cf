/**
 * Prerenders the app's first screen into index.html at build: `#root` gets
 * the markup src/app/first-screen.tsx renders with react-dom/server (the
 * header and the case list's frame in zh-CN), inside a `.first-screen`
 * wrapper (`display: contents`: no box of its own) that the inlined boot
 * script (src/app/first-screen-boot.js) hides where it is not the page's.
 * The first screen so paints with the HTML and the stylesheet; React's first
 * commit replaces it with the same markup (main.tsx). The components are
 * loaded through tsx, as the tests load them, with the app's tsconfig.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import type * as FirstScreen from '../src/app/first-screen';

export const ROOT_ELEMENT = '<div id="root"></div>';

/** `#root` with the first screen in it, as the built index.html has it. */
export function rootWithFirstScreen(markup: string): string {
  return `<div id="root"><div class="first-screen">${markup}</div></div>`;
}

export function prerenderFirstScreen(): Plugin {
  let root = process.cwd();
  return {
    name: 'kuaichu:prerender-first-screen',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        if (!html.includes(ROOT_ELEMENT)) throw new Error(`index.html: no ${ROOT_ELEMENT}`);
        const { tsImport } = await import('tsx/esm/api');
        const module = (await tsImport(
          pathToFileURL(resolve(root, 'src/app/first-screen.tsx')).href,
          { parentURL: import.meta.url, tsconfig: resolve(root, 'tsconfig.app.json') },
        )) as typeof FirstScreen;
        return html.replace(ROOT_ELEMENT, rootWithFirstScreen(module.firstScreenHtml()));
      },
    },
  };
}
