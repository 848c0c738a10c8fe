import { Lexer } from 'yaml';

/**
 * How many YAML tokens (keys, values, punctuation, as yaml's lexer yields them) one rule or case
 * file may hold. Rule files hold one token per 4 to 6 bytes (a shipped file of 35 kB about 6,000),
 * so a 1 MiB file written like them at most about 260,000; past this limit is a flood of tiny
 * items (`[1,1,1,…]`, three tokens per two bytes) whose node tree would take seconds and hundreds
 * of megabytes to build, and is refused before the parser builds it.
 */
export const MAX_YAML_TOKENS = 300_000;

/**
 * True when the text holds more than `MAX_YAML_TOKENS` tokens. The lexer yields at most a few
 * tokens per two characters, so a short text is not scanned; a long one is scanned only up to
 * the limit, token by token, without building anything.
 */
export function exceedsTokenBudget(text: string): boolean {
  if (text.length * 2 < MAX_YAML_TOKENS) return false;
  let count = 0;
  for (const _ of new Lexer().lex(text)) if (++count > MAX_YAML_TOKENS) return true;
  return false;
}
