import type { Session, WebContents } from 'electron';
import type { Logger } from '../core/log/logger';
import { isAllowedRequest, isAppUrl, isBlockedShortcut, isPermissionAllowed } from './security';

/** Session-wide policies: deny-all permissions, and no network from the renderer. */
export function lockDownSession(session: Session, options: { devTools: boolean }, log: Logger): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    const allowed = isPermissionAllowed(permission, contents.getURL());
    if (!allowed) log.warn({ permission }, 'permission request denied');
    callback(allowed);
  });
  session.setPermissionCheckHandler((contents, permission) => isPermissionAllowed(permission, contents?.getURL() ?? ''));
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  session.on('will-download', (event) => event.preventDefault());
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, options);
    if (!allowed) log.warn({ scheme: safeScheme(details.url) }, 'renderer request blocked');
    callback({ cancel: !allowed });
  });
}

/** Per-page policies: no navigation away, no new windows, no webviews, no escaping shortcuts or zoom. */
export function lockDownContents(contents: WebContents, options: { devTools: boolean }, log: Logger): void {
  const stayHome = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      log.warn({ scheme: safeScheme(url) }, 'navigation blocked');
    }
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-frame-navigate', (event) => stayHome(event, event.url));
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input, options)) event.preventDefault();
  });
  contents.on('did-finish-load', () => {
    void contents.setVisualZoomLevelLimits(1, 1);
    contents.setZoomFactor(1);
  });
  // Ctrl + wheel and trackpad pinch zoom.
  contents.on('zoom-changed', () => contents.setZoomFactor(1));
}

/** The scheme only: URLs may carry query strings with personal data, so they are never logged whole. */
function safeScheme(url: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? 'unknown';
}
