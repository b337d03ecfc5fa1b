/** A progress bar on standard error, for people waiting on many files at a terminal. */
export class Progress {
  private count = 0;
  private last = 0;

  constructor(
    private readonly total: number,
    private readonly enabled: boolean,
  ) {}

  tick(): void {
    this.count++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && this.count < this.total) return;
    this.last = now;
    const width = 30;
    const filled = Math.round((width * this.count) / Math.max(1, this.total));
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.count}/${this.total} files`,
    );
  }

  done(): void {
    if (this.enabled) process.stderr.write('\r\u001b[2K');
  }
}
