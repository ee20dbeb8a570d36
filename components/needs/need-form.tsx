"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { NeedView } from "@/lib/presenters/need";
import { api, pages } from "@/lib/urls";
import { CONFIDENCES, NEED_UNITS, needCreateSchema } from "@/lib/validation/need";
import { useT } from "../i18n-provider";
import { SelectField, TextArea, TextField } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";
import { describeStrings, useVersionedEdit } from "../ui/use-versioned-edit";

export interface NeedChoices {
  groups: { id: string; name: string }[];
  areas: { id: string; name: string }[];
  regions: { id: string; name: string; kind: string }[];
}

type Values = Record<
  "title" | "description" | "field" | "styrk" | "nus" | "nace" | "regionId" | "period" | "demand" | "supply" | "unit" | "sourceName" | "sourceUrl" | "sourceDate" | "confidence" | "notes" | "targetAreaId",
  string
>;

const blank: Values = {
  title: "", description: "", field: "", styrk: "", nus: "", nace: "", regionId: "", period: String(new Date().getFullYear()),
  demand: "", supply: "", unit: "PERSONS", sourceName: "", sourceUrl: "", sourceDate: "", confidence: "MEDIUM", notes: "", targetAreaId: "",
};

function valuesOf(n: NeedView): Values {
  return {
    title: n.title, description: n.description, field: n.field, styrk: n.styrk ?? "", nus: n.nus ?? "", nace: n.nace ?? "",
    regionId: n.region?.id ?? "", period: n.period, demand: String(n.demand), supply: String(n.supply), unit: n.unit,
    sourceName: n.sourceName, sourceUrl: n.sourceUrl ?? "", sourceDate: n.sourceDate ?? "", confidence: n.confidence, notes: n.notes,
    targetAreaId: n.targetArea?.id ?? "",
  };
}

/** Empty optional fields are null; figures are numbers (an empty one stays "" so the schema names it). */
function toBody(v: Values) {
  const orNull = (s: string) => (s.trim() === "" ? null : s.trim());
  const figure = (s: string) => (s.trim() === "" ? "" : Number(s));
  return {
    title: v.title, description: v.description, field: v.field, styrk: orNull(v.styrk), nus: orNull(v.nus), nace: orNull(v.nace),
    regionId: orNull(v.regionId), period: v.period, demand: figure(v.demand), supply: figure(v.supply), unit: v.unit,
    sourceName: v.sourceName, sourceUrl: orNull(v.sourceUrl), sourceDate: orNull(v.sourceDate), confidence: v.confidence, notes: v.notes,
    targetAreaId: orNull(v.targetAreaId),
  };
}

function Fields({ values, set, errors, choices }: { values: Values; set: (v: Values) => void; errors: Record<string, string>; choices: NeedChoices }) {
  const t = useT();
  const on = (key: keyof Values) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => set({ ...values, [key]: e.target.value });
  return (
    <>
      <TextField label={t("needs.fields.title")} name="title" required value={values.title} onChange={on("title")} error={errors.title} />
      <TextField label={t("needs.fields.field")} name="field" required value={values.field} onChange={on("field")} error={errors.field} />
      <div className="inline-fields">
        <TextField label={t("needs.fields.period")} name="period" required hint={t("needs.fields.periodHint")} value={values.period} onChange={on("period")} error={errors.period} />
        <SelectField label={t("needs.fields.region")} name="regionId" value={values.regionId} onChange={on("regionId")} error={errors.regionId}
          options={[{ value: "", label: t("needs.county") }, ...choices.regions.filter((r) => r.kind !== "COUNTY").map((r) => ({ value: r.id, label: r.name }))]} />
        <SelectField label={t("needs.fields.targetArea")} name="targetAreaId" value={values.targetAreaId} onChange={on("targetAreaId")} error={errors.targetAreaId}
          options={[{ value: "", label: t("needs.fields.noTargetArea") }, ...choices.areas.map((a) => ({ value: a.id, label: a.name }))]} />
      </div>
      <div className="inline-fields">
        <TextField label={t("needs.fields.demand")} name="demand" required type="number" min={0} step="any" inputMode="decimal" value={values.demand} onChange={on("demand")} error={errors.demand} />
        <TextField label={t("needs.fields.supply")} name="supply" required type="number" min={0} step="any" inputMode="decimal" value={values.supply} onChange={on("supply")} error={errors.supply} />
        <SelectField label={t("needs.fields.unit")} name="unit" value={values.unit} onChange={on("unit")} error={errors.unit}
          options={NEED_UNITS.map((u) => ({ value: u, label: t(`needs.units.${u}`) }))} />
      </div>
      <TextArea label={t("needs.fields.description")} name="description" rows={3} value={values.description} onChange={on("description")} error={errors.description} />
      <fieldset className="fieldset">
        <legend>{t("needs.fields.codesHint")}</legend>
        <div className="inline-fields">
          <TextField label={t("needs.fields.styrk")} name="styrk" inputMode="numeric" value={values.styrk} onChange={on("styrk")} error={errors.styrk} />
          <TextField label={t("needs.fields.nus")} name="nus" inputMode="numeric" value={values.nus} onChange={on("nus")} error={errors.nus} />
          <TextField label={t("needs.fields.nace")} name="nace" value={values.nace} onChange={on("nace")} error={errors.nace} />
        </div>
      </fieldset>
      <div className="inline-fields">
        <TextField label={t("needs.fields.sourceName")} name="sourceName" value={values.sourceName} onChange={on("sourceName")} error={errors.sourceName} />
        <TextField label={t("needs.fields.sourceUrl")} name="sourceUrl" type="url" value={values.sourceUrl} onChange={on("sourceUrl")} error={errors.sourceUrl} />
        <TextField label={t("needs.fields.sourceDate")} name="sourceDate" type="date" value={values.sourceDate} onChange={on("sourceDate")} error={errors.sourceDate} />
        <SelectField label={t("needs.fields.confidence")} name="confidence" value={values.confidence} onChange={on("confidence")} error={errors.confidence}
          options={CONFIDENCES.map((c) => ({ value: c, label: t(`needs.confidence.${c}`) }))} />
      </div>
      <TextArea label={t("needs.fields.notes")} name="notes" rows={3} value={values.notes} onChange={on("notes")} error={errors.notes} />
    </>
  );
}

/** Registers a new need in one of the groups the user works in; opens it when done. */
export function NeedCreateForm({ forum, choices }: { forum: string; choices: NeedChoices }) {
  const t = useT();
  const router = useRouter();
  const m = useMutation();
  const [values, setValues] = useState(blank);
  const [groupId, setGroupId] = useState(choices.groups[0]?.id ?? "");
  return (
    <form
      className="card stack" aria-label={t("needs.newNeed")}
      onSubmit={async (e) => {
        e.preventDefault();
        const data = await m.run<{ need: NeedView }>({ url: api.needs(forum), method: "POST", body: { ...toBody(values), groupId }, schema: needCreateSchema, success: t("needs.created"), refresh: false });
        if (data) router.push(pages.need(forum, data.need.id));
      }}
    >
      <SelectField label={t("needs.fields.group")} name="groupId" value={groupId} onChange={(e) => setGroupId(e.target.value)} error={m.fieldErrors.groupId}
        options={choices.groups.map((g) => ({ value: g.id, label: g.name }))} />
      <Fields values={values} set={setValues} errors={m.fieldErrors} choices={choices} />
      <FormStatus error={m.error} success={m.success} />
      <p className="button-row">
        <button type="submit" className="button button--primary" disabled={m.pending}>{t("needs.create")}</button>
      </p>
    </form>
  );
}

/** Edits a need on the version it was opened on; someone else's newer save is shown side by side. */
export function NeedEditForm({ forum, need, choices }: { forum: string; need: NeedView; choices: NeedChoices }) {
  const t = useT();
  const edit = useVersionedEdit<Values, { need: NeedView }>({
    initial: valuesOf(need), version: need.version, url: api.need(forum, need.id), success: t("needs.saved"), toBody,
    fromCurrent: (current: NeedView) => valuesOf(current),
    describe: describeStrings<Values>({ title: t("needs.fields.title"), field: t("needs.fields.field"), period: t("needs.fields.period"), demand: t("needs.fields.demand"), supply: t("needs.fields.supply"), notes: t("needs.fields.notes") }),
  });
  return (
    <form className="stack" aria-label={t("needs.edit")} onSubmit={(e) => { e.preventDefault(); void edit.save(); }}>
      <Fields values={edit.values} set={edit.setValues} errors={edit.mutation.fieldErrors} choices={choices} />
      {edit.status}
      <p className="button-row">
        <button type="submit" className="button button--primary" disabled={edit.mutation.pending}>{t("needs.save")}</button>
        {need.abilities.archive ? (
          <button type="button" className="button button--danger" disabled={edit.mutation.pending}
            onClick={() => { if (window.confirm(t("needs.archiveConfirm"))) void edit.save({ archived: true }); }}>
            {t("needs.archive")}
          </button>
        ) : null}
      </p>
    </form>
  );
}

/** Restores an archived need (its keepers only). */
export function NeedRestoreButton({ forum, need }: { forum: string; need: NeedView }) {
  const t = useT();
  const m = useMutation();
  return (
    <p className="button-row">
      <button type="button" className="button button--secondary" disabled={m.pending}
        onClick={() => void m.run({ url: api.need(forum, need.id), method: "PATCH", body: { archived: false, version: need.version }, success: t("needs.saved") })}>
        {t("needs.restore")}
      </button>
      <FormStatus error={m.error} success={m.success} />
    </p>
  );
}
