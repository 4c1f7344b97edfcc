import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildKioskApi } from '../../shared/api/bridge';
import { eventChannel, methodChannel } from '../../shared/api/contract';

/**
 * Exposes exactly one object, `window.kiosk`, generated from the contract: one function per method and
 * typed event subscription. The page never sees `ipcRenderer`, channel names or a generic `send`.
 */
const kiosk = buildKioskApi({
  invoke: (method, input) => ipcRenderer.invoke(methodChannel(method), input),
  subscribe(event, listener) {
    const channel = eventChannel(event);
    const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
});

contextBridge.exposeInMainWorld('kiosk', kiosk);
