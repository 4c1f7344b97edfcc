import type { ReactNode } from 'react';
import type { ProductCard } from '../../../../shared/api/catalog';
import { useSessionStore } from '../session/sessionStore';
import { rememberOpenedCard } from './pageCache';
import styles from './OpenProductButton.module.css';

interface OpenProductButtonProps {
  /** The card tapped: the product page paints its first frame from it while the product is read. */
  card: ProductCard;
  colourCode?: string;
  /** The product's name: the button's words, and so what a screen reader announces. */
  children: ReactNode;
}

/**
 * The product's name as a button that opens its page. Its tap area is stretched over the whole card
 * (`cardHost` on the card), so a tap anywhere on the card opens it, while the card keeps its heading
 * and article semantics for screen readers.
 */
export function OpenProductButton({ card, colourCode, children }: OpenProductButtonProps) {
  const open = (): void => {
    const { styleCode } = card;
    rememberOpenedCard(card);
    useSessionStore.getState().open(colourCode ? { name: 'product', styleCode, colourCode } : { name: 'product', styleCode });
  };
  return (
    <button type="button" className={styles.open} onClick={open}>
      {children}
    </button>
  );
}

/** The class a card needs for the stretched tap area, its pressed feedback and its focus ring. */
export const cardHost = styles.host;
