// Lint, and the layering of ../shared/ARCHITECTURE.md as rules:
// renderer -> shared, main -> shared, preload -> shared; shared imports nothing of Node,
// Electron, the DOM or the database; only the Electron shell imports 'electron'.
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'url', 'stream'];

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const rendererPatterns = [
  { group: ['**/main/**', '@main/*'], message: 'The renderer never imports the main side: call window.archive.' },
  { group: ['**/preload/**'], message: 'The renderer reaches the preload only through window.archive.' },
  { group: ['electron', 'electron/*', ...nodeBuiltins, 'better-sqlite3*', 'kysely'], message: 'The renderer is a web page: no Node, Electron or database.' },
];

// Features contribute, the shell collects: a feature imports app/ (not its shell), api/
// and shared, never the shell and never another feature. Every folder under
// features/ gets the rule, so a new domain is covered without editing this file.
const FEATURES_DIR = 'src/renderer/src/features';
const features = readdirSync(new URL(`./${FEATURES_DIR}/`, import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const featureRules = features.map((feature) => {
  const others = features.filter((other) => other !== feature);
  return {
    files: [`${FEATURES_DIR}/${feature}/**/*.{ts,tsx}`],
    rules: restrict([
      ...rendererPatterns,
      {
        regex: `(^|/)app/(shell(/|$)|App$|Providers$)`,
        message: 'A feature never imports the shell: it exports what it contributes from its index.ts, and reads the others through app/contributions.',
      },
      ...(others.length === 0
        ? []
        : [
            {
              regex: `^(\\.\\./)+(${others.join('|')})(/|$)|(^|/)features/(?!${feature}(/|$))`,
              message: `A feature never imports another feature's files: move what both need to app/ or src/shared.`,
            },
          ]),
    ]),
  };
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'build/**', 'test-results/**', 'bench-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict([
      { group: ['electron', 'electron/*', ...nodeBuiltins], message: 'src/shared is pure TypeScript: no Node or Electron.' },
      { group: ['better-sqlite3*', 'kysely', 'kysely/*'], message: 'src/shared knows no database.' },
      { group: ['react', 'react-dom', 'react/*', '@mantine/*'], message: 'src/shared knows no UI.' },
      { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared imports only src/shared.' },
    ]),
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: restrict(rendererPatterns),
  },
  ...featureRules,
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict([
      { group: ['**/main/**', '**/renderer/**'], message: 'The preload imports only src/shared and electron.' },
    ]),
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**', 'src/main/index.ts'],
    rules: restrict([
      { group: ['electron', 'electron/*'], message: "Only src/main/electron and src/main/index.ts import 'electron': the rest is plain Node." },
      { group: ['**/renderer/**', '**/preload/**'], message: 'The main side never imports the renderer or preload.' },
    ]),
  },
  {
    files: ['src/main/electron/**/*.ts', 'src/main/index.ts'],
    rules: restrict([{ group: ['**/renderer/**'], message: 'The main side never imports the renderer.' }]),
  },
);
