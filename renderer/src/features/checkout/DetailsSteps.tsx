import { Lock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ComponentProps } from 'react';
import { TextField } from './TextField';
import type { TextFieldName } from './fieldSpecs';
import styles from './CheckoutScreen.module.css';

/** What the screen gives each field: its value, problem, keyboard wiring; the step adds label and hint. */
export type FieldBinding = (name: TextFieldName) => Omit<ComponentProps<typeof TextField>, 'label' | 'hint'>;

/** (a) Who the order is for and how to reach them: a name, and a mobile number and/or an e-mail. */
export function ContactStep({ field }: { field: FieldBinding }) {
  const { t } = useTranslation();
  return (
    <div className={styles.fields}>
      <p className={styles.lead}>{t('checkout.contact.body')}</p>
      <TextField {...field('name')} label={t('checkout.contact.name')} />
      <p className={styles.either}>{t('checkout.contact.either')}</p>
      <TextField {...field('phone')} label={t('checkout.contact.phone')} hint={t('checkout.contact.phoneHint')} />
      <TextField {...field('email')} label={t('checkout.contact.email')} />
    </div>
  );
}

/** (b) Where a delivery goes: always in the store's own country, which is said, not asked. */
export function AddressStep({ field, countryName }: { field: FieldBinding; countryName: string | null }) {
  const { t } = useTranslation();
  return (
    <div className={styles.fields}>
      <TextField {...field('line1')} label={t('checkout.address.line1')} />
      <TextField {...field('line2')} label={t('checkout.address.line2')} hint={t('checkout.optional')} />
      <div className={styles.pair}>
        <TextField {...field('postalCode')} label={t('checkout.address.postalCode')} />
        <TextField {...field('city')} label={t('checkout.address.city')} />
      </div>
      {countryName ? (
        <p className={styles.country}>
          <Lock aria-hidden="true" />
          <span>
            <strong>{countryName}</strong>
            <span>{t('checkout.address.countryFixed', { country: countryName })}</span>
          </span>
        </p>
      ) : null}
    </div>
  );
}
