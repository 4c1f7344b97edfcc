import { buildKioskApi, type KioskApi } from '../../../shared/api/bridge';
import { createHttpTransport } from './httpTransport';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in the browser preview. */
    readonly kiosk?: KioskApi;
  }
}

/**
 * The kiosk API for the whole UI: Electron's bridge when the preload provided one, otherwise the preview
 * host over HTTP. Components import this and never learn which it is.
 */
export const kiosk: KioskApi = window.kiosk ?? buildKioskApi(createHttpTransport());
