import { CircleAlert } from 'lucide-react';
import styles from './CheckoutScreen.module.css';

/** A problem said next to what it is about: words with an icon, never a red border alone. */
export function FieldProblem({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className={styles.problem}>
      <CircleAlert aria-hidden="true" />
      <span>{text}</span>
    </p>
  );
}
