import type { BagLine, CheckoutDetails, DetailsProblem } from '../../../../shared/api/orders';
import { delivers } from '../bag/bagLines';

/** Checkout, in short steps; address and delivery only when something goes to the shopper's home. */
export type StepName = 'contact' | 'address' | 'delivery' | 'consent' | 'payment' | 'summary';

export type Payment = 'till' | 'phone';

/** What the shopper has typed and chosen so far: plain text as typed, turned into the contract's shape by `detailsOf`. */
export interface CheckoutForm {
  name: string;
  phone: string;
  email: string;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  /** A chosen delivery day, or null for the earliest. */
  day: string | null;
  /** Text-message updates; null until the shopper decides (then: on when a mobile number was given). */
  sms: boolean | null;
  safePlace: string;
  /** Off unless the shopper turns it on. */
  marketingConsent: boolean;
  payment: Payment | null;
}

export const EMPTY_FORM: CheckoutForm = {
  name: '',
  phone: '',
  email: '',
  line1: '',
  line2: '',
  postalCode: '',
  city: '',
  day: null,
  sms: null,
  safePlace: '',
  marketingConsent: false,
  payment: null,
};

export type FieldName = keyof Pick<CheckoutForm, 'name' | 'phone' | 'email' | 'line1' | 'line2' | 'postalCode' | 'city' | 'safePlace' | 'day' | 'sms'>;

export function stepsFor(lines: readonly BagLine[]): StepName[] {
  return delivers(lines) ? ['contact', 'address', 'delivery', 'consent', 'payment', 'summary'] : ['contact', 'consent', 'payment', 'summary'];
}

/** Text-message updates as they stand: the shopper's choice, or on when they gave a mobile number. */
export function smsWanted(form: CheckoutForm): boolean {
  return form.sms ?? form.phone.trim() !== '';
}

/** The form as the kiosk API takes it: trimmed, empty optional fields left out, address only for a delivery. */
export function detailsOf(form: CheckoutForm, lines: readonly BagLine[]): CheckoutDetails {
  const text = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());
  const phone = text(form.phone);
  const email = text(form.email);
  const line2 = text(form.line2);
  const safePlace = text(form.safePlace);
  return {
    contact: { name: form.name.trim(), ...(phone ? { phone } : {}), ...(email ? { email } : {}) },
    ...(delivers(lines)
      ? {
          address: { line1: form.line1.trim(), ...(line2 ? { line2 } : {}), postalCode: form.postalCode.trim(), city: form.city.trim() },
          delivery: { day: form.day, sms: smsWanted(form), ...(safePlace ? { safePlace } : {}) },
        }
      : {}),
    marketingConsent: form.marketingConsent,
  };
}

/** The field a problem belongs to (`contact.phone` → phone); a problem with the whole contact is shown at the mobile number. */
export function fieldOf(problem: DetailsProblem): FieldName | null {
  const [section, field] = problem.path.split('.');
  switch (section) {
    case 'contact':
      return field === 'name' ? 'name' : field === 'email' ? 'email' : 'phone';
    case 'address':
      return field === 'line2' ? 'line2' : field === 'postalCode' ? 'postalCode' : field === 'city' ? 'city' : 'line1';
    case 'delivery':
      return field === 'sms' ? 'sms' : field === 'safePlace' ? 'safePlace' : 'day';
    default:
      return null;
  }
}

/** The step where a field is filled in. */
export function stepOf(field: FieldName): StepName {
  switch (field) {
    case 'name':
    case 'phone':
    case 'email':
      return 'contact';
    case 'line1':
    case 'line2':
    case 'postalCode':
    case 'city':
      return 'address';
    case 'day':
    case 'sms':
    case 'safePlace':
      return 'delivery';
  }
}

/** The problems a step must show (the core checks the whole form; a later step's gaps wait for that step). */
export function problemsOf(step: StepName, problems: readonly DetailsProblem[]): DetailsProblem[] {
  return problems.filter((problem) => {
    const field = fieldOf(problem);
    return field !== null && stepOf(field) === step;
  });
}

/** The first step, in the order shown, with a problem; null when none has. */
export function firstStepWithProblem(steps: readonly StepName[], problems: readonly DetailsProblem[]): StepName | null {
  return steps.find((step) => problemsOf(step, problems).length > 0) ?? null;
}
