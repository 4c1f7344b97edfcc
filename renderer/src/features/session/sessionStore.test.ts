import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newSessionId, useSessionStore } from './sessionStore';

const isUuid = (value: unknown): boolean => z.uuid().safeParse(value).success;

describe('session id', () => {
  beforeEach(() => useSessionStore.getState().end());

  it('session: each session gets its own UUID, kept while it lasts and forgotten when it ends', () => {
    expect(useSessionStore.getState().sessionId).toBeNull();
    useSessionStore.getState().start();
    const first = useSessionStore.getState().sessionId;
    expect(isUuid(first)).toBe(true);

    useSessionStore.getState().open({ name: 'product', styleCode: 'NV-10042' });
    useSessionStore.getState().back();
    expect(useSessionStore.getState().sessionId).toBe(first);

    useSessionStore.getState().end();
    expect(useSessionStore.getState().sessionId).toBeNull();
    useSessionStore.getState().start();
    const second = useSessionStore.getState().sessionId;
    expect(isUuid(second)).toBe(true);
    expect(second).not.toBe(first);
  });

  it('session: a session started by opening a screen from the attract loop (a scan) has an id too', () => {
    useSessionStore.getState().open({ name: 'product', styleCode: 'NV-10042' });
    expect(useSessionStore.getState().screen).toBe('start');
    expect(isUuid(useSessionStore.getState().sessionId)).toBe(true);
  });

  it('session ids: random version-4 UUIDs, never the same twice', () => {
    const ids = new Set(Array.from({ length: 1000 }, newSessionId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
