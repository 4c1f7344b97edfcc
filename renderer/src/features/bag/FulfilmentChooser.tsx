import { Check, MapPin, Store, Truck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Fulfilment, FulfilmentOption, QuoteOutput } from '../../../../shared/api/orders';
import { fulfilmentOf, fulfilmentTitle, isCurrent, optionDetail, type OrderContext } from './orderWords';
import styles from './FulfilmentChooser.module.css';

interface FulfilmentChooserProps {
  /** For the group's name: "How you get Oxford shirt". */
  label: string;
  options: readonly FulfilmentOption[];
  current: Fulfilment;
  quote: QuoteOutput | null;
  context: OrderContext;
  disabled?: boolean;
  onChoose(fulfilment: Fulfilment): void;
}

const ICONS = { delivery: Truck, hold: MapPin, 'in-store': Store } as const;

/** Stores offered to hold a line, nearest first: more is a list to read, not a choice to make at a pillar. */
const MAX_HOLDS = 2;

/**
 * How a line of the bag is had, switchable among the ways the core says are possible now: big radio
 * cards, each with its terms (free and when, how far and until when), the chosen one marked with a tick
 * and a border, not colour alone.
 */
export function FulfilmentChooser({ label, options, current, quote, context, disabled, onChoose }: FulfilmentChooserProps) {
  const { t } = useTranslation();
  const holds = options.filter((option) => option.kind === 'hold');
  const shownHolds = new Set([...holds.slice(0, MAX_HOLDS), ...holds.filter((option) => isCurrent(option, current))]);
  const shown = options.filter((option) => option.kind !== 'hold' || shownHolds.has(option));
  return (
    <div className={styles.group} role="radiogroup" aria-label={label}>
      {shown.map((option) => {
        const checked = isCurrent(option, current);
        const Icon = ICONS[option.kind];
        return (
          <button
            key={option.kind === 'hold' ? option.store : option.kind}
            type="button"
            role="radio"
            aria-checked={checked}
            disabled={disabled}
            className={styles.option}
            onClick={() => {
              if (!checked) onChoose(fulfilmentOf(option));
            }}
          >
            <Icon className={styles.icon} aria-hidden="true" />
            <span className={styles.text}>
              <span className={styles.title}>{fulfilmentTitle(option, t)}</span>
              <span className={styles.detail}>{optionDetail(option, quote, t, context)}</span>
            </span>
            <span className={styles.mark} aria-hidden="true">
              {checked ? <Check /> : null}
            </span>
          </button>
        );
      })}
    </div>
  );
}
