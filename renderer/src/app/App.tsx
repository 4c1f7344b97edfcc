import { useCallback, useEffect } from 'react';
import type { ReadySystemInfo } from '../../../shared/api/system';
import { AttractScreen } from '../features/attract/AttractScreen';
import { useBagStore } from '../features/bag/bagStore';
import { BagScreen } from '../features/bag/BagScreen';
import { CheckoutScreen } from '../features/checkout/CheckoutScreen';
import { useCheckoutStore } from '../features/checkout/checkoutStore';
import { ConfirmationScreen } from '../features/confirmation/ConfirmationScreen';
import { useConfirmationStore } from '../features/confirmation/confirmationStore';
import { CallStaff } from '../features/help/CallStaff';
import { useHelpStore } from '../features/help/helpStore';
import { helpWhere } from '../features/help/helpWhere';
import { SHEET_HOST_ID } from '../features/help/Sheet';
import { useCouponStore } from '../features/offers/couponStore';
import { OFFER_IDLE_SECONDS, OfferScreen } from '../features/offers/OfferScreen';
import { ProductScreen } from '../features/product/ProductScreen';
import { useSearchStore } from '../features/search/searchStore';
import { IdleGuard } from '../features/session/IdleGuard';
import { selectRoute, useSessionStore } from '../features/session/sessionStore';
import { StartScreen } from '../features/start/StartScreen';
import { StoresScreen } from '../features/stores/StoresScreen';
import { StaffFrame } from '../features/staff/StaffFrame';
import { useStaffStore } from '../features/staff/staffStore';
import { ProvisioningScreen } from '../features/sync/ProvisioningScreen';
import { selectNeedsSetupScreen, selectSyncStatus, useSyncStore, watchSyncStatus } from '../features/sync/syncStore';
import { ConfigErrorScreen } from '../features/system/ConfigErrorScreen';
import { UnavailableScreen } from '../features/system/UnavailableScreen';
import { useSystemStore, watchSystemInfo } from '../features/system/systemStore';
import { setLanguage } from '../i18n';
import styles from './App.module.css';

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
  const { screen, language: chosen, start, open, chooseLanguage, end } = useSessionStore();
  const route = useSessionStore(selectRoute);
  const depth = useSessionStore((state) => state.routes.length);
  const language = chosen ?? info.defaultLanguage;
  const syncStatus = useSyncStore(selectSyncStatus);
  const settingUp = useSyncStore(selectNeedsSetupScreen);
  // Staff idle is the core's to count: the shopper's idle warning never interrupts staff at work.
  const staffOn = useStaffStore((state) => state.session !== null);

  // The shopper's search, call for help, bag, checkout form, order and offer codes leave with them: the
  // next session must not open on them, and nothing they typed stays in memory.
  const endSession = useCallback(() => {
    useSearchStore.getState().clear();
    useHelpStore.getState().reset();
    useBagStore.getState().clear();
    useCheckoutStore.getState().clear();
    useConfirmationStore.getState().clear();
    useCouponStore.getState().clear();
    useStaffStore.getState().setNote('');
    end();
  }, [end]);

  // An offer's code from the attract loop: the session starts on that offer's screen.
  const openOffer = useCallback((offerId: string) => open({ name: 'offer', offerId }), [open]);

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

  if (screen === 'attract') {
    return (
      <StaffFrame info={info}>
        <AttractScreen info={info} language={language} onChooseLanguage={chooseLanguage} onStart={start} onOpenOffer={openOffer} />
      </StaffFrame>
    );
  }

  return (
    <StaffFrame info={info}>
      {/*
        The start screen stays mounted under a product or the stores, only hidden, so "Back" returns to
        the same results at the same scroll position.
      */}
      <div className={styles.layer} hidden={route.name !== 'start'}>
        <StartScreen info={info} language={language} onChooseLanguage={chooseLanguage} onStartOver={endSession} />
      </div>
      {route.name === 'product' ? (
        // Keyed by depth too: a related product opened from a product is a new page, not an update.
        <div className={styles.layer} key={`product:${depth}:${route.styleCode}`}>
          <ProductScreen info={info} language={language} route={route} onChooseLanguage={chooseLanguage} onStartOver={endSession} />
        </div>
      ) : route.name === 'stores' ? (
        <div className={styles.layer} key={`stores:${depth}:${route.sku}`}>
          <StoresScreen info={info} language={language} route={route} onChooseLanguage={chooseLanguage} onStartOver={endSession} />
        </div>
      ) : route.name === 'bag' ? (
        <div className={styles.layer} key={`bag:${depth}`}>
          <BagScreen info={info} language={language} onChooseLanguage={chooseLanguage} onStartOver={endSession} />
        </div>
      ) : route.name === 'checkout' ? (
        <div className={styles.layer} key={`checkout:${depth}`}>
          <CheckoutScreen info={info} language={language} onChooseLanguage={chooseLanguage} onStartOver={endSession} />
        </div>
      ) : route.name === 'offer' ? (
        <div className={styles.layer} key={`offer:${depth}:${route.offerId}`}>
          <OfferScreen info={info} language={language} offerId={route.offerId} onChooseLanguage={chooseLanguage} onStartOver={endSession} />
        </div>
      ) : route.name === 'confirmation' ? (
        <div className={styles.layer} key={`confirmation:${route.orderId}`}>
          <ConfirmationScreen info={info} language={language} route={route} onChooseLanguage={chooseLanguage} onDone={endSession} />
        </div>
      ) : null}
      {/* Staff at the pillar are the help: the shopper's button (and its answer) wait until they step out. */}
      {staffOn ? null : <CallStaff where={() => helpWhere(route, useSearchStore.getState())} language={language} storeLocale={info.locale} timeZone={info.timeZone} />}
      {/* Dialogs over the screens (call staff, order notes) live here: above the screens, below the idle warning. */}
      <div id={SHEET_HOST_ID} />
      {staffOn ? null : (
        <IdleGuard
          // On an offer the shopper is busy on their phone (checking in, photographing the code), not idle.
          idleSeconds={route.name === 'offer' ? Math.max(info.idle.attractAfterSeconds, OFFER_IDLE_SECONDS) : info.idle.attractAfterSeconds}
          warningSeconds={info.idle.warningSeconds}
          onTimeout={endSession}
        />
      )}
    </StaffFrame>
  );
}
