import { ScanBarcode, Search } from 'lucide-react';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Button } from '../../app/ui/Button';
import { useSearchStore } from '../search/searchStore';
import { useSessionStore } from '../session/sessionStore';
import { listenForScans } from './scanListener';
import { useScannerStore } from './scannerStore';
import styles from './BarcodeScanner.module.css';

/** A shopper who scanned and walked away leaves no message behind for the next one. */
const NOTICE_MS = 20_000;

/**
 * The price-tag scanner, heard on every screen it is mounted in (the newest mount hears; mounting it
 * twice is harmless): a scan opens that product with that variant chosen; a code we cannot find is said
 * so kindly, with the way on.
 */
export function BarcodeScanner() {
  const { t } = useTranslation();
  const notice = useScannerStore((state) => state.notice);
  const dismiss = useScannerStore((state) => state.dismiss);

  useEffect(() => {
    const stop = listenForScans((code) => void useScannerStore.getState().lookUp(code));
    return () => {
      stop();
      // The screen is going (the session ended, or a scan opened a product): its note goes with it.
      useScannerStore.getState().dismiss();
    };
  }, []);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(dismiss, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);

  if (!notice) return null;
  const searchInstead = (): void => {
    dismiss();
    useSessionStore.getState().open({ name: 'start' });
    useSearchStore.getState().requestFocus();
  };
  return createPortal(
    // The scrim closes the note; clicks never reach the screen beneath (the attract screen starts on any tap).
    <div
      className={styles.scrim}
      onClick={(event) => {
        event.stopPropagation();
        dismiss();
      }}
    >
      <div
        className={styles.dialog}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="scan-notice-title"
        aria-describedby="scan-notice-body"
        onClick={(event) => event.stopPropagation()}
      >
        <ScanBarcode className={styles.icon} aria-hidden="true" />
        <h2 id="scan-notice-title" className={styles.title}>
          {t(notice === 'notFound' ? 'scanner.notFoundTitle' : 'scanner.unavailableTitle')}
        </h2>
        <p id="scan-notice-body" className={styles.body}>
          {t(notice === 'notFound' ? 'scanner.notFoundBody' : 'scanner.unavailableBody')}
        </p>
        <div className={styles.actions}>
          <Button variant="primary" icon={<Search />} onClick={searchInstead} autoFocus>
            {t('scanner.searchInstead')}
          </Button>
          <Button variant="secondary" onClick={dismiss}>
            {t('scanner.close')}
          </Button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
