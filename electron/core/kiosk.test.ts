import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CONFIG } from './config/demo';
import { createKiosk, kioskPaths, type Kiosk } from './kiosk';
import { capturingLogger, tempDir, writeJson } from './testing/fixtures';

const app = { name: 'Pillar', version: '0.0.0-test', runtime: 'preview' as const };
let dir: string;
let cleanup: () => void;
let kiosk: Kiosk | undefined;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => {
  kiosk?.close();
  cleanup();
});

describe('kiosk', () => {
  it('loads the demo chain into an empty cache on first start and answers catalog calls through the API', async () => {
    kiosk = createKiosk({ app, config: { source: 'demo' }, dataDir: dir, log: capturingLogger().log, watchConfig: false });
    expect(existsSync(kioskPaths(dir).cache)).toBe(true);
    expect(existsSync(path.join(kioskPaths(dir).media, 'demo'))).toBe(true);

    const found = await kiosk.dispatcher.dispatch('catalog.search', { text: 'jeans', lang: 'en' });
    expect(found).toMatchObject({ ok: true, value: { total: expect.any(Number) } });
    if (!found.ok) return;
    expect((found.value as { items: unknown[] }).items).toHaveLength(24); // the default page

    const styleCode = (found.value as { items: { styleCode: string }[] }).items[0]!.styleCode;
    expect(await kiosk.dispatcher.dispatch('catalog.availability', { styleCode })).toMatchObject({ ok: true });
    expect(await kiosk.dispatcher.dispatch('catalog.product', { styleCode, lang: 'el' })).toMatchObject({ ok: true });
  });

  it('validates every catalog input: bad paging, unknown language, extra fields', async () => {
    kiosk = createKiosk({ app, config: { source: 'demo' }, dataDir: dir, log: capturingLogger().log, watchConfig: false });
    for (const input of [
      { text: 'x', lang: 'en', limit: 500 },
      { text: 'x', lang: 'de' },
      { text: 'x', lang: 'en', offset: -1 },
      { text: 'x', lang: 'en', sql: 'DROP TABLE products' },
    ]) {
      expect(await kiosk.dispatcher.dispatch('catalog.search', input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(await kiosk.dispatcher.dispatch('catalog.byBarcode', { code: '1234567890123' })).toMatchObject({ ok: false, error: { code: 'INVALID_BARCODE' } });
    expect(await kiosk.dispatcher.dispatch('catalog.product', { styleCode: 'NV-0', lang: 'en' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('keeps the second start fast: an existing cache is reused, not reloaded', () => {
    const log = capturingLogger();
    createKiosk({ app, config: { source: 'demo' }, dataDir: dir, log: log.log, watchConfig: false }).close();
    kiosk = createKiosk({ app, config: { source: 'demo' }, dataDir: dir, log: log.log, watchConfig: false });
    expect(log.lines().filter((line) => line['msg'] === 'demo catalog loaded into an empty cache')).toHaveLength(1);
  });

  it('refuses to start on a database written by another version, naming the file, and leaves it untouched', () => {
    const foreign = new Database(kioskPaths(dir).local);
    foreign.exec("CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT; INSERT INTO schema_migrations VALUES (1, 'orders v9', 0)");
    foreign.close();
    expect(() => createKiosk({ app, config: { source: 'demo' }, dataDir: dir, log: capturingLogger().log, watchConfig: false })).toThrow(
      /local\.db .*migration 1 "orders v9".*another version/,
    );
    const after = new Database(kioskPaths(dir).local, { readonly: true });
    expect(after.prepare('SELECT name FROM schema_migrations').pluck().all()).toEqual(['orders v9']);
    after.close();
  });

  it('answers UNAVAILABLE for the catalog while the configuration is broken, and recovers when it is fixed', async () => {
    const file = writeJson(dir, 'pillar.config.json', { ...DEMO_CONFIG, store: { id: 'bad id', name: 'X' } });
    kiosk = createKiosk({ app, config: { source: 'flag', path: file }, dataDir: dir, log: capturingLogger().log, watchConfig: false });
    expect(await kiosk.dispatcher.dispatch('catalog.search', { text: 'jeans', lang: 'en' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });

    writeJson(dir, 'pillar.config.json', DEMO_CONFIG);
    kiosk.reloadConfig();
    expect(await kiosk.dispatcher.dispatch('catalog.search', { text: 'jeans', lang: 'en' })).toMatchObject({ ok: true });
  });
});
