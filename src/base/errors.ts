/**
 * Errors. An input problem is data (`InputProblem`), reported with its place in the file; an
 * `InputError` is thrown only where a whole input (a rule pack, a command-line value) cannot be
 * used. Anything else that is thrown is a bug in clausier, and the CLI says so.
 */

/** A problem with an input file, where it is. Lines and columns are 1-based. */
export interface InputProblem {
  /** What is wrong and what was expected, in words a finance controller understands. */
  message: string;
  line: number;
  column: number;
  /** The JSON pointer of the value at fault ('' for the whole document). */
  pointer: string;
}

/** A problem in a file, where it is (a rule pack file, a waiver file). */
export interface FileProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** A file that cannot be used, with every problem found in it. */
export class FileProblemsError extends Error {
  override readonly name: string = 'FileProblemsError';
  constructor(
    /** What cannot be used, for the first line of the message: `the rule pack`, `the waiver file`. */
    readonly subject: string,
    readonly problems: FileProblem[],
  ) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
  }
}

/** An input that cannot be used at all: a broken rule pack, a bad command-line value. */
export class InputError extends Error {
  override readonly name: string = 'InputError';
  constructor(
    message: string,
    /** The file at fault, when there is one. */
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }

  /** `file:line:column: message`, as far as it is known. */
  describe(): string {
    const where = [this.file, this.line, this.column]
      .filter((part) => part !== undefined)
      .join(':');
    return where ? `${where}: ${this.message}` : this.message;
  }
}

/**
 * A command-line value that cannot be used (`--as-of 2019-02-30`, `--output` naming a folder):
 * the CLI says it as it says commander's usage errors, with the command's name and the hint to
 * its help.
 */
export class UsageError extends InputError {
  override readonly name: string = 'UsageError';
}
