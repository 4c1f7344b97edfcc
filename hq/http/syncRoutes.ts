import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { FEEDS, PROTOCOL_VERSION, ChangesQuery, SnapshotManifest, type Cursor, type Feed, type Region } from '../../shared/sync/protocol';
import { StoreParams, regionOf, type HqApp, type HqContext } from './context';
import { CURSOR_EXPIRED_MESSAGE, HttpError } from './errors';
import { etagOf, ifNoneMatch, sha256Hex } from './etag';
import { sendFile } from './ranges';

const SnapshotParams = StoreParams.extend({ id: SnapshotManifest.shape.id });

/**
 * What a pillar pulls: who it is, its region's snapshot (manifest, then the file) and the change
 * batches after its cursor. See shared/sync/protocol.ts for the protocol itself.
 */
export function syncRoutes(app: HqApp, { store }: HqContext): void {
  const snapshotOwners = new SnapshotOwners();

  // A pillar set up with only an address and a token learns its store here.
  app.get('/v1/kiosk', { config: { access: 'any-kiosk' } }, async (request) => {
    const caller = request.caller;
    if (caller?.kind !== 'kiosk') throw new HttpError(403, 'FORBIDDEN', 'The admin token belongs to no store; ask with a pillar token');
    return { store: caller.storeCode, kioskId: caller.kioskId };
  });

  app.get('/v1/stores/:store/snapshot', { config: { access: 'kiosk' }, schema: { params: StoreParams } }, async (request, reply) => {
    await regionOf(store, request.params.store);
    const manifest: SnapshotManifest = await store.snapshot(request.params.store);
    return reply.header('Cache-Control', 'no-store').send(manifest);
  });

  app.get('/v1/stores/:store/snapshots/:id', { config: { access: 'kiosk' }, schema: { params: SnapshotParams } }, async (request, reply) => {
    const { store: storeCode, id } = request.params;
    const path = await store.snapshotFile(id);
    // Ids are shared by the pillars of one store; another store's snapshot is that store's region.
    if (!path || (await snapshotOwners.of(id, path)) !== storeCode) {
      throw new HttpError(404, 'NOT_FOUND', 'No such snapshot (it may have been replaced by a newer one): ask for the manifest again');
    }
    return sendFile(request, reply, {
      path,
      contentType: 'application/gzip',
      // no-transform: the manifest's sha256 is of these exact bytes; a proxy must not recompress them.
      cacheControl: 'private, no-transform',
      etag: (size, mtimeMs) => etagOf('snapshot', id, size, mtimeMs),
    });
  });

  app.get('/v1/stores/:store/changes', { config: { access: 'kiosk' }, schema: { params: StoreParams, querystring: ChangesQuery } }, async (request, reply) => {
    const { store: storeCode } = request.params;
    const { after, limit } = request.query;
    const feeds = feedList(request.query.feeds);
    const region = await regionOf(store, storeCode);
    const [floor, head] = await Promise.all([store.floor(), store.head()]);
    if (after < floor) throw new HttpError(410, 'CURSOR_EXPIRED', CURSOR_EXPIRED_MESSAGE);
    if (after > head) {
      throw new HttpError(400, 'INVALID_INPUT', `The cursor ${after} lies past HQ's newest change (${head}): this HQ never sent it`, [{ path: 'after', message: `must be at most ${head}` }]);
    }
    void reply.header('Cache-Control', 'no-cache');
    // An idle poll costs three small reads (region, floor, head): the answer cannot differ while the head stands still.
    const tag = changesEtag(storeCode, region, after, limit, feeds, head);
    if (ifNoneMatch(request.headers['if-none-match'], tag)) return reply.code(304).header('ETag', tag).send();

    const batch = await store.changes(region, after, { limit, feeds });
    // The checksum covers exactly the bytes sent, so the body is written out here rather than re-serialised.
    const changes = JSON.stringify(batch.changes);
    const body =
      `{"protocol":${PROTOCOL_VERSION},"store":${JSON.stringify(storeCode)},"after":${after},"cursor":${batch.cursor},"head":${batch.head},"region":${JSON.stringify(region)},` +
      `"changes":${changes},"checksum":"${sha256Hex(changes)}"}`;
    return reply
      .header('ETag', changesEtag(storeCode, region, after, limit, feeds, batch.head))
      .type('application/json; charset=utf-8')
      .send(body);
  });
}

/** The feeds asked for, deduplicated and in protocol order, so `stock,catalog` and `catalog,stock` share a tag. */
function feedList(asked: readonly Feed[] | undefined): Feed[] {
  return asked ? FEEDS.filter((feed) => asked.includes(feed)) : [...FEEDS];
}

function changesEtag(storeCode: string, region: Region, after: Cursor, limit: number, feeds: readonly Feed[], head: Cursor): string {
  return etagOf('changes', storeCode, JSON.stringify(region), after, limit, feeds.join(','), head);
}

/**
 * Which store each snapshot file was made for, read from the file's header record once per id (a
 * file's content never changes under its id) and remembered for the most recent ids.
 */
class SnapshotOwners {
  private readonly known = new Map<string, string>();

  async of(id: string, path: string): Promise<string | null> {
    const cached = this.known.get(id);
    if (cached !== undefined) return cached;
    const owner = await readHeaderStore(path);
    if (owner === null) return null;
    this.known.set(id, owner);
    if (this.known.size > 1_000) this.known.delete(this.known.keys().next().value as string);
    return owner;
  }
}

async function readHeaderStore(path: string): Promise<string | null> {
  const file = createReadStream(path);
  const lines = file.pipe(createGunzip());
  let text = '';
  try {
    for await (const chunk of lines) {
      text += (chunk as Buffer).toString('utf8');
      const end = text.indexOf('\n');
      if (end >= 0) {
        const header = JSON.parse(text.slice(0, end)) as { record?: unknown; store?: unknown };
        if (header.record === 'header' && typeof header.store === 'string') return header.store;
        break;
      }
      if (text.length > 1 << 20) break;
    }
  } catch (error) {
    // Pruned between the lookup and this read: the same answer as an unknown id.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  } finally {
    file.destroy();
    lines.destroy();
  }
  throw new Error(`The snapshot file ${path} does not start with a header record`);
}
