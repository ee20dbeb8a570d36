"use client";

import { useState } from "react";
import { api } from "@/lib/urls";
import { regionSchema } from "@/lib/validation/need";
import { useT } from "../i18n-provider";
import { SelectField, TextField } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";

/** Adds a municipality (or the county) to the forum's list of regions. */
export function RegionCreateForm({ forum }: { forum: string }) {
  const t = useT();
  const m = useMutation();
  const [values, setValues] = useState({ name: "", kind: "MUNICIPALITY", code: "" });
  return (
    <form className="card stack" aria-label={t("needs.addRegion")}
      onSubmit={async (e) => {
        e.preventDefault();
        const body = { name: values.name, kind: values.kind, code: values.code.trim() || null };
        if (await m.run({ url: api.regions(forum), method: "POST", body, schema: regionSchema, success: t("needs.regionAdded") })) setValues({ name: "", kind: "MUNICIPALITY", code: "" });
      }}>
      <h2>{t("needs.addRegion")}</h2>
      <TextField label={t("needs.regionName")} name="name" required value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} error={m.fieldErrors.name} />
      <SelectField label={t("needs.regionKind")} name="kind" value={values.kind} onChange={(e) => setValues({ ...values, kind: e.target.value })}
        options={[{ value: "MUNICIPALITY", label: t("needs.kindMUNICIPALITY") }, { value: "COUNTY", label: t("needs.kindCOUNTY") }]} />
      <TextField label={t("needs.regionCode")} name="code" inputMode="numeric" value={values.code} onChange={(e) => setValues({ ...values, code: e.target.value })} error={m.fieldErrors.code} />
      <FormStatus error={m.error} success={m.success} />
      <p className="button-row"><button type="submit" className="button button--primary" disabled={m.pending}>{t("needs.addRegion")}</button></p>
    </form>
  );
}
