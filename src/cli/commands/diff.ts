import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

/** `ma-check diff`: not written yet (issue 12). */
export function registerDiff(_program: Command, _context: CommandContext): void {}
