import { isMemberOf, type ActorStanding } from "./actor.ts";
import { documentAbilities, type DocumentFacts } from "./document.ts";

/**
 * Following a document: change notices (grouped) and new comment threads (at once) go to its
 * followers. Who may follow is who may read it; every forum member reads every document.
 */
export function mayFollowDocument(actor: ActorStanding, doc: DocumentFacts): boolean {
  return documentAbilities(actor, doc).read;
}

/**
 * Whether the actor follows the document. An explicit choice wins (`true` = opted in, `false` =
 * opted out); with none, the owning group's members follow its documents by default (the project
 * leader works in every group but follows only what they choose). Nobody follows what they may
 * not read, whatever they once chose.
 */
export function isFollowing(actor: ActorStanding, doc: DocumentFacts, explicitChoice: boolean | null): boolean {
  if (!mayFollowDocument(actor, doc)) return false;
  return explicitChoice ?? isMemberOf(actor, doc.groupId);
}
