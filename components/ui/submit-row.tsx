"use client";

import { useT } from "../i18n-provider";

/** A form's buttons: submit (saying "Lagrer …" while pending) and, when `onCancel` is given, cancel. */
export function SubmitRow({ pending, label, onCancel }: { pending: boolean; label: string; onCancel?: () => void }) {
  const t = useT();
  return (
    <div className="button-row">
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t("common.saving") : label}
      </button>
      {onCancel ? (
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("actions.cancel")}
        </button>
      ) : null}
    </div>
  );
}
