import { ShoppingBag } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../session/sessionStore';
import { selectItemCount, useBagStore } from './bagStore';
import styles from './BagButton.module.css';

/** The bag in the header — its icon and how many items it holds (its name says both) — once it has something in it. */
export function BagButton() {
  const { t } = useTranslation();
  const count = useBagStore(selectItemCount);
  if (count === 0) return null;
  return (
    <button type="button" className={styles.button} onClick={() => useSessionStore.getState().open({ name: 'bag' })} aria-label={t('bag.button', { count })}>
      <ShoppingBag className={styles.glyph} aria-hidden="true" />
      <span className={styles.count} aria-hidden="true">
        {count}
      </span>
    </button>
  );
}

/** A header's actions on the right ("Start over") with the bag button before them, once the bag has something. */
export function HeaderActions({ children, bag = true }: { children: ReactNode; bag?: boolean }) {
  return (
    <div className={styles.actions}>
      {bag ? <BagButton /> : null}
      {children}
    </div>
  );
}
