// Workers do not take `--import tsx`: this entry registers tsx, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./validate-worker.ts');
