import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { type CaseQueries, validateTarget } from './validate-target.js';
import { VALIDATE_WORKER, type WorkerAnswer, type WorkerOrder } from './validate-targets.js';

/**
 * When this thread was started to validate (validate-targets.ts), validates each target it was
 * given and posts the findings, one target at a time, then ends. Anywhere else it does nothing.
 */
export function serveValidationIfWorker(caseQueries: CaseQueries): void {
  const order = isMainThread ? undefined : (workerData as Record<string, WorkerOrder> | null)?.[VALIDATE_WORKER];
  if (order === undefined) return;
  order.targets.forEach((target, index) => {
    const answer: WorkerAnswer = { index, findings: validateTarget(target, order.options, caseQueries) };
    parentPort!.postMessage(answer);
  });
}
