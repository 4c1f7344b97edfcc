import { Clock, Info } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/languages';
import { useNow } from '../../app/useNow';
import { freshnessOf } from './syncRules';
import { selectSyncStatus, useSyncStore } from './syncStore';
import { freshnessText } from './syncText';
import styles from './FreshnessLine.module.css';

/** "2 minutes ago" ages on screen; half a minute is as fine as the words get. */
const TICK_MS = 30_000;

interface FreshnessLineProps {
  language: Language;
  storeLocale: string;
  className?: string;
}

/**
 * How fresh the stock on screen is, said quietly — and, when the pillar has lost HQ for a while, said
 * honestly with a way forward (ask staff), never with the technical reason.
 */
export function FreshnessLine({ language, storeLocale, className }: FreshnessLineProps) {
  const { t } = useTranslation();
  const status = useSyncStore(selectSyncStatus);
  const now = useNow(TICK_MS);
  const freshness = freshnessOf(status, now);
  const text = freshnessText(freshness, now, t, { language, storeLocale });
  if (text === null) return null;
  const stale = freshness.kind === 'stale';
  const Icon = stale ? Info : Clock;
  return (
    <p
      className={[styles.line, stale ? styles.stale : null, className].filter(Boolean).join(' ')}
      // Turning stale is worth announcing once; the fresh line's minute-by-minute ageing is not.
      role={stale ? 'status' : undefined}
      data-testid="stock-freshness"
      data-freshness={freshness.kind}
    >
      <Icon className={styles.icon} aria-hidden="true" />
      <span>{text}</span>
    </p>
  );
}
