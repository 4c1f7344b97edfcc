import { useCallback, useEffect } from 'react';
import type { ReadySystemInfo } from '../../../shared/api/system';
import { AttractScreen } from '../features/attract/AttractScreen';
import { useSearchStore } from '../features/search/searchStore';
import { IdleGuard } from '../features/session/IdleGuard';
import { useSessionStore } from '../features/session/sessionStore';
import { StartScreen } from '../features/start/StartScreen';
import { ProvisioningScreen } from '../features/sync/ProvisioningScreen';
import { selectNeedsSetupScreen, selectSyncStatus, useSyncStore, watchSyncStatus } from '../features/sync/syncStore';
import { ConfigErrorScreen } from '../features/system/ConfigErrorScreen';
import { UnavailableScreen } from '../features/system/UnavailableScreen';
import { useSystemStore, watchSystemInfo } from '../features/system/systemStore';
import { setLanguage } from '../i18n';

export function App() {
  const info = useSystemStore((state) => state.info);
  const error = useSystemStore((state) => state.error);

  useEffect(() => {
    void useSystemStore.getState().load();
    return watchSystemInfo();
  }, []);

  useEffect(() => {
    // Subscribe first, so a change between the first answer and the subscription is not lost.
    const unwatch = watchSyncStatus();
    void useSyncStore.getState().load();
    return unwatch;
  }, []);

  if (info?.state === 'ready') return <Kiosk info={info} />;
  if (info?.state === 'config-error') return <ConfigErrorScreen info={info} />;
  if (error) return <UnavailableScreen />;
  // The first answer comes within milliseconds; a blank calm background beats a flashing spinner.
  return null;
}

function Kiosk({ info }: { info: ReadySystemInfo }) {
  const { screen, language: chosen, start, chooseLanguage, end } = useSessionStore();
  const language = chosen ?? info.defaultLanguage;
  const syncStatus = useSyncStore(selectSyncStatus);
  const settingUp = useSyncStore(selectNeedsSetupScreen);

  // The shopper's search leaves with them: the next session must not open on it.
  const endSession = useCallback(() => {
    useSearchStore.getState().clear();
    end();
  }, [end]);

  // A pillar that loses its catalog mid-session ends the session: the next shopper starts clean.
  useEffect(() => {
    if (settingUp) endSession();
  }, [settingUp, endSession]);

  useEffect(() => {
    document.documentElement.style.setProperty('--color-accent', info.branding.accent);
  }, [info.branding.accent]);

  useEffect(() => {
    void setLanguage(language).then(() => {
      document.documentElement.dataset['ready'] = 'true';
    });
  }, [language]);

  if (settingUp && syncStatus) return <ProvisioningScreen info={info} language={language} status={syncStatus} />;

  return (
    <>
      {screen === 'attract' ? (
        <AttractScreen info={info} language={language} onChooseLanguage={chooseLanguage} onStart={start} />
      ) : (
        <StartScreen info={info} language={language} onChooseLanguage={chooseLanguage} onStartOver={endSession} />
      )}
      {screen !== 'attract' ? (
        <IdleGuard idleSeconds={info.idle.attractAfterSeconds} warningSeconds={info.idle.warningSeconds} onTimeout={endSession} />
      ) : null}
    </>
  );
}
