"use client";

import { api } from "@/lib/urls";
import { SITE_TEXT_MAX, siteTextSchema, type SiteTextKey } from "@/lib/validation/site-text";
import { useT } from "../i18n-provider";
import { TextArea } from "../ui/field";
import { useVersionedEdit } from "../ui/use-versioned-edit";

type Values = { body: string };

/** One installation-wide statement as a text area; a stale save shows both texts (409). */
export function StatementForm({ forum, which, body, version, pageHref }: { forum: string; which: SiteTextKey; body: string; version: number; pageHref: string }) {
  const t = useT();
  const title = t(`statements.${which}`);
  const edit = useVersionedEdit({
    initial: { body } as Values, version, url: api.siteText(forum, which), schema: siteTextSchema, success: t("statements.saved"),
    toBody: (v: Values) => ({ body: v.body }),
    fromCurrent: (c: { body: string }) => ({ body: c.body }),
    describe: (mine, theirs) => (mine.body === theirs.body ? [] : [{ key: "body", label: title, mine: mine.body, theirs: theirs.body }]),
  });
  const { values: v, setValues: set, mutation: m } = edit;
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    await edit.save();
  }
  const headingId = `statement-${which}-title`;
  return (
    <form onSubmit={submit} noValidate className="card stack" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {edit.status}
      <TextArea label={t("statements.body")} hint={t("statements.bodyHint", { max: SITE_TEXT_MAX })} name="body" rows={16} maxLength={SITE_TEXT_MAX}
        value={v.body} onChange={(e) => set({ body: e.target.value })} error={m.fieldErrors.body} />
      <div className="inline-fields">
        <button type="submit" className="button button--primary" disabled={m.pending}>
          {m.pending ? t("common.saving") : t("statements.save")}
        </button>
        <a href={pageHref}>{t("statements.view")}: {title}</a>
      </div>
    </form>
  );
}
