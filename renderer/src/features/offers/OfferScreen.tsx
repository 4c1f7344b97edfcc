import { BellRing, CalendarX, Check, HandHelping, RotateCw, ShoppingBag, TicketCheck, TicketPercent } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActiveOffer } from '../../../../shared/api/shopper';
import type { ReadySystemInfo } from '../../../../shared/api/system';
import type { Language } from '../../../../shared/languages';
import { Button } from '../../app/ui/Button';
import type { DateContext } from '../bag/orderDates';
import { useHelpStore } from '../help/helpStore';
import { LanguagePicker } from '../language/LanguagePicker';
import { ScreenHeader } from '../product/ScreenHeader';
import { useDelayed } from '../product/useDelayed';
import { useSessionStore } from '../session/sessionStore';
import { CheckInSteps } from './CheckInSteps';
import { selectCode, useCouponStore, type CodeState } from './couponStore';
import { CouponTicket } from './CouponTicket';
import { OfferSummary, OfferTerms } from './OfferSummary';
import { givesCode } from './offerWords';
import { useActiveOffers } from './useActiveOffers';
import styles from './OfferScreen.module.css';

/**
 * How long the pillar waits without a touch on an offer's screen before it asks "Are you still there?":
 * longer than elsewhere, as checking in on a phone or photographing the code takes a while.
 */
export const OFFER_IDLE_SECONDS = 180;

interface OfferScreenProps {
  info: ReadySystemInfo;
  language: Language;
  offerId: string;
  onChooseLanguage(language: Language): void;
  onStartOver(): void;
}

/**
 * One offer and its code. A check-in shows its steps in pictures and "I've checked in"; a today-only deal
 * its "Get your code". Then the code for the till, with its terms and exact expiry. One code per offer
 * per session: coming back shows the same code, and asking again gets the same one from the core. A pool
 * that ran dry or an offer that just ended is said kindly, never as an error.
 */
export function OfferScreen({ info, language, offerId, onChooseLanguage, onStartOver }: OfferScreenProps) {
  const { t } = useTranslation();
  const { back } = useSessionStore();
  const session = useSessionStore((state) => state.sessionId);
  const { offers, now, loaded } = useActiveOffers(language);
  const offer = offers.find((candidate) => candidate.id === offerId) ?? null;
  const code = useCouponStore(selectCode(offerId));
  const heading = useRef<HTMLHeadingElement>(null);
  const context: DateContext = { language, storeLocale: info.locale, timeZone: info.timeZone };

  const claim = (): void => {
    if (session) void useCouponStore.getState().claim(offerId, session, language);
  };

  // The screen's heading takes the focus when the screen opens and whenever what it says changes (the
  // steps give way to the code or a message), so a screen reader starts at the top of what is new. A
  // failure leaves the focus on "Try again"; the status line says what happened.
  const phase = code?.phase ?? 'none';
  const ready = loaded || code !== undefined;
  useEffect(() => {
    if (ready && phase !== 'claiming' && phase !== 'failed') heading.current?.focus({ preventScroll: true });
  }, [ready, phase]);

  const primary = primaryAction(offer, code, t, claim, back);

  return (
    <main className={styles.screen}>
      <ScreenHeader brand={info.branding.name} store={info.store.name} backLabel={t('offers.back')} onBack={back} onStartOver={onStartOver} />
      <div className={styles.scroller}>
        {ready ? (
          <div className={styles.content}>
            <OfferBody offer={offer} code={code} now={now} info={info} context={context} headingRef={heading} />
          </div>
        ) : null}
        <div className={styles.language}>
          <LanguagePicker languages={info.languages} current={language} onChoose={onChooseLanguage} />
        </div>
      </div>
      {ready && primary ? <footer className={styles.footer}>{primary}</footer> : null}
    </main>
  );
}

interface OfferBodyProps {
  offer: ActiveOffer | null;
  code: CodeState | undefined;
  now: number;
  info: ReadySystemInfo;
  context: DateContext;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}

function OfferBody({ offer, code, now, info, context, headingRef }: OfferBodyProps) {
  const { t } = useTranslation();
  const { locale, currency } = info;

  if (code?.phase === 'shown') {
    // The code stays for the session even if the offer ends meanwhile: it is valid until its own expiry.
    const { coupon } = code;
    return (
      <>
        <div className={styles.hero}>
          <TicketCheck className={styles.heroIcon} aria-hidden="true" />
          <h1 ref={headingRef} tabIndex={-1} className={styles.heading}>
            {t('offers.code.heading')}
          </h1>
        </div>
        <CouponTicket coupon={coupon} now={now} context={context} currency={currency} />
        {offer ? (
          <OfferSummary offer={offer} now={now} locale={locale} currency={currency} level={2} />
        ) : (
          <h2 className={styles.offerTitle}>{coupon.title}</h2>
        )}
        <OfferTerms terms={offer?.terms ?? coupon.terms} />
      </>
    );
  }
  if (code?.phase === 'empty') {
    return (
      <Notice icon={<HandHelping />} title={t('offers.empty.title')} body={t('offers.empty.body')} headingRef={headingRef}>
        {/* Staff can help: one tap calls them from right here (the corner button does the same). */}
        <Button variant="secondary" icon={<BellRing />} onClick={() => void useHelpStore.getState().call({ screen: 'other' })}>
          {t('help.button')}
        </Button>
      </Notice>
    );
  }
  if (code?.phase === 'ended' || !offer) {
    return <Notice icon={<CalendarX />} title={t('offers.ended.title')} body={t('offers.ended.body')} headingRef={headingRef} />;
  }

  // What the offer is beside how to get it on a landscape pillar; one above the other (terms last) in portrait.
  return (
    <div className={styles.split}>
      <div className={styles.intro}>
        <OfferSummary offer={offer} now={now} locale={locale} currency={currency} level={1} headingRef={headingRef} />
        <div className={styles.introTerms}>
          <OfferTerms terms={offer.terms} />
        </div>
      </div>
      <div className={styles.main}>
        {offer.checkIn ? (
          <CheckInSteps checkIn={offer.checkIn} store={info.store.name} />
        ) : givesCode(offer) ? (
          <section className={styles.today} aria-labelledby="offer-today-heading">
            <span className={styles.todayIcon} aria-hidden="true">
              <TicketPercent />
            </span>
            <div className={styles.todayWords}>
              <h2 id="offer-today-heading" className={styles.todayHeading}>
                {t('offers.today.heading')}
              </h2>
              <p className={styles.todayBody}>{t('offers.today.body')}</p>
            </div>
          </section>
        ) : null}
        <ClaimStatus code={code} />
      </div>
    </div>
  );
}

/** A code handed out from the pillar's own pool comes at once; a wait is worth words only past this. */
const CLAIMING_WORDS_AFTER_MS = 300;

/** While the code is on its way (if that takes a moment), and when it could not be had: said where the shopper looks. */
function ClaimStatus({ code }: { code: CodeState | undefined }) {
  const { t } = useTranslation();
  const waiting = useDelayed(code?.phase === 'claiming', CLAIMING_WORDS_AFTER_MS);
  return (
    <div className={styles.status} role="status">
      {waiting ? <p className={styles.claiming}>{t('offers.claiming')}</p> : null}
      {code?.phase === 'failed' ? (
        <div className={styles.failed}>
          <p className={styles.failedTitle}>{t('offers.failed.title')}</p>
          <p>{t('offers.failed.body')}</p>
        </div>
      ) : null}
    </div>
  );
}

interface NoticeProps {
  icon: ReactNode;
  title: string;
  body: string;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  children?: ReactNode;
}

function Notice({ icon, title, body, headingRef, children }: NoticeProps) {
  return (
    <section className={styles.notice}>
      <span className={styles.noticeIcon} aria-hidden="true">
        {icon}
      </span>
      <h1 ref={headingRef} tabIndex={-1} className={styles.noticeTitle}>
        {title}
      </h1>
      <p className={styles.noticeBody}>{body}</p>
      {children}
    </section>
  );
}

/**
 * The one big button at the foot, where a thumb reaches: "I've checked in" / "Get your code" (again
 * after a failure), and once there is an answer, the way back to shopping.
 */
function primaryAction(
  offer: ActiveOffer | null,
  code: CodeState | undefined,
  t: ReturnType<typeof useTranslation>['t'],
  claim: () => void,
  back: () => void,
): ReactNode {
  const phase = code?.phase;
  if (phase === 'shown' || phase === 'empty' || phase === 'ended' || !offer || !givesCode(offer)) {
    return (
      <Button variant="primary" size="hero" className={styles.action} icon={<ShoppingBag />} onClick={back}>
        {t('offers.code.done')}
      </Button>
    );
  }
  const label = phase === 'failed' ? t('offers.tryAgain') : offer.checkIn ? t('offers.checkIn.done') : t('offers.getCode');
  return (
    <Button
      variant="primary"
      size="hero"
      className={styles.action}
      icon={phase === 'failed' ? <RotateCw /> : <Check />}
      // Not disabled while the code is on its way (that would drop the focus); a second tap asks nothing twice.
      aria-busy={phase === 'claiming'}
      onClick={claim}
    >
      {label}
    </Button>
  );
}
