import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyError } from 'fastify';
import type { ServerResponse } from 'node:http';
import { fail, type ErrorCode, type Result } from '../../shared/api/result';
import type { Kiosk } from '../core/kiosk';
import type { Logger } from '../core/log/logger';
import { RENDERER_SECURITY_HEADERS } from '../core/security/csp';

export interface PreviewServerOptions {
  kiosk: Kiosk;
  /** The built renderer (`dist/renderer`). */
  rendererDir: string;
  /** Product images and other media the kiosk caches (`<data>/media`), served under `/media/`. */
  mediaDir?: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  log: Logger;
}

export interface PreviewServer {
  readonly url: string;
  close(): Promise<void>;
}

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  INVALID_BARCODE: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARD_HOSTS = ['0.0.0.0', '::'];
/** Images are inert: an SVG shown by <img> runs no script, and these headers keep it so if opened directly. */
const MEDIA_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'public, max-age=86400',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
};

const SSE_KEEPALIVE_MS = 15_000;

/**
 * The browser preview host: the built renderer plus the kiosk API as `POST /api/<method>` and events as
 * server-sent events on `GET /api/events`. Every call goes through the same dispatcher as Electron's IPC.
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const { kiosk, log } = options;
  if (!existsSync(options.rendererDir)) {
    throw new Error(`The renderer is not built (${options.rendererDir} is missing): run "npm run build:renderer"`);
  }

  const app = Fastify({
    loggerInstance: log,
    logController: new LogController({ disableRequestLogging: true }),
    // On close, drop every connection: a browser's EventSource reconnects on its own and would otherwise
    // hold the server open forever.
    forceCloseConnections: true,
    bodyLimit: 256 * 1024,
  });
  // JSON only: Fastify also parses text/plain by default, which any foreign page may POST without a CORS
  // preflight. Without its parser such a body is refused with 415 before it reaches the dispatcher.
  app.removeContentTypeParser('text/plain');
  const streams = new Set<ServerResponse>();
  let allowedHosts: Set<string> | null = new Set<string>();

  // DNS rebinding guard: a page on another site that resolves its name to 127.0.0.1 still sends its own
  // Host header, so only our own host names reach the API.
  app.addHook('onRequest', async (request, reply) => {
    if (allowedHosts && !allowedHosts.has(request.headers.host ?? '')) {
      return reply.code(421).send(fail('FORBIDDEN', 'Unexpected Host header'));
    }
  });

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) log.error({ err: { type: error.name, code: error.code } }, 'preview host error');
    const message =
      status === 415 ? 'Send the input as application/json'
      : status === 413 ? 'The input is too large'
      : status === 400 ? 'The request body is not valid JSON'
      : 'Something went wrong inside the kiosk';
    return reply.code(status).send(fail(status < 500 ? 'INVALID_INPUT' : 'INTERNAL', message));
  });

  app.post<{ Params: { method: string } }>('/api/:method', async (request, reply) => {
    const result: Result<unknown> = await kiosk.dispatcher.dispatch(request.params.method, request.body);
    return reply.code(result.ok ? 200 : STATUS_BY_CODE[result.error.code]).send(result);
  });

  app.get('/api/events', (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write('retry: 2000\n\n');
    streams.add(res);
    const unsubscribe = kiosk.events.onAny((name, payload) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), SSE_KEEPALIVE_MS);
    request.raw.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      streams.delete(res);
    });
  });

  await app.register(fastifyStatic, {
    root: options.rendererDir,
    index: ['index.html'],
    setHeaders(reply) {
      reply.headers(RENDERER_SECURITY_HEADERS);
    },
  });

  if (options.mediaDir) {
    const mediaDir = options.mediaDir;
    mkdirSync(mediaDir, { recursive: true });
    // Product images: from the pillar's capped image cache, fetched from HQ the first time (kiosk.media).
    // None (offline, unknown) is a plain 404 and the UI shows its placeholder.
    app.get('/media/*', async (request, reply) => {
      const file = await options.kiosk.media((request.params as { '*': string })['*']);
      reply.headers(MEDIA_HEADERS);
      if (!file) return reply.code(404).send();
      return reply.sendFile(path.relative(mediaDir, file), mediaDir);
    });
  }

  app.addHook('preClose', async () => {
    for (const res of streams) res.end();
    streams.clear();
  });

  await app.listen({ host: options.host, port: options.port });
  const { port } = app.server.address() as AddressInfo;
  const wildcard = WILDCARD_HOSTS.includes(options.host);
  if (wildcard) {
    // Bound to every interface on request: callers arrive by whatever address the machine has.
    log.warn({ host: options.host }, 'preview host listens on all interfaces; anyone on this network can use the kiosk API');
  }
  const hostNames = new Set([...LOOPBACK_NAMES, options.host.includes(':') ? `[${options.host}]` : options.host]);
  allowedHosts = wildcard ? null : new Set([...hostNames].map((name) => `${name}:${port}`));
  const shownHost = wildcard || options.host === 'localhost' ? '127.0.0.1' : options.host;

  return {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`,
    close: () => app.close(),
  };
}
