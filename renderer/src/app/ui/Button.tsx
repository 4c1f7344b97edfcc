import type { ButtonHTMLAttributes, ReactNode } from 'react';
import styles from './Button.module.css';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'quiet';
  size?: 'comfort' | 'hero';
  icon?: ReactNode;
}

/** The one button: every touch target is at least 48 px, primary actions far larger. */
export function Button({ variant = 'secondary', size = 'comfort', icon, children, className, ...rest }: ButtonProps) {
  return (
    <button
      type="button"
      className={[styles.button, styles[variant], styles[size === 'hero' ? 'sizeHero' : 'sizeComfort'], className].filter(Boolean).join(' ')}
      {...rest}
    >
      <span className={styles.label}>{children}</span>
      {icon ? <span className={styles.icon} aria-hidden="true">{icon}</span> : null}
    </button>
  );
}
