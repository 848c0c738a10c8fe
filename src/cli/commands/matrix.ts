import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

/** `ma-check matrix`: not written yet (issue 12). */
export function registerMatrix(_program: Command, _context: CommandContext): void {}
