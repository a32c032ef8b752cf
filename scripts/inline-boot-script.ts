/**
 * Inlines a boot script into index.html where the marker comment stands: the
 * theme's day/night choice (src/ui/theme-boot.js) must run before the first
 * paint, and as a file it was a render-blocking request on a slow link before
 * anything showed. Comments are dropped; the server allows the inline script
 * by its SHA-256 (server/security-headers.ts `inlineScriptHashes`), so the
 * Content-Security-Policy still runs no other inline script.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** The script's text as inlined: comment lines and blank lines dropped. */
export function bootScriptText(source: string): string {
  return source
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '' && !/^\s*(\/\/|\/\*.*\*\/\s*$)/.test(line))
    .join('\n');
}

/** Replaces `<!-- inline: <file> -->` in index.html with `<script>` + the file's text. */
export function inlineBootScript(): Plugin {
  return {
    name: 'kuaichu:inline-boot-script',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes('<!-- inline: ')) throw new Error('index.html: no <!-- inline: … -->');
        return html.replace(
          /<!-- inline: (\S+) -->/g,
          (_, file: string) => `<script>${bootScriptText(readFileSync(file, 'utf8'))}</script>`,
        );
      },
    },
  };
}
