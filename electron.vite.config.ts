// Build of the three Electron parts (see ../shared/ARCHITECTURE.md "Native module, two runtimes").
// - main (with the archive host's worker): ESM (package.json "type": "module"). Pure-JS
//   dependencies (kysely, zod, uuid) are bundled, so the worker loads nothing but its own
//   chunks and the driver. better-sqlite3-multiple-ciphers stays external: it is a native
//   addon, and the shell hands it the Electron build via `nativeBinding`.
// - preload: one CommonJS file with everything bundled: a sandboxed preload can require
//   only 'electron', never a relative file or an npm package.
// - renderer: a web page (React + Mantine) rooted at src/renderer.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import postcssPresetMantine from 'postcss-preset-mantine';
import postcssSimpleVars from 'postcss-simple-vars';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src/main/index.ts') },
        external: ['better-sqlite3-multiple-ciphers'],
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot load npm packages: bundle zod and the contract in.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'src/renderer/index.html') },
      },
    },
    plugins: [
      react(),
      {
        // `npm run dev` only: React Refresh injects an inline script and talks to the dev
        // server over a WebSocket. The built page keeps the strict policy of index.html.
        name: 'dev-server-csp',
        apply: 'serve',
        transformIndexHtml: (html: string) =>
          html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws:"),
      },
    ],
    css: {
      postcss: {
        plugins: [
          postcssPresetMantine(),
          postcssSimpleVars({
            variables: {
              'mantine-breakpoint-xs': '36em',
              'mantine-breakpoint-sm': '48em',
              'mantine-breakpoint-md': '62em',
              'mantine-breakpoint-lg': '75em',
              'mantine-breakpoint-xl': '88em',
            },
          }),
        ],
      },
    },
  },
});
