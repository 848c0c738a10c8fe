import type { Io } from './io.js';

/** Where the CLI's own files are: the package root holds `rules/` and `dist/`. */
export interface Install {
  packageRoot: string;
  version: string;
}

/** What every command receives: the outside world and where the shipped rules are. */
export interface CommandContext {
  io: Io;
  install: Install;
  /** Set by a command's action: the process exit code. */
  exitCode: number;
}
