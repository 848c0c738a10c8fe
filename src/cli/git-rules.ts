import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quoted } from '../domain/shown-value.js';
import { cleanUpOnSignal } from './cleanup-on-signal.js';
import { NoInputError, UsageError } from './errors.js';

/** A rules folder as a git ref has it, written out to a temporary folder. */
export interface RulesAtRef {
  /** The temporary folder holding the files. */
  dir: string;
  /** How findings name the folder: `<ref>:<path in the work tree>`, e.g. `origin/main:rules`. */
  label: string;
}

interface GitResult {
  ok: boolean;
  stdout: string;
  /** Git's own reason, its first line of stderr (`fatal: Not a valid object name nope^{commit}`). */
  reason: string;
  /** Set when git itself could not be started. */
  spawnError?: NodeJS.ErrnoException;
}

/** Runs git without a shell; never throws for git's own failure, which comes back with its reason. */
function git(args: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile('git', [...args], { env: env as NodeJS.ProcessEnv, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const spawnError = error && typeof (error as NodeJS.ErrnoException).code === 'string' ? error : undefined;
      const reason =
        String(stderr)
          .split('\n')
          .map((l) => l.trim())
          .find((l) => l !== '') ?? (error ? error.message.split('\n')[0]! : '');
      resolve({
        ok: error === null,
        stdout: String(stdout),
        reason,
        ...(spawnError ? { spawnError: spawnError as NodeJS.ErrnoException } : {}),
      });
    });
  });
}

/**
 * Runs `use` on the rules folder that `ref` holds where `headDir` is in its git work tree, then
 * removes the temporary copy however `use` ends. The files are written by git itself through a
 * private index (`read-tree` then `checkout-index`): no archive, no shell, and the work tree and
 * its own index are never touched.
 *
 * Errors: a ref git does not know, or a head folder outside any work tree, is a usage error (64)
 * with git's reason, unless `unknownRef` makes another error of the first (the caller may know
 * the text was meant as a path); git not installed, a ref whose tree has no such folder, or a
 * temporary folder that cannot be made, is missing input (66). SIGINT, SIGTERM and SIGHUP remove
 * the temporary folder too.
 */
export async function withRulesAtRef<T>(
  ref: string,
  headDir: string,
  env: Readonly<Record<string, string | undefined>>,
  use: (rules: RulesAtRef) => Promise<T>,
  unknownRef?: (gitReason: string) => Error,
): Promise<T> {
  const notDir = `--base ${quoted(ref)}: not a directory`;
  // A ref never starts with '-'; git would take it for an option.
  if (ref.startsWith('-')) throw new UsageError(`${notDir}, and not a git ref`);
  const where = await git(['-C', headDir, 'rev-parse', '--show-toplevel', '--show-prefix'], env);
  if (where.spawnError?.code === 'ENOENT')
    throw new NoInputError(`${notDir}, and git, needed to read it as a git ref, is not installed (or not on PATH)`);
  if (!where.ok)
    throw new UsageError(`${notDir}, and the head rules ${headDir} are not in a git work tree (git: ${where.reason})`);
  const [top = '', prefix = ''] = where.stdout.split('\n');
  const path = prefix.replace(/\/$/, '');
  const commit = await git(['-C', top, 'cat-file', '-t', `${ref}^{commit}`], env);
  if (!commit.ok)
    throw (
      unknownRef?.(commit.reason) ?? new UsageError(`${notDir}, and not a git ref in ${top} (git: ${commit.reason})`)
    );
  const label = `${ref}:${path}`;
  const kind = await git(['-C', top, 'cat-file', '-t', label], env);
  if (!kind.ok) throw new NoInputError(`--base ${quoted(ref)} has no folder ${quoted(path)} (git: ${kind.reason})`);
  if (kind.stdout.trim() !== 'tree')
    throw new NoInputError(`--base ${quoted(ref)}: ${quoted(path)} is not a folder there`);

  // The run's own environment names the temp folder (`Io.env`), as the process's would.
  const tempRoot = env.TMPDIR || tmpdir();
  let temp: string | undefined;
  const remove = () => {
    if (temp !== undefined) rmSync(temp, { recursive: true, force: true });
  };
  // Watching from before the folder exists: no signal falls between making it and watching.
  const watch = cleanUpOnSignal(remove);
  try {
    temp = makeTempFolder(tempRoot, env.TMPDIR ? ' (TMPDIR)' : '');
    const dir = join(temp, 'rules');
    const privateIndex = { ...env, GIT_INDEX_FILE: join(temp, 'index') };
    const read = await git(['-C', top, 'read-tree', label], privateIndex);
    if (!read.ok) throw new NoInputError(`cannot read ${quoted(label)} (git: ${read.reason})`);
    const written = await git(['-C', top, 'checkout-index', '--all', `--prefix=${dir}/`], privateIndex);
    if (!written.ok) throw new NoInputError(`cannot write out ${quoted(label)} (git: ${written.reason})`);
    return await use({ dir, label });
  } finally {
    remove();
    watch.release();
  }
}

/** A new private folder in `root`; a root that is missing, a file or not writable is missing input (66). */
function makeTempFolder(root: string, named: string): string {
  try {
    return mkdtempSync(join(root, 'ma-check-diff-'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such folder'
        : code === 'ENOTDIR'
          ? 'it is not a folder'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : (code ?? (error as Error).message);
    throw new NoInputError(`cannot make a temporary folder in ${quoted(root)}${named}: ${why}`);
  }
}
