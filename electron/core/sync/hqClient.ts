import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createParser } from 'eventsource-parser';
import { z } from 'zod';
import { ChangeBatch, HqError, LiveHead, SnapshotManifest, type Cursor } from '../../../shared/sync/protocol';

/**
 * The pillar's side of HQ's HTTP protocol (shared/sync/protocol.ts). Everything HQ sends is checked
 * before anyone uses it: a batch's checksum over its changes, then its schema; a snapshot's size and
 * SHA-256 over the downloaded bytes. Failures come out as three kinds, because the engine treats them
 * differently: HQ is unreachable (retry with backoff), HQ refuses us (retry, slowly, and tell IT), and
 * HQ sent something wrong (retry: a truncated body or a bad batch is not worth keeping).
 */

/** HQ could not be reached or failed (network, timeout, 5xx). */
export class HqUnavailable extends Error {
  override readonly name = 'HqUnavailable';
}
/** HQ answered but refused the request (401, 403, 404 …): a configuration matter for IT. */
export class HqRefused extends Error {
  override readonly name = 'HqRefused';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}
/** HQ's answer failed a check (checksum, schema, size, truncated, malformed JSON): nothing of it is used. */
export class BadPayload extends Error {
  override readonly name = 'BadPayload';
}

export type ChangesAnswer = { kind: 'batch'; batch: ChangeBatch; etag: string | null } | { kind: 'not-modified' } | { kind: 'expired' };

export interface HqClientOptions {
  url: string;
  token: string;
  store: string;
  /** Per request (the snapshot download: per stall). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const LIVE_SILENCE_MS = 45_000;

export class HqClient {
  readonly #base: string;
  readonly #token: string;
  readonly #store: string;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(options: HqClientOptions) {
    this.#base = options.url.replace(/\/+$/, '');
    this.#token = options.token;
    this.#store = options.store;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#fetch = options.fetch ?? fetch;
  }

  get store(): string {
    return this.#store;
  }

  /** The store this pillar's token belongs to. */
  async whoami(signal?: AbortSignal): Promise<{ store: string }> {
    const response = await this.#get('/v1/kiosk', {}, signal);
    return parse(z.object({ store: z.string() }), await readJson(response), 'pillar identity');
  }

  async manifest(signal?: AbortSignal): Promise<SnapshotManifest> {
    const response = await this.#get(`/v1/stores/${encodeURIComponent(this.#store)}/snapshot`, {}, signal);
    return parse(SnapshotManifest, await readJson(response), 'snapshot manifest');
  }

  /**
   * Downloads a snapshot to `dest`, resuming a partial download of the same file (weak store networks),
   * and verifies its size and SHA-256. A file that fails the check is deleted.
   */
  async download(manifest: SnapshotManifest, dest: string, onBytes: (bytes: number) => void, signal?: AbortSignal): Promise<void> {
    let hash = createHash('sha256');
    let have = existsSync(dest) ? statSync(dest).size : 0;
    if (have > manifest.bytes) {
      rmSync(dest, { force: true });
      have = 0;
    }
    if (have > 0) hash.update(readFileSync(dest));
    if (have < manifest.bytes) {
      const path = `/v1/stores/${encodeURIComponent(this.#store)}/snapshots/${encodeURIComponent(manifest.id)}`;
      // A download may take minutes on a store's network; what must not happen is that it stalls unnoticed.
      const stall = new AbortController();
      const unlink = follow(signal, stall);
      let lastChunkAt = Date.now();
      const watchdog = setInterval(() => Date.now() - lastChunkAt > this.#timeoutMs && stall.abort(), 500);
      try {
      const response = await this.#get(path, have > 0 ? { range: `bytes=${have}-` } : {}, stall.signal, { stall: true });
      if (response.status !== 206 && have > 0) {
        // HQ ignored the range and sends the whole file: start again from the first byte.
        hash = createHash('sha256');
        have = 0;
      }
      const out = createWriteStream(dest, { flags: have > 0 ? 'a' : 'w' });
      const done = new Promise<void>((resolve, reject) => {
        out.on('finish', resolve);
        out.on('error', reject);
      });
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          lastChunkAt = Date.now();
          hash.update(chunk);
          have += chunk.byteLength;
          if (have > manifest.bytes) throw new BadPayload(`the snapshot is longer than its manifest says (${manifest.bytes} bytes)`);
          if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
          onBytes(have);
        }
      } catch (error) {
        out.destroy();
        if (error instanceof BadPayload) rmSync(dest, { force: true });
        throw error instanceof BadPayload ? error : new HqUnavailable(`snapshot download broke off at ${have} of ${manifest.bytes} bytes: ${describe(error)}`);
      }
      out.end();
      await done;
      } finally {
        clearInterval(watchdog);
        unlink();
      }
    }
    if (have !== manifest.bytes) throw new HqUnavailable(`snapshot download ended at ${have} of ${manifest.bytes} bytes`);
    const digest = hash.digest('hex');
    if (digest !== manifest.sha256) {
      rmSync(dest, { force: true });
      throw new BadPayload('the snapshot does not match its checksum');
    }
  }

  /** The changes after `after`; `etag` makes an idle poll a cheap 304. */
  async changes(after: Cursor, etag: string | null, signal?: AbortSignal): Promise<ChangesAnswer> {
    const path = `/v1/stores/${encodeURIComponent(this.#store)}/changes?after=${after}`;
    const response = await this.#get(path, etag ? { 'if-none-match': etag } : {}, signal, { allow: [304, 410] });
    if (response.status === 304) return { kind: 'not-modified' };
    if (response.status === 410) {
      await response.body?.cancel();
      return { kind: 'expired' };
    }
    const raw = verifiedBatch(await readText(response));
    const batch = parse(ChangeBatch, raw, 'change batch');
    if (batch.after !== after || batch.store !== this.#store) throw new BadPayload(`the change batch is for ${batch.store} after ${batch.after}, not ${this.#store} after ${after}`);
    return { kind: 'batch', batch, etag: response.headers.get('etag') };
  }

  /**
   * Follows HQ's live channel: `onHead` for every head HQ announces. Resolves when HQ ends the stream,
   * rejects when it breaks; either way the engine falls back to polling and reconnects with backoff.
   */
  async live(after: Cursor, onHead: (head: Cursor) => void, onOpen: () => void, signal: AbortSignal): Promise<void> {
    const path = `/v1/stores/${encodeURIComponent(this.#store)}/live?after=${after}`;
    // HQ pings every 15 s: 45 s of silence means the connection died without telling us.
    const quiet = new AbortController();
    const unlink = follow(signal, quiet);
    let lastDataAt = Date.now();
    const watchdog = setInterval(() => Date.now() - lastDataAt > LIVE_SILENCE_MS && quiet.abort(), 1000);
    try {
    const response = await this.#get(path, { accept: 'text/event-stream' }, quiet.signal, { stream: true });
    if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) throw new BadPayload('the live channel is not an event stream');
    onOpen();
    const parser = createParser({
      onEvent: (event) => {
        if (event.event !== 'head') return;
        const head = LiveHead.safeParse(safeJson(event.data));
        if (head.success) onHead(head.data.head);
      },
    });
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      lastDataAt = Date.now();
      parser.feed(decoder.decode(chunk, { stream: true }));
    }
    } finally {
      clearInterval(watchdog);
      unlink();
    }
  }

  /** A product image, or null when HQ has none by that path. */
  async media(mediaPath: string, signal?: AbortSignal): Promise<Buffer | null> {
    const response = await this.#get(`/v1/media/${mediaPath.split('/').map(encodeURIComponent).join('/')}`, {}, signal, { allow: [404] });
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    return Buffer.from(await response.arrayBuffer());
  }

  async #get(
    path: string,
    headers: Record<string, string>,
    signal: AbortSignal | undefined,
    options: { allow?: number[]; stream?: boolean; stall?: boolean } = {},
  ): Promise<Response> {
    // Streams (the live channel, a snapshot download) may run long; only the wait for headers is bounded.
    // Every other answer is read whole here, so the link to the caller's long-lived signal (the engine's
    // stop) is released when the request is over instead of piling up one listener per poll.
    const controller = new AbortController();
    const unlink = follow(signal, controller);
    const timer = setTimeout(() => controller.abort(), this.#timeoutMs);
    let response: Response;
    try {
      response = await this.#fetch(`${this.#base}${path}`, { headers: { authorization: `Bearer ${this.#token}`, ...headers }, signal: controller.signal });
      if (!options.stream && !options.stall) {
        const body = await response.arrayBuffer();
        response = new Response(response.status === 304 ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
      }
    } catch (error) {
      throw new HqUnavailable(`HQ at ${this.#base} cannot be reached: ${describe(error)}`);
    } finally {
      clearTimeout(timer);
      if (!options.stream && !options.stall) unlink();
    }
    if (response.ok || options.allow?.includes(response.status)) return response;
    const body = HqError.safeParse(safeJson(await response.text().catch(() => '')));
    const reason = body.success ? `${body.data.error.code}: ${body.data.error.message}` : `HTTP ${response.status}`;
    if (response.status >= 500 || response.status === 429) throw new HqUnavailable(`HQ answered ${response.status} (${reason})`);
    throw new HqRefused(`HQ refused ${path.split('?')[0]}: ${reason}`, response.status);
  }
}

/** Aborts `controller` when `signal` does; the returned function undoes the link. */
function follow(signal: AbortSignal | undefined, controller: AbortController): () => void {
  if (!signal) return () => undefined;
  if (signal.aborted) controller.abort();
  const abort = (): void => controller.abort();
  signal.addEventListener('abort', abort, { once: true });
  return () => signal.removeEventListener('abort', abort);
}

async function readText(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw new HqUnavailable(`HQ's answer broke off: ${describe(error)}`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadPayload(`HQ's answer is not JSON (${text.length} bytes, cut short or malformed)`);
  }
}

async function readJson(response: Response): Promise<unknown> {
  return parseJson(await readText(response));
}

const CHANGES_KEY = '"changes":';

/**
 * A change batch's JSON whose changes match its checksum, the SHA-256 of `JSON.stringify(changes)` as HQ
 * sent it. HQ writes the changes last before the checksum (`…"changes":[…],"checksum":"…"}`), so their
 * bytes are hashed where they lie: re-serialising fifty thousand stock levels to hash them cost more than
 * parsing them. Bytes that hash to the checksum are exactly the array HQ hashed, and the parsed changes
 * are that array (nothing but the checksum follows it). An answer laid out otherwise, by a proxy that
 * re-serialised it say, is checked by the protocol's rule on the parsed value, as before.
 */
function verifiedBatch(text: string): unknown {
  const raw = parseJson(text);
  // Checked before the schema, which would strip fields it does not know and so change what is hashed.
  const changes = (raw as { changes?: unknown } | null)?.changes;
  const checksum = (raw as { checksum?: unknown } | null)?.checksum;
  if (!Array.isArray(changes) || typeof checksum !== 'string') throw new BadPayload('the change batch has no changes or checksum');
  const tail = `,"checksum":${JSON.stringify(checksum)}}`;
  const start = text.indexOf(CHANGES_KEY);
  const sent = start >= 0 && text.endsWith(tail) && start + CHANGES_KEY.length <= text.length - tail.length ? text.slice(start + CHANGES_KEY.length, text.length - tail.length) : null;
  if (sent !== null && sha256Hex(sent) === checksum) return raw;
  if (sha256Hex(JSON.stringify(changes)) !== checksum) throw new BadPayload('the change batch does not match its checksum');
  return raw;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new BadPayload(`the ${what} fails its schema at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
