/**
 * The kiosk's security policies as plain functions, so every rule can be unit-tested without Electron.
 * `lockdown.ts` applies them to Electron's objects.
 */

/** The renderer's own origin: `app://pillar/…`, served by `protocol.ts`, never `file://`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pillar';
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;
export const APP_RECOVERY = `${APP_SCHEME}://${APP_HOST}/recovery.html`;

/** `app://pillar/…` and nothing else (custom schemes have an opaque `origin`, so compare parts). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Permissions a feature needs, by name. Empty today: no camera, microphone, geolocation, notifications,
 * clipboard, HID or serial for the renderer. A feature that needs one adds it here with a reason.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

/** The sender of an IPC call: only our own page's top frame may call the kiosk API. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

/**
 * Requests the renderer may make: its own files and inline images. Everything else (http, https, ws,
 * file, ftp, …) is cancelled: the renderer reaches HQ only through the core, never directly.
 */
export function isAllowedRequest(url: string, options: { devTools: boolean }): boolean {
  if (isAppUrl(url) || url.startsWith('data:') || url.startsWith('blob:app://')) return true;
  return options.devTools && url.startsWith('devtools://');
}

/** A key event as Electron's `before-input-event` reports it. */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

const COMMAND_KEYS = new Set(['r', 'w', 'q', 'n', 't', 'p', 's', 'o', 'l', 'h', 'j', 'u', 'f', 'g', 'm', '+', '=', '-', '_', '0']);
const BARE_KEYS = new Set(['F1', 'F3', 'F5', 'F6', 'F7', 'F11', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome', 'BrowserSearch', 'ContextMenu', 'Print']);

/**
 * Shortcuts that would reload, close, zoom, print, open dev tools or leave full screen. Plain keys
 * (which is what a barcode scanner types) always pass.
 */
export function isBlockedShortcut(input: KeyInput, options: { devTools: boolean }): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const command = input.control || input.meta;

  if (options.devTools && (key === 'F12' || (command && input.shift && key === 'i'))) return false;
  if (BARE_KEYS.has(key)) return true;
  if (input.alt && (key === 'F4' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')) return true;
  if (command && COMMAND_KEYS.has(key)) return true;
  if (command && input.shift && (key === 'i' || key === 'j' || key === 'c' || key === 'Delete')) return true;
  // Alt alone focuses a (hidden) menu bar on Windows and Linux.
  if (key === 'Alt' && !command && !input.shift) return true;
  return false;
}
