/// <reference types="vite/client" />
import type { ArchiveBridge } from '../../shared/contract';

declare global {
  interface Window {
    /** Provided by the preload (desktop app) or the browser host's bridge script; absent otherwise. */
    archive?: ArchiveBridge;
  }
}

export {};
