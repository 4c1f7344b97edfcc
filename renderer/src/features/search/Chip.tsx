import { Check } from 'lucide-react';
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import styles from './Chip.module.css';

interface ChipProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  /** On (filled, with a tick) or off; a chip that opens something instead leaves this out. */
  pressed?: boolean;
  /** Drawn before the words (a colour swatch, an icon). */
  leading?: ReactNode;
  children: ReactNode;
}

/** A large touch chip for filters: on and off in words, shape and colour at once (a tick, not only a fill). */
export function Chip({ pressed, leading, children, className, ...rest }: ChipProps) {
  return (
    <button type="button" className={[styles.chip, className].filter(Boolean).join(' ')} aria-pressed={pressed} {...rest}>
      {pressed ? <Check className={styles.tick} aria-hidden="true" /> : null}
      {leading}
      <span className={styles.label}>{children}</span>
    </button>
  );
}

/** A colour's swatch, outlined so white and off-white show on a white chip. */
export function Swatch({ hex }: { hex: string }) {
  return <span className={styles.swatch} style={{ backgroundColor: hex }} aria-hidden="true" />;
}
