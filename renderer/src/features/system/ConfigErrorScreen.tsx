import { TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ConfigErrorSystemInfo } from '../../../../shared/api/system';
import styles from './SystemScreens.module.css';

/**
 * A broken configuration: calm words for the shopper, and for IT exactly which setting is wrong and why.
 * The problems themselves are IT's diagnostics, in the language of the settings file (English).
 */
export function ConfigErrorScreen({ info }: { info: ConfigErrorSystemInfo }) {
  const { t } = useTranslation();
  return (
    <main className={styles.screen}>
      <TriangleAlert className={styles.mark} aria-hidden="true" />
      <h1 className={styles.title}>{t('configError.title')}</h1>
      <p className={styles.body}>{t('configError.body')}</p>
      <section className={styles.panel} aria-labelledby="config-problems">
        <h2 id="config-problems" className={styles.panelTitle}>
          {t('configError.itHeading')}
        </h2>
        {info.config.path ? <p className={styles.path}>{t('configError.source', { path: info.config.path })}</p> : null}
        <table className={styles.problems}>
          <thead>
            <tr>
              <th scope="col">{t('configError.field')}</th>
              <th scope="col">{t('configError.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {info.problems.map((problem) => (
              <tr key={`${problem.field}:${problem.problem}`}>
                <td lang="en">
                  <code>{problem.field}</code>
                </td>
                <td lang="en">{problem.problem}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
