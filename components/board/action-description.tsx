"use client";

import { useRef, useState } from "react";
import type { PresentedAction } from "@/lib/presenters/action";
import { api } from "@/lib/urls";
import { ACTION_DESCRIPTION_MAX, actionUpdateSchema } from "@/lib/validation/action";
import { useT } from "../i18n-provider";
import { TextArea } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";
import { SubmitRow } from "../ui/submit-row";

/**
 * An action's description on its own page: plain text with its line breaks, edited in place by
 * those whose abilities say `update`. The edit carries the version it was opened on (a stale one
 * is refused); Escape or "Avbryt" leaves it, and focus comes back to the button that opened it.
 */
export function ActionDescription({ forum, item }: { forum: string; item: PresentedAction }) {
  const t = useT();
  const m = useMutation();
  const [editing, setEditing] = useState<{ value: string; version: number } | null>(null);
  const [saved, setSaved] = useState(false);
  // Focus goes back to "Endre beskrivelsen" once it is on the page again (it is not while editing).
  const focusEdit = useRef(false);
  const backToButton = () => {
    focusEdit.current = true;
  };
  const editButton = (el: HTMLButtonElement | null) => {
    if (el && focusEdit.current) {
      focusEdit.current = false;
      el.focus();
    }
  };

  function close() {
    setEditing(null);
    m.reset();
    backToButton();
  }
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!editing) return;
    const done = await m.run({
      url: api.action(forum, item.id), method: "PATCH", body: { description: editing.value, version: editing.version },
      schema: actionUpdateSchema, refresh: false,
    });
    if (!done) return;
    setEditing(null);
    setSaved(true);
    backToButton();
  }

  return (
    <section className="card stack action-description" aria-labelledby="action-description-title">
      <h2 id="action-description-title" className="h3-like">{t("actions.descriptionTitle")}</h2>
      <FormStatus error={m.error} success={saved && !editing ? t("actions.descriptionSaved") : null} />
      {editing ? (
        <form onSubmit={submit} noValidate className="stack" onKeyDown={(e) => e.key === "Escape" && (e.preventDefault(), close())}>
          <TextArea label={t("actions.description")} name="description" rows={8} maxLength={ACTION_DESCRIPTION_MAX} value={editing.value}
            hint={t("actions.descriptionHelp", { max: ACTION_DESCRIPTION_MAX })} error={m.fieldErrors.description}
            onChange={(e) => setEditing({ ...editing, value: e.target.value })} autoFocus />
          <p className="small muted">{t("actions.descriptionCount", { count: editing.value.length, max: ACTION_DESCRIPTION_MAX })}</p>
          <SubmitRow pending={m.pending} label={t("actions.save")} onCancel={close} />
        </form>
      ) : (
        <>
          {item.description ? <p className="prose" data-testid="description">{item.description}</p> : <p className="empty">{t("actions.descriptionEmpty")}</p>}
          {item.abilities.update ? (
            <p>
              <button ref={editButton} type="button" className="button button--secondary"
                onClick={() => {
                  setSaved(false);
                  setEditing({ value: item.description, version: item.version });
                }}>
                {t("actions.editDescription")}
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
