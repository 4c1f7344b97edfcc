import { LifeBuoy } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/api/sync';
import type { ReadySystemInfo } from '../../../../shared/api/system';
import type { Language } from '../../../../shared/languages';
import { Wordmark } from '../../app/Wordmark';
import { AttractIllustration } from '../attract/AttractIllustration';
import { etaText, percentDone, percentText, stageText } from './syncText';
import styles from './ProvisioningScreen.module.css';

interface ProvisioningScreenProps {
  info: ReadySystemInfo;
  language: Language;
  status: SyncStatus;
}

/**
 * The pillar's first provisioning (or a rebuild with nothing left to serve): a calm brand screen with
 * how far along it is and how long is left, instead of empty search results. While HQ cannot be reached
 * it says the pillar keeps trying, without the technical reason.
 */
export function ProvisioningScreen({ info, language, status }: ProvisioningScreenProps) {
  const { t } = useTranslation();
  const provisioning = status.phase === 'provisioning';
  return (
    <main className={styles.screen}>
      <header className={styles.header}>
        <Wordmark brand={info.branding.name} store={info.store.name} />
      </header>

      <div className={styles.stage}>
        <AttractIllustration className={styles.illustration} />
      </div>

      <section className={styles.text}>
        <h1 id="setup-title" className={styles.title}>
          {t('sync.setup.title')}
        </h1>
        <p className={styles.body}>{provisioning ? t('sync.setup.body') : t('sync.setup.waiting')}</p>
      </section>

      {provisioning ? <Progress status={status} language={language} /> : <div className={styles.progress} />}

      <footer className={styles.footer}>
        <LifeBuoy className={styles.helpIcon} aria-hidden="true" />
        <p>{t('sync.setup.help')}</p>
      </footer>
    </main>
  );
}

function Progress({ status, language }: { status: SyncStatus; language: Language }) {
  const { t } = useTranslation();
  const { progress } = status;
  const percent = progress ? percentDone(progress.fraction) : null;
  const stage = stageText(progress, t);
  const eta = progress ? etaText(progress.etaSeconds, t) : null;
  const percentLabel = percent === null ? null : percentText(percent, language);
  return (
    <section className={styles.progress}>
      <div className={styles.figures}>
        <span className={styles.percent} aria-hidden="true">
          {percentLabel}
        </span>
        <span className={styles.eta}>{eta}</span>
      </div>
      {/* Without a figure yet the bar is indeterminate (no aria-valuenow), as ARIA defines it. */}
      <div
        className={styles.track}
        role="progressbar"
        aria-labelledby="setup-title"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={percentLabel === null ? stage : t('sync.setup.valueText', { percent: percentLabel, stage })}
      >
        <div className={styles.fill} style={{ width: `${percent ?? 0}%` }} />
      </div>
      <p className={styles.stageText} aria-live="polite">
        {stage}
      </p>
    </section>
  );
}
