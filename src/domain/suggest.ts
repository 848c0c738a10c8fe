/** Optimal-string-alignment distance: edits, with a swap of neighbours counting as one. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

/** Longer input than this is compared with nothing: no id, alias or name comes near it. */
const MAX_SUGGESTED_LENGTH = 200;

/**
 * The closest candidates to a mistyped name, best first: within a third of its length in edits
 * (or one whose start it is), and no further than one edit behind the best. Case is ignored.
 */
export function suggest(input: string, candidates: Iterable<string>, limit = 3): string[] {
  // Nothing is named at this length; a pasted paragraph gets no suggestion instead of minutes of work.
  if (input.length > MAX_SUGGESTED_LENGTH) return [];
  const needle = input.toLowerCase();
  const budget = Math.max(1, Math.floor(needle.length / 3));
  const scored: { name: string; score: number }[] = [];
  for (const name of candidates) {
    const hay = name.toLowerCase();
    // The distance is at least the difference in length, so a name far longer or shorter is never measured.
    const distance = Math.abs(hay.length - needle.length) > budget ? Infinity : editDistance(needle, hay);
    if (distance <= budget) scored.push({ name, score: distance });
    else if (needle.length >= 3 && hay.startsWith(needle)) scored.push({ name, score: budget });
  }
  scored.sort((x, y) => x.score - y.score || x.name.localeCompare(y.name));
  const best = scored[0]?.score ?? 0;
  return [...new Set(scored.filter((s) => s.score <= best + 1).map((s) => s.name))].slice(0, limit);
}

/** "did you mean 'x'?" or "did you mean 'x' or 'y'?", or '' when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const found = suggest(input, candidates);
  if (found.length === 0) return '';
  const quoted = found.map((f) => `'${f}'`);
  return `did you mean ${quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`}?`;
}
