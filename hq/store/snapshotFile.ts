import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createGzip } from 'node:zlib';

const BUFFER_BYTES = 8 << 20;

/**
 * A gzip'd text file written line by line with backpressure, hashing the compressed bytes as they go
 * to disk (the checksum a pillar verifies is of the file as served). Level 1: a region's snapshot is
 * hundreds of megabytes of JSON at chain scale, and generating it fast matters more than a few percent
 * of size.
 */
export class GzipFile {
  readonly #gzip = createGzip({ level: 1, memLevel: 9, strategy: constants.Z_DEFAULT_STRATEGY });
  readonly #hash = createHash('sha256');
  readonly #done: Promise<void>;
  #bytes = 0;

  constructor(file: string) {
    const tap = new Transform({
      transform: (chunk: Buffer, _encoding, callback) => {
        this.#hash.update(chunk);
        this.#bytes += chunk.length;
        callback(null, chunk);
      },
    });
    // flush: fsync before close, so a manifest never names a file a power cut left half-written.
    this.#done = pipeline(this.#gzip, tap, createWriteStream(file, { flush: true }));
    this.#done.catch(() => undefined); // surfaced by write() or finish()
  }

  async write(text: string): Promise<void> {
    // A deep buffer lets the next records be read from SQLite while zlib compresses the last ones on
    // libuv's thread pool, instead of the two taking turns.
    if (!this.#gzip.write(text) && this.#gzip.writableLength > BUFFER_BYTES) await Promise.race([once(this.#gzip, 'drain'), this.#done]);
  }

  async finish(): Promise<{ bytes: number; sha256: string }> {
    this.#gzip.end();
    await this.#done;
    return { bytes: this.#bytes, sha256: this.#hash.digest('hex') };
  }

  /** Stops writing after a failure; the caller removes the file. */
  async abort(): Promise<void> {
    this.#gzip.destroy();
    await this.#done.catch(() => undefined);
  }
}
