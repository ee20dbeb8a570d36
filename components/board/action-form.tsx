"use client";

import { useState } from "react";
import type { ActionView, PresentedAction } from "@/lib/presenters/action";
import { api } from "@/lib/urls";
import { ACTION_STATUSES, ACTION_TITLE_MAX, actionCreateSchema, actionUpdateSchema } from "@/lib/validation/action";
import { useT } from "../i18n-provider";
import { SelectField, TextArea, TextField } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";
import { describeStrings, useVersionedEdit } from "../ui/use-versioned-edit";
import { SubmitRow } from "../ui/submit-row";

export interface Choices {
  people: { id: string; name: string }[];
  areas: { id: string; name: string }[];
}

type Values = {
  title: string;
  description: string;
  status: string;
  ownerId: string;
  dueDate: string;
  targetAreaId: string;
};

function Fields({ v, set, errors, choices, idPrefix, editing }: {
  v: Values; set: (v: Values) => void; errors: Record<string, string>; choices: Choices; idPrefix: string;
  /** An existing item: the owner hint also says what happens to the owner before. */
  editing?: boolean;
}) {
  const t = useT();
  return (
    <>
      <TextField label={t("actions.title")} name={`${idPrefix}title`} required maxLength={ACTION_TITLE_MAX} value={v.title} onChange={(e) => set({ ...v, title: e.target.value })} error={errors.title} />
      <TextArea label={t("actions.description")} name={`${idPrefix}description`} rows={2} value={v.description} onChange={(e) => set({ ...v, description: e.target.value })} error={errors.description} />
      <div className="inline-fields">
        <SelectField label={t("actions.owner")} name={`${idPrefix}owner`} value={v.ownerId} onChange={(e) => set({ ...v, ownerId: e.target.value })} error={errors.ownerId}
          hint={editing ? t("actions.ownerHintEdit") : t("actions.ownerHint")}
          options={[{ value: "", label: t("actions.noOwner") }, ...choices.people.map((p) => ({ value: p.id, label: p.name }))]} />
        <TextField label={t("actions.due")} name={`${idPrefix}due`} type="date" value={v.dueDate} onChange={(e) => set({ ...v, dueDate: e.target.value })} error={errors.dueDate} />
      </div>
      <div className="inline-fields">
        <SelectField label={t("actions.status")} name={`${idPrefix}status`} value={v.status} onChange={(e) => set({ ...v, status: e.target.value })} error={errors.status}
          options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`actionStatus.${s}`) }))} />
        <SelectField label={t("actions.targetArea")} name={`${idPrefix}area`} value={v.targetAreaId} onChange={(e) => set({ ...v, targetAreaId: e.target.value })} error={errors.targetAreaId}
          options={[{ value: "", label: t("actions.noTargetArea") }, ...choices.areas.map((a) => ({ value: a.id, label: a.name }))]} />
      </div>
    </>
  );
}

const toBody = (v: Values) => ({
  title: v.title, description: v.description, status: v.status,
  ownerId: v.ownerId || null, dueDate: v.dueDate || null, targetAreaId: v.targetAreaId || null,
});

/** A new action in a group; optionally anchored to a paragraph of a document. */
export function ActionCreateForm({ forum, groupId, choices, anchor, initialTitle = "", onDone, onCancel, heading, headingId }: {
  forum: string; groupId: string; choices: Choices; anchor?: { documentId: string; blockId: string; text?: string }; initialTitle?: string;
  onDone?: (item: PresentedAction) => void; heading?: string;
  /** In a dialog: a cancel button beside the submit button. */
  onCancel?: () => void;
  /** The heading's id (a dialog is labelled by it). */
  headingId?: string;
}) {
  const t = useT();
  const m = useMutation();
  const empty: Values = { title: initialTitle, description: "", status: "OPEN", ownerId: "", dueDate: "", targetAreaId: "" };
  const [v, set] = useState<Values>(empty);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const done = await m.run<{ item: PresentedAction }>({
      url: api.groupActions(forum, groupId), method: "POST", body: { ...toBody(v), anchor: anchor ?? null },
      schema: actionCreateSchema, success: (d) => t("actions.created", { title: d.item.title }), refresh: false,
    });
    if (done) {
      set({ ...empty, title: "" });
      onDone?.(done.item);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="card stack" aria-label={heading ?? t("actions.newAction")}>
      <h2 className="h3-like" id={headingId}>{heading ?? t("actions.newAction")}</h2>
      <FormStatus error={m.error} success={m.success} />
      <Fields v={v} set={set} errors={m.fieldErrors} choices={choices} idPrefix="new-" />
      <SubmitRow pending={m.pending} label={t("actions.create")} onCancel={onCancel} />
    </form>
  );
}

const valuesOf = (item: ActionView): Values => ({
  title: item.title, description: item.description, status: item.status, ownerId: item.owner?.id ?? "", dueDate: item.dueDate ?? "", targetAreaId: item.targetArea?.id ?? "",
});

/**
 * Edits an item. The form keeps the version it was opened on; if someone saved the item meanwhile,
 * the server refuses (409) and the form shows both sets of values until the user chooses.
 */
export function ActionEditForm({ forum, item, choices, onClose }: { forum: string; item: ActionView; choices: Choices; onClose: () => void }) {
  const t = useT();
  const name = (list: { id: string; name: string }[], id: string) => list.find((x) => x.id === id)?.name ?? "";
  const labels: Record<keyof Values, string> = {
    title: t("actions.title"), description: t("actions.description"), status: t("actions.status"), ownerId: t("actions.owner"), dueDate: t("actions.due"), targetAreaId: t("actions.targetArea"),
  };
  // Ids are shown as the names people know them by.
  const shown = (x: Values): Values => ({
    ...x, status: t(`actionStatus.${x.status as ActionView["status"]}`), ownerId: name(choices.people, x.ownerId), targetAreaId: name(choices.areas, x.targetAreaId),
  });
  const edit = useVersionedEdit({
    initial: valuesOf(item), version: item.version, url: api.action(forum, item.id), schema: actionUpdateSchema, success: t("actions.saved"),
    refresh: false, toBody, fromCurrent: valuesOf, onSaved: onClose,
    describe: (mine, theirs) => describeStrings<Values>(labels)(shown(mine), shown(theirs)),
  });
  const { values: v, setValues: set, mutation: m } = edit;
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    await edit.save();
  }
  return (
    <form onSubmit={submit} noValidate className="stack action-edit" aria-label={t("actions.editTitle", { title: item.title })}>
      {edit.status}
      <Fields v={v} set={set} errors={m.fieldErrors} choices={choices} idPrefix={`e-${item.id}-`} editing />
      <SubmitRow pending={m.pending} label={t("actions.save")} onCancel={onClose} />
    </form>
  );
}
