// The preload: `window.archive.call(request)` over the one channel, nothing else. Runs
// sandboxed (CommonJS, bundled). A method not in the contract never leaves the page; the
// main side checks the sender and everything else again, because the page is untrusted.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL, isMethodName, type ArchiveBridge, type CallRequest } from '../shared/contract';
import type { Envelope } from '../shared/contract/errors';

const bridge: ArchiveBridge = {
  call(request: CallRequest): Promise<Envelope<unknown>> {
    const { session, method, input } = (request ?? {}) as Partial<CallRequest>;
    if (!isMethodName(method)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'no such method' } });
    }
    return ipcRenderer.invoke(CHANNEL, { session: session ?? null, method, input }) as Promise<Envelope<unknown>>;
  },
};

contextBridge.exposeInMainWorld('archive', bridge);
