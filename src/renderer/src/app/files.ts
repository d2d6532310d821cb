// Files the user picks or chooses to save, in memory only: read into base64 for a call,
// decoded from base64 into a Blob for showing or saving. Nothing here writes to disk on
// its own: saving is an <a download> the user asked for.

/** A picked file's bytes as canonical base64 (what the host's strict decoder accepts). */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.onload = () => {
      const url = String(reader.result);
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : '');
    };
    reader.readAsDataURL(file);
  });
}

/** Base64 to bytes, in the page's memory. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Save bytes the user asked to save (a template), through the browser's own download. */
export function saveBase64(base64: string, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: mime }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // The download has its own copy once started.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
