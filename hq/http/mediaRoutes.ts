import path from 'node:path';
import { z } from 'zod';
import { MediaPath } from '../../shared/sync/entities';
import { mediaSvg } from '../../resources/demo/generator';
import type { HqApp, HqContext } from './context';
import { HttpError } from './errors';
import { etagOf, ifNoneMatch } from './etag';
import { sendFile } from './ranges';

const CONTENT_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/** A media path never changes its picture (a new picture gets a new path), so pillars may keep it for good. */
const FOREVER = 'public, max-age=31536000, immutable';
/** An SVG is a document that could carry script: served inert, whoever opens it. */
const INERT = { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox", 'X-Content-Type-Options': 'nosniff' };

const MediaParams = z.object({ '*': MediaPath });

/**
 * `GET /v1/media/*`: product images from `<dataDir>/media/`, and the demo chain's drawings, generated on
 * the fly for paths (`demo/…svg`) no file stands in for. The path is checked against `MediaPath` (no
 * `..`, no leading `/`) before it gets near the file system, and checked again after resolving.
 */
export function mediaRoutes(app: HqApp, { dataDir }: HqContext): void {
  const root = path.resolve(dataDir, 'media');

  app.get('/v1/media/*', { config: { access: 'any-kiosk' }, schema: { params: MediaParams } }, async (request, reply) => {
    const mediaPath = request.params['*'];
    const file = path.resolve(root, mediaPath);
    if (!file.startsWith(root + path.sep)) throw new HttpError(400, 'INVALID_INPUT', 'The media path leaves the media folder', [{ path: '*', message: 'must stay inside the media folder' }]);
    const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    void reply.headers(INERT);

    try {
      return await sendFile(request, reply, { path: file, contentType, cacheControl: FOREVER, etag: (size, mtimeMs) => etagOf('media', mediaPath, size, mtimeMs) });
    } catch (error) {
      if (!(error instanceof HttpError && error.status === 404)) throw error;
    }
    const svg = mediaSvg(mediaPath);
    if (svg === null) throw new HttpError(404, 'NOT_FOUND', `No media at "${mediaPath}"`);
    const etag = etagOf('demo-media', svg);
    void reply.header('ETag', etag).header('Cache-Control', FOREVER);
    if (ifNoneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.type('image/svg+xml; charset=utf-8').send(svg);
  });
}
