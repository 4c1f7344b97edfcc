import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does with one request on its way to HQ:
 * - `pass`: forwards it and the answer untouched;
 * - `down`: drops the connection before HQ sees anything (HQ unreachable);
 * - `500`: answers 500 itself (HQ failing);
 * - `timeout`: never answers (the client's timeout fires);
 * - `reset`: forwards the request, then drops the connection before HQ's answer arrives — HQ may commit
 *   what the client will never hear of;
 * - `drop-after`: forwards the request, waits for HQ's whole answer (HQ has committed), then drops the
 *   connection instead of passing it on.
 */
export type ProxyFault = 'pass' | 'down' | '500' | 'timeout' | 'reset' | 'drop-after';

export interface ProxiedRequest {
  method: string;
  path: string;
  key: string | null;
}

export interface FaultyProxy {
  url: string;
  /** Decides each request's fate from its method, path (`/v1/orders`) and Idempotency-Key (null without one). */
  decide(decider: (request: ProxiedRequest) => ProxyFault): void;
  /** Points at another HQ (a restarted one on a new port). */
  retarget(url: string): void;
  /** How many requests met each fault. */
  counts(): Record<ProxyFault, number>;
  close(): Promise<void>;
}

/** A proxy in front of HQ that misbehaves on request, for the integration tests and the orders fault harness. */
export function startFaultyProxy(target: string): Promise<FaultyProxy> {
  let upstream = new URL(target);
  let decider: (request: ProxiedRequest) => ProxyFault = () => 'pass';
  const counts: Record<ProxyFault, number> = { pass: 0, down: 0, '500': 0, timeout: 0, reset: 0, 'drop-after': 0 };
  const hanging = new Set<ServerResponse>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const key = req.headers['idempotency-key'];
    const fault = decider({ method: req.method ?? 'GET', path: (req.url ?? '').split('?')[0] ?? '', key: typeof key === 'string' ? key : null });
    counts[fault]++;
    if (fault === 'down') return req.socket.destroy();
    if (fault === '500') {
      req.resume();
      res.writeHead(500, { 'content-type': 'application/json' });
      return res.end('{"error":{"code":"INTERNAL","message":"the proxy says boom"}}');
    }
    if (fault === 'timeout') {
      req.resume();
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (up) => {
        if (fault === 'pass') {
          res.writeHead(up.statusCode ?? 502, up.headers);
          return void up.pipe(res);
        }
        // HQ has answered (it committed before it answered): the client never hears it.
        up.resume();
        up.on('end', () => req.socket.destroy());
      },
    );
    forward.on('error', () => req.socket.destroy());
    req.pipe(forward);
    // Cut off as soon as HQ has the whole request: it may be committing now.
    if (fault === 'reset') req.on('end', () => setImmediate(() => req.socket.destroy()));
  });

  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        decide: (next) => void (decider = next),
        retarget: (url) => void (upstream = new URL(url)),
        counts: () => ({ ...counts }),
        close: () =>
          new Promise<void>((done) => {
            for (const res of hanging) res.destroy();
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}
