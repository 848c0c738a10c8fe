/**
 * What a writer hands on: text, bytes, or a few of them in order. Bytes let a decision's JSON be
 * encoded once and written many times, instead of re-encoding kilobytes of text on every row.
 */
export type Chunk = string | Uint8Array | readonly (string | Uint8Array)[];
