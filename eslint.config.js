// Lint rules, and the import zones of docs/ARCHITECTURE.md: each zone says in
// words why an import is refused, so the message teaches the architecture.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import path from 'node:path';

const browserOnly = [
  'react',
  'react-dom',
  'react-dom/*',
  'dexie',
  'dexie-react-hooks',
  'idb-keyval',
  'leaflet',
  'react-leaflet',
  'workbox-*',
  'i18next',
  'react-i18next',
];

/**
 * A folder pattern ending in `/**` forbids the folder itself too (`../storage`,
 * its index), which the glob alone lets through. Not for `server`: it has no
 * index, and the bare form would match `react-dom/server`.
 * @param {string} g
 */
const withFolder = (g) =>
  g.endsWith('/**') && !g.endsWith('/server/**') ? [g, g.slice(0, -3)] : [g];

/** @param {string[]} groups @param {string} message */
const forbid = (groups, message) => ({
  group: groups.flatMap(withFolder),
  message,
  allowTypeImports: false,
});

/**
 * Features never import each other (docs/ARCHITECTURE.md): a relative import
 * from src/features/<a>/ that lands in src/features/<b>/, static or dynamic,
 * is refused. A glob cannot say "another feature" at every depth, so the
 * path is resolved.
 * @type {import('eslint').Rule.RuleModule}
 */
const featureBoundaries = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      otherFeature:
        'src/features/{{own}} may not import src/features/{{other}}: features never import each other. Move what both need to src/ui (presentational), src/services (operations and hooks) or src/domain (rules), or let src/app compose them (src/features/README.md).',
    },
  },
  create(context) {
    const inRepo = (/** @type {string} */ file) =>
      path.relative(context.cwd, file).split(path.sep).join('/');
    const own = /^src\/features\/([^/]+)\//.exec(inRepo(context.filename))?.[1];
    if (!own) return {};
    /** @param {import('estree').Node} node @param {unknown} source */
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = inRepo(path.resolve(path.dirname(context.filename), source));
      const other = /^src\/features\/([^/.]+)(\/|$)/.exec(target)?.[1];
      if (other && other !== own) {
        context.report({ node, messageId: 'otherFeature', data: { own, other } });
      }
    };
    return {
      ImportDeclaration: (n) => check(n.source, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n.source, n.source.value),
      ExportAllDeclaration: (n) => check(n.source, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n.source, n.source.value),
    };
  },
};

/** What a feature may not import, with why. */
const featureImports = [
  forbid(
    ['**/app/**', '**/server/**'],
    'Features may not import the composition root or the server.',
  ),
  forbid(
    ['**/storage/**'],
    'Screens call named operations, never storage: use (or add) a hook or function in src/services (e.g. useCaseStep), which saves through the repositories and reports the status.',
  ),
  forbid(
    ['dexie', 'dexie-react-hooks', 'idb-keyval'],
    'Screens do not touch the device database: live queries and storage belong in src/services hooks (useCase, useCaseStatuses …), which read through src/storage.',
  ),
];

/** What src/ui may not import (leaflet apart: src/ui/map/LeafletMap.tsx may). */
const uiImports = [
  forbid(
    ['**/features/**', '**/app/**', '**/storage/**', '**/sync/**', '**/api/**', '**/server/**'],
    'src/ui is presentational: it takes data by props.',
  ),
];

const leafletOnce =
  'Only src/ui/map/LeafletMap.tsx imports leaflet: draw a map with it, loaded with React.lazy so the library never weighs on a first screen.';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'bench/results', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              [
                ...browserOnly,
                'fastify',
                'kysely',
                'better-sqlite3',
                'node:*',
                'fs',
                'path',
                'crypto',
                'uuid',
              ],
              'src/domain is the pure core: only zod may be imported. Pass time, ids and I/O in as arguments (docs/ARCHITECTURE.md).',
            ),
            forbid(
              [
                '**/storage/**',
                '**/api/**',
                '**/sync/**',
                '**/platform/**',
                '**/media/**',
                '**/features/**',
                '**/ui/**',
                '**/app/**',
                '**/contracts/**',
                '**/server/**',
              ],
              'src/domain may not import other layers: it is the core everything else depends on (docs/ARCHITECTURE.md).',
            ),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/domain runs without a DOM.' },
        { name: 'document', message: 'src/domain runs without a DOM.' },
        { name: 'localStorage', message: 'src/domain runs without a DOM.' },
        { name: 'indexedDB', message: 'src/domain has no storage: use src/storage.' },
        { name: 'fetch', message: 'src/domain does no I/O: use src/api.' },
        {
          name: 'navigator',
          message: 'src/domain runs without a DOM: use a port in src/platform.',
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'src/domain takes time as an argument (STYLE.md rule 5).',
        },
        {
          object: 'Math',
          property: 'random',
          message: 'src/domain takes ids and randomness as arguments (STYLE.md rule 5).',
        },
      ],
    },
  },
  {
    files: ['src/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              [...browserOnly, 'fastify', 'kysely', 'better-sqlite3'],
              'src/contracts holds wire schemas only: zod and src/domain.',
            ),
            forbid(
              [
                '**/storage/**',
                '**/api/**',
                '**/sync/**',
                '**/features/**',
                '**/ui/**',
                '**/app/**',
                '**/server/**',
              ],
              'src/contracts may import only src/domain.',
            ),
          ],
        },
      ],
    },
  },
  {
    // The documents both the phone and the server print (the determination PDF):
    // they run in a browser and in Node, so neither's libraries, and no I/O.
    files: ['src/documents/**/*.ts'],
    ignores: ['src/documents/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              [...browserOnly, 'fastify', 'kysely', 'better-sqlite3', 'node:*', 'fs', 'path'],
              'src/documents runs on the phone and on the server: pdf-lib, fontkit and qrcode, no browser or Node library. Take fonts and images in as bytes (docs/ARCHITECTURE.md).',
            ),
            forbid(
              [
                '**/storage/**',
                '**/api/**',
                '**/sync/**',
                '**/platform/**',
                '**/media/**',
                '**/services/**',
                '**/features/**',
                '**/ui/**',
                '**/app/**',
                '**/server/**',
              ],
              'src/documents may import only src/domain and src/contracts: the server prints with it too (docs/ARCHITECTURE.md).',
            ),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'src/documents does no I/O: take the bytes as an argument.' },
        { name: 'window', message: 'src/documents runs on the server too: no DOM.' },
        { name: 'document', message: 'src/documents runs on the server too: no DOM.' },
      ],
    },
  },
  {
    files: [
      'src/storage/**/*.ts',
      'src/api/**/*.ts',
      'src/sync/**/*.ts',
      'src/platform/**/*.ts',
      'src/media/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              ['react', 'react-dom', 'react-dom/*', 'react-i18next'],
              'This layer has no React: the UI reaches it through hooks in src/features.',
            ),
            forbid(
              ['**/features/**', '**/ui/**', '**/app/**'],
              'Lower layers may not import the UI (docs/ARCHITECTURE.md).',
            ),
            forbid(['**/server/**'], 'Browser code may not import server code.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    plugins: { kuaichu: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: {
      'kuaichu/feature-boundaries': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [...featureImports, forbid(['leaflet', 'react-leaflet'], leafletOnce)],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...uiImports, forbid(['leaflet', 'react-leaflet'], leafletOnce)] },
      ],
    },
  },
  {
    files: ['src/ui/map/LeafletMap.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: uiImports }] },
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid([...browserOnly], 'server/ runs in Node: browser libraries do not belong here.'),
            forbid(
              [
                '**/src/app/**',
                '**/src/features/**',
                '**/src/storage/**',
                '**/src/sync/**',
                '**/src/ui/**',
                '**/src/api/**',
                '**/src/platform/**',
                '**/src/media/**',
              ],
              'server/ may import only src/domain, src/contracts and src/documents (docs/ARCHITECTURE.md).',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/services/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              ['**/features/**', '**/app/**', '**/server/**'],
              'src/services serves the screens: it may not import a feature, the composition root or the server.',
            ),
            forbid(
              ['dexie', 'idb-keyval'],
              'src/services reaches the device database through src/storage (repositories and device settings), never Dexie or idb-keyval directly.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['service-worker/**/*.ts'],
    languageOptions: { globals: { ...globals.serviceworker } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              [
                'react',
                'react-dom',
                'react-dom/*',
                'react-i18next',
                'i18next',
                'leaflet',
                'react-leaflet',
              ],
              'service-worker/ has no UI: it precaches, routes and wakes the page.',
            ),
            forbid(
              ['dexie', 'dexie-react-hooks', 'idb-keyval'],
              'service-worker/ keeps no data of its own: the outbox runs in the page, the worker only wakes it (docs/ARCHITECTURE.md).',
            ),
            forbid(
              [
                '**/src/app/**',
                '**/src/features/**',
                '**/src/services/**',
                '**/src/ui/**',
                '**/src/storage/**',
                '**/src/sync/**',
                '**/src/api/**',
                '**/src/platform/**',
                '**/src/media/**',
                '**/server/**',
              ],
              'service-worker/ may import workbox-*, src/contracts and src/domain only (docs/ARCHITECTURE.md).',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'tests/**', 'bench/**', '*.config.*', '**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-console': 'off' },
  },
  prettier,
);
