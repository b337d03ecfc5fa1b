/**
 * Node.js built-in modules that clausier loads when it first uses them, not when it starts:
 * crypto (hashes for SARIF, iCalendar, HTML, the cache's keys), zlib (the cache's checksums),
 * worker_threads (`check --jobs`), fs/promises (reading standard input) and tty (is standard
 * output a terminal, for colours and the progress bar) cost a one-file check some 4 ms each to
 * load, for work that check does not do.
 */
import { createRequire } from 'node:module';
import type * as Crypto from 'node:crypto';
import type * as FsPromises from 'node:fs/promises';
import type * as Tty from 'node:tty';
import type * as WorkerThreads from 'node:worker_threads';
import type * as Zlib from 'node:zlib';

const require = createRequire(import.meta.url);

/** A built-in module, loaded by the first call. */
function builtin<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}

export const crypto = builtin<typeof Crypto>('node:crypto');
export const fsPromises = builtin<typeof FsPromises>('node:fs/promises');
export const workerThreads = builtin<typeof WorkerThreads>('node:worker_threads');
export const tty = builtin<typeof Tty>('node:tty');
export const zlib = builtin<typeof Zlib>('node:zlib');

/** A SHA-256 digest of bytes or text, in hexadecimal or Base64. */
export const sha256 = (bytes: Uint8Array | string, encoding: 'hex' | 'base64' = 'hex'): string =>
  crypto().createHash('sha256').update(bytes).digest(encoding);
