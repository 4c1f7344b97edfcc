import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CONFIG } from '../core/config/demo';
import type { ConfigLocation } from '../core/config/load';
import { createKiosk, type Kiosk } from '../core/kiosk';
import { CONTENT_SECURITY_POLICY } from '../core/security/csp';
import { capturingLogger, tempDir, writeJson } from '../core/testing/fixtures';
import { startPreviewServer, type PreviewServer } from './server';

const APP = { name: 'Pillar', version: '0.0.0-test', runtime: 'preview' as const };
const INDEX_HTML = '<!doctype html><html><head><title>Pillar</title></head><body>pillar-test-renderer</body></html>';

/** Undone in reverse order after each test: servers first, then kiosks, then their folders. */
let cleanups: (() => unknown)[] = [];
afterEach(async () => {
  const pending = cleanups.reverse();
  cleanups = [];
  for (const cleanup of pending) await cleanup();
});

function folder(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return dir;
}

function rendererDir(): string {
  const dir = folder();
  writeJson(dir, 'index.html', INDEX_HTML);
  return dir;
}

function kioskWith(config: ConfigLocation): Kiosk {
  const kiosk = createKiosk({ app: APP, config, dataDir: folder(), log: capturingLogger().log, watchConfig: false });
  cleanups.push(() => kiosk.close());
  return kiosk;
}

async function serve(kiosk: Kiosk = kioskWith({ source: 'demo' })): Promise<PreviewServer> {
  const server = await startPreviewServer({
    kiosk,
    rendererDir: rendererDir(),
    host: '127.0.0.1',
    port: 0,
    log: capturingLogger().log,
  });
  cleanups.push(() => server.close());
  return server;
}

async function post(server: PreviewServer, method: string, body: string, contentType = 'application/json'): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}/api/${method}`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
  return { status: response.status, body: await response.json() };
}

/** A request with a Host header of our choosing, which fetch does not allow. */
function requestWithHost(server: PreviewServer, host: string, method: 'GET' | 'POST', pathname: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { hostname, port, method, path: pathname, headers: { Host: host, 'Content-Type': 'application/json' } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

/** Reads server-sent events frame by frame from a streaming response body. */
function sseFrames(body: ReadableStream<Uint8Array>): { next: (matches: (frame: string) => boolean) => Promise<string>; cancel: () => Promise<void> } {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  return {
    async next(matches) {
      for (;;) {
        let end: number;
        while ((end = buffered.indexOf('\n\n')) !== -1) {
          const frame = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          if (matches(frame)) return frame;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream ended before the expected frame arrived');
        buffered += value;
      }
    },
    cancel: () => reader.cancel(),
  };
}

describe('preview host: the kiosk API over HTTP', () => {
  it('preview: system.info answers 200 with the demo store, ready', async () => {
    const server = await serve();
    const { status, body } = await post(server, 'system.info', '{}');
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, value: { state: 'ready', store: { name: 'Stockholm Drottninggatan' } } });
  });

  it('preview: a method that is not in the contract is 404 UNKNOWN_METHOD', async () => {
    const server = await serve();
    const { status, body } = await post(server, 'system.shutdown', '{}');
    expect(status).toBe(404);
    expect(body).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('preview: input the contract refuses is 400 INVALID_INPUT naming the offending key', async () => {
    const server = await serve();
    const { status, body } = await post(server, 'system.info', '{"x":1}');
    expect(status).toBe(400);
    expect(body).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: expect.any(String), message: expect.stringContaining('x') }] },
    });
  });

  it('preview: a body that is not JSON is 400 INVALID_INPUT in the usual result shape', async () => {
    const server = await serve();
    const { status, body } = await post(server, 'system.info', '{ not json');
    expect(status).toBe(400);
    expect(body).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.any(String) } });
  });

  it('preview: input sent as text/plain (or as a form) is refused with 415 INVALID_INPUT', async () => {
    // These are the types a foreign page can POST without a CORS preflight; only JSON is accepted.
    const server = await serve();
    for (const contentType of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const { status, body } = await post(server, 'system.info', '{}', contentType);
      expect(status, contentType).toBe(415);
      expect(body, contentType).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.any(String) } });
    }
  });

  it('preview: a request naming another host (DNS rebinding) is refused with 421 FORBIDDEN', async () => {
    const server = await serve();
    const { port } = new URL(server.url);
    for (const pathname of ['/api/system.info', '/']) {
      const method = pathname === '/' ? 'GET' : 'POST';
      const refused = await requestWithHost(server, `evil.example:${port}`, method, pathname);
      expect(refused.status).toBe(421);
      expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // Our own names still get through, so the refusal above is about the Host header alone.
    const allowed = await requestWithHost(server, `localhost:${port}`, 'POST', '/api/system.info');
    expect(allowed.status).toBe(200);
  });
});

describe('preview host: the renderer', () => {
  it('preview: serves index.html with the Content Security Policy header', async () => {
    const server = await serve();
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('pillar-test-renderer');
  });

  it('preview: refuses to start without a built renderer and says how to build it', async () => {
    const kiosk = kioskWith({ source: 'demo' });
    const missing = path.join(folder(), 'not-built');
    await expect(
      startPreviewServer({ kiosk, rendererDir: missing, host: '127.0.0.1', port: 0, log: capturingLogger().log }),
    ).rejects.toThrow(/npm run build:renderer/);
  });
});

describe('preview host: events', () => {
  it('preview: a configuration change reaches the event stream as system.infoChanged', async () => {
    const configDir = folder();
    const configFile = writeJson(configDir, 'pillar.config.json', DEMO_CONFIG);
    const kiosk = kioskWith({ source: 'flag', path: configFile });
    const server = await serve(kiosk);

    const abort = new AbortController();
    const response = await fetch(`${server.url}/api/events`, { signal: abort.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const frames = sseFrames(response.body!);
    cleanups.push(() => abort.abort());
    // The host subscribes in the same turn as it writes this first frame, so after it no event is lost.
    await frames.next((frame) => frame.startsWith('retry:'));

    writeJson(configDir, 'pillar.config.json', { ...DEMO_CONFIG, store: { ...DEMO_CONFIG.store, name: 'Göteborg Avenyn' } });
    kiosk.reloadConfig();

    const frame = await frames.next((f) => f.startsWith('event: system.infoChanged\n'));
    const data = frame.split('\n').find((line) => line.startsWith('data: '));
    expect(JSON.parse(data!.slice('data: '.length))).toMatchObject({ state: 'ready', store: { name: 'Göteborg Avenyn' } });
    await frames.cancel();
  });
});
