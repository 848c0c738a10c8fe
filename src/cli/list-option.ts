/** A list option: comma-separated and repeatable (`--cert CMA,RMA` = `--cert CMA --cert RMA`). */
export const collectList = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  ...value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== ''),
];
