import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getT, requireForum } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { getDocumentPage } from "@/lib/db/documents";
import { listTargetAreas } from "@/lib/db/target-areas";
import { canEditGroupContent } from "@/lib/services/permissions";
import { boardContext, loadGroupBoard } from "@/lib/services/board-page-data";
import { DocumentMetaForm } from "@/components/documents/document-forms";
import { DocumentEditorLoader } from "@/components/editor/document-editor-loader";

type Props = { params: Promise<{ forum: string; groupId: string; documentId: string }> };

async function load({ params }: Props) {
  const { forum, groupId, documentId } = await params;
  const { user, access } = await requireForum(forum, `/f/${forum}/groups/${groupId}/documents/${documentId}`);
  const document = await getDocumentPage(db(), access.forum.id, groupId, documentId);
  if (!document) notFound();
  return { user, access, document };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { document } = await load(props);
  return { title: document.title };
}

export default async function DocumentPage(props: Props) {
  const { user, access, document } = await load(props);
  const t = await getT();
  const mayEdit = canEditGroupContent(access, document.groupId);
  const canWrite = mayEdit && document.archivedAt === null;
  const areas = mayEdit ? await listTargetAreas(db(), access.forum.id) : [];
  const [ctx, board] = await Promise.all([boardContext(access), loadGroupBoard(db(), document.groupId)]);
  const slug = access.forum.slug;
  return (
    <>
      <p className="breadcrumbs">
        <Link href={`/f/${slug}/groups/${document.group.id}`}>← {t("documents.backToGroup", { group: document.group.name })}</Link>
      </p>
      <header className="page-header page-header--tight">
        <p className="eyebrow">
          {t(`documentKinds.${document.kind}`)} · {t(`documentStatus.${document.status}`)}
          {document.targetAreas.length ? ` · ${document.targetAreas.map((a) => a.name).join(", ")}` : ""}
        </p>
        <h1>{document.title}</h1>
        {document.archivedAt ? <p className="notice notice--info">{t("documents.archivedNotice")}</p> : null}
      </header>
      <div className="document-layout">
        <DocumentEditorLoader
          documentId={document.id} user={{ id: user.id, name: user.name }} canWrite={canWrite}
          actions={{ forum: slug, groupId: document.groupId, choices: ctx.choices, initial: board.filter((i) => i.anchor?.documentId === document.id) }}
        />
        {mayEdit ? (
          <aside>
            <DocumentMetaForm
              forum={slug}
              areas={areas}
              document={{ id: document.id, title: document.title, targetAreaIds: document.targetAreas.map((a) => a.id), archived: document.archivedAt !== null }}
            />
          </aside>
        ) : null}
      </div>
    </>
  );
}
