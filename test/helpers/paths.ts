import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHIPPED_RULES = join(REPO, 'rules');
export const FIXTURES = join(REPO, 'test', 'fixtures');
export const MINIMAL = join(FIXTURES, 'rule-sets', 'minimal');
export const BIN = join(REPO, 'bin', 'ma-check.js');
