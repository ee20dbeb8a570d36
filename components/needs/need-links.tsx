"use client";

import Link from "next/link";
import { useState } from "react";
import type { NeedView } from "@/lib/presenters/need";
import { api, pages } from "@/lib/urls";
import { useT } from "../i18n-provider";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";

type Target = { documentId: string } | { actionItemId: string };

/** A choice in a "link to …" list. */
export interface LinkOption {
  id: string;
  label: string;
}

/** Adds a link (a select and a button); the server decides whether the caller may. */
function LinkForm({ label, options, onLink, pending }: { label: string; options: LinkOption[]; onLink: (id: string) => void; pending: boolean }) {
  const t = useT();
  const [chosen, setChosen] = useState("");
  const id = `link-${label.replace(/\W+/g, "-").toLowerCase()}`;
  if (options.length === 0) return null;
  return (
    <form className="link-form" onSubmit={(e) => { e.preventDefault(); if (chosen) onLink(chosen); }}>
      <label htmlFor={id}>{label}</label>
      <div className="link-form__row">
        <select id={id} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t("needs.choose")}</option>
          {options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
        </select>
        <button type="submit" className="button button--secondary button--small" disabled={pending || !chosen}>{t("needs.link")}</button>
      </div>
    </form>
  );
}

/**
 * On a need's page: link a recommendation or an action to it, or remove a link. The page's data
 * is read again after each change.
 */
export function NeedTargetsEditor({ forum, need, recommendations, actions }: {
  forum: string; need: NeedView; recommendations: LinkOption[]; actions: LinkOption[];
}) {
  const t = useT();
  const m = useMutation();
  const send = (method: "POST" | "DELETE", target: Target) =>
    m.run({ url: api.needLinks(forum, need.id), method, body: target, success: t(method === "POST" ? "needs.linked" : "needs.unlinked") });
  const linkedDocs = new Set(need.recommendations.map((r) => r.id));
  const linkedActions = new Set(need.actions.map((a) => a.id));
  return (
    <div className="stack-tight">
      <LinkForm label={t("needs.linkRecommendation")} options={recommendations.filter((o) => !linkedDocs.has(o.id))} pending={m.pending} onLink={(id) => void send("POST", { documentId: id })} />
      <LinkForm label={t("needs.linkAction")} options={actions.filter((o) => !linkedActions.has(o.id))} pending={m.pending} onLink={(id) => void send("POST", { actionItemId: id })} />
      <UnlinkList
        items={[...need.recommendations.map((r) => ({ key: `d${r.id}`, title: r.title, target: { documentId: r.id } as Target })), ...need.actions.map((a) => ({ key: `a${a.id}`, title: a.title, target: { actionItemId: a.id } as Target }))]}
        onUnlink={(target) => void send("DELETE", target)} pending={m.pending}
      />
      <FormStatus error={m.error} success={m.success} />
    </div>
  );
}

function UnlinkList({ items, onUnlink, pending }: { items: { key: string; title: string; target: Target }[]; onUnlink: (t: Target) => void; pending: boolean }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <ul className="plain-list">
      {items.map((i) => (
        <li key={i.key}>
          <button type="button" className="button button--quiet button--small" disabled={pending} onClick={() => onUnlink(i.target)} aria-label={t("needs.unlink", { title: i.title })}>
            {t("needs.unlinkShort")}
          </button>{" "}
          {i.title}
        </li>
      ))}
    </ul>
  );
}

export interface LinkedNeed {
  id: string;
  title: string;
  period: string;
  region: string | null;
  gapText: string;
}

/**
 * Beside a recommendation or on an action's page: the needs it answers, and (for those who may
 * change it) a way to link another or remove one.
 */
export function NeedLinksPanel({ forum, target, linked, choices, mayLink }: {
  forum: string; target: Target; linked: LinkedNeed[]; choices: LinkOption[]; mayLink: boolean;
}) {
  const t = useT();
  const m = useMutation();
  const send = (method: "POST" | "DELETE", needId: string) =>
    m.run({ url: api.needLinks(forum, needId), method, body: target, success: t(method === "POST" ? "needs.linked" : "needs.unlinked") });
  const linkedIds = new Set(linked.map((n) => n.id));
  return (
    <section className="card need-links" aria-labelledby="need-links-heading">
      <h2 id="need-links-heading">{t("needs.panelTitle")}</h2>
      {mayLink ? <p className="small muted">{t("actionItemId" in target ? "needs.panelIntroAction" : "needs.panelIntro")}</p> : null}
      {linked.length === 0 ? (
        <p className="small muted">{t("needs.panelNone")}</p>
      ) : (
        <ul className="plain-list need-links__list">
          {linked.map((n) => (
            <li key={n.id}>
              <Link href={pages.need(forum, n.id)}>{n.title}</Link>
              <span className="muted small block">{[n.period, n.region ?? t("needs.county"), n.gapText].join(" · ")}</span>
              {mayLink ? (
                <button type="button" className="button button--quiet button--small" disabled={m.pending} onClick={() => void send("DELETE", n.id)} aria-label={t("needs.unlink", { title: n.title })}>
                  {t("needs.unlinkShort")}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {mayLink ? <LinkForm label={t("needs.linkNeed")} options={choices.filter((c) => !linkedIds.has(c.id))} pending={m.pending} onLink={(id) => void send("POST", id)} /> : null}
      <FormStatus error={m.error} success={m.success} />
    </section>
  );
}
