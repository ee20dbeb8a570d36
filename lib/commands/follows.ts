import { getDocumentMeta } from "../db/documents.ts";
import { setFollowChoice } from "../db/follows.ts";
import { documentFacts } from "../policies/document.ts";
import { isFollowing, mayFollowDocument } from "../policies/follow.ts";
import { AppError } from "../services/errors.ts";
import { runCommand, type CommandCaller } from "./command.ts";

/**
 * Follows (`true`) or unfollows (`false`) a document for the caller: an explicit choice that wins
 * over the default (the owning group's members follow). Audited. Returns whether the caller now follows.
 */
export function followDocument(caller: CommandCaller, documentId: string, following: boolean): Promise<{ following: boolean }> {
  return runCommand(caller, async ({ tx, standing, actor }) => {
    const doc = await getDocumentMeta(tx, standing.forum.id, documentId);
    if (!doc) throw new AppError("not_found");
    const facts = documentFacts(doc);
    if (!mayFollowDocument(standing, facts)) throw new AppError("forbidden");
    await setFollowChoice(tx, actor, standing.forum.id, documentId, following);
    return { following: isFollowing(standing, facts, following) };
  });
}
