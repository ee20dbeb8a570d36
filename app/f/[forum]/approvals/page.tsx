import type { Metadata } from "next";
import Link from "next/link";
import { getT, requireForum } from "@/lib/auth/page-guards";
import { listForumRecommendations, loadOpenApprovals, loadSteering } from "@/lib/db/approvals";
import { db } from "@/lib/db/client";
import { diffsAgainstApproved } from "@/lib/services/approval-page";
import { boardContext } from "@/lib/services/board-context";
import { pages } from "@/lib/urls";
import { ApprovalQueue } from "@/components/approval/approval-queue";

type Props = { params: Promise<{ forum: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("approval.queueTitle") };
}

/** The steering group's start page: what waits for a decision, and where every recommendation stands. */
export default async function ApprovalsPage({ params }: Props) {
  const { forum } = await params;
  const { access } = await requireForum(forum, pages.approvals(forum));
  const t = await getT();
  const [ctx, open, steering, recommendations] = await Promise.all([
    boardContext(access), loadOpenApprovals(db(), access.forum.id), loadSteering(db(), access.forum.id), listForumRecommendations(db(), access.forum.id),
  ]);
  const diffs = await diffsAgainstApproved(open, new Map(recommendations.map((r) => [r.id, r.approvedVersionId])), t);
  const slug = access.forum.slug;
  return (
    <>
      <header className="page-header">
        <h1>{t("approval.queueTitle")}</h1>
        <p className="muted">{t("approval.queueIntro")}</p>
      </header>
      <ApprovalQueue forum={slug} groups={ctx.groups} viewer={ctx.viewer} steering={steering} initial={open} diffs={diffs} />
      <section aria-labelledby="all-title" className="section">
        <h2 id="all-title">{t("approval.allRecommendations")}</h2>
        <div className="table-scroll" role="region" aria-labelledby="all-title" tabIndex={0}>
          <table className="table" data-testid="all-recommendations">
            <thead>
              <tr>
                <th scope="col">{t("approval.document")}</th>
                <th scope="col">{t("approval.group")}</th>
                <th scope="col">{t("approval.state")}</th>
              </tr>
            </thead>
            <tbody>
              {recommendations.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link href={pages.document(slug, r.groupId, r.id)}>{r.title}</Link>
                  </th>
                  <td>{r.group.name}</td>
                  <td>
                    <span className={`status status--${r.status.toLowerCase()}`}>{t(`documentStatus.${r.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
