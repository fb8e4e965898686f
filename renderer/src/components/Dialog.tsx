import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode, RefObject } from 'react';

export interface DialogProps {
  /** alertdialog: urgent and needs a response (the idle warning); dialog: everything else. */
  role?: 'dialog' | 'alertdialog';
  title: string;
  /** The message (announced with the title); `children` follow it: live text, actions. */
  description: ReactNode;
  children: ReactNode;
  /** What gets focus when the dialog opens (else the dialog itself). */
  initialFocus?: RefObject<HTMLElement | null>;
  onEscape?(): void;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog. The caller makes the rest of the page `inert` while it is open; the dialog moves
 * focus in, keeps Tab inside, and gives focus back to where it was when it closes.
 */
export function Dialog({
  role = 'dialog',
  title,
  description,
  children,
  initialFocus,
  onEscape,
}: DialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement;
    (initialFocus?.current ?? box.current)?.focus();
    return () => {
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, [initialFocus]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'Escape' && onEscape) {
      e.preventDefault();
      onEscape();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const focusable = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) {
      e.preventDefault();
      return;
    }
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={box}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        tabIndex={-1}
        className="dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <p id={bodyId} className="dialog__description">
          {description}
        </p>
        {children}
      </div>
    </div>
  );
}
