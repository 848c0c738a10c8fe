export { evaluate } from './evaluate.js';
export { resolveQuery, type QueryProblem, type ResolveResult } from './resolve-query.js';
