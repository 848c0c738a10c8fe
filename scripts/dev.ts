// The dev loop: the CLI straight from src/ through tsx, no build (`npm run dev -- iv-insertion --state AK`).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli/run.js';

process.exitCode = await run(join(dirname(fileURLToPath(import.meta.url)), '..'));
