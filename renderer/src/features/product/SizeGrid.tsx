import { useTranslation } from 'react-i18next';
import type { SizeCell } from './sizeGrid';
import { sizeTileLabel, sizeWords } from './sizeText';
import { STATUS_ICONS, UNKNOWN_ICON } from './statusIcons';
import styles from './SizeGrid.module.css';

interface SizeGridProps {
  cells: readonly SizeCell[];
  chosenSku: string | null;
  storeLocale: string;
  onChoose(sku: string): void;
}

/**
 * Every size of the chosen colour, each saying where it is in words and an icon (colour is only the
 * third sign): in this store, at N nearby stores with the nearest, online, sold out.
 */
export function SizeGrid({ cells, chosenSku, storeLocale, onChoose }: SizeGridProps) {
  const { t } = useTranslation();
  return (
    <ul className={styles.grid}>
      {cells.map((cell) => {
        const words = sizeWords(cell, t, storeLocale);
        const Icon = cell.status ? STATUS_ICONS[cell.status] : UNKNOWN_ICON;
        const tone = cell.sku === null ? 'absent' : (cell.status ?? 'unknown');
        return (
          <li key={cell.size}>
            <button
              type="button"
              className={`${styles.tile} ${styles[tone]}`}
              aria-pressed={cell.sku !== null && cell.sku === chosenSku}
              aria-label={sizeTileLabel(cell, words)}
              disabled={cell.sku === null}
              onClick={() => cell.sku && onChoose(cell.sku)}
            >
              <span className={styles.size}>{cell.size}</span>
              <span className={styles.status}>
                <Icon className={styles.icon} aria-hidden="true" />
                <span>{words.label}</span>
              </span>
              {words.detail ? <span className={styles.detail}>{words.detail}</span> : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
