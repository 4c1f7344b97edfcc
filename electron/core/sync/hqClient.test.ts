import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HqClient, HqUnavailable } from './hqClient';

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A stand-in HQ answering every request with `status` (a real HTTP server on loopback). */
async function hqAnswering(status: number): Promise<string> {
  server = createServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', etag: '"7"' });
    response.end(status === 304 ? undefined : JSON.stringify({ error: { code: 'INTERNAL', message: 'down for a moment' } }));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('HqClient', () => {
  it('leaves nothing attached to the engine’s stop signal after each poll (a pillar polls for months)', async () => {
    const client = new HqClient({ url: await hqAnswering(304), token: 'x'.repeat(32), store: 'se-sto-drottninggatan' });
    const stop = new AbortController();
    for (let poll = 0; poll < 25; poll++) await expect(client.changes(7, '"7"', stop.signal)).resolves.toEqual({ kind: 'not-modified' });
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
  });

  it('says HQ is unavailable on a 500, and still lets go of the stop signal', async () => {
    const client = new HqClient({ url: await hqAnswering(500), token: 'x'.repeat(32), store: 'se-sto-drottninggatan' });
    const stop = new AbortController();
    for (let poll = 0; poll < 3; poll++) await expect(client.changes(7, null, stop.signal)).rejects.toBeInstanceOf(HqUnavailable);
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
  });

  it('gives up on an answer that never comes, as unavailable', async () => {
    server = createServer(() => undefined);
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = new HqClient({ url, token: 'x'.repeat(32), store: 'se-sto-drottninggatan', timeoutMs: 200 });
    await expect(client.changes(7, null)).rejects.toBeInstanceOf(HqUnavailable);
    server.closeAllConnections();
  });
});
