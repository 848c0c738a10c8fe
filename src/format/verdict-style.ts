import type { FactStatus } from '../domain/decision.js';
import type { Verdict } from '../domain/verdict.js';
import type { Paint } from './paint.js';

/** The verdict as a label that stands out, coloured by how restrictive it is. */
export function verdictLabel(verdict: Verdict, paint: Paint): string {
  const word = verdict.toUpperCase();
  switch (verdict) {
    case 'allowed':
      return paint.bold(paint.green(word));
    case 'conditional':
      return paint.bold(paint.yellow(word));
    case 'discouraged':
      return paint.bold(paint.yellow(word));
    case 'prohibited':
      return paint.bold(paint.red(word));
  }
}

/** `?` for unknown (verify it), `✗` for unmet, `✓` for met. */
export function statusMark(status: FactStatus, paint: Paint): string {
  return status === 'met' ? paint.green('✓') : status === 'unmet' ? paint.red('✗') : paint.yellow('?');
}
