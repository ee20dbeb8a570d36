"use client";

import { useEffect, useRef } from "react";

/**
 * A modal dialog on the native <dialog> element, opened with showModal: it sits in the middle of
 * the screen above everything, the page behind is inert, Escape closes it (`onClose`), focus goes
 * to its first field (or the element marked `data-autofocus`), and when it closes focus returns to
 * what opened it — or to `focusAfter` when the caller has somewhere better (e.g. a new item).
 */
export function ModalDialog({ labelledBy, describedBy, onClose, focusAfter, className, children }: {
  labelledBy: string; describedBy?: string; onClose: () => void;
  focusAfter?: React.RefObject<HTMLElement | null>; className?: string; children: React.ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  }, [onClose]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector<HTMLElement>("[data-autofocus]") ?? dialog.querySelector<HTMLElement>("input, select, textarea, button");
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Read now, on purpose: the caller points it at what exists once the dialog is done.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      const target = focusAfter?.current ?? opener;
      // After React has put the rest of the page back (the opener may re-render).
      requestAnimationFrame(() => target?.isConnected && target.focus());
    };
    // Opened once per mount; `focusAfter` is read when it closes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <dialog ref={ref} className={`modal${className ? ` ${className}` : ""}`} aria-labelledby={labelledBy} aria-describedby={describedBy}
      onCancel={(e) => {
        e.preventDefault();
        close.current();
      }}>
      {children}
    </dialog>
  );
}
