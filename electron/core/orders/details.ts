import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { parsePhoneNumberFromString as parseMobileNumber } from 'libphonenumber-js/mobile';
import { z } from 'zod';
import type { MethodParsedInput } from '../../../shared/api/contract';
import type { DetailsProblem } from '../../../shared/api/orders';
import type { Address, Contact, DeliveryPreferences } from '../../../shared/sync/upstream';
import { normalisePostalCode } from './postalCodes';

export type CheckoutDetails = MethodParsedInput<'orders.checkDetails'>['details'];

/** The details as they will be sent to HQ: trimmed, the phone in E.164, the postal code as the country writes it. */
export interface CleanDetails {
  contact: Contact;
  address?: Address;
  delivery?: DeliveryPreferences;
  marketingConsent: boolean;
}

export interface DetailsCheck {
  problems: DetailsProblem[];
  /** The phone number as it will be used (`+46 70 123 45 67`), when it is valid. */
  phoneDisplay?: string;
  /** Only when there are no problems. */
  clean?: CleanDetails;
}

export interface DetailsRules {
  /** The store's country (ISO 3166-1 alpha-2): phone numbers default to it, addresses are in it. */
  country: string;
  /** A line is delivered home: an address and delivery preferences are needed. */
  delivers: boolean;
  /** The days a delivery can be booked for (from the quote). */
  choosableDays: readonly string[];
}

/** The limits HQ's schema sets (shared/sync/upstream.ts): a longer value is refused here, not there. */
const MAX = { name: 100, email: 254, line: 100, city: 60, safePlace: 200 } as const;

const Email = z.email();

/**
 * Checks what the shopper typed for the store's country, field by field, and answers problems by path
 * for the UI to translate. Nothing typed is ever logged or put into a problem: a problem names the field
 * and the kind of fault only.
 */
export function checkDetails(details: CheckoutDetails, rules: DetailsRules): DetailsCheck {
  const problems: DetailsProblem[] = [];
  const problem = (path: string, kind: DetailsProblem['problem']): void => void problems.push({ path, problem: kind });

  const name = details.contact.name.trim();
  if (name === '') problem('contact.name', 'required');
  else if (name.length > MAX.name) problem('contact.name', 'too-long');

  const typedPhone = details.contact.phone?.trim() ?? '';
  const typedEmail = details.contact.email?.trim() ?? '';
  if (typedPhone === '' && typedEmail === '') {
    problem('contact.phone', 'required');
    problem('contact.email', 'required');
  }

  const country = rules.country as CountryCode;
  let phone: { e164: string; display: string; mobile: boolean } | null = null;
  if (typedPhone !== '') {
    const parsed = parsePhoneNumberFromString(typedPhone, country);
    if (parsed?.isValid()) {
      // The mobile metadata holds only mobile numbers: valid there means a text message can reach it.
      phone = { e164: parsed.number, display: parsed.formatInternational(), mobile: parseMobileNumber(typedPhone, country)?.isValid() === true };
    } else problem('contact.phone', 'invalid-phone');
  }

  if (typedEmail !== '') {
    if (typedEmail.length > MAX.email) problem('contact.email', 'too-long');
    else if (!Email.safeParse(typedEmail).success) problem('contact.email', 'invalid-email');
  }

  let address: Address | undefined;
  let delivery: DeliveryPreferences | undefined;
  if (rules.delivers) {
    const typed = details.address ?? { line1: '', postalCode: '', city: '' };
    const line1 = typed.line1.trim();
    const line2 = typed.line2?.trim() ?? '';
    const city = typed.city.trim();
    const typedPostal = typed.postalCode.trim();
    if (line1 === '') problem('address.line1', 'required');
    else if (line1.length > MAX.line) problem('address.line1', 'too-long');
    if (line2.length > MAX.line) problem('address.line2', 'too-long');
    const postalCode = typedPostal === '' ? null : normalisePostalCode(rules.country, typedPostal);
    if (typedPostal === '') problem('address.postalCode', 'required');
    else if (postalCode === null) problem('address.postalCode', 'invalid-postal-code');
    if (city === '') problem('address.city', 'required');
    else if (city.length > MAX.city) problem('address.city', 'too-long');
    address = { line1, ...(line2 ? { line2 } : {}), postalCode: postalCode ?? '', city, country: rules.country };

    const preferences = details.delivery ?? { day: null, sms: false };
    if (preferences.day !== null && !rules.choosableDays.includes(preferences.day)) problem('delivery.day', 'day-not-available');
    if (preferences.sms && typedPhone === '') problem('delivery.sms', 'sms-needs-phone');
    else if (preferences.sms && phone && !phone.mobile) problem('delivery.sms', 'sms-needs-phone');
    const safePlace = preferences.safePlace?.trim() ?? '';
    if (safePlace.length > MAX.safePlace) problem('delivery.safePlace', 'too-long');
    delivery = { day: preferences.day, sms: preferences.sms, ...(safePlace ? { safePlace } : {}) };
  }

  const check: DetailsCheck = { problems, ...(phone ? { phoneDisplay: phone.display } : {}) };
  if (problems.length > 0) return check;
  const contact: Contact = { name, ...(phone ? { phone: phone.e164 } : {}), ...(typedEmail ? { email: typedEmail } : {}) };
  return {
    ...check,
    clean: { contact, ...(address ? { address } : {}), ...(delivery ? { delivery } : {}), marketingConsent: details.marketingConsent },
  };
}
