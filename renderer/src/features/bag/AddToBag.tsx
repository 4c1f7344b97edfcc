import { BellRing, Check, Info, ShoppingBag } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fulfilment, FulfilmentOption, QuotedLine } from '../../../../shared/api/orders';
import { Button } from '../../app/ui/Button';
import { ProductImage } from '../../app/ui/ProductImage';
import { useHelpStore } from '../help/helpStore';
import { Sheet } from '../help/Sheet';
import { useSessionStore } from '../session/sessionStore';
import { lineKey } from './bagLines';
import { useBagStore, type AddOutcome } from './bagStore';
import { fulfilmentOf, fulfilmentTitle, isCurrent, optionDetail, problemText, type OrderContext } from './orderWords';
import styles from './AddToBag.module.css';

export interface AddRequest {
  sku: string;
  styleCode: string;
  fulfilment: Fulfilment;
}

/**
 * "Add to bag" from anywhere a variant is offered (the product page, the stores screen): checks the line
 * with the core against the bag as it would be, then says what happened — added (with how and when it
 * comes), or plainly why not and the other ways to get it, one tap each.
 */
export function useAddToBag(context: OrderContext): { add(request: AddRequest): void; busy: boolean; sheet: ReactNode } {
  const [shown, setShown] = useState<{ request: AddRequest; outcome: AddOutcome } | null>(null);
  const [busy, setBusy] = useState(false);

  const add = (request: AddRequest): void => {
    if (busy) return;
    setBusy(true);
    void useBagStore
      .getState()
      .add({ sku: request.sku, quantity: 1, fulfilment: request.fulfilment }, context.language)
      .then((outcome) => {
        setBusy(false);
        setShown({ request, outcome });
      });
  };

  const sheet = shown ? (
    <AddToBagSheet outcome={shown.outcome} request={shown.request} context={context} busy={busy} onAdd={add} onClose={() => setShown(null)} />
  ) : null;
  return { add, busy, sheet };
}

interface AddToBagSheetProps {
  outcome: AddOutcome;
  request: AddRequest;
  context: OrderContext;
  busy: boolean;
  onAdd(request: AddRequest): void;
  onClose(): void;
}

function AddToBagSheet({ outcome, request, context, busy, onAdd, onClose }: AddToBagSheetProps) {
  const { t } = useTranslation();
  const quote = useBagStore((state) => state.quote);
  const lines = useBagStore((state) => state.lines);
  /** The bag already has this variant this way (so "fewer" means: no more than what is in the bag). */
  const inBag = (line: QuotedLine): boolean => lines.some((candidate) => lineKey(candidate) === lineKey(line));
  const viewBag = (): void => {
    onClose();
    useSessionStore.getState().open({ name: 'bag' });
  };

  switch (outcome.kind) {
    case 'added': {
      const { line } = outcome;
      const option = line.options.find((candidate) => isCurrent(candidate, line.fulfilment));
      return (
        <Sheet
          icon={<Check />}
          title={t('bag.added.title')}
          onDismiss={onClose}
          actions={
            <>
              <Button variant="primary" icon={<ShoppingBag />} onClick={viewBag}>
                {t('bag.added.viewBag')}
              </Button>
              <Button variant="secondary" onClick={onClose}>
                {t('bag.added.keepShopping')}
              </Button>
            </>
          }
        >
          <LineSummary line={line}>
            <p className={styles.way}>{fulfilmentTitle(line.fulfilment, t, option?.kind === 'hold' ? option.name : undefined)}</p>
            {option ? <p className={styles.detail}>{optionDetail(option, quote, t, context)}</p> : null}
          </LineSummary>
        </Sheet>
      );
    }
    case 'problem': {
      const { line } = outcome;
      const others = line.options.filter((option) => !isCurrent(option, request.fulfilment));
      return (
        <Sheet
          role="alertdialog"
          icon={<Info />}
          title={t('bag.cannotAdd.title')}
          onDismiss={onClose}
          actions={
            <Button variant={others.length > 0 ? 'secondary' : 'primary'} onClick={onClose}>
              {t('bag.cannotAdd.close')}
            </Button>
          }
        >
          <LineSummary line={line}>
            <p className={styles.problem}>
              <Info aria-hidden="true" />
              {line.problem === 'fewer' && inBag(line)
                ? t('bag.cannotAdd.allInBag', { count: line.available })
                : (problemText(line, t, context.storeLocale, quote?.currency ?? '') ?? t('bag.problem.unavailable'))}
            </p>
          </LineSummary>
          {others.length > 0 ? (
            <>
              <p className={styles.alternativesHeading}>{t('bag.cannotAdd.otherWays')}</p>
              <ul className={styles.alternatives}>
                {others.map((option) => (
                  <li key={option.kind === 'hold' ? option.store : option.kind}>
                    <AlternativeButton
                      option={option}
                      detail={optionDetail(option, quote, t, context)}
                      disabled={busy}
                      onChoose={() => onAdd({ ...request, fulfilment: fulfilmentOf(option) })}
                    />
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('bag.cannotAdd.noOtherWay')}</p>
          )}
        </Sheet>
      );
    }
    case 'full':
      return (
        <Sheet
          role="alertdialog"
          icon={<ShoppingBag />}
          title={t('bag.full.title')}
          onDismiss={onClose}
          actions={
            <>
              <Button variant="primary" onClick={viewBag}>
                {t('bag.added.viewBag')}
              </Button>
              <Button variant="secondary" onClick={onClose}>
                {t('bag.cannotAdd.close')}
              </Button>
            </>
          }
        >
          <p>{t('bag.full.body')}</p>
        </Sheet>
      );
    case 'failed':
      return (
        <Sheet
          role="alertdialog"
          icon={<Info />}
          title={t('bag.failed.title')}
          onDismiss={onClose}
          actions={
            <>
              <Button variant="primary" disabled={busy} onClick={() => onAdd(request)}>
                {t('bag.failed.retry')}
              </Button>
              <Button
                variant="secondary"
                icon={<BellRing />}
                onClick={() => {
                  onClose();
                  void useHelpStore.getState().call({ screen: 'product', styleCode: request.styleCode });
                }}
              >
                {t('help.button')}
              </Button>
            </>
          }
        >
          <p>{t('bag.failed.body')}</p>
        </Sheet>
      );
  }
}

/** The variant as the sheet shows it: picture, name, colour and size, and what is said about it. */
function LineSummary({ line, children }: { line: QuotedLine; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={styles.line}>
      <ProductImage path={line.image} className={styles.image} />
      <div className={styles.text}>
        <p className={styles.name}>{line.name}</p>
        <p className={styles.variant}>{t('bag.variant', { colour: line.colour.name, size: line.size })}</p>
        {children}
      </div>
    </div>
  );
}

/** One other way to get the variant, as a big button: what it is, and its terms underneath. */
export function AlternativeButton({ option, detail, disabled, onChoose }: { option: FulfilmentOption; detail: string; disabled?: boolean; onChoose(): void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className={styles.alternative} disabled={disabled} onClick={onChoose}>
      <span className={styles.alternativeTitle}>{fulfilmentTitle(option, t)}</span>
      <span className={styles.alternativeDetail}>{detail}</span>
    </button>
  );
}
