import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './security';

/**
 * Maps an `app://pillar/…` URL to a file inside the built renderer, or `null` when it is not ours or
 * would leave that folder (`..`, encoded slashes, absolute paths).
 */
export function resolveAppPath(rendererDir: string, url: string, mediaDir?: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';

  // Product images the kiosk caches live in its data folder, under app://pillar/media/.
  const inMedia = mediaDir !== undefined && pathname.startsWith('/media/');
  const root = path.resolve(inMedia ? mediaDir : rendererDir);
  const file = path.resolve(root, `.${inMedia ? pathname.slice('/media'.length) : pathname}`);
  return file.startsWith(root + path.sep) ? file : null;
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
