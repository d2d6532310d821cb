// The recovery code copied in the setup wizard leaves no trace on the clipboard: cleared
// after 60 seconds, or at once when the wizard's step is left.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSecretClipboard, SECRET_CLIPBOARD_MS } from '../../src/renderer/src/features/setup/secretClipboard';

const CODE = '0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ';

/** A clipboard like the browser's: readText may be refused (Electron denies clipboard-read). */
function fakeClipboard(readable = true) {
  let text = 'earlier text';
  return {
    get text() {
      return text;
    },
    set(value: string) {
      text = value;
    },
    writeText: vi.fn(async (value: string) => {
      text = value;
    }),
    readText: vi.fn(async () => {
      if (!readable) throw new DOMException('denied', 'NotAllowedError');
      return text;
    }),
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the recovery code on the clipboard', () => {
  it('is there after copying, and gone 60 seconds later', async () => {
    const clipboard = fakeClipboard();
    const secret = createSecretClipboard(clipboard);
    await secret.copy(CODE);
    expect(clipboard.text).toBe(CODE);
    await vi.advanceTimersByTimeAsync(SECRET_CLIPBOARD_MS - 1);
    expect(clipboard.text).toBe(CODE);
    await vi.advanceTimersByTimeAsync(1);
    expect(clipboard.text).toBe('');
    expect(SECRET_CLIPBOARD_MS).toBe(60_000);
  });

  it('is gone at once when the step is left', async () => {
    const clipboard = fakeClipboard();
    const secret = createSecretClipboard(clipboard);
    await secret.copy(CODE);
    await secret.dispose();
    expect(clipboard.text).toBe('');
    await vi.advanceTimersByTimeAsync(SECRET_CLIPBOARD_MS);
    expect(clipboard.writeText).toHaveBeenCalledTimes(2); // the copy and one clearing, no more
  });

  it('copied twice: the 60 seconds count from the last copy', async () => {
    const clipboard = fakeClipboard();
    const secret = createSecretClipboard(clipboard);
    await secret.copy(CODE);
    await vi.advanceTimersByTimeAsync(40_000);
    await secret.copy(CODE);
    await vi.advanceTimersByTimeAsync(40_000);
    expect(clipboard.text).toBe(CODE);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(clipboard.text).toBe('');
  });

  it('what the user copied since is left alone where the clipboard can be read', async () => {
    const clipboard = fakeClipboard();
    const secret = createSecretClipboard(clipboard);
    await secret.copy(CODE);
    clipboard.set('the user’s own text');
    await vi.advanceTimersByTimeAsync(SECRET_CLIPBOARD_MS);
    expect(clipboard.text).toBe('the user’s own text');
  });

  it('where the clipboard cannot be read, it is cleared anyway', async () => {
    const clipboard = fakeClipboard(false);
    const secret = createSecretClipboard(clipboard);
    await secret.copy(CODE);
    await secret.dispose();
    expect(clipboard.text).toBe('');
  });

  it('never copied: leaving the step does not touch the clipboard', async () => {
    const clipboard = fakeClipboard();
    await createSecretClipboard(clipboard).dispose();
    expect(clipboard.text).toBe('earlier text');
    expect(clipboard.writeText).not.toHaveBeenCalled();
  });
});
