import { z } from 'zod';

/**
 * Characters a plain web address never holds unencoded, and that would break out of a link or an
 * attribute where the address is printed (Markdown, HTML): whitespace and control characters,
 * quotes, angle brackets, backticks and backslashes.
 */
const UNSAFE = /[\s\u0000-\u001f\u007f"'<>`\\]/;

/** True for an absolute http(s) address with a host, written plainly (see UNSAFE). */
export function isPlainWebAddress(text: string): boolean {
  if (UNSAFE.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A citation's `url`: a plain http(s) address, as a reader would paste it into a browser. */
export const WebAddress = z
  .url({ protocol: /^https?$/, abort: true })
  .refine(isPlainWebAddress, 'must be a plain http(s) address, with no spaces, quotes or angle brackets');
