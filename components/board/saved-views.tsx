"use client";

import { useState } from "react";
import type { PresentedSavedView } from "@/lib/presenters/saved-view";
import { api } from "@/lib/urls";
import { savedViewCreateSchema, SAVED_VIEW_NAME_MAX } from "@/lib/validation/saved-view";
import { useT } from "../i18n-provider";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";

/**
 * The caller's saved views of this list: each a link (a plain URL with the filters and view, so it
 * can be shared), a button to delete it, and a form that saves what is shown now under a name.
 */
export function SavedViews({ forum, scope, search, initial }: { forum: string; scope: string; search: string; initial: PresentedSavedView[] }) {
  const t = useT();
  const m = useMutation();
  const [views, setViews] = useState(initial);
  const [name, setName] = useState("");

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const body = { name, scope, query: search };
    const data = await m.run<{ view: PresentedSavedView }>({
      url: api.savedViews(forum), method: "POST", body, schema: savedViewCreateSchema, refresh: false,
      success: (d) => t("views.savedOk", { name: d.view.name }),
    });
    if (data) {
      setViews((vs) => [...vs, data.view].sort((a, b) => a.name.localeCompare(b.name, "nb")));
      setName("");
    }
  }

  async function remove(v: PresentedSavedView) {
    const ok = await m.run({ url: api.savedView(forum, v.id), method: "DELETE", refresh: false, success: t("views.deletedOk", { name: v.name }) });
    if (ok) setViews((vs) => vs.filter((x) => x.id !== v.id));
  }

  return (
    <section className="saved-views" aria-labelledby="saved-views-title" data-testid="saved-views">
      <h3 id="saved-views-title">{t("views.savedTitle")}</h3>
      {views.length === 0 ? (
        <p className="muted small">{t("views.savedEmpty")}</p>
      ) : (
        <ul className="saved-views__list">
          {views.map((v) => {
            const current = v.query === search;
            return (
              <li key={v.id}>
                <a href={v.url} aria-current={current ? "page" : undefined} className={current ? "saved-views__link is-current" : "saved-views__link"}>
                  {v.name}
                </a>
                {current ? <span className="muted small"> ({t("views.current")})</span> : null}
                <button type="button" className="button button--quiet button--small" onClick={() => remove(v)} disabled={m.pending} aria-label={t("views.deleteView", { name: v.name })}>
                  {t("views.delete")}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form className="saved-views__form" onSubmit={save} aria-labelledby="saved-views-title">
        <div className="field">
          <label htmlFor="saved-view-name">{t("views.nameLabel")}</label>
          <input id="saved-view-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={SAVED_VIEW_NAME_MAX} required
            aria-invalid={m.fieldErrors.name ? true : undefined} aria-describedby="saved-views-intro" />
          {m.fieldErrors.name ? <p className="field-error">{m.fieldErrors.name}</p> : null}
        </div>
        <button type="submit" className="button button--secondary" disabled={m.pending}>
          {t("views.save")}
        </button>
      </form>
      <p id="saved-views-intro" className="field-hint">{t("views.savedIntro")}</p>
      <FormStatus error={m.error} success={m.success} />
    </section>
  );
}
