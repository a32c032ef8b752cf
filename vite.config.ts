import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { inlineBootScript } from './scripts/inline-boot-script';
import { prerenderFirstScreen } from './scripts/prerender-first-screen';
import { precompress } from './scripts/precompress';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  server: {
    // `npm run dev` talks to a server started with `PORT=8080 npm start`.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // bench/ reads the manifest to weigh the initial route.
    manifest: true,
    // Only the entry's own imports are preloaded (index.html). A lazy chunk's
    // imports are fetched when it is: a <link rel=modulepreload> per
    // dependency of every import() made at start (49 of them) had Chromium
    // fetch and compile each at once, in long tasks right after the first
    // paint — Lighthouse's TBT 189–962 ms against 4–43 ms without (BENCHMARKS.md).
    modulePreload: {
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
    rollupOptions: {
      // Lazy chunks by hash alone: the first chunk lists every lazy chunk's file
      // for preloading, and names there are bytes on the first screen.
      output: { chunkFileNames: 'assets/c-[hash].js' },
    },
  },
  plugins: [
    inlineBootScript(),
    // The first screen's markup in index.html: it paints before any JavaScript.
    prerenderFirstScreen(),
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'service-worker',
      filename: 'sw.ts',
      injectRegister: null,
      registerType: 'prompt',
      injectManifest: {
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,otf}'],
      },
      manifest: {
        id: '/',
        name: '快处 Kuaichu',
        short_name: '快处',
        description: '道路交通事故现场快速处理 — quick handling of minor road accidents',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#0b57d0',
        background_color: '#f6f8fa',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
    // Last: brotli and gzip siblings of every text file, sw.js included (scripts/precompress.ts).
    precompress(),
  ],
});
