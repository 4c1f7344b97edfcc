import { open } from 'node:fs/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody, HttpError } from './errors';
import { ifNoneMatch } from './etag';

export type ByteRange = { start: number; end: number };

/**
 * The single byte range a `Range` header asks for within `size` bytes: a range, `unsatisfiable` (416), or
 * null for "send it all" — no header, a syntax HQ does not serve (several ranges) or a malformed one,
 * which RFC 9110 says to ignore rather than refuse.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (header === undefined) return null;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (!Number.isSafeInteger(suffix)) return null;
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Number.MAX_SAFE_INTEGER : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}

export interface FileAnswer {
  path: string;
  contentType: string;
  cacheControl: string;
  /** Names this file's bytes; computed from its size and modification time. */
  etag: (size: number, mtimeMs: number) => string;
}

/**
 * Sends a file with `Content-Length`, `ETag`, `Accept-Ranges` and single-range requests (206/416), so a
 * pillar on a weak network resumes a download where it broke off. `If-Range` guards the resume: when
 * the file is no longer the one the pillar started on, it gets the whole new file instead of a splice.
 * The file is opened before anything is sent, so one pruned mid-download still streams to the end.
 */
export async function sendFile(request: FastifyRequest, reply: FastifyReply, file: FileAnswer): Promise<FastifyReply> {
  const handle = await open(file.path, 'r').catch(() => null);
  if (!handle) throw new HttpError(404, 'NOT_FOUND', 'This file is gone; ask for it again');
  let streaming = false;
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new HttpError(404, 'NOT_FOUND', 'This file is gone; ask for it again');
    const { size, mtimeMs } = stats;
    const etag = file.etag(size, mtimeMs);
    void reply.header('ETag', etag).header('Accept-Ranges', 'bytes').header('Cache-Control', file.cacheControl);
    if (ifNoneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send();

    const ifRange = request.headers['if-range'];
    const range = ifRange === undefined || ifRange === etag ? parseRange(request.headers.range, size) : null;
    if (range === 'unsatisfiable') {
      return reply
        .code(416)
        .header('Content-Range', `bytes */${size}`)
        .type('application/json; charset=utf-8')
        .send(errorBody('INVALID_INPUT', `The range asked for lies outside the file's ${size} bytes`));
    }
    const { start, end } = range ?? { start: 0, end: size - 1 };
    void reply.type(file.contentType).header('Content-Length', String(size === 0 ? 0 : end - start + 1));
    if (range) void reply.code(206).header('Content-Range', `bytes ${start}-${end}/${size}`);
    if (size === 0) return reply.send(Buffer.alloc(0));
    streaming = true;
    return reply.send(handle.createReadStream({ start, end, autoClose: true }));
  } finally {
    if (!streaming) await handle.close();
  }
}
