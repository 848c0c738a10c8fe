/** `'0'` … `'999'`, and the same three digits wide (`'007'`), made once. */
const PLAIN = Array.from({ length: 1000 }, (_, i) => String(i));
const THREE = PLAIN.map((digits) => digits.padStart(3, '0'));

/**
 * A line number as text, as `String(n)` writes it. A report writes a new number on every row,
 * and JavaScript keeps the text of numbers it converts in a cache, where a million of them
 * would outlive young objects and pile up in the old generation until a full collection (tens
 * of megabytes over a large audit); put together from text made once, they do not.
 */
export function decimal(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) return String(n);
  if (n < 1000) return PLAIN[n]!;
  const high = Math.floor(n / 1000);
  return decimal(high) + THREE[n - high * 1000]!;
}
