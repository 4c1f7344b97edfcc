import { describe, expect, it } from 'vitest';
import { isAllowedRequest, isAppUrl, isBlockedShortcut, isPermissionAllowed, isTrustedSender, type KeyInput } from './security';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('origin', () => {
  it('recognises only app://pillar as our page', () => {
    expect(isAppUrl('app://pillar/index.html')).toBe(true);
    for (const url of ['file:///etc/passwd', 'https://pillar/', 'app://evil/index.html', 'app://pillar.evil/', 'not a url', '']) {
      expect(isAppUrl(url)).toBe(false);
    }
  });

  it('trusts IPC only from our own top frame', () => {
    expect(isTrustedSender({ url: 'app://pillar/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://pillar/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('permissions and requests', () => {
  it('denies every permission the kiosk has not allowed by name', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'usb', 'fullscreen', 'openExternal']) {
      expect(isPermissionAllowed(permission, 'app://pillar/index.html')).toBe(false);
    }
  });

  it('lets the renderer load only its own files, never the network', () => {
    expect(isAllowedRequest('app://pillar/assets/index.js', { devTools: false })).toBe(true);
    expect(isAllowedRequest('data:image/svg+xml,<svg/>', { devTools: false })).toBe(true);
    for (const url of ['https://hq.example/v1/orders', 'http://127.0.0.1:8787/', 'ws://127.0.0.1/', 'file:///etc/passwd', 'ftp://x/']) {
      expect(isAllowedRequest(url, { devTools: false })).toBe(false);
    }
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', { devTools: false })).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', { devTools: true })).toBe(true);
  });
});

describe('shortcuts', () => {
  it('swallows reload, close, zoom, print, dev tools and full-screen toggles', () => {
    const blocked: KeyInput[] = [
      key('F5'),
      key('F11'),
      key('F12'),
      key('r', { control: true }),
      key('R', { control: true, shift: true }),
      key('w', { control: true }),
      key('q', { meta: true }),
      key('F4', { alt: true }),
      key('ArrowLeft', { alt: true }),
      key('=', { control: true }),
      key('+', { control: true }),
      key('-', { control: true }),
      key('0', { control: true }),
      key('p', { control: true }),
      key('I', { control: true, shift: true }),
      key('BrowserBack'),
      key('Alt', { alt: true }),
    ];
    for (const input of blocked) expect(isBlockedShortcut(input, { devTools: false }), JSON.stringify(input)).toBe(true);
  });

  it('lets plain typing through, which is what a barcode scanner sends', () => {
    for (const input of [...'5901234123457'].map((c) => key(c)).concat(key('Enter'), key('A', { shift: true }), key('Backspace'))) {
      expect(isBlockedShortcut(input, { devTools: false })).toBe(false);
    }
  });

  it('ignores key-up events and allows dev tools only in development', () => {
    expect(isBlockedShortcut({ ...key('F5'), type: 'keyUp' }, { devTools: false })).toBe(false);
    expect(isBlockedShortcut(key('F12'), { devTools: true })).toBe(false);
    expect(isBlockedShortcut(key('r', { control: true }), { devTools: true })).toBe(true);
  });
});
