import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeType, resolveAppPath } from './protocol';

const root = path.resolve('/opt/pillar/dist/renderer');

describe('app:// protocol', () => {
  it('serves index.html for the root and files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://pillar/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://pillar/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath(root, 'app://pillar/assets/a%20b.css')).toBe(path.join(root, 'assets', 'a b.css'));
  });

  it('never resolves outside the renderer folder, however the path is dressed up', () => {
    // The URL parser folds plain and %2e dot-segments before we see them; what is left must stay inside.
    for (const url of ['app://pillar/../../etc/passwd', 'app://pillar/%2e%2e/%2e%2e/etc/passwd', 'app://pillar/assets/../../x']) {
      const file = resolveAppPath(root, url);
      expect(file === null || file.startsWith(root + path.sep), `${url} → ${file}`).toBe(true);
    }
  });

  it('refuses encoded escapes and URLs that are not ours', () => {
    for (const url of [
      'app://pillar/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://pillar/..%5c..%5cwindows',
      'app://pillar/a%00.js',
      'app://pillar/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'https://pillar/index.html',
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull();
    }
  });

  it('names content types so the CSP-protected page loads its scripts, styles and fonts', () => {
    expect(mimeType('x/index.html')).toMatch(/^text\/html/);
    expect(mimeType('x/a.js')).toMatch(/^text\/javascript/);
    expect(mimeType('x/inter.woff2')).toBe('font/woff2');
    expect(mimeType('x/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('app:// media', () => {
  const media = path.resolve('/var/lib/pillar/media');

  it('serves cached product images from the data folder, and nothing above it', () => {
    expect(resolveAppPath(root, 'app://pillar/media/demo/jeans-1-navy.svg', media)).toBe(path.join(media, 'demo', 'jeans-1-navy.svg'));
    expect(resolveAppPath(root, 'app://pillar/media/..%2f..%2fcache.db', media)).toBeNull();
    expect(resolveAppPath(root, 'app://pillar/media/demo/x.svg')).toBe(path.join(root, 'media', 'demo', 'x.svg'));
  });
});
