import { hasOpenRequest, loadGroupApprovals, loadSteering } from "../db/approvals.ts";
import { db } from "../db/client.ts";
import type { ForumAccess } from "../db/forums.ts";
import { getVersion } from "../db/versions.ts";
import { maySubmitForApproval } from "../policies/approval.ts";
import { documentFacts } from "../policies/document.ts";
import { storedText } from "./frozen-state.ts";

/**
 * What a recommendation's page needs for its way through the steering group: the requests about
 * it, the steering group, whether the viewer may submit, and the approved version (with whether the
 * draft has moved on since).
 */
export async function approvalContext(access: ForumAccess, doc: { id: string; groupId: string; kind: string; archivedAt: Date | null; approvedVersionId: string | null }) {
  const [approvals, steering, open] = await Promise.all([
    loadGroupApprovals(db(), doc.groupId),
    loadSteering(db(), access.forum.id),
    hasOpenRequest(db(), doc.id),
  ]);
  const mine = approvals.filter((a) => a.documentId === doc.id);
  let approved = null;
  if (doc.approvedVersionId) {
    const version = await getVersion(db(), doc.id, doc.approvedVersionId);
    if (version) {
      const decision = mine.find((a) => a.status === "APPROVED" && a.version.id === version.id);
      approved = {
        number: version.number, sha256: version.sha256, decidedAt: decision?.decidedAt ?? null, html: version.html,
        changedSince: (await storedText(doc.id)).trim() !== version.text.trim(),
      };
    }
  }
  return {
    approvals: mine,
    steering,
    maySubmit: maySubmitForApproval(access, { ...documentFacts(doc), kind: doc.kind }, open),
    approved,
  };
}
