import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { eventChannel, methodChannel, methodNames } from '../../shared/api/contract';
import { fail } from '../../shared/api/result';
import type { Dispatcher } from '../core/api/dispatcher';
import type { KioskEvents } from '../core/api/events';
import type { Logger } from '../core/log/logger';
import { isTrustedSender } from './security';

/**
 * Registers every contract method on IPC through one handler shape: sender check, then the core's
 * dispatcher (which validates the input). No method can be registered any other way.
 */
export function registerKioskApi(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatcher: Dispatcher,
  log: Logger,
): () => void {
  for (const name of methodNames) {
    ipcMain.handle(methodChannel(name), async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        log.warn({ method: name }, 'kiosk API call from a foreign frame refused');
        return fail('FORBIDDEN', 'Only the kiosk page may call the kiosk API');
      }
      return dispatcher.dispatch(name, input);
    });
  }
  return () => {
    for (const name of methodNames) ipcMain.removeHandler(methodChannel(name));
  };
}

/** Forwards every core event to the page on its own channel; returns the unsubscribe function. */
export function forwardEvents(events: KioskEvents, target: { send(channel: string, payload: unknown): void; isDestroyed(): boolean }): () => void {
  return events.onAny((name, payload) => {
    if (!target.isDestroyed()) target.send(eventChannel(name), payload);
  });
}
