import { ArrowLeft, RotateCcw } from 'lucide-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Wordmark } from '../../app/Wordmark';
import { Button } from '../../app/ui/Button';
import { useFitLayout } from '../../app/ui/useFitLayout';
import { HeaderActions } from '../bag/BagButton';
import styles from './ScreenHeader.module.css';

interface ScreenHeaderProps {
  brand: string;
  store: string;
  backLabel: string;
  onBack(): void;
  onStartOver(): void;
  /** The bag button (with its count, once the bag has something); not on the bag and checkout themselves. */
  bag?: boolean;
}

const LAYOUTS = ['centred', 'between', 'stacked'];

/** The top of every screen past the start: a way back, who we are, and a way to start over. */
export function ScreenHeader({ brand, store, backLabel, onBack, onStartOver, bag = true }: ScreenHeaderProps) {
  const { t } = useTranslation();
  const header = useRef<HTMLElement>(null);
  // The wordmark centred on the screen while that fits, else between the buttons, else on a row of its own.
  useFitLayout(header, LAYOUTS);
  return (
    <header ref={header} className={styles.header}>
      <Button variant="secondary" className={styles.back} onClick={onBack}>
        <span className={styles.backLabel}>
          <ArrowLeft aria-hidden="true" />
          {backLabel}
        </span>
      </Button>
      <div className={styles.brand}>
        <Wordmark brand={brand} store={store} />
      </div>
      <HeaderActions bag={bag}>
        <Button variant="secondary" icon={<RotateCcw />} onClick={onStartOver}>
          {t('common.startOver')}
        </Button>
      </HeaderActions>
    </header>
  );
}
