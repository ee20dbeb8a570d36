"use client";

import { useEffect, useId, useRef, useState } from "react";
import { formatDateTime } from "@/lib/i18n/format";
import type { MessageKey } from "@/lib/i18n";
import type { DocumentAbilities } from "@/lib/policies/document";
import type { VersionView } from "@/lib/presenters/version";
import { api } from "@/lib/urls";
import { VERSION_NAME_MAX, versionCreateSchema } from "@/lib/validation/version";
import { useLocale, useT } from "../i18n-provider";
import { SelectField, TextField } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";

type Shown =
  | { kind: "version"; version: VersionView & { html: string } }
  | { kind: "diff"; diff: { from: VersionView; to: VersionView; html: string; insertions: number; deletions: number } };

/**
 * Frozen HTML from the server. It is our own renderer's output (lib/editor/render.ts, generated
 * from our schema when the version was frozen, or by the diff from two such states) — never HTML
 * a browser sent: editors send Yjs updates, the schema has no raw-HTML node and links are limited
 * to http(s) and mailto. That is why it may be set as HTML here.
 */
function FrozenHTML({ html, className }: { html: string; className: string }) {
  return <div className={`frozen-text editor-content ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * The document's versions: save a named one, read one, compare two (insertions and deletions
 * marked in the text) and bring one back as a new edit. A disclosure section below the editor;
 * everything in it is reachable and usable by keyboard, and focus moves to what was opened.
 */
export function VersionHistory({ forum, documentId, versions, abilities }: {
  forum: string; documentId: string; versions: VersionView[]; abilities: Pick<DocumentAbilities, "createVersion" | "restoreVersion">;
}) {
  const t = useT();
  const locale = useLocale();
  const regionId = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [shown, setShown] = useState<Shown | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [confirming, setConfirming] = useState<VersionView | null>(null);
  const [pair, setPair] = useState<{ from: string; to: string }>({ from: "", to: "" });
  const save = useMutation();
  const restore = useMutation();
  const shownHeading = useRef<HTMLHeadingElement>(null);
  const confirmText = useRef<HTMLParagraphElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const kindLabel = (v: VersionView) => t(`versions.kinds.${v.kind}` as MessageKey);
  const label = (v: VersionView) => v.name || kindLabel(v);
  const when = (v: VersionView) => formatDateTime(new Date(v.createdAt), locale);
  const by = (v: VersionView) => v.createdBy?.name ?? t("versions.automatic");
  // Default comparison: the second newest against the newest (until the reader picks others).
  const from = pair.from || versions[1]?.id || versions[0]?.id || "";
  const to = pair.to || versions[0]?.id || "";

  useEffect(() => {
    if (shown) shownHeading.current?.focus();
  }, [shown]);
  useEffect(() => {
    if (confirming) confirmText.current?.focus();
  }, [confirming]);

  async function load(url: string, show: (data: unknown) => Shown) {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setLoading(true);
    setLoadError(null);
    try {
      const res = await fetch(url);
      const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      if (!res.ok || !data) {
        setLoadError(data?.error?.message ?? t("errors.internal"));
        return;
      }
      setShown(show(data));
    } catch {
      setLoadError(t("errors.network"));
    } finally {
      setLoading(false);
    }
  }

  const openVersion = (v: VersionView) =>
    load(api.documentVersion(forum, documentId, v.id), (d) => ({ kind: "version", version: (d as { version: VersionView & { html: string } }).version }));

  function compare(e: React.FormEvent) {
    e.preventDefault();
    if (from === to) {
      setShown(null);
      setLoadError(t("versions.sameVersion"));
      return;
    }
    void load(api.documentVersionDiff(forum, documentId, from, to), (d) => ({ kind: "diff", diff: (d as { diff: Extract<Shown, { kind: "diff" }>["diff"] }).diff }));
  }

  function closeShown() {
    setShown(null);
    returnFocus.current?.focus();
  }

  async function submitSave(e: React.FormEvent) {
    e.preventDefault();
    const done = await save.run<{ version: VersionView }>({
      url: api.documentVersions(forum, documentId), method: "POST", body: { name }, schema: versionCreateSchema,
      success: (d) => t("versions.saved", { number: d.version.number }),
    });
    if (done) setName("");
  }

  async function confirmRestore() {
    if (!confirming) return;
    const source = confirming;
    const done = await restore.run<{ version: VersionView }>({
      url: api.documentVersionRestore(forum, documentId, source.id), method: "POST",
      success: (d) => t("versions.restored", { number: source.number, newNumber: d.version.number }),
    });
    setConfirming(null);
    if (done) document.getElementById(`${regionId}-list`)?.focus();
  }

  return (
    <section className="version-history card stack" aria-labelledby={`${regionId}-title`}>
      <h2 id={`${regionId}-title`} className="version-history__title">
        <button type="button" className="version-history__toggle" aria-expanded={open} aria-controls={`${regionId}-body`} onClick={() => setOpen(!open)}>
          <span>{t("versions.title")}</span>
          <span className="visually-hidden">: {open ? t("versions.hide") : t("versions.show")}</span>
          <span aria-hidden="true" className="version-history__chevron">{open ? "▾" : "▸"}</span>
        </button>
      </h2>
      <div id={`${regionId}-body`} hidden={!open} className="stack">
        <p className="muted">{t("versions.intro")}</p>

        {abilities.createVersion ? (
          <form onSubmit={submitSave} noValidate className="stack version-history__save" aria-labelledby={`${regionId}-save`}>
            <h3 id={`${regionId}-save`}>{t("versions.saveHeading")}</h3>
            <FormStatus error={save.error} success={save.success} />
            <TextField label={t("versions.name")} name="name" required maxLength={VERSION_NAME_MAX} value={name}
              hint={t("versions.nameHint", { max: VERSION_NAME_MAX })} onChange={(e) => setName(e.target.value)} error={save.fieldErrors.name} />
            <p className="button-row">
              <button type="submit" className="button button--primary" disabled={save.pending}>
                {save.pending ? t("common.saving") : t("versions.save")}
              </button>
            </p>
          </form>
        ) : null}

        <h3 id={`${regionId}-list`} tabIndex={-1}>{t("versions.listHeading")}</h3>
        <FormStatus error={restore.error} success={restore.success} />
        {versions.length === 0 ? (
          <p>{t("versions.empty")}</p>
        ) : (
          <div className="table-scroll">
            <table className="table version-table">
              <caption className="visually-hidden">{t("versions.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("versions.number")}</th>
                  <th scope="col">{t("versions.label")}</th>
                  <th scope="col">{t("versions.by")}</th>
                  <th scope="col">{t("versions.when")}</th>
                  <th scope="col">{t("versions.hash")}</th>
                  <th scope="col">{t("versions.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.id} data-testid={`version-${v.number}`}>
                    <th scope="row">{v.number}</th>
                    <td>
                      {label(v)}
                      {v.name ? <span className="muted version-table__kind"> · {kindLabel(v)}</span> : null}
                    </td>
                    <td>{by(v)}</td>
                    <td>{when(v)}</td>
                    <td><code title={v.sha256}>{v.shortHash}</code></td>
                    <td>
                      <span className="row-actions">
                        <button type="button" className="button button--quiet" aria-label={t("versions.openLabel", { number: v.number })}
                          onClick={() => void openVersion(v)} disabled={loading}>
                          {t("versions.open")}
                        </button>
                        {abilities.restoreVersion ? (
                          <button type="button" className="button button--quiet" aria-label={t("versions.restoreLabel", { number: v.number })}
                            onClick={(e) => {
                              returnFocus.current = e.currentTarget;
                              setConfirming(v);
                            }} disabled={restore.pending}>
                            {t("versions.restore")}
                          </button>
                        ) : null}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        {confirming ? (
          <div className="notice notice--warn version-history__confirm" role="group" aria-labelledby={`${regionId}-confirm`}>
            <p id={`${regionId}-confirm`} ref={confirmText} tabIndex={-1}>{t("versions.restoreConfirm", { number: confirming.number })}</p>
            <p className="button-row">
              <button type="button" className="button button--primary" onClick={() => void confirmRestore()} disabled={restore.pending}>
                {restore.pending ? t("common.saving") : t("versions.restoreYes")}
              </button>
              <button type="button" className="button button--quiet" onClick={() => {
                setConfirming(null);
                returnFocus.current?.focus();
              }}>
                {t("common.cancel")}
              </button>
            </p>
          </div>
        ) : null}

        {versions.length >= 2 ? (
          <form onSubmit={compare} className="stack version-history__compare" aria-labelledby={`${regionId}-compare`}>
            <h3 id={`${regionId}-compare`}>{t("versions.compareHeading")}</h3>
            <div className="version-history__pair">
              <SelectField label={t("versions.from")} name="from" value={from} onChange={(e) => setPair({ from: e.target.value, to })}
                options={versions.map((v) => ({ value: v.id, label: t("versions.optionLabel", { number: v.number, label: label(v), when: when(v) }) }))} />
              <SelectField label={t("versions.to")} name="to" value={to} onChange={(e) => setPair({ from, to: e.target.value })}
                options={versions.map((v) => ({ value: v.id, label: t("versions.optionLabel", { number: v.number, label: label(v), when: when(v) }) }))} />
            </div>
            <p className="button-row">
              <button type="submit" className="button button--secondary" disabled={loading}>{t("versions.compare")}</button>
            </p>
          </form>
        ) : null}

        <div role="status" className="visually-hidden">{loading ? t("versions.loading") : ""}</div>
        {loadError ? <p role="alert" className="notice notice--error">{loadError}</p> : null}

        {shown?.kind === "version" ? (
          <article className="version-view stack" aria-labelledby={`${regionId}-shown`}>
            <h3 id={`${regionId}-shown`} ref={shownHeading} tabIndex={-1}>
              {t("versions.viewHeading", { number: shown.version.number, label: label(shown.version) })}
            </h3>
            <p className="muted version-view__note">
              {t("versions.viewNote", { when: when(shown.version), by: by(shown.version), hash: shown.version.sha256 })}
            </p>
            <FrozenHTML html={shown.version.html} className="version-view__text" />
            <p className="button-row"><button type="button" className="button button--quiet" onClick={closeShown}>{t("versions.close")}</button></p>
          </article>
        ) : null}

        {shown?.kind === "diff" ? (
          <article className="version-view stack" aria-labelledby={`${regionId}-shown`} data-testid="version-diff">
            <h3 id={`${regionId}-shown`} ref={shownHeading} tabIndex={-1}>
              {t("versions.diffHeading", { from: shown.diff.from.number, to: shown.diff.to.number })}
            </h3>
            <p>
              {shown.diff.insertions + shown.diff.deletions === 0
                ? t("versions.noDifferences")
                : t("versions.diffSummary", { insertions: shown.diff.insertions, deletions: shown.diff.deletions })}
            </p>
            <p className="muted">{t("versions.diffLegend")}</p>
            <FrozenHTML html={shown.diff.html} className="version-view__text version-view__text--diff" />
            <p className="button-row"><button type="button" className="button button--quiet" onClick={closeShown}>{t("versions.close")}</button></p>
          </article>
        ) : null}
      </div>
    </section>
  );
}
