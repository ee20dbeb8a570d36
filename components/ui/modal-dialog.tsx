"use client";

import { useEffect, useId, useRef } from "react";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on the native <dialog> (showModal: the page behind is inert, Escape cancels). Tab
 * and Shift+Tab wrap inside it, the first field (or `initialFocus`) gets focus when it opens, and
 * when it closes focus goes back to `returnFocus` (or where it was before).
 */
export function ModalDialog({ title, onClose, children, returnFocus, className, initialFocus }: {
  title: string;
  onClose: () => void;
  children: React.ReactNode;
  /** Where focus goes when the dialog closes (default: the element focused when it opened). */
  returnFocus?: () => void;
  className?: string;
  /** A selector inside the dialog for the element focused first. */
  initialFocus?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const close = useRef(onClose);
  const back = useRef(returnFocus);
  useEffect(() => {
    close.current = onClose;
    back.current = returnFocus;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = (initialFocus ? dialog.querySelector<HTMLElement>(initialFocus) : null) ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // After React has removed the dialog: put focus back where the user was.
      window.setTimeout(() => (back.current ? back.current() : opener?.isConnected ? opener.focus() : undefined), 0);
    };
    // Opened once per mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (e: React.KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== "Tab") return;
    const items = [...(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter((el) => el.offsetParent !== null || el === document.activeElement);
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={`modal${className ? ` ${className}` : ""}`}
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        // Escape: React decides when the dialog goes (it unmounts it).
        e.preventDefault();
        close.current();
      }}
    >
      <h2 id={headingId} className="modal__title">{title}</h2>
      {children}
    </dialog>
  );
}
