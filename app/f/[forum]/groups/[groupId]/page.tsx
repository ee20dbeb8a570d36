import type { Metadata } from "next";
import Link from "next/link";
import { withoutLeadingTitle } from "@/lib/editor/preview";
import { getLocale, getT, requireGroup } from "@/lib/auth/page-guards";
import { formatDateTime } from "@/lib/i18n/format";
import { pageReads } from "@/lib/db/page-reads";
import { isMemberOf } from "@/lib/policies/actor";
import { documentAbilities } from "@/lib/policies/document";
import { RestoreDocumentButton } from "@/components/documents/archive-controls";
import { Announcer } from "@/components/ui/announcer";
import { pages } from "@/lib/urls";
import { DocumentCreateForm } from "@/components/documents/document-forms";

type Props = { params: Promise<{ forum: string; groupId: string }>; searchParams?: Promise<Record<string, string | string[] | undefined>> };

/** Documents and archived documents shown per page: a group with a thousand stays a small page. */
const GROUP_DOCUMENTS_PER_PAGE = 30;
const GROUP_ARCHIVE_PER_PAGE = 20;

/** A page number from the address: a whole number from 1 (anything else reads as 1; past the end, the last page). */
function pageParam(value: string | string[] | undefined): number {
  const n = typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.max(1, n);
}

async function load({ params }: Props) {
  const { forum, groupId } = await params;
  return requireGroup(forum, groupId, pages.group(forum, groupId));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { group } = await load(props);
  return { title: group.name };
}

export default async function GroupPage(props: Props) {
  const { access, group, abilities } = await load(props);
  const t = await getT();
  const locale = await getLocale();
  const slug = access.forum.slug;
  const member = isMemberOf(access, group.id);
  const reads = pageReads();
  const areas = abilities.createDocument ? await reads.targetAreas(access.forum.id) : [];
  const query = (await props.searchParams) ?? {};
  const paged = async <T,>(wanted: number, perPage: number, load: (offset: number, limit: number) => Promise<{ items: T[]; total: number }>) => {
    const first = await load((wanted - 1) * perPage, perPage);
    const count = Math.max(1, Math.ceil(first.total / perPage));
    // Past the end (a stale link): the last page.
    const page = Math.min(wanted, count);
    return { ...(page === wanted ? first : await load((page - 1) * perPage, perPage)), page, count };
  };
  const [documents, archive] = await Promise.all([
    paged(pageParam(query.page), GROUP_DOCUMENTS_PER_PAGE, (o, l) => reads.groupDocuments(group.id, o, l)),
    paged(pageParam(query.archivePage), GROUP_ARCHIVE_PER_PAGE, (o, l) => reads.archivedDocuments(group.id, o, l)),
  ]);
  const link = (key: "page" | "archivePage", n: number, anchor: string) => {
    const q = new URLSearchParams();
    if (documents.page > 1) q.set("page", String(documents.page));
    if (archive.page > 1) q.set("archivePage", String(archive.page));
    if (n > 1) q.set(key, String(n));
    else q.delete(key);
    const search = q.toString();
    return `${pages.group(slug, group.id)}${search ? `?${search}` : ""}#${anchor}`;
  };
  const pager = (key: "page" | "archivePage", list: { page: number; count: number }, label: string, anchor: string) =>
    list.count > 1 ? (
      <nav className="pager" aria-label={label}>
        {list.page > 1 ? <Link href={link(key, list.page - 1, anchor)} rel="prev">{t("group.previousPage")}</Link> : null}
        <span>{t("group.pageOf", { page: list.page, pages: list.count })}</span>
        {list.page < list.count ? <Link href={link(key, list.page + 1, anchor)} rel="next">{t("group.nextPage")}</Link> : null}
      </nav>
    ) : null;

  return (
    <>
      <header className="page-header">
        <p className="eyebrow">{t(`groupKinds.${group.kind}`)}</p>
        <h1>{group.name}</h1>
        <p className="muted">{member ? t("group.youAreMember") : abilities.createDocument ? null : t("group.readOnly")}</p>
        <p className="button-row">
          <Link className="button button--primary" href={pages.groupActions(slug, group.id)}>
            {t("actions.board")}
          </Link>
          {abilities.manageMembers ? (
            <Link className="button button--secondary" href={pages.groupMembers(slug, group.id)}>
              {t("group.manageMembers")}
            </Link>
          ) : null}
          {abilities.administer ? (
            <Link className="button button--secondary" href={pages.adminGroup(slug, group.id)}>
              {t("group.manage")}
            </Link>
          ) : null}
        </p>
      </header>

      <div className="two-col">
        <div>
          <section aria-labelledby="mandate" className="section">
            <h2 id="mandate">{t("group.mandate")}</h2>
            {group.mandate ? <p className="prose">{group.mandate}</p> : <p className="empty">{t("group.noMandate")}</p>}
          </section>

          <section aria-labelledby="documents" id="document-list" className="section">
            <h2 id="documents">{t("group.documents")}</h2>
            {documents.total > GROUP_DOCUMENTS_PER_PAGE ? <p className="muted">{t("group.documentsShown", { count: documents.total })}</p> : null}
            {documents.total === 0 ? (
              <p className="empty">{t("group.noDocuments")}</p>
            ) : (
              <ul className="doc-list">
                {documents.items.map((d) => (
                  <li key={d.id} className="card doc-card">
                    <p className="eyebrow">
                      {t(`documentKinds.${d.kind}`)} · <span className={`status status--${d.status.toLowerCase()}`}>{t(`documentStatus.${d.status}`)}</span>
                    </p>
                    <h3 className="card__title">
                      <Link href={pages.document(slug, group.id, d.id)}>{d.title}</Link>
                    </h3>
                    {withoutLeadingTitle(d.excerpt, d.title) ? <p className="doc-card__excerpt">{withoutLeadingTitle(d.excerpt, d.title)}</p> : null}
                    <dl className="meta-dl">
                      {d.targetAreas.length ? (
                        <div>
                          <dt>{t("group.documentTargetAreas")}</dt>
                          <dd>{d.targetAreas.map((a) => a.name).join(", ")}</dd>
                        </div>
                      ) : null}
                      <div>
                        <dt>{t("group.documentUpdated")}</dt>
                        <dd>
                          <time dateTime={d.updatedAt.toISOString()}>{formatDateTime(d.updatedAt, locale)}</time>
                        </dd>
                      </div>
                    </dl>
                  </li>
                ))}
              </ul>
            )}
            {pager("page", documents, t("group.documentsPages", { page: documents.page, pages: documents.count }), "document-list")}
          </section>

          <section aria-labelledby="archive-title" id="archive" className="section">
            <h2 id="archive-title">{t("group.archive")}</h2>
            <p className="muted">{t("group.archiveIntro")}</p>
            <Announcer />
            {archive.total === 0 ? (
              <p className="empty">{t("group.archiveEmpty")}</p>
            ) : (
              <ul className="member-list archive-list">
                {archive.items.map((d) => (
                  <li key={d.id}>
                    <span>
                      <Link href={pages.document(slug, group.id, d.id)}>{d.title}</Link>
                      <br />
                      <span className="muted small">
                        {t(`documentKinds.${d.kind}`)} · {t("group.archivedAt")} <time dateTime={d.archivedAt.toISOString()}>{formatDateTime(d.archivedAt, locale)}</time>
                      </span>
                    </span>
                    {documentAbilities(access, { groupId: group.id, archived: true }).restore ? (
                      <RestoreDocumentButton forum={slug} documentId={d.id} title={d.title} version={d.version} />
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {pager("archivePage", archive, t("group.archivePages", { page: archive.page, pages: archive.count }), "archive")}
          </section>
        </div>

        <div>
        {abilities.createDocument ? <DocumentCreateForm forum={slug} groupId={group.id} groupKind={group.kind} areas={areas.map((a) => ({ id: a.id, name: a.name }))} /> : null}
        <section aria-labelledby="members" className="section">
          <h2 id="members">{t("group.members")}</h2>
          {group.members.length === 0 ? (
            <p className="empty">{t("group.noMembers")}</p>
          ) : (
            <ul className="member-list">
              {group.members.map((m) => (
                <li key={m.id}>
                  <span className="member-list__name">{m.name}</span>
                  {{ LEAD: <span className="badge">{t("roles.group.LEAD")}</span>, MEMBER: null }[m.role]}
                </li>
              ))}
            </ul>
          )}
        </section>
        </div>
      </div>
    </>
  );
}
