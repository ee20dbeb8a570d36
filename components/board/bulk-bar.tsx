"use client";

import { useState } from "react";
import type { PresentedAction } from "@/lib/presenters/action";
import { api } from "@/lib/urls";
import { ACTION_STATUSES, actionBulkSchema } from "@/lib/validation/action";
import { useT } from "../i18n-provider";
import type { Choices } from "./action-form";

type Field = "status" | "ownerId" | "dueDate";
interface BulkAnswer {
  changed: number;
  refused: { id: string; code: string; message: string }[];
}

/**
 * Changes the status, owner or due date of the selected items in one request. Each item is checked
 * and saved on its own (see bulkUpdateActions): the answer says how many changed and which were
 * refused, and why. The refused stay selected, so they can be looked at or tried again.
 */
export function BulkBar({ forum, selected, onDone, onClear, choices }: {
  forum: string; selected: PresentedAction[]; choices: Choices;
  onDone: (keep: string[]) => void; onClear: () => void;
}) {
  const t = useT();
  const [field, setField] = useState<Field>("status");
  const [status, setStatus] = useState<string>("IN_PROGRESS");
  const [owner, setOwner] = useState<string>("");
  const [due, setDue] = useState<string>("");
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ text: string; refused: string[]; error?: boolean } | null>(null);

  async function apply(e: React.FormEvent) {
    e.preventDefault();
    const change = field === "status" ? { status } : field === "ownerId" ? { ownerId: owner || null } : { dueDate: due || null };
    const body = { items: selected.map((i) => ({ id: i.id, version: i.version })), change };
    const parsed = actionBulkSchema.safeParse(body);
    if (!parsed.success) {
      setResult({ text: t("common.errorSummary"), refused: [], error: true });
      return;
    }
    setPending(true);
    setResult(null);
    try {
      const res = await fetch(api.actionsBulk(forum), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const data = (await res.json().catch(() => null)) as (BulkAnswer & { error?: { message?: string } }) | null;
      if (!res.ok || !data) {
        setResult({ text: data?.error?.message ?? t("errors.internal"), refused: [], error: true });
        return;
      }
      const titles = new Map(selected.map((i) => [i.id, i.title]));
      setResult({
        text: t("views.bulkResult", { changed: data.changed, total: selected.length }),
        refused: data.refused.map((r) => t("views.bulkRefusedItem", { title: titles.get(r.id) ?? r.id, message: r.message })),
      });
      onDone(data.refused.map((r) => r.id));
    } catch {
      setResult({ text: t("errors.network"), refused: [], error: true });
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="bulk-bar" aria-labelledby="bulk-title" data-testid="bulk-bar">
      <h3 id="bulk-title" className="bulk-bar__title">
        {t("views.bulkTitle")} <span className="bulk-bar__count">({t("views.selected", { count: selected.length })})</span>
      </h3>
      <form className="bulk-bar__form" onSubmit={apply} aria-labelledby="bulk-title">
        <div className="field">
          <label htmlFor="bulk-field">{t("views.bulkField")}</label>
          <select id="bulk-field" value={field} onChange={(e) => setField(e.target.value as Field)}>
            <option value="status">{t("actions.status")}</option>
            <option value="ownerId">{t("actions.owner")}</option>
            <option value="dueDate">{t("actions.due")}</option>
          </select>
        </div>
        {field === "status" ? (
          <div className="field">
            <label htmlFor="bulk-status">{t("views.newStatus")}</label>
            <select id="bulk-status" value={status} onChange={(e) => setStatus(e.target.value)}>
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>{t(`actionStatus.${s}`)}</option>
              ))}
            </select>
          </div>
        ) : field === "ownerId" ? (
          <div className="field">
            <label htmlFor="bulk-owner">{t("views.newOwner")}</label>
            <select id="bulk-owner" value={owner} onChange={(e) => setOwner(e.target.value)}>
              <option value="">{t("actions.noOwner")}</option>
              {choices.people.map((p) => (
                <option key={p.id} value={p.id}>{p.name}</option>
              ))}
            </select>
          </div>
        ) : (
          <div className="field">
            <label htmlFor="bulk-due">{t("views.newDue")}</label>
            <input id="bulk-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} aria-describedby="bulk-due-hint" />
            <span id="bulk-due-hint" className="field-hint">{t("views.dueHint")}</span>
          </div>
        )}
        <div className="button-row bulk-bar__buttons">
          <button type="submit" className="button button--primary" disabled={pending || selected.length === 0}>
            {t("views.apply", { count: selected.length })}
          </button>
          <button type="button" className="button button--quiet" onClick={onClear}>
            {t("views.clearSelection")}
          </button>
        </div>
      </form>
      <div role="status" data-testid="bulk-result">
        {result ? (
          <div className={`notice ${result.error ? "notice--error" : result.refused.length ? "notice--warn" : "notice--success"}`}>
            <p>{result.text}</p>
            {result.refused.length ? (
              <>
                <p>{t("views.bulkRefused")}</p>
                <ul>
                  {result.refused.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
