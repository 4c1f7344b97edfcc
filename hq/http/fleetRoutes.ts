import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { FastifyReply } from 'fastify';
import { Heartbeat, type HeartbeatAnswer, type LogUploadAnswer, MAX_LOG_UPLOAD_BYTES } from '../../shared/sync/fleet';
import { fleetView, wantedVersion } from '../fleet/fleetView';
import type { Caller } from './auth';
import type { HqApp, HqContext } from './context';
import { HttpError } from './errors';
import { etagOf, ifNoneMatch } from './etag';

const unzip = promisify(gunzip);
/** A log export unpacks to at most this: logs rotate at 5 MB a file, five files a pillar. */
const MAX_LOG_UNPACKED_BYTES = 64 * 1024 * 1024;

const PAGE_DIR = fileURLToPath(new URL('../fleet/page/', import.meta.url));
const PAGE_TYPES = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' } as const;
type PageFile = keyof typeof PAGE_TYPES;
const pageBodies = new Map<PageFile, string>();

/**
 * The fleet page's static files, read on first request and kept. No build step — what is in hq/fleet/page/
 * is what a browser gets. Not read at start: an HQ bundled into one file (the fault harnesses') has no
 * page folder beside it and never serves the page, and must start all the same.
 */
function pageFile(file: PageFile): { body: string; type: string } {
  let body = pageBodies.get(file);
  if (body === undefined) pageBodies.set(file, (body = readFileSync(path.join(PAGE_DIR, `fleet.${file}`), 'utf8')));
  return { body, type: PAGE_TYPES[file] };
}

/** Script and styles from HQ itself, nothing inline; the admin token is typed into the page and sent as a header, never in an address. */
const PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex',
};

/**
 * The fleet (issue 9): pillars' heartbeats (`POST /v1/heartbeat`), answered with the version the staged
 * rollout decides for the pillar; every pillar's state for IT (`GET /v1/fleet`, and the page `GET /fleet`
 * that reads it); and log exports from staff mode (`POST /v1/kiosks/logs`), kept per pillar under
 * `<dataDir>/kiosk-logs/`.
 */
export function fleetRoutes(app: HqApp, { store, dataDir, log, now }: HqContext): void {
  app.post('/v1/heartbeat', { config: { access: 'any-kiosk' }, schema: { body: Heartbeat } }, async (request): Promise<HeartbeatAnswer> => {
    const kiosk = pillarOf(request.caller);
    const receivedAt = now();
    await store.fleet.recordHeartbeat(kiosk.kioskId, request.body, receivedAt);
    const version = await wantedVersion(store.fleet, { ...kiosk, channel: request.body.channel });
    return { receivedAt, rollout: version === null ? null : { version, channel: request.body.channel } };
  });

  app.get('/v1/fleet', { config: { access: 'admin' } }, async (_request, reply) => reply.header('Cache-Control', 'no-store').send(await fleetView(store.fleet, now())));

  const page = (reply: FastifyReply, file: PageFile, ifNone: string | undefined): FastifyReply => {
    const { body, type } = pageFile(file);
    const etag = etagOf('fleet-page', file, body);
    void reply.headers(PAGE_HEADERS).header('ETag', etag).header('Cache-Control', 'no-cache');
    if (ifNoneMatch(ifNone, etag)) return reply.code(304).send();
    return reply.type(type).send(body);
  };
  // Public: the page holds no data; it asks /v1/fleet with the token typed into it.
  app.get('/fleet', { config: { access: 'public' } }, async (request, reply) => page(reply, 'html', request.headers['if-none-match']));
  app.get('/fleet/fleet.js', { config: { access: 'public' } }, async (request, reply) => page(reply, 'js', request.headers['if-none-match']));
  app.get('/fleet/fleet.css', { config: { access: 'public' } }, async (request, reply) => page(reply, 'css', request.headers['if-none-match']));

  const logRoot = path.join(dataDir, 'kiosk-logs');
  void app.register(async (scope) => {
    // Only this route takes gzip: everywhere else a gzip body stays a 415.
    scope.addContentTypeParser(['application/gzip', 'application/x-gzip'], { parseAs: 'buffer', bodyLimit: MAX_LOG_UPLOAD_BYTES }, (_request, body, done) => done(null, body));
    scope.post('/v1/kiosks/logs', { config: { access: 'any-kiosk' }, bodyLimit: MAX_LOG_UPLOAD_BYTES }, async (request, reply) => {
      const kiosk = pillarOf(request.caller);
      if (!Buffer.isBuffer(request.body)) throw new HttpError(415, 'INVALID_INPUT', 'Send the log export as Content-Type: application/gzip (gzip\'d JSON lines)');
      const lines = await jsonLines(request.body);
      const receivedAt = now();
      const id = `${new Date(receivedAt).toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}`;
      const dir = path.join(logRoot, kiosk.kioskId);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFile(path.join(dir, `${id}.jsonl.gz`), request.body, { mode: 0o600, flag: 'wx' });
      log.info({ store: kiosk.storeCode, kiosk: kiosk.kioskId, bytes: request.body.length, lines }, 'pillar logs received');
      const answer: LogUploadAnswer = { id, bytes: request.body.length, receivedAt };
      return reply.code(201).send(answer);
    });
  });
}

/** Heartbeats and logs come from a pillar: the admin token has no pillar to speak for. */
function pillarOf(caller: Caller | null): { kioskId: string; storeCode: string } {
  if (caller?.kind !== 'kiosk') throw new HttpError(403, 'FORBIDDEN', "Only a pillar's own token can do this");
  return { kioskId: caller.kioskId, storeCode: caller.storeCode };
}

/** The number of JSON lines in a gzip'd export, or a 400 saying what is wrong with it. */
async function jsonLines(gzipped: Buffer): Promise<number> {
  let text: string;
  try {
    text = (await unzip(gzipped, { maxOutputLength: MAX_LOG_UNPACKED_BYTES })).toString('utf8');
  } catch (error) {
    const tooBig = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    throw new HttpError(400, 'INVALID_INPUT', tooBig ? `The log export unpacks to more than ${MAX_LOG_UNPACKED_BYTES / 1024 / 1024} MB` : 'The body is not gzip');
  }
  let count = 0;
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    try {
      JSON.parse(line);
    } catch {
      throw new HttpError(400, 'INVALID_INPUT', `Line ${index + 1} of the log export is not JSON`);
    }
    count += 1;
  }
  return count;
}
