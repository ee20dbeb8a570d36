import {
  findDocumentForApproval, groupMemberIds, hasOpenRequest, insertRequest, loadApproval, loadForumSettings, loadSteering, recordOutcome, updateForumSettings as writeForumSettings, upsertVote,
} from "../db/approvals.ts";
import { isLinkedToNeeds } from "../db/gap.ts";
import { insertVersion } from "../db/versions.ts";
import type { NewNotification } from "../db/notifications.ts";
import { checkOutcome, maySubmitForApproval, parseRule, voteNeedsReason, type DecisionRule } from "../policies/approval.ts";
import { documentFacts } from "../policies/document.ts";
import { presentApproval } from "../presenters/approval.ts";
import { indexDocument } from "../search/index.ts";
import { mayTurnPasswordsOff } from "./identity-providers.ts";
import { AppError } from "../services/errors.ts";
import { freezeStoredDocument } from "../services/frozen-state.ts";
import type { CloseInput, ForumSettingsInput, SubmitInput, VoteInput } from "../validation/approval.ts";
import { assertVersion, mustAdminister, runCommand, type CommandCaller, type CommandContext } from "./command.ts";

const ruleOf = (s: Awaited<ReturnType<typeof loadForumSettings>>): DecisionRule =>
  parseRule(JSON.stringify({ quorum: s.decisionQuorum, majority: s.decisionMajority, blockStops: s.decisionBlockStops, closer: s.decisionCloser }));

async function requestOrThrow(ctx: CommandContext, requestId: string) {
  const request = await loadApproval(ctx.tx, ctx.standing.forum.id, requestId);
  if (!request) throw new AppError("not_found");
  return request;
}

/**
 * Sends a recommendation to the steering group: the text as it is stored now is frozen as a
 * SUBMISSION version and an approval request opens on it, under the forum's current rules.
 * Drafting continues on the live document; the request is about the frozen version only.
 */
export async function submitForApproval(caller: CommandCaller, documentId: string, input: SubmitInput) {
  // Rendering the frozen text is slow and async: done before the transaction, checked again inside.
  const frozen = await freezeStoredDocument(documentId);
  return runCommand(caller, async (ctx) => {
    const forumId = ctx.standing.forum.id;
    const doc = await findDocumentForApproval(ctx.tx, forumId, documentId);
    if (!doc) throw new AppError("not_found");
    const open = await hasOpenRequest(ctx.tx, documentId);
    if (!maySubmitForApproval(ctx.standing, { ...documentFacts(doc), kind: doc.kind }, open)) {
      if (open) throw new AppError("conflict", "approval.alreadyOpen");
      if (doc.kind !== "RECOMMENDATION") throw new AppError("invalid_input", "approval.onlyRecommendations");
      throw new AppError("forbidden");
    }
    const version = await insertVersion(ctx.tx, ctx.actor, forumId, { documentId, kind: "SUBMISSION", name: "", ...frozen });
    const rule = ruleOf(await loadForumSettings(ctx.tx, forumId));
    const request = await insertRequest(ctx.tx, ctx.actor, forumId, {
      documentId, versionId: version.id, rule: JSON.stringify(rule), coverNote: input.coverNote, wishedDecisionDate: input.wishedDecisionDate,
    });
    await indexDocument(ctx.tx, documentId); // now "in review"
    const steering = await loadSteering(ctx.tx, forumId);
    await ctx.notify(approvalNotifications(steering.memberIds, ctx.actor.userId, forumId, "APPROVAL_REQUESTED", doc, request.id));
    ctx.emit({ type: "board.changed", groupId: doc.groupId });
    return presentApproval(ctx.standing, steering, (await loadApproval(ctx.tx, forumId, request.id))!);
  }, { uniqueMessage: "approval.alreadyOpen" });
}

/** One approval notification per person (never to the one who caused it). */
export function approvalNotifications(userIds: readonly string[], actorId: string, forumId: string, type: NewNotification["type"], doc: { id: string; title: string }, requestId: string): NewNotification[] {
  return [...new Set(userIds)]
    .filter((id) => id !== actorId)
    .map((userId) => ({ userId, forumId, type, actionItemId: null, documentId: doc.id, approvalRequestId: requestId, title: doc.title }));
}

/** A steering member casts or changes their vote while the request is open. */
export function castVote(caller: CommandCaller, requestId: string, input: VoteInput) {
  return runCommand(caller, async (ctx) => {
    const forumId = ctx.standing.forum.id;
    const request = await requestOrThrow(ctx, requestId);
    const steering = await loadSteering(ctx.tx, forumId);
    const presented = presentApproval(ctx.standing, steering, request);
    if (!presented.abilities.vote) throw new AppError(request.status === "OPEN" ? "forbidden" : "conflict", request.status === "OPEN" ? "errors.forbidden" : "approval.alreadyDecided");
    if (voteNeedsReason(input.choice) && !input.reason) throw new AppError("invalid_input", "approval.reasonRequired");
    await upsertVote(ctx.tx, ctx.actor, forumId, requestId, input);
    ctx.emit({ type: "board.changed", groupId: request.groupId });
    return presentApproval(ctx.standing, steering, (await loadApproval(ctx.tx, forumId, requestId))!);
  });
}

/**
 * Records the outcome, once. The rules the request was opened under decide whether the outcome
 * agrees with the votes; one that does not is refused with the reason. Of concurrent closers
 * exactly one records it; the others get 409.
 */
export function closeApproval(caller: CommandCaller, requestId: string, input: CloseInput) {
  return runCommand(caller, async (ctx) => {
    const forumId = ctx.standing.forum.id;
    const request = await requestOrThrow(ctx, requestId);
    const steering = await loadSteering(ctx.tx, forumId);
    const presented = presentApproval(ctx.standing, steering, request);
    if (request.status !== "OPEN") throw new AppError("conflict", "approval.alreadyDecided");
    if (!presented.abilities.close) throw new AppError("forbidden");
    const check = checkOutcome(presented.parsedRule, request.votes, input.outcome, steering.memberIds.length);
    if (!check.ok) throw new AppError("conflict", check.reason, check.vars);
    const recorded = await recordOutcome(ctx.tx, ctx.actor, forumId, { id: request.id, documentId: request.documentId, versionId: request.version.id }, {
      status: input.outcome, statement: input.statement,
    });
    if (!recorded) throw new AppError("conflict", "approval.alreadyDecided");
    await indexDocument(ctx.tx, request.documentId); // its status follows the outcome
    await ctx.notify(approvalNotifications(await groupMemberIds(ctx.tx, request.groupId), ctx.actor.userId, forumId, "APPROVAL_DECIDED", { id: request.documentId, title: request.documentTitle }, request.id));
    ctx.emit({ type: "board.changed", groupId: request.groupId });
    // An approved recommendation covers the needs it is linked to: open gap views recount.
    if (input.outcome === "APPROVED" && (await isLinkedToNeeds(ctx.tx, { documentId: request.documentId }))) ctx.emit({ type: "needs.changed", forumId });
    return presentApproval(ctx.standing, steering, (await loadApproval(ctx.tx, forumId, requestId))!);
  });
}

/** The forum's decision rules, public-page switch and password sign-in switch (administrators). */
export function updateForumSettings(caller: CommandCaller, input: ForumSettingsInput) {
  return runCommand(caller, async (ctx) => {
    mustAdminister(ctx);
    const before = await loadForumSettings(ctx.tx, ctx.standing.forum.id);
    const { version, ...fields } = input;
    assertVersion(version, before, () => before);
    if (fields.passwordSignIn === false && before.passwordSignIn) await mayTurnPasswordsOff(ctx);
    return writeForumSettings(ctx.tx, ctx.actor, ctx.standing.forum.id, fields);
  });
}
