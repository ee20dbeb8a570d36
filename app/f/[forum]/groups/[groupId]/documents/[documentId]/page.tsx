import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getT, requireForum } from "@/lib/auth/page-guards";
import { loadGroupBoard } from "@/lib/db/actions";
import { db } from "@/lib/db/client";
import { getDocumentPage } from "@/lib/db/documents";
import { followChoice } from "@/lib/db/follows";
import { listTargetAreas } from "@/lib/db/target-areas";
import { presentActions } from "@/lib/presenters/action";
import { presentDocument } from "@/lib/presenters/document";
import { approvalContext } from "@/lib/services/approval-page";
import { boardContext } from "@/lib/services/board-context";
import { documentVersions } from "@/lib/services/versions";
import { pages } from "@/lib/urls";
import { ApprovalPanel } from "@/components/approval/approval-panel";
import { DocumentMetaForm } from "@/components/documents/document-forms";
import { FollowToggle } from "@/components/documents/follow-toggle";
import { VersionHistory } from "@/components/documents/version-history";
import { DocumentEditor } from "@/components/editor/document-editor";
import { CommentPanel } from "@/components/comments/comment-panel";
import { DocumentCommentsProvider } from "@/components/comments/document-comments";
import { mayStartThread } from "@/lib/policies/comment";
import { getLocale } from "@/lib/auth/page-guards";
import { needPanel } from "@/lib/services/need-links";
import { NeedLinksPanel } from "@/components/needs/need-links";

type Props = { params: Promise<{ forum: string; groupId: string; documentId: string }> };

async function load({ params }: Props) {
  const { forum, groupId, documentId } = await params;
  const { user, access } = await requireForum(forum, pages.document(forum, groupId, documentId));
  const document = await getDocumentPage(db(), access.forum.id, groupId, documentId);
  if (!document) notFound();
  const choice = await followChoice(db(), user.id, document.id);
  return { user, access, document, view: presentDocument(access, document, choice) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { document } = await load(props);
  return { title: document.title };
}

export default async function DocumentPage(props: Props) {
  const { user, access, document, view } = await load(props);
  const t = await getT();
  const { abilities } = view;
  const mayEditMeta = abilities.update || abilities.archive || abilities.restore;
  const areas = mayEditMeta ? await listTargetAreas(db(), access.forum.id) : [];
  const isRecommendation = document.kind === "RECOMMENDATION";
  const locale = await getLocale();
  const [ctx, board, versions, approval, needs] = await Promise.all([
    boardContext(access), loadGroupBoard(db(), document.groupId), documentVersions(access, document.id),
    isRecommendation ? approvalContext(access, t, document) : Promise.resolve(null),
    isRecommendation ? needPanel(access.forum.id, { documentId: document.id }, t, locale) : Promise.resolve(null),
  ]);
  const slug = access.forum.slug;
  return (
    <>
      <p className="breadcrumbs">
        <Link href={pages.group(slug, document.group.id)}>← {t("documents.backToGroup", { group: document.group.name })}</Link>
      </p>
      <header className="page-header page-header--tight">
        <p className="eyebrow">
          {t(`documentKinds.${document.kind}`)} · {t(`documentStatus.${view.archived ? "ARCHIVED" : document.status}`)}
          {document.targetAreas.length ? ` · ${document.targetAreas.map((a) => a.name).join(", ")}` : ""}
        </p>
        <h1>{document.title}</h1>
        <FollowToggle forum={slug} documentId={document.id} follow={view.follow} />
        {view.archived ? (
          <p className="notice notice--info">
            {t("documents.archivedNotice")} <Link href={pages.groupArchive(slug, document.groupId)}>{t("documents.toArchive")}</Link>
          </p>
        ) : null}
      </header>
      <DocumentCommentsProvider forum={slug} documentId={document.id} mayComment={mayStartThread({ targetReadable: abilities.read, targetArchived: view.archived })}>
      <div className="document-layout">
        <DocumentEditor
          documentId={document.id} user={{ id: user.id, name: user.name }} abilities={abilities}
          actions={{
            forum: slug, groupId: document.groupId, choices: ctx.choices, viewer: ctx.viewer,
            initial: presentActions(access, board.filter((i) => i.anchor?.documentId === document.id)),
          }}
        />
        <aside className="stack">
            {/* The editor puts the document's outline (its headings) here. */}
            <div id="document-outline" />
            <CommentPanel />
            {needs ? <NeedLinksPanel forum={slug} target={{ documentId: document.id }} linked={needs.linked} choices={needs.choices} mayLink={abilities.update} /> : null}
            {approval ? (
              <ApprovalPanel
                forum={slug} documentId={document.id} groupId={document.groupId} viewer={ctx.viewer} steering={approval.steering}
                initial={approval.approvals} maySubmit={approval.maySubmit} approved={approval.approved}
              />
            ) : null}
            {mayEditMeta ? <DocumentMetaForm forum={slug} areas={areas.map((a) => ({ id: a.id, name: a.name }))} document={view} /> : null}
        </aside>
      </div>
      </DocumentCommentsProvider>
      <VersionHistory forum={slug} documentId={document.id} versions={versions}
        abilities={{ createVersion: abilities.createVersion, restoreVersion: abilities.restoreVersion }} />
    </>
  );
}
