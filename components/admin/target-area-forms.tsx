"use client";

import { useState } from "react";
import { LIMITS } from "@/lib/validation/common";
import { targetAreaCreateSchema, targetAreaUpdateSchema } from "@/lib/validation/target-area";
import { useT } from "../i18n-provider";
import { TextArea, TextField } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";

interface Area {
  id: string;
  name: string;
  description: string;
  period: string;
  archived: boolean;
}

export function TargetAreaCreateForm({ forum }: { forum: string }) {
  const t = useT();
  const m = useMutation();
  const [values, setValues] = useState({ name: "", description: "", period: "" });
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const done = await m.run<{ targetArea: { name: string } }>({
      url: `/api/forums/${forum}/target-areas`, method: "POST", body: values, schema: targetAreaCreateSchema,
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

export function TargetAreaEditForm({ forum, area }: { forum: string; area: Area }) {
  const t = useT();
  const m = useMutation();
  const [values, setValues] = useState({ name: area.name, description: area.description, period: area.period });
  const url = `/api/forums/${forum}/target-areas/${area.id}`;
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    await m.run({ url, method: "PATCH", body: values, schema: targetAreaUpdateSchema, success: t("admin.targetAreaSaved") });
  }
  async function toggleArchived() {
    await m.run({ url, method: "PATCH", body: { archived: !area.archived }, schema: targetAreaUpdateSchema, success: t("admin.targetAreaSaved") });
  }
  return (
    <form onSubmit={submit} noValidate className={`card stack${area.archived ? " card--archived" : ""}`} aria-label={area.name}>
      {area.archived ? <p className="badge badge--warn">{t("admin.archived")}</p> : null}
      <FormStatus error={m.error} success={m.success} />
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
        <button type="button" className="button button--secondary" onClick={toggleArchived} disabled={m.pending}>
          {area.archived ? t("admin.restore") : t("admin.archive")}
        </button>
      </div>
    </form>
  );
}
