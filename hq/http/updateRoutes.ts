import { statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppVersion } from '../../shared/sync/fleet';
import { wantedVersion } from '../fleet/fleetView';
import { ChannelFileError, channelOfFile, pointFilesAt, readChannelFile } from '../updates/channelFile';
import type { Caller } from './auth';
import type { HqApp, HqContext } from './context';
import { HttpError } from './errors';
import { etagOf } from './etag';
import { sendFile } from './ranges';

const FeedParams = z.object({ file: z.string().max(64) });
/** A release file's own name: no folders, no dot files. */
const FileParams = z.object({ version: AppVersion, name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 ._+-]{0,199}$/, 'must be a file name of the release folder') });

/**
 * electron-updater's generic feed for each pillar (issue 9), from a folder of electron-builder output
 * (`npm run hq -- serve --releases DIR`), one sub-folder per version: `DIR/1.4.0/latest-linux.yml`,
 * `DIR/1.4.0/Pillar-1.4.0.AppImage`, … A pillar asks `GET /v1/updates/latest-linux.yml` and gets the
 * feed of the version its channel's rollout decides for it; the installers come from
 * `GET /v1/updates/files/<version>/<name>`, resumable. Both need the pillar's token (or the admin's).
 */
export function updateRoutes(app: HqApp, { store }: HqContext, releasesDir: string | null): void {
  const root = releasesDir === null ? null : path.resolve(releasesDir);
  // A mistyped --releases is said at start, not found out by every pillar's first update check.
  if (root !== null && !statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`The releases folder ${root} does not exist or is not a folder`);
  const folder = (): string => {
    if (root === null) throw new HttpError(404, 'NOT_FOUND', 'This HQ serves no releases (start it with --releases DIR)');
    return root;
  };

  app.get('/v1/updates/:file', { config: { access: 'any-kiosk' }, schema: { params: FeedParams } }, async (request, reply) => {
    const dir = folder();
    const channel = channelOfFile(request.params.file);
    if (channel === null) throw new HttpError(404, 'NOT_FOUND', `"${request.params.file}" is not a feed file (latest.yml, latest-linux.yml, latest-mac.yml, <channel>….yml)`);
    const version = await versionFor(request.caller, channel);
    if (version === null) throw new HttpError(404, 'NOT_FOUND', `No rollout on channel "${channel}" reaches this pillar: stay on the running version`);
    const file = path.join(dir, version, request.params.file);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new HttpError(404, 'NOT_FOUND', `Release ${version} has no ${request.params.file} in HQ's release folder`);
    }
    try {
      const info = readChannelFile(text);
      if (info.version !== version) throw new ChannelFileError(`it says version ${info.version}, in the folder of ${version}`);
    } catch (error) {
      if (!(error instanceof ChannelFileError)) throw error;
      throw new HttpError(503, 'UNAVAILABLE', `HQ's ${version}/${request.params.file} is not a feed electron-updater can read: ${error.message}`);
    }
    // Per pillar: no shared cache may hand one pillar's decision to another.
    return reply.header('Cache-Control', 'private, no-store').type('text/yaml; charset=utf-8').send(pointFilesAt(text, version));
  });

  app.get('/v1/updates/files/:version/:name', { config: { access: 'any-kiosk' }, schema: { params: FileParams } }, async (request, reply) => {
    const dir = folder();
    const { version, name } = request.params;
    const file = path.resolve(dir, version, name);
    if (!file.startsWith(dir + path.sep) || name.includes('..')) throw new HttpError(400, 'INVALID_INPUT', 'The file name leaves the release folder');
    if (!(await stat(file).catch(() => null))?.isFile()) throw new HttpError(404, 'NOT_FOUND', `Release ${version} has no file "${name}"`);
    // A release's files never change under their version: a pillar may keep what it fetched.
    return sendFile(request, reply, { path: file, contentType: 'application/octet-stream', cacheControl: 'private, max-age=31536000, immutable', etag: (size, mtimeMs) => etagOf('release', version, name, size, mtimeMs) });
  });

  /** The pillar's version on this channel; the admin, who is no pillar, gets the newest rollout's version to look at. */
  async function versionFor(caller: Caller | null, channel: string): Promise<string | null> {
    if (caller?.kind === 'kiosk') return wantedVersion(store.fleet, { kioskId: caller.kioskId, storeCode: caller.storeCode, channel });
    return (await store.fleet.rollouts(channel)).at(-1)?.version ?? null;
  }
}
