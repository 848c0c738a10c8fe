/**
 * A progress line on stderr for long audits (docs/design.md): only on a terminal, only once the run
 * has taken a second, redrawn at most four times a second, and erased at the end.
 */
export class Progress {
  private readonly started: number;
  private next: number;
  private shown = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly enabled: boolean,
    private readonly now: () => number,
  ) {
    this.started = now();
    this.next = this.started + 1000;
  }

  /** Called once per batch of records, so reading the clock each time is cheap enough. */
  tick(records: number): void {
    if (!this.enabled) return;
    const t = this.now();
    if (t < this.next) return;
    this.next = t + 250;
    this.shown = true;
    const rate = Math.round(records / ((t - this.started) / 1000));
    this.write(`\r\x1b[K${records.toLocaleString('en-US')} rows audited (${rate.toLocaleString('en-US')} rows/s)…`);
  }

  done(): void {
    if (this.shown) this.write('\r\x1b[K');
  }
}
