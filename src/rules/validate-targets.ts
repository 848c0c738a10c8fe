import { dirname, join } from 'node:path';
import type { CaseQueries, TargetFindings, ValidateTargetOptions, ValidationTarget } from './validate-target.js';

/** The key of the worker data that starts a thread as a validator (validate-worker.ts). */
export const VALIDATE_WORKER = 'ma-check/validate-worker';

/** What a validating worker is given: every target, to validate in order. */
export interface WorkerOrder {
  targets: readonly ValidationTarget[];
  options: ValidateTargetOptions;
}

/** What it posts back for each target. */
export interface WorkerAnswer {
  index: number;
  findings: TargetFindings;
}

/** What validating in this thread takes: the exports of the heavy bundle that do it. */
export interface InThread {
  validateTarget: (
    target: ValidationTarget,
    options: ValidateTargetOptions,
    caseQueries: CaseQueries,
  ) => TargetFindings;
  caseQueryProblems: CaseQueries;
}

/**
 * The validating worker's heap. Parsing leaves mostly garbage (tokens, node trees) while a rule
 * set holds a few megabytes of data; left to itself, V8 lets a heap that allocates this fast grow
 * to several times what it keeps (about 200 MB for ten copies of the shipped rules). Bounding the
 * worker's young generation at 16 MB and its old one at 40 MB keeps the whole process near 115 MB
 * at the same speed (an 8 MB young generation saves another 10 MB and costs a fifth more time).
 * A target too big for it stops the worker, and is validated again in this thread.
 */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 40 };

/**
 * The heavy bundle, when this code runs as part of the built CLI (dist/cli.cjs, with heavy.cjs
 * beside it); from the TypeScript sources (tests, tsx) there is none and validating runs here.
 */
const heavyBundle = (): string | undefined =>
  typeof __filename === 'string' && __filename.endsWith('.cjs') ? join(dirname(__filename), 'heavy.cjs') : undefined;

/**
 * Validates each target, in order, in one worker thread with a bounded heap, started from
 * `script` (the heavy bundle): this thread keeps only the findings, and never loads yaml or zod.
 * A worker that stops early (out of memory, or a script that cannot start it) leaves the targets
 * it did not answer to this thread, so the findings never depend on it. Without a script,
 * everything is validated here. The worker stops when the loop over the findings ends, however
 * it ends.
 */
export async function* validateTargets<T extends ValidationTarget>(
  targets: readonly T[],
  options: ValidateTargetOptions,
  inThread: () => Promise<InThread>,
  script = heavyBundle(),
): AsyncGenerator<TargetFindings & { target: T }> {
  let next = 0;
  if (script !== undefined && targets.length > 0) {
    const { Worker } = await import('node:worker_threads');
    const answers: (TargetFindings | undefined)[] = [];
    let stopped = false;
    let wake: (() => void) | undefined;
    const order: WorkerOrder = {
      targets: targets.map(({ dir, root, overlays }) => ({ dir, root, overlays })),
      options,
    };
    const worker = new Worker(script, { workerData: { [VALIDATE_WORKER]: order }, resourceLimits: RESOURCE_LIMITS });
    worker.on('message', ({ index, findings }: WorkerAnswer) => {
      answers[index] = findings;
      wake?.();
    });
    // An 'error' (out of memory, a bundle that cannot load) is followed by 'exit'.
    worker.on('error', () => {});
    worker.on('exit', () => {
      stopped = true;
      wake?.();
    });
    try {
      while (next < targets.length) {
        const findings = answers[next];
        if (findings === undefined) {
          if (stopped) break;
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          continue;
        }
        answers[next] = undefined;
        yield { ...findings, target: targets[next++]! };
      }
    } finally {
      await worker.terminate();
    }
  }
  if (next === targets.length) return;
  const heavy = await inThread();
  for (; next < targets.length; next++)
    yield { ...heavy.validateTarget(targets[next]!, options, heavy.caseQueryProblems), target: targets[next]! };
}
