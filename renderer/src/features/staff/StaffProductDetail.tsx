import { Barcode, PackageOpen, Truck } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffProductOutput } from '../../../../shared/api/staff';
import type { Language } from '../../../../shared/languages';
import { kiosk } from '../../api/kiosk';
import styles from './StaffProductDetail.module.css';

interface StaffProductDetailProps {
  styleCode: string;
  language: Language;
  /** The colour on screen: its sizes are listed (the chosen size first to the eye, highlighted). */
  colourCode: string;
  chosenSku: string | null;
  locale: string;
  /** This store's name: a size with no stock row here is shown as 0 here, never left out. */
  storeName: string;
}

/**
 * What staff see on a product page and shoppers never do: per size the SKU and barcode, the exact count
 * in this store, the others and the warehouse, and any delivery on its way.
 */
export function StaffProductDetail({ styleCode, language, colourCode, chosenSku, locale, storeName }: StaffProductDetailProps) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState<StaffProductOutput | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    const load = (): void => {
      void kiosk.staff.product({ styleCode, lang: language }).then((answer) => {
        if (!live) return;
        setFailed(!answer.ok);
        if (answer.ok) setDetail(answer.value);
      });
    };
    load();
    const stop = kiosk.subscribe('catalog.stockChanged', (event) => {
      if (event.styleCodes.includes(styleCode)) load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [styleCode, language]);

  const variants = detail?.variants.filter((variant) => variant.colour === colourCode) ?? [];
  const count = new Intl.NumberFormat(locale);
  const day = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' });

  return (
    <section className={styles.detail} aria-labelledby="staff-detail-heading">
      <h2 id="staff-detail-heading" className={styles.heading}>
        {t('staff.product.heading')}
      </h2>
      {failed ? (
        <p role="alert">{t('staff.product.failed')}</p>
      ) : (
        <ul className={styles.variants}>
          {variants.map((variant) => (
            <li key={variant.sku} className={variant.sku === chosenSku ? styles.chosen : styles.variant} aria-label={t('staff.product.size', { size: variant.size })}>
              <div className={styles.ids}>
                <p className={styles.size}>{variant.size}</p>
                <p className={styles.code}>{t('staff.product.sku', { sku: variant.sku })}</p>
                <p className={styles.code}>
                  <Barcode aria-hidden="true" />
                  {variant.gtin ?? t('staff.product.noBarcode')}
                </p>
              </div>
              <table className={styles.stock}>
                <caption className={styles.hidden}>{t('staff.product.stockCaption', { size: variant.size })}</caption>
                <tbody>
                  {variant.stock.some((place) => place.kind === 'this-store') ? null : (
                    <tr className={styles.here}>
                      <th scope="row">{t('staff.product.thisStore', { name: storeName })}</th>
                      <td>{count.format(0)}</td>
                    </tr>
                  )}
                  {variant.stock.map((place) => (
                    <tr key={place.location} className={place.kind === 'this-store' ? styles.here : undefined}>
                      <th scope="row">
                        {place.kind === 'warehouse' ? <PackageOpen aria-hidden="true" /> : null}
                        {place.kind === 'this-store' ? t('staff.product.thisStore', { name: place.name }) : place.name}
                      </th>
                      <td>{count.format(place.quantity)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {variant.incoming.length > 0 ? (
                <p className={styles.incoming}>
                  <Truck aria-hidden="true" />
                  {variant.incoming
                    .map((delivery) => t('staff.product.incoming', { count: delivery.quantity, date: day.format(new Date(`${delivery.expectedOn}T12:00:00Z`)) }))
                    .join(' · ')}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
