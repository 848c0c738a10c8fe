/** What a reader has read so far: for the summary's row count and the progress line. */
export interface ReadStats {
  records: number;
}
