import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HqError, SnapshotManifest, SnapshotRecord } from '../../shared/sync/protocol';
import { sha256Hex } from './etag';
import { FAR_STORE, HOME, startTestHq, type TestHq } from './testing';

let t: TestHq;
let manifest: SnapshotManifest;
beforeAll(async () => {
  t = await startTestHq();
  const { status, body } = await t.json(`/v1/stores/${HOME}/snapshot`);
  expect(status).toBe(200);
  manifest = SnapshotManifest.parse(body);
});
afterAll(() => t.close());

const fileOf = (id: string): string => `/v1/stores/${HOME}/snapshots/${id}`;

async function bytes(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

describe('snapshots', () => {
  it("describes the region's snapshot at the current head", async () => {
    expect(manifest.store).toBe(HOME);
    expect(manifest.region.home).toBe(HOME);
    expect(manifest.region.nearby).not.toContain(FAR_STORE);
    expect(manifest.cursor).toBe(await t.hq.store.head());
  });

  it('serves the file whole, gzip bytes exactly as the manifest describes them', async () => {
    const response = await t.call(fileOf(manifest.id));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/gzip');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(Number(response.headers.get('content-length'))).toBe(manifest.bytes);
    const file = await bytes(response);
    expect(file.length).toBe(manifest.bytes);
    expect(sha256Hex(file)).toBe(manifest.sha256);

    const lines = gunzipSync(file).toString('utf8').trim().split('\n');
    expect(SnapshotRecord.parse(JSON.parse(lines[0]!))).toMatchObject({ record: 'header', store: HOME, cursor: manifest.cursor });
    expect(SnapshotRecord.parse(JSON.parse(lines.at(-1)!))).toMatchObject({ record: 'end', rows: manifest.rows });
  });

  it('resumes a broken download with Range: the pieces join into the same bytes', async () => {
    const cut = Math.floor(manifest.bytes / 3);
    const head = await t.call(fileOf(manifest.id), { headers: { Range: `bytes=0-${cut - 1}` } });
    expect(head.status).toBe(206);
    expect(head.headers.get('content-range')).toBe(`bytes 0-${cut - 1}/${manifest.bytes}`);
    const etag = head.headers.get('etag')!;
    const first = await bytes(head);
    expect(first.length).toBe(cut);

    const tail = await t.call(fileOf(manifest.id), { headers: { Range: `bytes=${cut}-`, 'If-Range': etag } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe(`bytes ${cut}-${manifest.bytes - 1}/${manifest.bytes}`);
    const rest = await bytes(tail);
    expect(sha256Hex(Buffer.concat([first, rest]))).toBe(manifest.sha256);
  });

  it('sends the whole file when If-Range names another version, so no resume splices two files', async () => {
    const response = await t.call(fileOf(manifest.id), { headers: { Range: 'bytes=10-', 'If-Range': '"some-older-file"' } });
    expect(response.status).toBe(200);
    expect(sha256Hex(await bytes(response))).toBe(manifest.sha256);
  });

  it('answers 416 with the size for a range past the end', async () => {
    const response = await t.call(fileOf(manifest.id), { headers: { Range: `bytes=${manifest.bytes}-` } });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe(`bytes */${manifest.bytes}`);
    expect(HqError.parse(await response.json()).error.code).toBe('INVALID_INPUT');
  });

  it('answers 404 NOT_FOUND for an unknown id, and for the snapshot of another store', async () => {
    const unknown = await t.json(fileOf('no-such-snapshot'));
    expect(unknown.status).toBe(404);
    expect(HqError.parse(unknown.body).error.code).toBe('NOT_FOUND');

    const far = await t.json(`/v1/stores/${FAR_STORE}/snapshot`, { token: t.adminToken });
    const farId = SnapshotManifest.parse(far.body).id;
    expect(farId).not.toBe(manifest.id);
    expect((await t.call(fileOf(farId))).status).toBe(404);
    expect((await t.call(`/v1/stores/${FAR_STORE}/snapshots/${farId}`, { token: t.adminToken })).status).toBe(200);
  });

  it('refuses an id that is not an id with 400', async () => {
    const { status, body } = await t.json(fileOf('bad.id!'));
    expect(status).toBe(400);
    expect(HqError.parse(body).error.issues?.[0]?.path).toBe('id');
  });
});
