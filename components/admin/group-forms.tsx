"use client";

import { useState } from "react";
import { GROUP_KINDS, groupCreateSchema, groupUpdateSchema } from "@/lib/validation/group";
import { LIMITS } from "@/lib/validation/common";
import type { GroupView } from "@/lib/presenters/admin";
import { api } from "@/lib/urls";
import { useT } from "../i18n-provider";
import { describeStrings, useVersionedEdit } from "../ui/use-versioned-edit";
import { SelectField, TextArea, TextField } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";

export function GroupCreateForm({ forum }: { forum: string }) {
  const t = useT();
  const m = useMutation();
  const [values, setValues] = useState({ name: "", kind: "COMPETENCE", mandate: "" });
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const done = await m.run<{ group: { name: string } }>({
      url: api.groups(forum), method: "POST", body: values, schema: groupCreateSchema,
      success: (d) => t("admin.groupCreated", { name: d.group.name }),
    });
    if (done) setValues({ name: "", kind: values.kind, mandate: "" });
  }
  return (
    <form onSubmit={submit} noValidate className="card stack" aria-labelledby="new-group">
      <h2 id="new-group">{t("admin.newGroup")}</h2>
      <FormStatus error={m.error} success={m.success} />
      <TextField label={t("admin.groupName")} name="name" required maxLength={LIMITS.groupNameMax} value={values.name}
        onChange={(e) => setValues({ ...values, name: e.target.value })} error={m.fieldErrors.name} />
      <SelectField label={t("admin.groupKind")} name="kind" value={values.kind} onChange={(e) => setValues({ ...values, kind: e.target.value })}
        options={GROUP_KINDS.map((k) => ({ value: k, label: t(`groupKinds.${k}`) }))} error={m.fieldErrors.kind} />
      <TextArea label={t("admin.groupMandate")} name="mandate" rows={4} maxLength={LIMITS.mandateMax} value={values.mandate}
        onChange={(e) => setValues({ ...values, mandate: e.target.value })} error={m.fieldErrors.mandate} />
      <button type="submit" className="button button--primary" disabled={m.pending}>
        {m.pending ? t("common.saving") : t("admin.createGroup")}
      </button>
    </form>
  );
}

export function GroupEditForm({ forum, group }: { forum: string; group: GroupView }) {
  const t = useT();
  const edit = useVersionedEdit({
    initial: { name: group.name, mandate: group.mandate }, version: group.version, url: api.group(forum, group.id), schema: groupUpdateSchema,
    success: t("admin.groupSaved"), toBody: (v) => v,
    fromCurrent: (c: GroupView) => ({ name: c.name, mandate: c.mandate }),
    describe: describeStrings({ name: t("admin.groupName"), mandate: t("admin.groupMandate") }),
  });
  const { values, setValues, mutation: m } = edit;
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    await edit.save();
  }
  return (
    <form onSubmit={submit} noValidate className="card stack" aria-labelledby="edit-group">
      <h2 id="edit-group">{t("admin.editGroup")}</h2>
      {edit.status}
      <TextField label={t("admin.groupName")} name="name" required maxLength={LIMITS.groupNameMax} value={values.name}
        onChange={(e) => setValues({ ...values, name: e.target.value })} error={m.fieldErrors.name} />
      <TextArea label={t("admin.groupMandate")} name="mandate" rows={6} maxLength={LIMITS.mandateMax} value={values.mandate}
        onChange={(e) => setValues({ ...values, mandate: e.target.value })} error={m.fieldErrors.mandate} />
      <button type="submit" className="button button--primary" disabled={m.pending}>
        {m.pending ? t("common.saving") : t("admin.saveGroup")}
      </button>
    </form>
  );
}
