import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { isRealDate } from '../../evaluate/resolve-query.js';
import { buildSite, type SiteFile } from '../../site/build-site.js';
import { readMarker } from '../../site/site-marker.js';
import { MARKER_PATH } from '../../site/site-paths.js';
import type { CommandContext } from '../context.js';
import { NoInputError, UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { loadRuleSet } from '../load-rule-set.js';
import { AS_OF_HELP, collectList } from '../options.js';
import { ruleLocation } from '../rule-location.js';

interface SiteCliOptions {
  out?: string;
  check?: string;
  rules?: string[];
  asOf?: string;
}

/** `ma-check site`: the rules as a static website, for people who never type a command. */
export function registerSite(program: Command, context: CommandContext): void {
  program
    .command('site')
    .description('build a static website from the rules: a map, a checker, a page for every state and task')
    .option('-o, --out <dir>', 'write the site into this folder: a new or empty one, or a site written before')
    .option('--check <dir>', 'regenerate the site in memory and compare it with this folder (exit 0 same, 1 not)')
    .option('--rules <dir>', 'add an organization policy overlay (repeatable)', collectList)
    .option('--as-of <date>', `the rules in force on this date (${AS_OF_HELP}); with --check, the site's own date`)
    .action((options: SiteCliOptions) => siteAction(context, options));
}

/** A path of a site file, as a marker may list it: relative, `/`-separated, never leaving the folder. */
const SITE_PATH = /^(?:[A-Za-z0-9_-]+\/)*[A-Za-z0-9_.-]+\.(?:html|css|js|json)$/;
const isSitePath = (path: string): boolean =>
  SITE_PATH.test(path) && !path.split('/').some((part) => /^\.+$/.test(part));

const errnoCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'error';

async function siteAction(context: CommandContext, options: SiteCliOptions): Promise<void> {
  const { io } = context;
  if ((options.out === undefined) === (options.check === undefined))
    throw new UsageError('give --out DIR to write the site, or --check DIR to compare a site with the rules');
  if (options.asOf !== undefined && !isRealDate(options.asOf))
    throw new UsageError(`--as-of '${options.asOf}' is not a date written YYYY-MM-DD`);
  if (options.check !== undefined) return checkSite(context, options.check, options);
  const target = resolve(io.cwd, options.out!);
  const previous = previousSite(target, options.out!);
  // The previous site's files before the (slow) generation, then every file of the new one.
  refuseLinks(target, options.out!, previous);
  const files = await generate(context, options, options.asOf ?? io.today());
  refuseLinks(
    target,
    options.out!,
    files.map((f) => f.path),
  );
  writeSite(target, options.out!, files, previous);
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
  io.err(
    `wrote ${options.out}: ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB; open ${join(options.out!, 'index.html')} in a browser\n`,
  );
}

/** The site's files for these rules and this date, with the browser app the build made. */
async function generate(context: CommandContext, options: SiteCliOptions, asOf: string): Promise<SiteFile[]> {
  const { ruleSet } = await loadRuleSet(ruleLocation(context, options.rules));
  const appPath = join(context.install.packageRoot, 'dist', 'site-app.js');
  let appScript: string;
  try {
    appScript = readFileSync(appPath, 'utf8');
  } catch {
    throw new NoInputError(`the site's app (dist/site-app.js) is missing; run 'npm run build' first`);
  }
  return buildSite({ ruleSet, asOf, version: context.install.version, appScript });
}

/**
 * The files of the site already in the target folder, which may be written over; none when the
 * folder is new or empty (but for dot-files). A folder holding anything else is a usage error: its
 * files are someone's.
 */
function previousSite(target: string, name: string): string[] {
  let entries: string[];
  try {
    if (!statSync(target).isDirectory()) throw new UsageError(`--out '${name}' is a file, not a folder`);
    entries = readdirSync(target);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--out '${name}': cannot read the folder (${errnoCode(error)})`);
  }
  // Dot-files (.gitkeep, .DS_Store) are nobody's work and never the site's: left alone, as in --check.
  if (entries.every((entry) => entry.startsWith('.'))) return [];
  if (!entries.includes(MARKER_PATH))
    throw new UsageError(
      `--out '${name}' holds files but no ${MARKER_PATH}, so it is not a site ma-check wrote; name a new or empty folder`,
    );
  refuseLinks(target, name, [MARKER_PATH]);
  const read = readMarker(readFileSync(join(target, MARKER_PATH), 'utf8'));
  if (!read.ok)
    throw new UsageError(
      `--out '${name}': its ${MARKER_PATH} is not one ma-check wrote (${read.problem}); name a new or empty folder`,
    );
  return read.marker.files.filter(isSitePath);
}

/**
 * Refuses, before anything is written or removed, a symbolic link at any of the paths under the
 * target the site would write or remove, or at any folder on the way to one: writing through a
 * `states` link would overwrite or delete files outside the site's folder. The target itself may be
 * a link: it is the folder the user named.
 */
function refuseLinks(target: string, name: string, paths: readonly string[]): void {
  const seen = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (seen.has(prefix)) continue;
      seen.add(prefix);
      let link: boolean;
      try {
        link = lstatSync(join(target, ...parts.slice(0, i))).isSymbolicLink();
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') break; // nothing there yet: the site makes it
        throw new UsageError(`--out '${name}': cannot read '${prefix}' (${errnoCode(error)})`);
      }
      if (link)
        throw new UsageError(
          `--out '${name}': '${prefix}' is a symbolic link; the site writes only inside its folder, so remove the link or name another folder`,
        );
    }
  }
}

/**
 * Writes the site: first removes the previous site's files the new one no longer has (only those
 * its marker lists), then the marker, so that an interrupted run leaves a folder `--out` still
 * recognises, then every other file.
 */
function writeSite(target: string, name: string, files: readonly SiteFile[], previous: readonly string[]): void {
  const keep = new Set(files.map((f) => f.path));
  const marker = files.find((f) => f.path === MARKER_PATH)!;
  try {
    for (const path of previous) {
      if (keep.has(path)) continue;
      const file = join(target, ...path.split('/'));
      if (!existsSync(file) || !statSync(file).isFile()) continue;
      unlinkSync(file);
      removeEmptyFolders(target, dirname(file));
    }
    for (const file of [marker, ...files.filter((f) => f !== marker)]) {
      const path = join(target, ...file.path.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
  } catch (error) {
    throw new UsageError(`--out '${name}': cannot write the site (${errnoCode(error)})`);
  }
}

/** Removes `folder` and its parents up to `root` while they are empty. */
function removeEmptyFolders(root: string, folder: string): void {
  for (let dir = folder; dir.startsWith(root + sep); dir = dirname(dir)) {
    if (readdirSync(dir).length > 0) return;
    rmdirSync(dir);
  }
}

/** Every file under `root`, as `/`-separated paths; dot-files and dot-folders (.git, .DS_Store) are not the site's. */
function filesUnder(root: string, prefix = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (statSync(join(root, path)).isDirectory()) found.push(...filesUnder(root, path));
    else found.push(path);
  }
  return found;
}

/**
 * The as-of date the site's marker records, or undefined when it has none. A marker that is there
 * but broken is a usage error: the date to regenerate for is not known (`--as-of` names it).
 */
function markedDate(root: string, name: string): string | undefined {
  const markerPath = join(root, MARKER_PATH);
  if (!existsSync(markerPath)) return undefined;
  const read = readMarker(readFileSync(markerPath, 'utf8'));
  if (!read.ok)
    throw new UsageError(
      `--check '${name}': its ${MARKER_PATH} is not one ma-check wrote (${read.problem}); give --as-of DATE, or rebuild the site with --out`,
    );
  return read.marker.asOf;
}

/**
 * `site --check DIR`: the site these rules give, compared byte for byte with the folder, for the
 * date the folder's marker records unless `--as-of` names one. Exit 0 when identical; 1 with each
 * differing, missing and extra file on a line of its own.
 */
async function checkSite(context: CommandContext, name: string, options: SiteCliOptions): Promise<void> {
  const { io } = context;
  const root = resolve(io.cwd, name);
  let found: string[];
  try {
    if (!statSync(root).isDirectory()) throw new NoInputError(`--check '${name}' is a file, not a site folder`);
    found = filesUnder(root);
  } catch (error) {
    if (error instanceof NoInputError) throw error;
    throw new NoInputError(
      errnoCode(error) === 'ENOENT'
        ? `--check '${name}': no such folder`
        : `--check '${name}': cannot read (${errnoCode(error)})`,
    );
  }
  const files = await generate(context, options, options.asOf ?? markedDate(root, name) ?? io.today());
  const expected = new Set(files.map((f) => f.path));
  const present = new Set(found);
  const lines: string[] = [];
  for (const file of files) {
    const path = join(root, ...file.path.split('/'));
    if (!present.has(file.path)) lines.push(`missing  ${file.path}`);
    else if (!readFileSync(path).equals(Buffer.from(file.content))) lines.push(`differs  ${file.path}`);
  }
  for (const path of found.sort()) if (!expected.has(path)) lines.push(`extra    ${path}`);
  if (lines.length === 0) {
    io.err(`${name}: the site is what these rules give (${files.length} files)\n`);
    return;
  }
  io.out(`${lines.join('\n')}\n`);
  io.err(
    `${name}: ${lines.length} file${lines.length === 1 ? '' : 's'} not as the rules give them; rebuild with 'ma-check site --out ${name}' and the same options\n`,
  );
  context.exitCode = ExitCode.Findings;
}
