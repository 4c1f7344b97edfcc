import { describe, expect, it } from 'vitest';
import { kioskWindowOptions } from './kioskWindow';

describe('kiosk window', () => {
  const production = kioskWindowOptions({ preload: '/app/preload.cjs', kiosk: true, devTools: false, backgroundColor: '#f6f4f0' });

  it('sets every security preference of the checklist explicitly', () => {
    expect(production.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
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
      devTools: false,
    });
  });

  it('opens full screen in kiosk mode, hidden until painted, on the brand background', () => {
    expect(production).toMatchObject({ kiosk: true, fullscreen: true, frame: false, show: false, backgroundColor: '#f6f4f0' });
  });

  it('keeps the same protections in a windowed development run', () => {
    const dev = kioskWindowOptions({ preload: '/p.cjs', kiosk: false, devTools: true, backgroundColor: '#f6f4f0' });
    expect(dev).toMatchObject({ kiosk: false, fullscreen: false });
    expect(dev.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: true });
  });
});
