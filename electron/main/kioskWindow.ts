import type { BrowserWindowConstructorOptions } from 'electron';

export interface KioskWindowOptions {
  preload: string;
  /** Full-screen kiosk mode: always in a packaged build unless IT turned it off. */
  kiosk: boolean;
  devTools: boolean;
  /** Painted before the first frame so the pillar never flashes white. */
  backgroundColor: string;
}

/** The one window: every security-relevant web preference set explicitly, whatever Electron's defaults. */
export function kioskWindowOptions(options: KioskWindowOptions): BrowserWindowConstructorOptions {
  return {
    show: false,
    kiosk: options.kiosk,
    fullscreen: options.kiosk,
    frame: !options.kiosk,
    width: 1080,
    height: 1920,
    autoHideMenuBar: true,
    backgroundColor: options.backgroundColor,
    title: 'Pillar',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: options.devTools,
      disableDialogs: true,
      autoplayPolicy: 'document-user-activation-required',
    },
  };
}
