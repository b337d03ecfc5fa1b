/**
 * A progress bar on standard error, for people waiting on many files at a terminal. Standard
 * output goes to the same terminal: whoever writes there first clears the bar's line (`clear`),
 * and the next tick draws it again below what was written, so that a report never lands on the
 * bar's line.
 */
import { type Language } from '../index.js';
import { stderr } from './output.js';

const FILES: Record<Language, string> = { fr: 'fichiers', en: 'files' };

export class Progress {
  private count = 0;
  private last = 0;
  /** Whether the bar is on the terminal now. */
  private drawn = false;

  constructor(
    private readonly total: number,
    private readonly enabled: boolean,
    private readonly language: Language = 'en',
  ) {}

  tick(): void {
    this.count++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && this.count < this.total) return;
    this.last = now;
    const width = 30;
    const filled = Math.round((width * this.count) / Math.max(1, this.total));
    stderr.write(
      `\r\u001b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.count}/${this.total} ${FILES[this.language]}`,
    );
    this.drawn = true;
  }

  /** Takes the bar off its line, before something else is written to the terminal. */
  clear(): void {
    if (!this.drawn) return;
    stderr.write('\r\u001b[2K');
    this.drawn = false;
  }

  done(): void {
    this.clear();
  }
}
