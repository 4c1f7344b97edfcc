import { QRCodeSVG } from 'qrcode.react';
import styles from './OrderQr.module.css';

/**
 * A QR code on a white square with its quiet zone, crisp at any size (SVG). Dark on white always: some
 * scanners at tills cannot read light-on-dark codes, whatever the store's accent.
 */
export function OrderQr({ value, label, size = 'large' }: { value: string; label: string; size?: 'large' | 'medium' }) {
  return (
    <div className={`${styles.frame} ${styles[size]}`}>
      <QRCodeSVG value={value} level="M" marginSize={2} bgColor="#ffffff" fgColor="#161514" role="img" aria-label={label} title={label} className={styles.code} />
    </div>
  );
}
