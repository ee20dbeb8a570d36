"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { DOCUMENT_KINDS, DOCUMENT_TITLE_MAX, defaultDocumentKind, documentCreateSchema, documentUpdateSchema } from "@/lib/validation/document";
import type { DocumentView } from "@/lib/presenters/document";
import { api, pages } from "@/lib/urls";
import { useT } from "../i18n-provider";
import { describeStrings, useVersionedEdit } from "../ui/use-versioned-edit";
import { SelectField, TextField } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";
import { ArchiveControl } from "./archive-controls";

type Area = { id: string; name: string };

function TargetAreaChoices({ areas, chosen, onChange, legend }: { areas: Area[]; chosen: string[]; onChange: (ids: string[]) => void; legend: string }) {
  if (areas.length === 0) return null;
  return (
    <fieldset className="checkbox-group">
      <legend>{legend}</legend>
      {areas.map((a) => (
        <label key={a.id} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.includes(a.id)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, a.id] : chosen.filter((id) => id !== a.id))}
          />
          {a.name}
        </label>
      ))}
    </fieldset>
  );
}

/** Creates a document in a group and opens it. */
export function DocumentCreateForm({ forum, groupId, groupKind, areas }: {
  forum: string; groupId: string; groupKind: "STEERING" | "PROJECT" | "COMPETENCE"; areas: Area[];
}) {
  const t = useT();
  const m = useMutation();
  const router = useRouter();
  const [values, setValues] = useState({ title: "", kind: defaultDocumentKind(groupKind) as string, targetAreaIds: [] as string[] });
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const done = await m.run<{ document: { id: string } }>({
      url: api.groupDocuments(forum, groupId), method: "POST", body: values, schema: documentCreateSchema, refresh: false,
    });
    if (done) router.push(pages.document(forum, groupId, done.document.id));
  }
  return (
    <form onSubmit={submit} noValidate className="card stack" aria-labelledby="new-document">
      <h2 id="new-document">{t("documents.newDocument")}</h2>
      <FormStatus error={m.error} success={m.success} />
      <TextField label={t("documents.title")} name="title" required maxLength={DOCUMENT_TITLE_MAX} value={values.title}
        onChange={(e) => setValues({ ...values, title: e.target.value })} error={m.fieldErrors.title} />
      <SelectField label={t("documents.kind")} name="kind" value={values.kind} onChange={(e) => setValues({ ...values, kind: e.target.value })}
        options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documentKinds.${k}`) }))} error={m.fieldErrors.kind} />
      <TargetAreaChoices areas={areas} chosen={values.targetAreaIds} legend={t("documents.targetAreas")}
        onChange={(targetAreaIds) => setValues({ ...values, targetAreaIds })} />
      <button type="submit" className="button button--primary" disabled={m.pending}>
        {m.pending ? t("common.saving") : t("documents.create")}
      </button>
    </form>
  );
}

/**
 * Title, target areas and archiving of a document, as far as its abilities allow (archiving asks
 * first, in a dialog). The form keeps
 * the version it was opened on; a save over someone else's newer one shows both.
 */
export function DocumentMetaForm({ forum, document, areas }: { forum: string; document: DocumentView; areas: Area[] }) {
  const t = useT();
  const { abilities } = document;
  const areaNames = (ids: string[]) => ids.map((id) => areas.find((a) => a.id === id)?.name ?? "").join(", ");
  const edit = useVersionedEdit({
    initial: { title: document.title, targetAreaIds: document.targetAreas.map((a) => a.id) }, version: document.version, url: api.document(forum, document.id),
    schema: documentUpdateSchema, success: t("documents.saved"), toBody: (v) => v,
    fromCurrent: (c: DocumentView) => ({ title: c.title, targetAreaIds: c.targetAreas.map((a) => a.id) }),
    describe: (mine, theirs) =>
      describeStrings<{ title: string; targetAreas: string }>({ title: t("documents.title"), targetAreas: t("documents.targetAreas") })(
        { title: mine.title, targetAreas: areaNames(mine.targetAreaIds) },
        { title: theirs.title, targetAreas: areaNames(theirs.targetAreaIds) },
      ),
  });
  const { values, setValues, mutation: m } = edit;
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    await edit.save();
  }

  if (!abilities.update && !abilities.archive && !abilities.restore) return null;
  return (
    <form onSubmit={submit} noValidate className="card stack" aria-labelledby="document-details">
      <h2 id="document-details">{t("documents.details")}</h2>
      {edit.status}
      {abilities.update ? (
        <>
          <TextField label={t("documents.title")} name="title" required maxLength={DOCUMENT_TITLE_MAX} value={values.title}
            onChange={(e) => setValues({ ...values, title: e.target.value })} error={m.fieldErrors.title} />
          <TargetAreaChoices areas={areas} chosen={values.targetAreaIds} legend={t("documents.targetAreas")}
            onChange={(targetAreaIds) => setValues({ ...values, targetAreaIds })} />
        </>
      ) : null}
      {abilities.update ? (
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={m.pending}>
            {m.pending ? t("common.saving") : t("documents.save")}
          </button>
        </div>
      ) : null}
      <ArchiveControl forum={forum} documentId={document.id} title={document.title} version={document.version} archived={document.archived}
        mayArchive={abilities.archive} mayRestore={abilities.restore} />
    </form>
  );
}
