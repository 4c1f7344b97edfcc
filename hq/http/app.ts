import type { ServerResponse } from 'node:http';
import Fastify, { type FastifyRequest, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { HqStore } from '../store/store';
import { adminRoutes } from './adminRoutes';
import { authenticator, type Caller } from './auth';
import { couponRoutes } from './couponRoutes';
import type { HqApp, HqContext } from './context';
import { enrolRoutes } from './enrolRoutes';
import { errorBody, handleError } from './errors';
import { fleetRoutes } from './fleetRoutes';
import type { HeadWatch } from './headWatch';
import { liveRoutes } from './liveRoutes';
import { mediaRoutes } from './mediaRoutes';
import { orderRoutes } from './orderRoutes';
import type { PaymentLinks } from './paymentLinks';
import { payRoutes } from './payRoutes';
import { staffRoutes } from './staffRoutes';
import { syncRoutes } from './syncRoutes';
import { updateRoutes } from './updateRoutes';
import { upstreamRoutes } from './upstreamRoutes';

export interface HqAppOptions {
  store: HqStore;
  watch: HeadWatch;
  adminToken: string;
  dataDir: string;
  log: Logger;
  now: () => number;
  payments: PaymentLinks;
  /** electron-builder output, one folder per version, for the update feed; null serves none. */
  releasesDir?: string | null;
  /** HQ's address as the world reaches it (`--public-url`), told to pillars as they enrol; null: the address each pillar used. */
  publicUrl?: string | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The address carries a secret (a payment token, a coupon code): the request log names the route, not the address. */
    secretInUrl?: boolean;
  }
}

/** Header values that must never reach a log line, however a request or error gets logged. */
const REDACT = ['req.headers.authorization', 'headers.authorization', 'authorization', 'token', '*.token', 'adminToken'];

/**
 * HQ's HTTP service, every route under `/v1` (the table is in hq/README.md). Each route declares who may
 * call it and zod schemas for everything it reads; anything else a caller sends is refused with a 4xx
 * `HqError` before a handler runs.
 */
export function createHqApp(options: HqAppOptions): { app: HqApp; streams: Set<ServerResponse> } {
  const log = options.log.child({ service: 'hq' }, { redact: { paths: REDACT, censor: '[redacted]' } });
  const app = Fastify({
    loggerInstance: log,
    // One line per request from the hook below instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // close() must not wait on live streams and keep-alive sockets.
    forceCloseConnections: true,
    // Media paths run to 200 characters.
    routerOptions: { maxParamLength: 256 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON bodies only: anything else is a 415 with a reason, not a body parsed by guesswork.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(handleError(log));
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody('NOT_FOUND', `HQ has no ${request.method} ${request.url.split('?')[0]}; see hq/README.md for its endpoints`)),
  );

  app.decorateRequest('caller', null);
  app.addHook('onRequest', authenticator(options.store, options.adminToken));
  app.addHook('onResponse', async (request, reply) => {
    const quiet = reply.statusCode === 304 || request.routeOptions.url === '/v1/health';
    log[quiet ? 'debug' : 'info']({ reqId: request.id, method: request.method, url: loggedUrl(request), status: reply.statusCode, ms: Math.round(reply.elapsedTime), ...callerOf(request.caller) }, 'request');
  });

  const context: HqContext = { store: options.store, watch: options.watch, dataDir: options.dataDir, log, now: options.now, payments: options.payments };
  app.get('/v1/health', { config: { access: 'public' } }, async () => ({ ok: true as const, head: await options.store.head() }));
  syncRoutes(app, context);
  const streams = liveRoutes(app, context);
  mediaRoutes(app, context);
  adminRoutes(app, context);
  upstreamRoutes(app, context);
  orderRoutes(app, context);
  payRoutes(app, context);
  couponRoutes(app, context);
  staffRoutes(app, context);
  enrolRoutes(app, context, options.publicUrl ?? null);
  fleetRoutes(app, context);
  updateRoutes(app, context, options.releasesDir ?? null);

  // Live streams hold their connections open: end them first so close() is prompt and each pillar
  // sees an orderly end (and reconnects after `retry`) rather than a reset.
  app.addHook('preClose', async () => {
    for (const res of streams) res.end();
    streams.clear();
  });

  return { app, streams };
}

function callerOf(caller: Caller | null): Record<string, string> {
  switch (caller?.kind) {
    case 'kiosk':
      return { store: caller.storeCode, kiosk: caller.kioskId };
    case 'till':
      return { store: caller.storeCode, till: caller.tillId };
    default:
      return { caller: caller?.kind ?? 'anonymous' };
  }
}

/** Below `/v1/coupons/` anything but the route names is taken for a code: a till calling the wrong method or path still logs none. */
const CODE_IN_URL = /^(\/v1\/coupons\/)(?!(?:pool|pools|issued)(?:[/?]|$))[^/?]+/i;

function loggedUrl(request: FastifyRequest): string {
  return request.routeOptions.config.secretInUrl ? (request.routeOptions.url ?? '') : request.url.replace(CODE_IN_URL, '$1[code]');
}
