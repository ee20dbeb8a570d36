import { createDocument as insertDocument, findDocumentForRoom, getDocumentMeta, replaceDocumentRaci, updateDocumentMeta } from "../db/documents.ts";
import { followChoice } from "../db/follows.ts";
import { documentAbilities, documentFacts, mayApplyDocumentUpdate } from "../policies/document.ts";
import { groupAbilities } from "../policies/group.ts";
import { presentDocument, type DocumentView } from "../presenters/document.ts";
import { indexDocument } from "../search/index.ts";
import { AppError } from "../services/errors.ts";
import type { DocumentCreateInput, DocumentUpdateInput } from "../validation/document.ts";
import type { RaciInput } from "../validation/action.ts";
import { assertVersion, runCommand, type CommandCaller } from "./command.ts";
import { checkParties, checkTargetAreas, groupOrThrow } from "./references.ts";

/** A new document in a group (its live text starts empty; the title is metadata). */
export function createDocument(caller: CommandCaller, groupId: string, input: DocumentCreateInput): Promise<DocumentView> {
  return runCommand(caller, async ({ tx, standing, actor }) => {
    await groupOrThrow(tx, standing.forum.id, groupId);
    if (!groupAbilities(standing, { id: groupId }).createDocument) throw new AppError("forbidden");
    await checkTargetAreas(tx, standing.forum.id, input.targetAreaIds);
    const doc = await insertDocument(tx, actor, { forumId: standing.forum.id, groupId, ...input });
    await indexDocument(tx, doc.id);
    return presentDocument(standing, doc);
  });
}

/** Renames, re-tags, archives or restores a document; a stale version is a 409 with the current metadata. */
export function updateDocument(caller: CommandCaller, documentId: string, input: DocumentUpdateInput): Promise<DocumentView> {
  return runCommand(caller, async ({ tx, standing, actor, emit }) => {
    const before = await getDocumentMeta(tx, standing.forum.id, documentId);
    if (!before) throw new AppError("not_found");
    const facts = documentFacts(before);
    const { version, archived, ...meta } = input;
    if (!mayApplyDocumentUpdate(documentAbilities(standing, facts), facts, { archived, fields: Object.keys(meta) })) throw new AppError("forbidden");
    const choice = await followChoice(tx, standing.userId, documentId);
    assertVersion(version, before, () => presentDocument(standing, before, choice));
    if (meta.targetAreaIds) await checkTargetAreas(tx, standing.forum.id, meta.targetAreaIds);
    const after = await updateDocumentMeta(tx, actor, standing.forum.id, documentId, { ...meta, archived });
    if (!after) throw new AppError("not_found");
    // Title, target areas and archived state are searched and filtered by; the text stays as indexed.
    await indexDocument(tx, documentId);
    // Archiving makes open editors read-only (and restoring writable) at once.
    if (archived !== undefined) emit({ type: "access.changed", forumId: standing.forum.id });
    return presentDocument(standing, after, choice);
  });
}

/** RACI of a recommendation (or any document). */
export function setDocumentResponsibilities(caller: CommandCaller, documentId: string, input: RaciInput) {
  return runCommand(caller, async ({ tx, standing, actor }) => {
    const doc = await findDocumentForRoom(tx, documentId);
    if (!doc || doc.forumId !== standing.forum.id) throw new AppError("not_found");
    if (!documentAbilities(standing, documentFacts(doc)).setRaci) throw new AppError("forbidden");
    await checkParties(tx, standing.forum.id, input.assignments);
    return replaceDocumentRaci(tx, actor, standing.forum.id, documentId, input.assignments);
  });
}
