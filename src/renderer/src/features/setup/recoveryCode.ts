/** The recovery code as people copy it down: 8 groups of 4, joined by dashes. */
export function formatRecoveryCode(code: string): string {
  const plain = code.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return plain.match(/.{1,4}/g)?.join('-') ?? plain;
}
