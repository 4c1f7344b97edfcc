import { describe, expect, it } from 'vitest';
import type { BagLine, DetailsProblem } from '../../../../shared/api/orders';
import { CheckoutDetails } from '../../../../shared/api/orders';
import { detailsOf, EMPTY_FORM, fieldOf, firstStepWithProblem, problemsOf, smsWanted, stepsFor, type CheckoutForm } from './checkoutSteps';
import { fieldSpec, postalFormat } from './fieldSpecs';

const delivered: BagLine = { sku: 'A', quantity: 1, fulfilment: { kind: 'delivery' } };
const held: BagLine = { sku: 'B', quantity: 1, fulfilment: { kind: 'hold', store: 'se-sto-gotgatan' } };
const form = (patch: Partial<CheckoutForm>): CheckoutForm => ({ ...EMPTY_FORM, ...patch });

describe('checkout steps', () => {
  it('checkout: address and delivery steps only when something goes to the shopper’s home', () => {
    expect(stepsFor([held])).toEqual(['contact', 'consent', 'payment', 'summary']);
    expect(stepsFor([held, delivered])).toEqual(['contact', 'address', 'delivery', 'consent', 'payment', 'summary']);
  });

  it('checkout: the form goes to the core trimmed, without empty optional fields, and passes the contract', () => {
    const details = detailsOf(
      form({ name: '  Anna Berg ', phone: ' 070 123 45 67 ', email: '   ', line1: 'Sveavägen 12', postalCode: '111 57', city: 'Stockholm', safePlace: ' ' }),
      [delivered],
    );
    expect(details).toEqual({
      contact: { name: 'Anna Berg', phone: '070 123 45 67' },
      address: { line1: 'Sveavägen 12', postalCode: '111 57', city: 'Stockholm' },
      delivery: { day: null, sms: true },
      marketingConsent: false,
    });
    expect(CheckoutDetails.safeParse(details).success).toBe(true);
    // A hold needs no address: none is sent, whatever was typed before the bag changed.
    expect(detailsOf(form({ name: 'Anna', line1: 'Sveavägen 12' }), [held])).toEqual({ contact: { name: 'Anna' }, marketingConsent: false });
  });

  it('checkout: text-message updates follow the mobile number until the shopper decides', () => {
    expect(smsWanted(form({}))).toBe(false);
    expect(smsWanted(form({ phone: '0701234567' }))).toBe(true);
    expect(smsWanted(form({ phone: '0701234567', sms: false }))).toBe(false);
    expect(smsWanted(form({ sms: true }))).toBe(true);
  });

  it('checkout: each problem the core reports is shown at its field, on its step', () => {
    const problems: DetailsProblem[] = [
      { path: 'contact.phone', problem: 'invalid-phone' },
      { path: 'contact', problem: 'required' },
      { path: 'address.postalCode', problem: 'invalid-postal-code' },
      { path: 'address', problem: 'required' },
      { path: 'delivery.day', problem: 'day-not-available' },
      { path: 'delivery.sms', problem: 'sms-needs-phone' },
    ];
    expect(problems.map(fieldOf)).toEqual(['phone', 'phone', 'postalCode', 'line1', 'day', 'sms']);
    expect(problemsOf('contact', problems)).toHaveLength(2);
    expect(problemsOf('address', problems)).toHaveLength(2);
    expect(problemsOf('payment', problems)).toEqual([]);
    expect(firstStepWithProblem(stepsFor([delivered]), problems.slice(2))).toBe('address');
    expect(firstStepWithProblem(stepsFor([delivered]), [])).toBeNull();
  });

  it('checkout: postal codes in digits get a number pad with the country’s separator; others the full keyboard', () => {
    expect(postalFormat('SE')).toEqual({ digits: true, separator: ' ' });
    expect(postalFormat('PL')).toEqual({ digits: true, separator: '-' });
    expect(postalFormat('DE')).toEqual({ digits: true, separator: null });
    expect(postalFormat('GB')).toEqual({ digits: false, separator: null });
    expect(postalFormat(null)).toEqual({ digits: false, separator: null });
    expect(fieldSpec('postalCode', 'GR').keyboard).toBe('postal');
    expect(fieldSpec('postalCode', 'NL').keyboard).toBe('text');
    expect(fieldSpec('phone', 'SE').keyboard).toBe('phone');
    expect(fieldSpec('email', 'SE').keyboard).toBe('email');
    expect(fieldSpec('name', 'SE').capitalize).toBe('words');
  });
});
