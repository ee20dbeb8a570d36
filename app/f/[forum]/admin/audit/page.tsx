import type { Metadata } from "next";
import { adminPageTitle, getLocale, getT, requireForumAdmin } from "@/lib/auth/page-guards";
import { actionMessage, fieldChanges, parseStored, stringsIn, type Parsed } from "@/lib/audit/view";
import { db } from "@/lib/db/client";
import { auditNames, listAudit, verifyAuditChain } from "@/lib/db/audit";
import type { Translate } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import { pages } from "@/lib/urls";

type Props = { params: Promise<{ forum: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return adminPageTitle(params, "admin.audit");
}

/** What an erased column shows: it held personal data that was removed (the entry still verifies by its digest). */
type Redacted = { before: boolean; after: boolean };

function Change({ before, after, redacted, names, t }: { before: Parsed; after: Parsed; redacted: Redacted; names: Map<string, string>; t: Translate }) {
  const unreadable = [before, after].filter((p): p is { ok: false; raw: string } => !p.ok);
  if (unreadable.length > 0) {
    return (
      <>
        {t("audit.unreadable")}{" "}
        {unreadable.map((p, i) => (
          <code key={i} className="mono">{p.raw}</code>
        ))}
      </>
    );
  }
  const changes = fieldChanges(before.ok ? before.value : undefined, after.ok ? after.value : undefined, names);
  if (changes.length === 0) return redacted.before || redacted.after ? <span className="muted">{t("audit.redacted")}</span> : null;
  const empty = (side: boolean) => (side ? t("audit.redacted") : t("audit.none"));
  return (
    <ul className="audit-changes">
      {changes.map((c) => (
        <li key={c.field}>
          {c.label ? t(c.label) : c.field}: {c.before === null ? empty(redacted.before) : c.before} → {c.after === null ? empty(redacted.after) : c.after}
        </li>
      ))}
    </ul>
  );
}

export default async function AdminAuditPage({ params }: Props) {
  const { forum } = await params;
  const { access } = await requireForumAdmin(forum, pages.adminAudit(forum));
  const t = await getT();
  const locale = await getLocale();
  // Only this forum's own chain: another forum's events neither show nor count here.
  const [events, broken] = await Promise.all([listAudit(db(), access.forum.id, 100), verifyAuditChain(db(), access.forum.id)]);
  const rows = events.map((e) => ({ ...e, beforeParsed: parseStored(e.before), afterParsed: parseStored(e.after) }));
  const ids = new Set<string>();
  for (const r of rows) {
    ids.add(r.entityId);
    if (r.beforeParsed.ok) stringsIn(r.beforeParsed.value, ids);
    if (r.afterParsed.ok) stringsIn(r.afterParsed.value, ids);
  }
  const names = await auditNames(db(), access.forum.id, [...ids].filter((s) => s.length >= 20 && s.length <= 40));
  const describe = (action: string | null) => {
    if (!action) return t("audit.none");
    const m = actionMessage(action);
    return t(m.key, m.vars);
  };
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t("admin.audit")}</h2>
      <p className="muted">{t("admin.auditIntro")}</p>
      <p className={broken === null ? "notice notice--success" : "notice notice--error"}>
        {broken === null
          ? t("admin.auditChainOk")
          : t("admin.auditChainBroken", {
              seq: broken.seq,
              when: broken.createdAt ? formatDateTime(broken.createdAt, locale) : t("audit.none"),
              what: describe(broken.action),
            })}
      </p>
      {rows.length === 0 ? (
        <p className="empty">{t("admin.auditEmpty")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="audit-title">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("admin.auditSeq")}</th>
                <th scope="col">{t("admin.auditWhen")}</th>
                <th scope="col">{t("admin.auditWho")}</th>
                <th scope="col">{t("admin.auditWhat")}</th>
                <th scope="col">{t("admin.auditChange")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => {
                const subject = names.get(e.entityId);
                return (
                  <tr key={e.id}>
                    <td>{e.seq}</td>
                    <td>
                      <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt, locale)}</time>
                    </td>
                    <td>{e.actor?.name ?? t("admin.system")}</td>
                    <td>
                      {describe(e.action)}
                      {subject ? `: ${subject}` : ""}
                    </td>
                    <td className="small">
                      <Change
                        before={e.beforeParsed}
                        after={e.afterParsed}
                        redacted={{ before: e.redactedAt !== null && e.before === null && e.beforeDigest !== null, after: e.redactedAt !== null && e.after === null && e.afterDigest !== null }}
                        names={names}
                        t={t}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
