const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The same text as one flat string. Text built by joining is kept by JavaScript as a tree of its
 * pieces, walked again each time it is joined into more text and encoded: text that a report
 * writes on every row is worth flattening once. (A lone surrogate would not survive the round
 * trip through UTF-8; such a text is kept as it is.)
 */
export function flat(text: string): string {
  const copy = decoder.decode(encoder.encode(text));
  return copy === text ? copy : text;
}
