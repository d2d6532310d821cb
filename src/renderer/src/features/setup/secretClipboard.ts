import { useEffect, useMemo, useState } from 'react';

/** How long a secret copied to the clipboard stays there. */
export const SECRET_CLIPBOARD_MS = 60_000;

/** The part of `navigator.clipboard` used here (readText may be refused: then clear anyway). */
export interface ClipboardLike {
  writeText(text: string): Promise<void>;
  readText?(): Promise<string>;
}

export interface SecretClipboard {
  copy(text: string): Promise<void>;
  /** Clear now if our text may still be there (the step is left). */
  dispose(): Promise<void>;
}

/**
 * A secret (the recovery code) on the clipboard for a minute at most: cleared 60 s after the
 * last copy, or at once on dispose. Where the clipboard can be read, what the user copied
 * since is left alone.
 */
export function createSecretClipboard(clipboard: ClipboardLike): SecretClipboard {
  let copied: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const clear = async () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (copied === null) return;
    const ours = copied;
    copied = null;
    let current: string | null = null;
    try {
      current = clipboard.readText ? await clipboard.readText() : null;
    } catch {
      current = null; // not readable (Electron refuses clipboard-read): clear it anyway
    }
    if (current !== null && current !== ours) return;
    try {
      await clipboard.writeText('');
    } catch {
      // Nothing more can be done from the page; the warning beside the code says to take care.
    }
  };

  return {
    async copy(text) {
      await clipboard.writeText(text);
      copied = text;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => void clear(), SECRET_CLIPBOARD_MS);
    },
    dispose: clear,
  };
}

/** The recovery code's copy button: copied for a minute, cleared when the step unmounts. */
export function useSecretClipboard(): { copy(text: string): Promise<void>; copied: boolean } {
  const secret = useMemo(() => createSecretClipboard(navigator.clipboard), []);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    const leave = () => void secret.dispose();
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      void secret.dispose();
    };
  }, [secret]);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return {
    copied,
    async copy(text) {
      await secret.copy(text);
      setCopied(true);
    },
  };
}
