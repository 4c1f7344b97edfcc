import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { Cursor, type LiveHead } from '../../shared/sync/protocol';
import { StoreParams, regionOf, type HqApp, type HqContext } from './context';
import { HttpError } from './errors';

const LiveQuery = z.object({ after: z.coerce.number().pipe(Cursor) });

const PING_MS = 15_000;
/** What an EventSource waits before reconnecting after the stream drops. */
const RETRY_MS = 2_000;

/**
 * `GET /v1/stores/:store/live?after=N`: server-sent events telling a pillar the log moved past its
 * cursor (`event: head`), so a sale elsewhere reaches it within seconds instead of at its next poll. The
 * event carries no data a pillar could act on by itself: it pulls `/changes` as usual, which keeps the
 * region filter, batching and checksums in one place. Returns the set of open streams, for closing.
 */
export function liveRoutes(app: HqApp, { store, watch, log }: HqContext): Set<ServerResponse> {
  const streams = new Set<ServerResponse>();

  app.get(
    '/v1/stores/:store/live',
    // A HEAD would hold a stream open with nothing to show for it.
    { config: { access: 'kiosk' }, exposeHeadRoute: false, schema: { params: StoreParams, querystring: LiveQuery } },
    async (request, reply) => {
      const { after } = request.query;
      await regionOf(store, request.params.store);
      const head = await store.head();
      if (after > head) {
        throw new HttpError(400, 'INVALID_INPUT', `The cursor ${after} lies past HQ's newest change (${head}): this HQ never sent it`, [{ path: 'after', message: `must be at most ${head}` }]);
      }

      reply.hijack();
      const res = reply.raw;
      // Gone while HQ read the head: its 'close' has passed, so nothing below would ever be cleaned up.
      if (res.destroyed) return;
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        // Proxies that buffer responses would hold the events back.
        'X-Accel-Buffering': 'no',
      });
      res.write(`retry: ${RETRY_MS}\n\n`);
      streams.add(res);

      // A pillar that vanished leaves a destroyed socket until 'close' arrives: nothing is written to it.
      const write = (text: string): void => {
        if (!res.destroyed && !res.writableEnded) res.write(text);
      };
      let sent = after;
      const announce = (next: Cursor): void => {
        if (next <= sent) return;
        sent = next;
        write(`event: head\ndata: ${JSON.stringify({ head: next } satisfies LiveHead)}\n\n`);
      };
      const unsubscribe = watch.subscribe(announce);
      announce(Math.max(head, watch.head));
      const ping = setInterval(() => write(': ping\n\n'), PING_MS);
      log.debug({ store: request.params.store, after }, 'live stream opened');

      res.on('close', () => {
        clearInterval(ping);
        unsubscribe();
        streams.delete(res);
        log.debug({ store: request.params.store, sent }, 'live stream closed');
      });
    },
  );

  return streams;
}
