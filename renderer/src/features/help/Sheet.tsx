import { useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useFocusTrap } from '../../app/ui/useFocusTrap';
import styles from './Sheet.module.css';

interface SheetProps {
  title: ReactNode;
  /** An icon shown above the title (decorative). */
  icon?: ReactNode;
  children?: ReactNode;
  /** The buttons; the first one gets the focus. */
  actions: ReactNode;
  onDismiss(): void;
  /** `alertdialog` for something the shopper must read (a failure); `dialog` otherwise. */
  role?: 'dialog' | 'alertdialog';
  /** Where it is drawn when not in the app's sheet layer (a staff screen's, drawn over the shopper's hidden one). */
  host?: HTMLElement;
}

/**
 * A calm dialog rising from the bottom, in the low reach zone. It takes the focus (its first button),
 * keeps Tab inside, closes on Escape or a tap beside it, and gives the focus back when it closes.
 * Not the native `<dialog>` modal: that would make the idle warning (drawn after it) unreachable.
 * It is drawn in the app's overlay layer (`SHEET_HOST_ID`, under the idle warning), never inside the
 * screen that opened it, whose scrolling and fading would clip it.
 */
export function Sheet({ title, icon, children, actions, onDismiss, role = 'dialog', host }: SheetProps) {
  const titleId = useId();
  const bodyId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const onKeyDown = useFocusTrap(panel, {
    initialFocus: (element) => element.querySelector<HTMLElement>('[data-sheet-actions] button'),
    onEscape: onDismiss,
  });

  return createPortal(
    <div className={styles.scrim} onPointerDown={(event) => event.target === event.currentTarget && onDismiss()}>
      <div
        ref={panel}
        className={styles.panel}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={children ? bodyId : undefined}
        onKeyDown={onKeyDown}
      >
        {icon ? (
          <span className={styles.icon} aria-hidden="true">
            {icon}
          </span>
        ) : null}
        <h2 id={titleId} className={styles.title}>
          {title}
        </h2>
        {children ? (
          <div id={bodyId} className={styles.body}>
            {children}
          </div>
        ) : null}
        <div className={styles.actions} data-sheet-actions>
          {actions}
        </div>
      </div>
    </div>,
    host ?? document.getElementById(SHEET_HOST_ID) ?? document.body,
  );
}

/** The element the app renders for sheets, after the screens and before the idle warning. */
export const SHEET_HOST_ID = 'pillar-sheets';
