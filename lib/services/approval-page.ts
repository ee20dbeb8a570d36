import { hasOpenRequest, loadGroupApprovals, loadSteering, type ApprovalView } from "../db/approvals.ts";
import { db } from "../db/client.ts";
import type { ForumAccess } from "../db/forums.ts";
import { getVersion } from "../db/versions.ts";
import { maySubmitForApproval } from "../policies/approval.ts";
import { documentFacts } from "../policies/document.ts";
import type { Translate } from "../i18n/index.ts";
import { storedState, storedText } from "./frozen-state.ts";
import { diffHTML } from "./version-content.ts";

/**
 * For each open request about a recommendation that has an approved version: what the submitted
 * version changes against it, marked in the rendered text (the steering group's queue shows it).
 */
export async function diffsAgainstApproved(open: ApprovalView[], approvedOf: ReadonlyMap<string, string | null>, t: Translate): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const request of open) {
    const approvedId = approvedOf.get(request.documentId);
    if (!approvedId || approvedId === request.version.id) continue;
    const [approved, submitted] = await Promise.all([getVersion(db(), request.documentId, approvedId), getVersion(db(), request.documentId, request.version.id)]);
    if (!approved || !submitted) continue;
    out[request.id] = (await diffHTML(approved.state, submitted.state, { inserted: t("versions.insertedLabel"), deleted: t("versions.deletedLabel") })).html;
  }
  return out;
}

/**
 * What a recommendation's page needs for its way through the steering group: the requests about
 * it, the steering group, whether the viewer may submit, and the approved version (with whether the
 * draft has moved on since).
 */
export async function approvalContext(access: ForumAccess, t: Translate, doc: { id: string; groupId: string; kind: string; archivedAt: Date | null; approvedVersionId: string | null }) {
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
      const changedSince = (await storedText(doc.id)).trim() !== version.text.trim();
      // What moved since approval, marked in the rendered text (the same diff as the history panel's).
      const diff = changedSince
        ? (await diffHTML(version.state, await storedState(doc.id), { inserted: t("versions.insertedLabel"), deleted: t("versions.deletedLabel") })).html
        : null;
      approved = { number: version.number, sha256: version.sha256, decidedAt: decision?.decidedAt ?? null, html: version.html, changedSince, diffHtml: diff };
    }
  }
  return {
    approvals: mine,
    steering,
    maySubmit: maySubmitForApproval(access, { ...documentFacts(doc), kind: doc.kind }, open),
    approved,
  };
}
