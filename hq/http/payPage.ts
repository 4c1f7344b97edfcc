import type { Language } from '../../shared/languages';
import type { PaymentView } from '../store/store';

/**
 * The reference payment page a shopper's phone opens from the pillar's QR code: which order it is and
 * what it costs, in the shopper's language, and plainly that nothing is charged here. A retailer puts
 * its payment provider's page in this place. Plain HTML with inline styles: no build step, no script.
 */

const TEXTS: Record<Language, Record<'title' | 'order' | 'store' | 'total' | 'notice' | 'paid' | 'cancelled', string>> = {
  en: {
    title: 'Pay for your order',
    order: 'Order',
    store: 'Store',
    total: 'To pay',
    notice: "This is Pillar's reference HQ: it takes no real payment. A payment provider's page goes here.",
    paid: 'This order is paid. Thank you!',
    cancelled: 'This order was cancelled.',
  },
  sv: {
    title: 'Betala din beställning',
    order: 'Beställning',
    store: 'Butik',
    total: 'Att betala',
    notice: 'Det här är Pillars referens-HQ: här tas ingen riktig betalning. Här hamnar betalleverantörens sida.',
    paid: 'Beställningen är betald. Tack!',
    cancelled: 'Beställningen har avbrutits.',
  },
  pl: {
    title: 'Zapłać za zamówienie',
    order: 'Zamówienie',
    store: 'Sklep',
    total: 'Do zapłaty',
    notice: 'To jest referencyjne HQ Pillara: nie przyjmuje prawdziwych płatności. Tutaj znajdzie się strona operatora płatności.',
    paid: 'Zamówienie jest opłacone. Dziękujemy!',
    cancelled: 'Zamówienie zostało anulowane.',
  },
  el: {
    title: 'Πληρωμή της παραγγελίας σας',
    order: 'Παραγγελία',
    store: 'Κατάστημα',
    total: 'Προς πληρωμή',
    notice: 'Αυτό είναι το HQ αναφοράς του Pillar: δεν δέχεται πραγματικές πληρωμές. Εδώ μπαίνει η σελίδα του παρόχου πληρωμών.',
    paid: 'Η παραγγελία έχει πληρωθεί. Ευχαριστούμε!',
    cancelled: 'Η παραγγελία ακυρώθηκε.',
  },
};

const LOCALES: Record<Language, string> = { en: 'en-GB', sv: 'sv-SE', pl: 'pl-PL', el: 'el-GR' };

/** Large type, high contrast (WCAG AA and then some), readable on any phone; the code spaced so it can be read aloud. */
const STYLE = `
  :root { color-scheme: light; }
  body { margin: 0; font: 1.125rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #141414; background: #f6f5f2; }
  main { max-width: 32rem; margin: 0 auto; padding: 2rem 1.25rem; }
  h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 1.5rem; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 0.75rem 1.25rem; margin: 0 0 1.5rem; padding: 1.25rem; background: #fff; border: 1px solid #c9c6bf; border-radius: 0.5rem; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  .code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 1.375rem; letter-spacing: 0.12em; }
  .total { font-size: 1.375rem; font-weight: 700; }
  .notice { padding: 1rem 1.25rem; border-left: 0.375rem solid #1f4d3a; background: #e8efe9; }
`;

export function payPage(view: PaymentView): string {
  const text = TEXTS[view.language] ?? TEXTS.en;
  const status = view.status === 'cancelled' ? text.cancelled : view.status === 'received' ? null : text.paid;
  return page(view.language, `${text.title} ${view.code}`, [
    `<h1>${escape(text.title)}</h1>`,
    '<dl>',
    `<dt>${escape(text.order)}</dt><dd class="code">${escape(view.code)}</dd>`,
    `<dt>${escape(text.store)}</dt><dd>${escape(view.storeName)}</dd>`,
    `<dt>${escape(text.total)}</dt><dd class="total">${escape(money(view.totalMinor, view.currency, LOCALES[view.language] ?? 'en-GB'))}</dd>`,
    '</dl>',
    status === null ? '' : `<p role="status"><strong>${escape(status)}</strong></p>`,
    `<p class="notice">${escape(text.notice)}</p>`,
  ]);
}

export function payNotFoundPage(): string {
  return page('en', 'Payment link not found', [
    '<h1>Payment link not found</h1>',
    "<p>HQ knows no order for this link. Check the code on the pillar's screen, or pay at the till with your order code.</p>",
  ]);
}

function page(lang: Language, title: string, body: string[]): string {
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escape(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body><main>',
    ...body.filter((part) => part !== ''),
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}

/** Minor units in the currency's own number of decimals (öre, grosze, cents; none for yen). */
function money(minor: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const decimals = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** decimals);
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
