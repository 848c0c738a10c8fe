/**
 * Everything `audit` needs beyond its options (csv-parse, the roster readers, the audit and its
 * writers), behind one lazy import: the bundled CLI keeps it in a separate file that only
 * `audit` loads, so `check` starts as fast as before (docs/design.md).
 */
export { runAudit } from './audit/run-audit.js';
