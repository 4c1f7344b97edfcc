import { ArrowRight, Check } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fulfilment, QuoteOutput } from '../../../../shared/api/orders';
import type { ReadySystemInfo } from '../../../../shared/api/system';
import type { Language } from '../../../../shared/languages';
import { Button } from '../../app/ui/Button';
import { quoteMatches } from '../bag/bagLines';
import { useBagStore } from '../bag/bagStore';
import { regionOf } from '../bag/orderDates';
import { useBagQuote } from '../bag/useBagQuote';
import { useOrderContext } from '../bag/useOrderContext';
import { useConfirmationStore } from '../confirmation/confirmationStore';
import { LanguagePicker } from '../language/LanguagePicker';
import { ScreenHeader } from '../product/ScreenHeader';
import { useSessionStore } from '../session/sessionStore';
import { AssistedNote } from '../staff/AssistedNote';
import { assistedNote, useStaffStore } from '../staff/staffStore';
import { useSyncStore } from '../sync/syncStore';
import { ChangedNotice } from './ChangedNotice';
import { fieldOf, problemsOf, smsWanted, stepsFor, type Payment } from './checkoutSteps';
import { useCheckoutStore } from './checkoutStore';
import { ConsentStep, PaymentStep } from './ChoiceSteps';
import { DeliveryStep } from './DeliveryStep';
import { AddressStep, ContactStep, type FieldBinding } from './DetailsSteps';
import { fieldSpec, postalFormat, type TextFieldName } from './fieldSpecs';
import { FormKeyboard } from './FormKeyboard';
import { problemWords } from './problemWords';
import { StepIndicator } from './StepIndicator';
import { stepHeading } from './stepWords';
import { SummaryStep } from './SummaryStep';
import styles from './CheckoutScreen.module.css';

interface CheckoutScreenProps {
  info: ReadySystemInfo;
  language: Language;
  onChooseLanguage(language: Language): void;
  onStartOver(): void;
}

/** The typed fields of each step, in the order Next walks through them. */
const STEP_FIELDS: Partial<Record<string, TextFieldName[]>> = {
  contact: ['name', 'phone', 'email'],
  address: ['line1', 'line2', 'postalCode', 'city'],
  delivery: ['safePlace'],
};

/** Keeps a button's tap from taking the focus from a field (which would drop the keyboard under the finger). */
const keepFocus = { onPointerDown: (event: React.PointerEvent) => event.preventDefault(), onMouseDown: (event: React.MouseEvent) => event.preventDefault() };

/**
 * Checkout in short steps — contact, address and delivery (only for a home delivery), news, payment,
 * summary — with where the shopper is always in view and Back always there. Each Next asks the core to
 * check the step's fields and shows what is wrong next to the field, in words; "Confirm order" places it.
 */
export function CheckoutScreen({ info, language, onChooseLanguage, onStartOver }: CheckoutScreenProps) {
  const { t } = useTranslation();
  const lines = useBagStore((state) => state.lines);
  const quote = useBagStore((state) => state.quote);
  const { form, step, problems, phoneDisplay, busy, failure } = useCheckoutStore();
  const { update, goTo } = useCheckoutStore.getState();
  const phoneOffered = useSyncStore((state) => state.status?.phase === 'following');
  const context = useOrderContext(info, language);
  const country = regionOf(info.locale);
  const countryName = country ? regionName(country, language) : null;
  useBagQuote(language);

  const steps = stepsFor(lines);
  const empty = lines.length === 0;
  const current = steps.includes(step) ? step : 'contact';
  // With HQ out of reach the till is the only way to pay, so it is chosen; a phone payment chosen while HQ
  // answered stays (the confirmation shows the till code at once, and the phone's link once HQ issues it).
  const payment: Payment | null = form.payment ?? (phoneOffered ? null : 'till');
  const quoteCurrent = quote !== null && quoteMatches(quote, lines);
  const [changed, setChanged] = useState<{ previous: QuoteOutput } | null>(null);

  // The field being typed into, and so which keys the keyboard shows.
  const [typing, setTyping] = useState<TextFieldName | null>(null);
  const inputs = useRef<Partial<Record<TextFieldName, HTMLInputElement | null>>>({});
  const active = useRef<HTMLInputElement | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // A new step starts at its heading (for a screen reader, and so the top of the step is in view).
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  // The keyboard takes the bottom of the screen: the field being typed into stays in view above it.
  useEffect(() => {
    if (typing) requestAnimationFrame(() => inputs.current[typing]?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
  }, [typing]);

  const problemFor = (name: TextFieldName): string | null => {
    const problem = problems.find((candidate) => fieldOf(candidate) === name);
    if (!problem) return null;
    // "A mobile number or an e-mail" is said once, at the mobile number, not again under the e-mail.
    const eitherMissing = problem.problem === 'required' && problems.some((other) => fieldOf(other) === 'phone' && other.problem === 'required');
    if (name === 'email' && eitherMissing) return null;
    return problemWords(problem, t);
  };

  const focusField = (name: TextFieldName): void => inputs.current[name]?.focus();

  const onNext = async (): Promise<void> => {
    active.current?.blur();
    if (form.payment === null && payment !== null) update({ payment });
    setChanged(null);
    const moved = await useCheckoutStore.getState().next(lines);
    if (!moved) focusFirstProblem();
  };

  /** The first field with a problem takes the focus, so the shopper lands on what to fix. */
  const focusFirstProblem = (): void => {
    const state = useCheckoutStore.getState();
    const wrong = problemsOf(state.step, state.problems)
      .map(fieldOf)
      .find((name): name is TextFieldName => name !== null && name !== 'day' && name !== 'sms');
    if (wrong) focusField(wrong);
  };

  const onEnter = (name: TextFieldName): void => {
    const order = STEP_FIELDS[current] ?? [];
    const following = order[order.indexOf(name) + 1];
    if (following) focusField(following);
    else void onNext();
  };

  const onBack = (): void => {
    active.current?.blur();
    setChanged(null);
    if (useCheckoutStore.getState().back(lines) === 'left') useSessionStore.getState().back();
  };

  const onConfirm = async (): Promise<void> => {
    if (!quote || !quoteCurrent) return;
    if (form.payment === null && payment !== null) update({ payment });
    const previous = quote;
    const outcome = await useCheckoutStore.getState().place(lines, language, previous.totalMinor, assistedNote());
    switch (outcome.kind) {
      case 'confirmed':
        useConfirmationStore.getState().show(outcome.order);
        useSessionStore.getState().openOnly({ name: 'confirmation', orderId: outcome.order.id });
        // The order is safe on the pillar: what was typed for it, and the bag, are no longer needed here.
        useBagStore.getState().clear();
        useCheckoutStore.getState().clear();
        useStaffStore.getState().setNote('');
        return;
      case 'changed':
        useBagStore.getState().acceptQuote(outcome.quote);
        setChanged({ previous });
        return;
      case 'invalid':
        // Back on the step with the problem: once it is drawn, its field takes the focus.
        requestAnimationFrame(focusFirstProblem);
        return;
      case 'failed':
        return;
    }
  };

  const field: FieldBinding = (name) => {
    const spec = fieldSpec(name, country);
    return {
      id: `checkout-${name}`,
      value: form[name],
      error: problemFor(name),
      confirmation: name === 'phone' && phoneDisplay ? t('checkout.contact.phoneWillBe', { phone: phoneDisplay }) : null,
      maxLength: spec.maxLength,
      autoComplete: spec.autoComplete,
      type: spec.type,
      ref: (element: HTMLInputElement | null) => {
        inputs.current[name] = element;
      },
      onText: (value: string) => update({ [name]: value }),
      onFocusChange: (focused: boolean) => {
        if (focused) active.current = inputs.current[name] ?? null;
        setTyping((was) => (focused ? name : was === name ? null : was));
      },
      onEnter: () => onEnter(name),
    };
  };

  const typingSpec = typing ? fieldSpec(typing, country) : null;
  const stepProblem = (path: string): string | null => {
    const problem = problems.find((candidate) => candidate.path === path || fieldOf(candidate) === path);
    return problem ? problemWords(problem, t) : null;
  };
  const ready = current !== 'summary' || (quoteCurrent && quote.ready && payment !== null);

  return (
    <main className={`${styles.screen} ${typing ? styles.typing : ''}`}>
      <ScreenHeader brand={info.branding.name} store={info.store.name} backLabel={t('checkout.back')} onBack={onBack} onStartOver={onStartOver} bag={false} />
      <div className={styles.top}>{empty ? null : <StepIndicator steps={steps} current={current} />}</div>
      <div className={styles.scroller}>
        <h1 ref={heading} className={styles.heading} tabIndex={-1}>
          {empty ? t('bag.empty') : stepHeading(current, t)}
        </h1>

        {empty ? (
          // Everything was removed (stock ran out while checking out): nothing to order, somewhere to go.
          <div className={styles.fields}>
            <p className={styles.lead}>{t('bag.emptyBody')}</p>
            <Button variant="primary" className={styles.keepShopping} onClick={() => useSessionStore.getState().open({ name: 'start' })}>
              {t('bag.keepShopping')}
            </Button>
          </div>
        ) : (
          <>
            {current === 'contact' ? <ContactStep field={field} /> : null}
            {current === 'address' ? <AddressStep field={field} countryName={countryName} /> : null}
            {current === 'delivery' ? (
              <DeliveryStep
                delivery={quote?.delivery}
                day={form.day}
                sms={smsWanted(form)}
                dayProblem={stepProblem('day')}
                smsProblem={stepProblem('sms')}
                context={context}
                field={field}
                onDay={(day) => update({ day })}
                onSms={(sms) => update({ sms })}
              />
            ) : null}
            {current === 'consent' ? <ConsentStep consent={form.marketingConsent} onConsent={(marketingConsent) => update({ marketingConsent })} /> : null}
            {current === 'payment' ? (
              <PaymentStep payment={payment} phoneOffered={phoneOffered} problem={stepProblem('payment')} onPayment={(chosen) => update({ payment: chosen })} />
            ) : null}
            {current === 'summary' ? (
              <>
                {/* Staff placing it for the shopper see it first: who is helping, and the note for the store. */}
                <AssistedNote language={language} />
                {quote && (changed || (quoteCurrent && !quote.ready)) ? (
                  // Placing found that something moved, or stock moved while the summary was open (the quote
                  // follows stock): either way the shopper sees what, and the other ways to get it.
                  <ChangedNotice
                    lines={lines}
                    previous={changed?.previous ?? quote}
                    quote={quote}
                    context={context}
                    onFulfilment={(key: string, fulfilment: Fulfilment) => void useBagStore.getState().setFulfilment(key, fulfilment, language)}
                    onRemove={(key: string) => void useBagStore.getState().remove(key, language)}
                  />
                ) : null}
                {quote ? (
                  <SummaryStep
                    lines={lines}
                    quote={quote}
                    form={form}
                    payment={payment}
                    phoneDisplay={phoneDisplay}
                    countryName={countryName}
                    context={context}
                    onChange={(to) => {
                      setChanged(null);
                      goTo(to);
                    }}
                  />
                ) : null}
              </>
            ) : null}
          </>
        )}

        {typing ? null : (
          <div className={styles.language}>
            <LanguagePicker languages={info.languages} current={language} onChoose={onChooseLanguage} />
          </div>
        )}
      </div>

      {/* While typing, the keyboard's Next walks the fields and, from the last one, goes on: one Next at a time. */}
      <footer className={styles.footer} hidden={typing !== null || empty}>
        {failure ? (
          <p className={styles.failure} role="alert">
            {current === 'summary' ? t('checkout.placeFailed') : t('checkout.checkFailed')}
          </p>
        ) : null}
        {current === 'summary' ? (
          <Button variant="primary" size="hero" className={styles.primary} icon={<Check />} disabled={busy || !ready} aria-busy={busy} onClick={() => void onConfirm()} {...keepFocus}>
            {busy ? t('checkout.summary.confirming') : t('checkout.summary.confirm')}
          </Button>
        ) : (
          <Button variant="primary" size="hero" className={styles.primary} icon={<ArrowRight />} disabled={busy} aria-busy={busy} onClick={() => void onNext()} {...keepFocus}>
            {t('checkout.next')}
          </Button>
        )}
      </footer>

      {typing && typingSpec ? (
        <FormKeyboard
          key={typing}
          language={language}
          field={active}
          value={form[typing]}
          kind={typingSpec.keyboard}
          capitalize={typingSpec.capitalize}
          maxLength={typingSpec.maxLength}
          postalSeparator={postalFormat(country).separator}
          enterLabel={t('checkout.next')}
          onText={(value) => update({ [typing]: value })}
          onEnter={() => onEnter(typing)}
        />
      ) : null}
    </main>
  );
}

/** "Sweden", "Szwecja", "Σουηδία": the store's country in the shopper's language. */
function regionName(country: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(country) ?? country;
  } catch {
    return country;
  }
}
