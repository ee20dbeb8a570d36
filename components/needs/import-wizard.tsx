"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { IMPORT_FIELDS, type ImportField } from "@/lib/imports/fields";
import type { ImportPreview, ImportResult } from "@/lib/presenters/import";
import { api, pages } from "@/lib/urls";
import { SOURCE_NAME_MAX, NEED_UNITS } from "@/lib/validation/need";
import { useLocale, useT } from "../i18n-provider";
import { SelectField, TextField } from "../ui/field";
import { ScrollTable } from "../ui/scroll-table";
import { sendImportForm, type ApiError, type UploadProgress } from "./import-transport";
import { formatNumber } from "@/lib/i18n/format";

interface Choice {
  id: string;
  name: string;
}

export interface ImportWizardProps {
  forum: string;
  groups: Choice[];
  regions: Choice[];
  targetAreas: Choice[];
  sources: string[];
  limits: { maxBytes: number; maxRows: number };
}

type Fixed = { period: string; unit: string; targetAreaId: string; regionId: string };
const NO_FIXED: Fixed = { period: "", unit: "", targetAreaId: "", regionId: "" };

/** Upload → map columns → preview with every problem → commit, with progress and the outcome announced. */
export function ImportWizard({ forum, groups, regions, targetAreas, sources, limits }: ImportWizardProps) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const number = (n: number) => formatNumber(n, locale);
  const [groupId, setGroupId] = useState(groups[0]?.id ?? "");
  const [sourceName, setSourceName] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, ImportField>>({});
  const [fixed, setFixed] = useState<Fixed>(NO_FIXED);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<"preview" | "commit" | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const mappingHeading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);

  // Where focus goes once the next render is on screen: the step that just appeared, or the error.
  const [focusTo, setFocusTo] = useState<{ target: "mapping" | "error" | "result"; n: number } | null>(null);
  useEffect(() => {
    if (!focusTo) return;
    ({ mapping: mappingHeading, error: errorBox, result: resultHeading })[focusTo.target].current?.focus();
  }, [focusTo]);
  const focusOn = (target: "mapping" | "error" | "result") => setFocusTo((f) => ({ target, n: (f?.n ?? 0) + 1 }));

  if (groups.length === 0) return <p className="notice notice--info">{t("imports.noGroups")}</p>;

  function formData(withMapping: boolean): FormData {
    const f = new FormData();
    f.set("file", file!);
    f.set("groupId", groupId);
    f.set("sourceName", sourceName);
    if (withMapping) f.set("mapping", JSON.stringify(mapping));
    const chosen = Object.fromEntries(Object.entries(fixed).filter(([, v]) => v !== ""));
    f.set("fixed", JSON.stringify(chosen));
    return f;
  }

  function checkForm(): boolean {
    const errors: Record<string, string> = {};
    if (sourceName.trim().length < 2) errors.sourceName = t("validation.tooShort", { min: 2 });
    if (!file) errors.file = t("imports.errors.noFile");
    else if (file.size > limits.maxBytes) errors.file = t("imports.errors.tooLarge", { max: String(Math.round(limits.maxBytes / 1024 / 1024)) });
    setFormErrors(errors);
    return Object.keys(errors).length === 0;
  }

  async function runPreview(withMapping: boolean) {
    if (!checkForm()) return;
    setBusy("preview");
    setError(null);
    setResult(null);
    setProgress({ phase: "upload", done: 0, total: file!.size });
    const res = await sendImportForm<{ preview: ImportPreview }>(api.importPreview(forum), formData(withMapping), { onProgress: setProgress, networkMessage: t("errors.network") });
    setBusy(null);
    setProgress(null);
    if (!res.ok) {
      setError(res.error);
      setPreview(null);
      focusOn("error");
      return;
    }
    const first = preview === null;
    setPreview(res.data.preview);
    setMapping(res.data.preview.mapping);
    setDirty(false);
    if (first || !withMapping) focusOn("mapping");
  }

  async function commit() {
    setBusy("commit");
    setError(null);
    setProgress({ phase: "upload", done: 0, total: file!.size });
    const res = await sendImportForm<ImportResult>(api.imports(forum), formData(true), { stream: true, onProgress: setProgress, networkMessage: t("errors.network") });
    setBusy(null);
    setProgress(null);
    if (!res.ok) {
      setError(res.error);
      focusOn("error");
      return;
    }
    setResult(res.data);
    focusOn("result");
    setPreview(null);
    router.refresh();
  }

  function startOver() {
    setResult(null);
    setPreview(null);
    setError(null);
    setMapping({});
    setFixed(NO_FIXED);
  }

  function choose(header: string, field: ImportField | "") {
    const next: Record<string, ImportField> = {};
    for (const [h, f] of Object.entries(mapping)) if (h !== header && f !== field) next[h] = f;
    if (field) next[header] = field;
    setMapping(next);
    setDirty(true);
  }

  const fieldOptions = [{ value: "", label: t("imports.ignore") }, ...IMPORT_FIELDS.map((f) => ({ value: f, label: t(`imports.fields.${f}`) }))];
  const canCommit = preview !== null && !dirty && preview.problemCount === 0 && preview.mappingProblems.length === 0 && busy === null;

  return (
    <div className="stack">
      <section aria-labelledby="import-step-file" className="card stack">
        <h2 id="import-step-file">{t("imports.stepFile")}</h2>
        <form
          noValidate
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void runPreview(false);
          }}
        >
          <SelectField label={t("imports.group")} name="groupId" required value={groupId} onChange={(e) => setGroupId(e.target.value)}
            options={groups.map((g) => ({ value: g.id, label: g.name }))} />
          <TextField label={t("imports.sourceName")} hint={t("imports.sourceNameHint")} name="sourceName" required maxLength={SOURCE_NAME_MAX}
            list="import-sources" value={sourceName} error={formErrors.sourceName} autoComplete="off"
            onChange={(e) => setSourceName(e.target.value)} />
          <datalist id="import-sources">
            {sources.map((s) => <option key={s} value={s} />)}
          </datalist>
          <TextField label={t("imports.file")} hint={t("imports.fileHint", { mb: String(Math.round(limits.maxBytes / 1024 / 1024)), rows: number(limits.maxRows) })}
            name="file" type="file" required accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            error={formErrors.file}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setResult(null);
            }} />
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={busy !== null}>{t("imports.upload")}</button>
          </div>
        </form>
      </section>

      {progress ? <ProgressBar progress={progress} number={number} /> : null}

      <div ref={errorBox} tabIndex={-1} role="alert" className={error ? "notice notice--error stack-tight" : "visually-hidden"}>
        {error ? (
          <>
            <p>{error.message}</p>
            {error.problems?.length ? <ProblemTable problems={error.problems} count={error.problemCount ?? error.problems.length} number={number} /> : null}
          </>
        ) : null}
      </div>

      {preview ? (
        <>
          <section aria-labelledby="import-step-mapping" className="card stack">
            <h2 id="import-step-mapping" ref={mappingHeading} tabIndex={-1}>{t("imports.stepMapping")}</h2>
            <p className="muted">
              {preview.mappingSource === "remembered" ? t("imports.mappingRemembered", { source: sourceName }) : preview.mappingSource === "guessed" ? t("imports.mappingGuessed") : t("imports.mappingGiven")}
            </p>
            <ScrollTable label={t("imports.stepMapping")} className="import-mapping">
                <thead>
                  <tr>
                    <th scope="col">{t("imports.column")}</th>
                    <th scope="col">{t("imports.examples")}</th>
                    <th scope="col">{t("imports.mapTo")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.columns.filter((c) => c.header).map((c) => (
                    <tr key={c.letter}>
                      <th scope="row">
                        {c.header} <span className="muted small">({t("imports.letter", { letter: c.letter })})</span>
                      </th>
                      <td className="small">{c.samples.join(" · ")}</td>
                      <td>
                        <select aria-label={t("imports.mapLabel", { column: c.header })} value={mapping[c.header] ?? ""}
                          onChange={(e) => choose(c.header, e.target.value as ImportField | "")}>
                          {fieldOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
            </ScrollTable>
            <fieldset className="stack-tight import-fixed">
              <legend>{t("imports.wholeFile")}</legend>
              <p className="field-hint">{t("imports.wholeFileHint")}</p>
              <div className="inline-fields">
                <TextField label={t("imports.period")} hint={t("imports.periodHint")} name="period" maxLength={7} value={fixed.period}
                  onChange={(e) => { setFixed({ ...fixed, period: e.target.value }); setDirty(true); }} />
                <SelectField label={t("imports.unit")} name="unit" value={fixed.unit}
                  onChange={(e) => { setFixed({ ...fixed, unit: e.target.value }); setDirty(true); }}
                  options={[{ value: "", label: t("imports.units.PERSONS") }, ...NEED_UNITS.filter((u) => u !== "PERSONS").map((u) => ({ value: u, label: t(`imports.units.${u}`) }))]} />
                <SelectField label={t("imports.targetArea")} name="targetAreaId" value={fixed.targetAreaId}
                  onChange={(e) => { setFixed({ ...fixed, targetAreaId: e.target.value }); setDirty(true); }}
                  options={[{ value: "", label: t("imports.noTargetArea") }, ...targetAreas.map((a) => ({ value: a.id, label: a.name }))]} />
                <SelectField label={t("imports.region")} name="regionId" value={fixed.regionId}
                  onChange={(e) => { setFixed({ ...fixed, regionId: e.target.value }); setDirty(true); }}
                  options={[{ value: "", label: t("imports.county") }, ...regions.map((r) => ({ value: r.id, label: r.name }))]} />
              </div>
            </fieldset>
            <div className="button-row">
              <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => void runPreview(true)}>{t("imports.refresh")}</button>
            </div>
          </section>

          <section aria-labelledby="import-step-preview" className="card stack">
            <h2 id="import-step-preview">{t("imports.stepPreview")}</h2>
            {preview.encoding === "windows-1252" ? <p className="notice notice--warn">{t("imports.encoding1252")}</p> : null}
            {dirty ? <p className="notice notice--info">{t("imports.staleHint")}</p> : null}
            {preview.mappingProblems.length ? (
              <div className="notice notice--warn">
                <ul>{preview.mappingProblems.map((p) => <li key={p}>{p}</li>)}</ul>
              </div>
            ) : (
              <>
                <p>{t("imports.summary", { rows: number(preview.rowCount), create: number(preview.willCreate), update: number(preview.willUpdate) })}</p>
                {preview.problemCount > 0 ? (
                  <div className="stack-tight">
                    <h3>{t("imports.problemsTitle")}</h3>
                    <p className="notice notice--error">{t("imports.problemsSummary", { count: number(preview.problemCount), rows: number(preview.problemRows) })}</p>
                    <ProblemTable problems={preview.problems} count={preview.problemCount} number={number} />
                  </div>
                ) : (
                  <p className="notice notice--success">{t("imports.noProblems")}</p>
                )}
                {preview.rows.length ? <PreviewRows preview={preview} number={number} /> : null}
              </>
            )}
            <div className="button-row">
              <button type="button" className="button button--primary" disabled={!canCommit} onClick={() => void commit()}>
                {busy === "commit" ? t("imports.committing") : t("imports.commit", { rows: number(preview.rowCount) })}
              </button>
            </div>
          </section>
        </>
      ) : null}

      <p role="status" className="visually-hidden">
        {result ? t("imports.done", { created: number(result.created), updated: number(result.updated) }) : ""}
      </p>
      {result ? (
        <section aria-labelledby="import-step-result" className="card stack">
          <h2 id="import-step-result" ref={resultHeading} tabIndex={-1}>{t("imports.stepResult")}</h2>
          <p className="notice notice--success">{t("imports.done", { created: number(result.created), updated: number(result.updated) })}</p>
          <div className="button-row">
            <Link className="button button--secondary" href={pages.needs(forum)}>{t("imports.seeNeeds")}</Link>
            <button type="button" className="button button--quiet" onClick={startOver}>{t("imports.another")}</button>
          </div>
        </section>
      ) : null}
    </div>
  );
}

function ProgressBar({ progress, number }: { progress: UploadProgress; number: (n: number) => string }) {
  const t = useT();
  const label = t(`imports.phase.${progress.phase}`);
  const detail = progress.phase !== "upload" && progress.total ? t("imports.progressRows", { done: number(progress.done), total: number(progress.total) }) : null;
  return (
    <div className="card stack-tight import-progress" role="group" aria-label={t("imports.progressLabel")}>
      <label htmlFor="import-progress">{label}{detail ? ` – ${detail}` : ""}</label>
      {progress.total ? <progress id="import-progress" max={progress.total} value={progress.done} /> : <progress id="import-progress" />}
    </div>
  );
}

function ProblemTable({ problems, count, number }: { problems: NonNullable<ApiError["problems"]>; count: number; number: (n: number) => string }) {
  const t = useT();
  return (
    <>
      {count > problems.length ? <p className="small">{t("imports.problemsShown", { shown: number(problems.length), count: number(count) })}</p> : null}
      <ScrollTable label={t("imports.problemsTitle")}>
          <thead>
            <tr>
              <th scope="col">{t("imports.row")}</th>
              <th scope="col">{t("imports.column")}</th>
              <th scope="col">{t("imports.problem")}</th>
              <th scope="col">{t("imports.value")}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={`${p.row}-${i}`}>
                <td>{p.row}</td>
                <td>{p.column ?? t("imports.wholeFileColumn")}</td>
                <td>{p.message}</td>
                <td className="mono">{p.value ?? ""}</td>
              </tr>
            ))}
          </tbody>
      </ScrollTable>
    </>
  );
}

function PreviewRows({ preview, number }: { preview: ImportPreview; number: (n: number) => string }) {
  const t = useT();
  return (
    <div className="stack-tight">
      <h3>{t("imports.firstRows")}</h3>
      <ScrollTable label={t("imports.firstRows")}>
          <thead>
            <tr>
              <th scope="col">{t("imports.row")}</th>
              <th scope="col">{t("imports.fields.title")}</th>
              <th scope="col">{t("imports.region")}</th>
              <th scope="col">{t("imports.period")}</th>
              <th scope="col">{t("imports.demand")}</th>
              <th scope="col">{t("imports.supply")}</th>
              <th scope="col">{t("imports.unit")}</th>
              <th scope="col">{t("imports.targetArea")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>{r.title}</td>
                <td>{r.region ?? t("imports.county")}</td>
                <td>{r.period}</td>
                <td>{number(r.demand)}</td>
                <td>{number(r.supply)}</td>
                <td>{t(`imports.units.${r.unit as (typeof NEED_UNITS)[number]}`)}</td>
                <td>{r.targetArea ?? ""}</td>
              </tr>
            ))}
          </tbody>
      </ScrollTable>
    </div>
  );
}
