"use client";

import { useState } from "react";
import { LIMITS } from "@/lib/validation/common";
import { targetAreaCreateSchema, targetAreaUpdateSchema } from "@/lib/validation/target-area";
import type { TargetAreaView } from "@/lib/presenters/admin";
import { api } from "@/lib/urls";
import { useT } from "../i18n-provider";
import { describeStrings, useVersionedEdit } from "../ui/use-versioned-edit";
import { TextArea, TextField } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";


export function TargetAreaCreateForm({ forum }: { forum: string }) {
  const t = useT();
  const m = useMutation();
  const [values, setValues] = useState({ name: "", description: "", period: "" });
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const done = await m.run<{ targetArea: { name: string } }>({
      url: api.targetAreas(forum), method: "POST", body: values, schema: targetAreaCreateSchema,
      success: (d) => t("admin.targetAreaCreated", { name: d.targetArea.name }),
    });
    if (done) setValues({ name: "", description: "", period: values.period });
  }
  return (
    <form onSubmit={submit} noValidate className="card stack" aria-labelledby="new-area">
      <h2 id="new-area">{t("admin.newTargetArea")}</h2>
      <FormStatus error={m.error} success={m.success} />
      <TextField label={t("admin.areaName")} name="name" required maxLength={LIMITS.nameMax} value={values.name}
        onChange={(e) => setValues({ ...values, name: e.target.value })} error={m.fieldErrors.name} />
      <TextArea label={t("admin.areaDescription")} name="description" rows={3} maxLength={LIMITS.descriptionMax} value={values.description}
        onChange={(e) => setValues({ ...values, description: e.target.value })} error={m.fieldErrors.description} />
      <TextField label={t("admin.areaPeriod")} hint={t("admin.areaPeriodHint")} name="period" maxLength={LIMITS.periodMax} value={values.period}
        onChange={(e) => setValues({ ...values, period: e.target.value })} error={m.fieldErrors.period} />
      <button type="submit" className="button button--primary" disabled={m.pending}>
        {m.pending ? t("common.saving") : t("admin.createTargetArea")}
      </button>
    </form>
  );
}

export function TargetAreaEditForm({ forum, area }: { forum: string; area: TargetAreaView }) {
  const t = useT();
  const edit = useVersionedEdit({
    initial: { name: area.name, description: area.description, period: area.period }, version: area.version, url: api.targetArea(forum, area.id),
    schema: targetAreaUpdateSchema, success: t("admin.targetAreaSaved"), toBody: (v) => v,
    fromCurrent: (c: TargetAreaView) => ({ name: c.name, description: c.description, period: c.period }),
    describe: describeStrings({ name: t("admin.areaName"), description: t("admin.areaDescription"), period: t("admin.areaPeriod") }),
  });
  const { values, setValues, mutation: m } = edit;
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    await edit.save();
  }
  return (
    <form onSubmit={submit} noValidate className={`card stack${area.archived ? " card--archived" : ""}`} aria-label={area.name}>
      {area.archived ? <p className="badge badge--warn">{t("admin.archived")}</p> : null}
      {edit.status}
      <TextField label={t("admin.areaName")} name="name" required maxLength={LIMITS.nameMax} value={values.name}
        onChange={(e) => setValues({ ...values, name: e.target.value })} error={m.fieldErrors.name} />
      <TextArea label={t("admin.areaDescription")} name="description" rows={3} maxLength={LIMITS.descriptionMax} value={values.description}
        onChange={(e) => setValues({ ...values, description: e.target.value })} error={m.fieldErrors.description} />
      <TextField label={t("admin.areaPeriod")} name="period" maxLength={LIMITS.periodMax} value={values.period}
        onChange={(e) => setValues({ ...values, period: e.target.value })} error={m.fieldErrors.period} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={m.pending}>
          {m.pending ? t("common.saving") : t("admin.saveTargetArea")}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void edit.save({ archived: !area.archived })} disabled={m.pending}>
          {area.archived ? t("admin.restore") : t("admin.archive")}
        </button>
      </div>
    </form>
  );
}
