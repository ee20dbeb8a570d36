"use client";

import { useEffect, useId, useRef } from "react";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on the native <dialog> (showModal: it sits above everything, the page behind is
 * inert, Escape calls `onClose`). Tab and Shift+Tab wrap inside it. When it opens, focus goes to
 * `initialFocus` (a selector), else the element marked `data-autofocus`, else the first field or
 * button. When it closes, focus goes to `focusAfter` or `returnFocus` when the caller has somewhere
 * better (a new item, the editor's text), else back to what opened it.
 *
 * Its name: `title` (rendered as the dialog's heading) or `labelledBy` (a heading the caller renders).
 */
export function ModalDialog({ title, labelledBy, describedBy, onClose, returnFocus, focusAfter, initialFocus, className, children }: {
  title?: string;
  labelledBy?: string;
  describedBy?: string;
  onClose: () => void;
  returnFocus?: () => void;
  focusAfter?: React.RefObject<HTMLElement | null>;
  initialFocus?: string;
  className?: string;
  children: React.ReactNode;
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
    const first = (initialFocus ? dialog.querySelector<HTMLElement>(initialFocus) : null)
      ?? dialog.querySelector<HTMLElement>("[data-autofocus]")
      ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Read now, on purpose: the caller points it at what exists once the dialog is done.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      const target = focusAfter?.current ?? null;
      const restore = back.current;
      // After React has put the rest of the page back (the opener may re-render).
      requestAnimationFrame(() => {
        if (target?.isConnected) target.focus();
        else if (restore) restore();
        else if (opener?.isConnected) opener.focus();
      });
    };
    // Opened once per mount; `focusAfter` and `returnFocus` are read when it closes.
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
      aria-labelledby={title ? headingId : labelledBy}
      aria-describedby={describedBy}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        // Escape: React decides when the dialog goes (it unmounts it).
        e.preventDefault();
        close.current();
      }}
    >
      {title ? <h2 id={headingId} className="modal__title">{title}</h2> : null}
      {children}
    </dialog>
  );
}
