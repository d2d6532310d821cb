// What happens to one `window.archive.call` arriving over IPC, before and after the host:
// sender check first, then the shape of the request, the method against the contract,
// the shell's own methods answered here, the rest relayed to the host. Pure: Electron
// reaches it through `SenderInfo` and the functions it is given, so it is unit-tested.
import { contract, isMethodName, type MethodName } from '../../shared/contract';
import type { Envelope, ErrorBody, FieldIssue } from '../../shared/contract/errors';
import { isTrustedSender, type SenderInfo, type TrustedPage } from './security';

/** Longest session token accepted before the host sees it (the host's are far shorter). */
const MAX_SESSION_LENGTH = 256;

export interface ShellMethods {
  /** The folder the host serves now. */
  currentDir(): string;
  /** Show the folder dialog; the folder picked, or null when cancelled. */
  pickFolder(): Promise<string | null>;
  /** Remember the folder and restart the host on it. */
  useFolder(dir: string): Promise<void>;
}

export interface CallHandlerDeps {
  /** Read at every call: the window may have been re-created. */
  trustedPage(): TrustedPage;
  shell: ShellMethods;
  host: { call(session: string | null, method: string, input: unknown): Promise<Envelope<unknown>> };
  /** The session of the last well-formed call from our page (the shell's own audit notes use it). */
  onSession?(session: string): void;
}

export type CallHandler = (sender: SenderInfo, request: unknown) => Promise<Envelope<unknown>>;

const refuse = (error: ErrorBody): Envelope<unknown> => ({ ok: false, error });

interface WellFormedRequest {
  session: string | null;
  method: MethodName;
  input: unknown;
}

function parseRequest(request: unknown): WellFormedRequest | ErrorBody {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return { code: 'VALIDATION', message: 'a call is { session, method, input }' };
  }
  const { session, method, input } = request as Record<string, unknown>;
  const extra = Object.keys(request).filter((k) => k !== 'session' && k !== 'method' && k !== 'input');
  if (extra.length > 0) return { code: 'VALIDATION', message: 'a call is { session, method, input }' };
  if (!isMethodName(method)) return { code: 'UNKNOWN_METHOD', message: 'no such method' };
  if (session !== null && (typeof session !== 'string' || session.length === 0 || session.length > MAX_SESSION_LENGTH)) {
    return { code: 'VALIDATION', message: 'session must be a token or null' };
  }
  return { session, method, input };
}

function validationIssues(issues: { path: PropertyKey[]; code: string; message: string }[]): FieldIssue[] {
  return issues.slice(0, 50).map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    code: i.code,
    message: i.message,
  }));
}

/**
 * Choosing the archive folder: anyone before setup (the first screen), afterwards only an
 * administrator, asked of the host (`archive.chooseFolder`, permission users.manage) before
 * the dialog opens and again with the folder before the switch — both on record, a refusal
 * too. Before setup there is no log to record in.
 */
async function chooseFolder(session: string | null, deps: CallHandlerDeps): Promise<Envelope<unknown>> {
  const status = await deps.host.call(null, 'archive.status', {});
  if (!status.ok) return status;
  const initialized = (status.value as { initialized?: unknown }).initialized === true;
  if (initialized) {
    const asked = await deps.host.call(session, 'archive.chooseFolder', { dir: null });
    if (!asked.ok) return asked;
  }
  const dir = await deps.shell.pickFolder();
  if (!dir) return { ok: true, value: null };
  if (initialized && dir !== deps.shell.currentDir()) {
    const recorded = await deps.host.call(session, 'archive.chooseFolder', { dir });
    if (!recorded.ok) return recorded;
  }
  await deps.shell.useFolder(dir);
  return { ok: true, value: { dir } };
}

async function answerShell(method: MethodName, session: string | null, input: unknown, deps: CallHandlerDeps): Promise<Envelope<unknown>> {
  const parsed = contract[method].input.safeParse(input);
  if (!parsed.success) {
    return refuse({ code: 'VALIDATION', message: 'the input is not valid', details: validationIssues(parsed.error.issues) });
  }
  switch (method) {
    case 'shell.capabilities':
      return { ok: true, value: { chooseFolder: true, runtime: 'electron' } };
    case 'shell.chooseFolder':
      return chooseFolder(session, deps);
    default:
      return refuse({ code: 'UNKNOWN_METHOD', message: 'the desktop shell does not answer this method' });
  }
}

export function createCallHandler(deps: CallHandlerDeps): CallHandler {
  return async (sender, request) => {
    // Nothing is read from an untrusted sender's message, not even the method name.
    if (!isTrustedSender(sender, deps.trustedPage())) {
      return refuse({ code: 'FORBIDDEN', message: 'calls are accepted only from the archive window' });
    }
    const parsed = parseRequest(request);
    if ('code' in parsed) return refuse(parsed);
    if (parsed.session !== null) deps.onSession?.(parsed.session);
    try {
      if (contract[parsed.method].handledBy === 'shell') return await answerShell(parsed.method, parsed.session, parsed.input, deps);
      return await deps.host.call(parsed.session, parsed.method, parsed.input);
    } catch {
      return refuse({ code: 'INTERNAL', message: 'internal error; nothing was changed' });
    }
  };
}
