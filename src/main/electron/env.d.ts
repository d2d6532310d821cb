// electron-vite's import suffixes used by the shell: `?nodeWorker`, `?asset`.
/// <reference types="electron-vite/node" />
