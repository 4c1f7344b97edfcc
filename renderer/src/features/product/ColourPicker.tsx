import { Check } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Colour } from '../../../../shared/api/catalog';
import styles from './ColourPicker.module.css';

interface ColourPickerProps {
  colours: readonly Colour[];
  chosen: string;
  onChoose(colourCode: string): void;
}

/** Each colour as a swatch with its name under it; the chosen one ringed and ticked, not only tinted. */
export function ColourPicker({ colours, chosen, onChoose }: ColourPickerProps) {
  const { t } = useTranslation();
  const chosenName = colours.find((colour) => colour.code === chosen)?.name;
  return (
    <section className={styles.section} aria-labelledby="product-colour-heading">
      <h2 id="product-colour-heading" className={styles.heading}>
        {t('product.colour.heading')}
        {chosenName ? <span className={styles.chosenName}>{chosenName}</span> : null}
      </h2>
      <ul className={styles.list}>
        {colours.map((colour) => {
          const pressed = colour.code === chosen;
          return (
            <li key={colour.code}>
              <button type="button" className={styles.swatch} aria-pressed={pressed} onClick={() => onChoose(colour.code)}>
                {/* The catalog's own colour: product data, not a design token. */}
                <span className={styles.chip} style={{ backgroundColor: colour.hex }}>
                  {pressed ? <Check className={styles.tick} aria-hidden="true" /> : null}
                </span>
                <span className={styles.name}>{colour.name}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
