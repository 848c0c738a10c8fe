import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

/** `ma-check export`: not written yet (issue 12). */
export function registerExport(_program: Command, _context: CommandContext): void {}
