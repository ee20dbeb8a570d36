import type { Metadata } from "next";
import { getLocale, getT, requireForumAdmin } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { listAudit, verifyAuditChain } from "@/lib/db/audit";
import type { MessageKey } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import { pages } from "@/lib/urls";

type Props = { params: Promise<{ forum: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("admin.audit") };
}

function describeChange(before: string | null, after: string | null): string {
  const b = before ? (JSON.parse(before) as Record<string, unknown>) : {};
  const a = after ? (JSON.parse(after) as Record<string, unknown>) : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== "id" && k !== "forumId" && JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  return keys.map((k) => `${k}: ${k in b ? JSON.stringify(b[k]) : "–"} → ${k in a ? JSON.stringify(a[k]) : "–"}`).join("; ");
}

export default async function AdminAuditPage({ params }: Props) {
  const { forum } = await params;
  const { access } = await requireForumAdmin(forum, pages.adminAudit(forum));
  const t = await getT();
  const locale = await getLocale();
  const [events, broken] = await Promise.all([listAudit(db(), access.forum.id, 100), verifyAuditChain(db())]);
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t("admin.audit")}</h2>
      <p className="muted">{t("admin.auditIntro")}</p>
      <p className={broken === null ? "notice notice--success" : "notice notice--error"}>
        {broken === null ? t("admin.auditChainOk") : t("admin.auditChainBroken", { id: broken })}
      </p>
      {events.length === 0 ? (
        <p className="empty">{t("admin.auditEmpty")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="audit-title">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("admin.auditWhen")}</th>
                <th scope="col">{t("admin.auditWho")}</th>
                <th scope="col">{t("admin.auditWhat")}</th>
                <th scope="col">{t("admin.auditChange")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt, locale)}</time>
                  </td>
                  <td>{e.actor?.name ?? t("admin.system")}</td>
                  <td>{t(`audit.${e.action}` as MessageKey)}</td>
                  <td className="small mono">{describeChange(e.before, e.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
