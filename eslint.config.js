// Lint rules, and the import zones of docs/ARCHITECTURE.md: each zone says in
// words why an import is refused, so the message teaches the architecture.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

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

/** @param {string[]} groups @param {string} message */
const forbid = (groups, message) => ({ group: groups, message, allowTypeImports: false });

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
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              ['**/app/**', '**/server/**'],
              'Features may not import the composition root or the server.',
            ),
            forbid(
              ['leaflet', 'react-leaflet'],
              'Only src/features/map/LeafletMap.tsx imports leaflet (it loads lazily).',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/features/map/LeafletMap.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              [
                '**/features/**',
                '**/app/**',
                '**/storage/**',
                '**/sync/**',
                '**/api/**',
                '**/server/**',
              ],
              'src/ui is presentational: it takes data by props.',
            ),
          ],
        },
      ],
    },
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
              'server/ may import only src/domain and src/contracts (docs/ARCHITECTURE.md).',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['service-worker/**/*.ts'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ['scripts/**', 'tests/**', 'bench/**', '*.config.*', '**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-console': 'off' },
  },
  prettier,
);
