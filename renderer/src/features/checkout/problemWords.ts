import type { TFunction } from 'i18next';
import type { DetailsProblem } from '../../../../shared/api/orders';

/** A problem the core found with a field, in words for the shopper (never the core's English). */
export function problemWords(problem: DetailsProblem, t: TFunction): string {
  switch (problem.problem) {
    case 'required':
      // "Neither a mobile number nor an e-mail" is reported on the contact, not on one of the two fields.
      if (problem.path === 'contact' || problem.path === 'contact.phone') return t('checkout.problem.contactRequired');
      if (problem.path === 'payment') return t('checkout.problem.payment');
      return t('checkout.problem.required');
    case 'invalid-phone':
      return t('checkout.problem.invalidPhone');
    case 'invalid-email':
      return t('checkout.problem.invalidEmail');
    case 'invalid-postal-code':
      return t('checkout.problem.invalidPostalCode');
    case 'too-long':
      return t('checkout.problem.tooLong');
    case 'sms-needs-phone':
      return t('checkout.problem.smsNeedsPhone');
    case 'day-not-available':
      return t('checkout.problem.dayNotAvailable');
  }
}
