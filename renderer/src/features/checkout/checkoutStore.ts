import { create } from 'zustand';
import type { BagLine, ConfirmedOrder, DetailsProblem, QuoteOutput } from '../../../../shared/api/orders';
import type { ErrorCode } from '../../../../shared/api/result';
import type { Language } from '../../../../shared/languages';
import { kiosk } from '../../api/kiosk';
import { detailsOf, EMPTY_FORM, fieldOf, firstStepWithProblem, problemsOf, stepsFor, type CheckoutForm, type Payment, type StepName } from './checkoutSteps';

/** What became of "Confirm order". */
export type PlaceOutcome =
  | { kind: 'confirmed'; order: ConfirmedOrder }
  /** Stock or prices moved since the summary: nothing was placed; the new quote is to be shown. */
  | { kind: 'changed'; quote: QuoteOutput }
  /** A detail does not pass after all: the shopper is taken back to it. */
  | { kind: 'invalid' }
  | { kind: 'failed'; error: ErrorCode };

interface CheckoutState {
  form: CheckoutForm;
  step: StepName;
  /** The core's problems with the form, as of the last check; each step shows its own. */
  problems: DetailsProblem[];
  /** The mobile number as it will be used (`+46 70 123 45 67`), once the core has read it. */
  phoneDisplay: string | null;
  /** A check or the order is on its way to the core. */
  busy: boolean;
  /** Why the last call failed (not a problem with the form: the core could not answer). */
  failure: ErrorCode | null;
  update(patch: Partial<CheckoutForm>): void;
  goTo(step: StepName): void;
  /** Next: checks this step's fields with the core, and moves on only when they pass. True when it moved. */
  next(lines: BagLine[]): Promise<boolean>;
  back(lines: BagLine[]): 'left' | 'stayed';
  /** `note`: staff mode's note for the store (the core marks the order as assisted by the staff member). */
  place(lines: BagLine[], lang: Language, seenTotalMinor: number, note?: string): Promise<PlaceOutcome>;
  /** The session ended or the order was placed: everything typed is forgotten. */
  clear(): void;
}

/** Bumped by `clear`: an answer about a form that was wiped is dropped. */
let generation = 0;

/**
 * The checkout form and where the shopper is in it. It holds personal data (name, contact, address), so
 * it lives only in memory and is wiped with the session and as soon as the order is placed.
 */
export const useCheckoutStore = create<CheckoutState>()((set, get) => ({
  form: EMPTY_FORM,
  step: 'contact',
  problems: [],
  phoneDisplay: null,
  busy: false,
  failure: null,
  update(patch) {
    const { problems, form } = get();
    // A field the shopper edits is no longer wrong as far as the screen knows: its message goes until Next.
    const edited = new Set<string>(Object.keys(patch));
    // Either contact field answers "a mobile number or an e-mail"; a mobile number answers text-message updates.
    if (edited.has('email')) edited.add('phone');
    if (edited.has('phone')) edited.add('sms');
    set({
      form: { ...form, ...patch },
      problems: problems.filter((problem) => {
        const field = fieldOf(problem);
        return field === null ? !(problem.path === 'payment' && edited.has('payment')) : !edited.has(field);
      }),
      ...(edited.has('phone') ? { phoneDisplay: null } : {}),
      failure: null,
    });
  },
  goTo(step) {
    set({ step, failure: null });
  },
  async next(lines) {
    const { step, form } = get();
    const steps = stepsFor(lines);
    const following = steps[steps.indexOf(step) + 1];
    if (!following) return false;
    if (step === 'payment' && form.payment === null) {
      set({ problems: [{ path: 'payment', problem: 'required' }] });
      return false;
    }
    if (step === 'contact' || step === 'address' || step === 'delivery') {
      const mine = generation;
      set({ busy: true, failure: null });
      const answer = await kiosk.orders.checkDetails({ details: detailsOf(form, lines), lines });
      if (mine !== generation) return false;
      if (!answer.ok) {
        set({ busy: false, failure: answer.error.code });
        return false;
      }
      const problems = answer.value.problems;
      set({ busy: false, problems, phoneDisplay: answer.value.phoneDisplay ?? null });
      if (problemsOf(step, problems).length > 0) return false;
    }
    // The core checks the whole form: what it said about later steps waits for their own Next, not shown on arrival.
    set({ step: following, failure: null, problems: [] });
    return true;
  },
  back(lines) {
    const steps = stepsFor(lines);
    const previous = steps[steps.indexOf(get().step) - 1];
    if (!previous) return 'left';
    set({ step: previous, failure: null });
    return 'stayed';
  },
  async place(lines, lang, seenTotalMinor, note) {
    const { form } = get();
    if (form.payment === null) {
      set({ step: 'payment', problems: [{ path: 'payment', problem: 'required' }] });
      return { kind: 'invalid' };
    }
    const mine = generation;
    set({ busy: true, failure: null });
    const answer = await kiosk.orders.place({ lines, lang, details: detailsOf(form, lines), payment: form.payment satisfies Payment, seenTotalMinor, ...(note ? { note } : {}) });
    if (mine !== generation) return { kind: 'failed', error: 'UNAVAILABLE' };
    set({ busy: false });
    if (!answer.ok) {
      set({ failure: answer.error.code });
      return { kind: 'failed', error: answer.error.code };
    }
    const outcome = answer.value;
    switch (outcome.state) {
      case 'confirmed':
        return { kind: 'confirmed', order: outcome.order };
      case 'changed':
        return { kind: 'changed', quote: outcome.quote };
      case 'invalid': {
        const step = firstStepWithProblem(stepsFor(lines), outcome.problems) ?? 'contact';
        set({ problems: outcome.problems, step });
        return { kind: 'invalid' };
      }
    }
  },
  clear() {
    generation++;
    set({ form: EMPTY_FORM, step: 'contact', problems: [], phoneDisplay: null, busy: false, failure: null });
  },
}));
