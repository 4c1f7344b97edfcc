import { BellRing, MapPin, Truck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../app/ui/Button';
import { useHelpStore } from '../help/helpStore';
import { Sheet } from '../help/Sheet';
import styles from './OrderNote.module.css';

/** What the shopper asked for: free home delivery, or a hold at another store. */
export type OrderOption = { kind: 'online' } | { kind: 'hold'; store: string };

interface OrderNoteProps {
  option: OrderOption;
  productName: string;
  styleCode: string;
  colourName: string;
  size: string;
  /** Shown for a hold: the other stores that have it. */
  onStores: (() => void) | undefined;
  onClose(): void;
}

/**
 * The honest answer to "Order online" and "Hold at …" until ordering on the pillar exists: staff place
 * it, and one tap calls them. Never a checkout that does not lead anywhere.
 */
export function OrderNote({ option, productName, styleCode, colourName, size, onStores, onClose }: OrderNoteProps) {
  const { t } = useTranslation();
  const details = { product: productName, colour: colourName, size };
  const callStaff = (): void => {
    onClose();
    void useHelpStore.getState().call({ screen: 'product', styleCode });
  };
  return (
    <Sheet
      icon={option.kind === 'online' ? <Truck /> : <MapPin />}
      title={t('product.note.title')}
      onDismiss={onClose}
      actions={
        <>
          <Button variant="primary" icon={<BellRing />} onClick={callStaff}>
            {t('product.note.callStaff')}
          </Button>
          {option.kind === 'hold' && onStores ? (
            <Button
              variant="secondary"
              onClick={() => {
                onClose();
                onStores();
              }}
            >
              {t('product.note.seeStores')}
            </Button>
          ) : null}
          <Button variant="quiet" onClick={onClose}>
            {t('product.note.close')}
          </Button>
        </>
      }
    >
      <p className={styles.what}>{option.kind === 'online' ? t('product.note.onlineTitle') : t('product.note.holdTitle', { store: option.store })}</p>
      <p>{option.kind === 'online' ? t('product.note.onlineBody', details) : t('product.note.holdBody', { ...details, store: option.store })}</p>
      <p className={styles.soon}>{t('product.note.soon')}</p>
    </Sheet>
  );
}
