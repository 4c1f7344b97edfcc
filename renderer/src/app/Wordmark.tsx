import { StaffLongPress } from '../features/staff/StaffLongPress';
import styles from './Wordmark.module.css';

/** The retailer's name as its wordmark (from the configuration, never translated); a long press is staff's way in. */
export function Wordmark({ brand, store }: { brand: string; store: string }) {
  return (
    <StaffLongPress>
      <div className={styles.wordmark}>
        <span className={styles.brand}>{brand}</span>
        <span className={styles.store}>{store}</span>
      </div>
    </StaffLongPress>
  );
}
