"use client";

import { api } from "@/lib/urls";
import { CLOSERS, forumSettingsSchema } from "@/lib/validation/approval";
import { useT } from "../i18n-provider";
import { SelectField, TextField } from "../ui/field";
import { useVersionedEdit } from "../ui/use-versioned-edit";

export interface ForumSettingsView {
  decisionQuorum: number;
  decisionMajority: number;
  decisionBlockStops: boolean;
  decisionCloser: string;
  publicPage: boolean;
  version: number;
}

type Values = { quorum: string; majority: string; blockStops: boolean; closer: string; publicPage: boolean };

const valuesOf = (s: ForumSettingsView): Values => ({
  quorum: String(s.decisionQuorum), majority: String(s.decisionMajority), blockStops: s.decisionBlockStops, closer: s.decisionCloser, publicPage: s.publicPage,
});

/** The steering group's decision rules and the public page switch; a stale save shows both sets of values. */
export function ForumSettingsForm({ forum, settings }: { forum: string; settings: ForumSettingsView }) {
  const t = useT();
  const yesNo = (b: boolean) => (b ? "✓" : "–");
  const edit = useVersionedEdit({
    initial: valuesOf(settings), version: settings.version, url: api.forumSettings(forum), schema: forumSettingsSchema, success: t("settings.saved"),
    toBody: (v: Values) => ({
      decisionQuorum: Number(v.quorum), decisionMajority: Number(v.majority), decisionBlockStops: v.blockStops, decisionCloser: v.closer, publicPage: v.publicPage,
    }),
    fromCurrent: (c: ForumSettingsView) => valuesOf(c),
    describe: (mine, theirs) =>
      (
        [
          ["quorum", t("settings.quorum"), mine.quorum, theirs.quorum],
          ["majority", t("settings.majority"), mine.majority, theirs.majority],
          ["blockStops", t("settings.blockStops"), yesNo(mine.blockStops), yesNo(theirs.blockStops)],
          ["closer", t("settings.closer"), mine.closer, theirs.closer],
          ["publicPage", t("settings.publicPage"), yesNo(mine.publicPage), yesNo(theirs.publicPage)],
        ] as const
      )
        .filter(([, , a, b]) => a !== b)
        .map(([key, label, a, b]) => ({ key, label, mine: String(a), theirs: String(b) })),
  });
  const { values: v, setValues: set, mutation: m } = edit;
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    await edit.save();
  }
  return (
    <form onSubmit={submit} noValidate className="card stack" aria-labelledby="settings-title">
      <h2 id="settings-title">{t("settings.title")}</h2>
      <p className="muted">{t("settings.intro")}</p>
      {edit.status}
      <div className="inline-fields">
        <TextField label={t("settings.quorum")} hint={t("settings.quorumHint")} name="quorum" type="number" min={1} max={100} value={v.quorum}
          onChange={(e) => set({ ...v, quorum: e.target.value })} error={m.fieldErrors.decisionQuorum} />
        <TextField label={t("settings.majority")} hint={t("settings.majorityHint")} name="majority" type="number" min={0} max={99} value={v.majority}
          onChange={(e) => set({ ...v, majority: e.target.value })} error={m.fieldErrors.decisionMajority} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={v.blockStops} onChange={(e) => set({ ...v, blockStops: e.target.checked })} />
        {t("settings.blockStops")}
      </label>
      <SelectField label={t("settings.closer")} name="closer" value={v.closer} onChange={(e) => set({ ...v, closer: e.target.value })}
        options={CLOSERS.map((c) => ({ value: c, label: t(`settings.closers.${c}`) }))} error={m.fieldErrors.decisionCloser} />
      <label className="checkbox">
        <input type="checkbox" checked={v.publicPage} onChange={(e) => set({ ...v, publicPage: e.target.checked })} />
        {t("settings.publicPage")}
      </label>
      <p className="field-hint">{t("settings.publicPageHint")}</p>
      <button type="submit" className="button button--primary" disabled={m.pending}>
        {m.pending ? t("common.saving") : t("settings.save")}
      </button>
    </form>
  );
}
