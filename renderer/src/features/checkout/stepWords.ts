import type { TFunction } from 'i18next';
import type { StepName } from './checkoutSteps';

/** A step's short name, for the step indicator. */
export function stepName(step: StepName, t: TFunction): string {
  switch (step) {
    case 'contact':
      return t('checkout.steps.contact');
    case 'address':
      return t('checkout.steps.address');
    case 'delivery':
      return t('checkout.steps.delivery');
    case 'consent':
      return t('checkout.steps.consent');
    case 'payment':
      return t('checkout.steps.payment');
    case 'summary':
      return t('checkout.steps.summary');
  }
}

/** A step's question, as its heading. */
export function stepHeading(step: StepName, t: TFunction): string {
  switch (step) {
    case 'contact':
      return t('checkout.contact.heading');
    case 'address':
      return t('checkout.address.heading');
    case 'delivery':
      return t('checkout.delivery.heading');
    case 'consent':
      return t('checkout.consent.heading');
    case 'payment':
      return t('checkout.payment.heading');
    case 'summary':
      return t('checkout.summary.heading');
  }
}
