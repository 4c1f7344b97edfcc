import { createHash } from 'node:crypto';
import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BadPayload, HqClient, HqUnavailable } from './hqClient';

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

/** A stand-in HQ answering every request with this body (a real HTTP server on loopback). */
async function hqSending(body: string): Promise<string> {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('HqClient change batches', () => {
  const store = 'se-sto-drottninggatan';
  // A name with a quote and non-ASCII letters: hashed as UTF-8, escaped as JSON.stringify escapes it.
  const changes = [
    { seq: 8, type: 'stock', levels: [['NV-10001-BLK-M', store, 3, 1000], ['NV-10001-BLK-L', 'se-online', 0, 1000]] },
    { seq: 9, type: 'category.upsert', category: { id: 'outerwear', sort: 1, names: { en: 'Coats "warm"', sv: 'Ytterkläder', pl: 'Odzież wierzchnia', el: 'Πανωφόρια' } } },
  ];
  const checksum = createHash('sha256').update(JSON.stringify(changes)).digest('hex');
  const envelope = { protocol: 1, store, after: 7, cursor: 9, head: 9 };

  it('verifies the changes as HQ lays them out (changes, then the checksum, last)', async () => {
    const body = `${JSON.stringify(envelope).slice(0, -1)},"changes":${JSON.stringify(changes)},"checksum":"${checksum}"}`;
    const answer = await new HqClient({ url: await hqSending(body), token: 'x'.repeat(32), store }).changes(7, null);
    expect(answer.kind === 'batch' && answer.batch.changes).toEqual(changes);
  });

  it('verifies an answer laid out otherwise (a proxy re-serialised it) by the protocol rule', async () => {
    const body = JSON.stringify({ checksum, ...envelope, changes });
    const answer = await new HqClient({ url: await hqSending(body), token: 'x'.repeat(32), store }).changes(7, null);
    expect(answer.kind === 'batch' && answer.batch.changes).toEqual(changes);
  });

  it('refuses a batch whose level changed after HQ hashed it, in either layout', async () => {
    const altered = JSON.stringify(changes).replace(',3,1000]', ',30,1000]');
    for (const body of [
      `${JSON.stringify(envelope).slice(0, -1)},"changes":${altered},"checksum":"${checksum}"}`,
      `{"checksum":"${checksum}",${JSON.stringify(envelope).slice(1, -1)},"changes":${altered}}`,
    ]) {
      server?.close();
      await expect(new HqClient({ url: await hqSending(body), token: 'x'.repeat(32), store }).changes(7, null)).rejects.toThrow(BadPayload);
    }
  });
});

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
