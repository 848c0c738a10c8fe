import { isUtf8 } from 'node:buffer';
import { Transform } from 'node:stream';
import type { RosterUnreadable } from '../domain/roster.js';
import { BytePositions, type TextPosition } from './byte-positions.js';

/** The first byte sequence that is not UTF-8, where it is, and what it says to someone fixing the file. */
export interface NotUtf8 extends TextPosition {
  message: string;
}

/**
 * Checks that a streamed input is UTF-8, piece by piece, and keeps where each byte is. A piece
 * may end inside a character: its first bytes wait for the rest in the next piece. At the first
 * invalid sequence (or a character the input ends inside) the check fails: `failure` says where
 * and why, and no byte from there on is passed.
 */
export class Utf8Check {
  readonly positions = new BytePositions();
  failure: NotUtf8 | undefined;
  /** Set when no more bytes will pass: the input ended, or failed. */
  ended = false;
  /** The last byte passed on (-1 before any). */
  lastByte = -1;
  private carry: Buffer = Buffer.alloc(0);
  private offset = 0;

  /** The whole, valid characters of this piece (with what the last one left incomplete). */
  pass(chunk: Uint8Array | string): Buffer {
    if (this.failure !== undefined) return Buffer.alloc(0);
    const piece =
      typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    const data = this.carry.length === 0 ? piece : Buffer.concat([this.carry, piece]);
    const whole = data.length - incompleteTail(data);
    if (isUtf8(data.subarray(0, whole))) {
      this.carry = data.subarray(whole);
      return this.accept(data.subarray(0, whole));
    }
    // Never past the last byte, should this scan ever accept what `isUtf8` did not.
    const bad = Math.min(firstInvalid(data), data.length - 1);
    const valid = this.accept(data.subarray(0, bad));
    this.fail(data[bad]!);
    return valid;
  }

  /** The input has ended: a character still incomplete is a failure. */
  end(): void {
    if (this.failure === undefined && this.carry.length > 0) this.fail(this.carry[0]!);
  }

  private accept(bytes: Buffer): Buffer {
    if (bytes.length > 0) this.lastByte = bytes[bytes.length - 1]!;
    this.positions.add(bytes);
    this.offset += bytes.length;
    return bytes;
  }

  /** Fails at the current offset, where `byte` begins what is not UTF-8. */
  private fail(byte: number): void {
    const at = this.positions.at(this.offset) ?? { line: 1, column: 1 };
    const hex = `0x${byte.toString(16).toUpperCase()}`;
    // A roster that is not UTF-8 is most often Latin-1 (or Windows-1252): say what the byte means there.
    const guess = byte >= 0xa1 && byte !== 0xad ? ` (in Latin-1 it is '${String.fromCharCode(byte)}')` : '';
    this.failure = {
      ...at,
      message: `not UTF-8: byte ${hex} here is not part of a valid UTF-8 character${guess}; save the file as UTF-8`,
    };
  }
}

/** The failure as what a reader reports: `after` says what became of the rest of the file. */
export const notUtf8Item = (failure: NotUtf8, after: string): RosterUnreadable => ({
  kind: 'unreadable',
  line: failure.line,
  column: failure.column,
  code: 'not-utf8',
  message: `${failure.message}; ${after}`,
  fatal: true,
});

/** The check as a stream stage: passes the valid bytes on, and ends its output where they end. */
export function utf8Stage(check: Utf8Check): Transform {
  let ended = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (ended) return done();
      const valid = check.pass(chunk);
      if (valid.length > 0) this.push(valid);
      if (check.failure !== undefined) {
        ended = true;
        check.ended = true;
        this.push(null);
      }
      done();
    },
    flush(done) {
      if (!ended) check.end();
      check.ended = true;
      done();
    },
  });
}

/**
 * How many bytes at the end start a character the piece does not finish (0-3): a lead byte
 * whose sequence is longer than what follows it. Whether those bytes are valid is checked when
 * the rest arrives.
 */
function incompleteTail(data: Buffer): number {
  for (let back = 1; back <= Math.min(3, data.length); back++) {
    const byte = data[data.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    return byte >= 0xc2 && byte <= 0xf4 && sequenceLength(byte) > back ? back : 0;
  }
  return 0;
}

const sequenceLength = (lead: number): number => (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2);

/**
 * The offset of the first byte that does not begin a valid UTF-8 sequence (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), or `data.length` when all are valid.
 */
function firstInvalid(data: Buffer): number {
  let i = 0;
  while (i < data.length) {
    const lead = data[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      else if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      else if (lead === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > data.length) return i;
    const second = data[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if ((data[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return data.length;
}
