import { db } from "../db/client.ts";
import { findDocumentForRoom } from "../db/documents.ts";
import { appendDocumentUpdate, auditRestore, getVersion, insertVersion } from "../db/versions.ts";
import type { DbClient } from "../db/types.ts";
import { documentAbilities, documentFacts, type DocumentAbilities } from "../policies/document.ts";
import { presentVersion, type VersionView } from "../presenters/version.ts";
import { indexDocument } from "../search/index.ts";
import { AppError } from "../services/errors.ts";
import { freezeStoredDocument, freezeYState, storedState } from "../services/frozen-state.ts";
import { restoreUpdate } from "../services/version-content.ts";
import type { ForumAccess } from "../db/forums.ts";
import type { VersionCreateInput } from "../validation/version.ts";
import { runCommand, type CommandCaller } from "./command.ts";

/** The document in the caller's forum and what they may do with it (404 when it is not there). */
async function documentIn(tx: DbClient, standing: ForumAccess, documentId: string): Promise<DocumentAbilities> {
  const doc = await findDocumentForRoom(tx, documentId);
  if (!doc || doc.forumId !== standing.forum.id) throw new AppError("not_found");
  return documentAbilities(standing, documentFacts(doc));
}

/** Cheap look before the expensive freeze: nothing of another forum's documents is rendered (the rule itself is checked in the transaction). */
async function mustBeInForum(caller: CommandCaller, documentId: string) {
  const doc = await findDocumentForRoom(db(), documentId);
  if (!doc || doc.forumId !== caller.forumId) throw new AppError("not_found");
}

/**
 * Saves a named version: the stored text frozen (state, SHA-256, HTML, text). Freezing renders,
 * which is async work, so it happens before the transaction; the transaction checks the rule and
 * writes the immutable row with its audit event.
 */
export async function createVersion(caller: CommandCaller, documentId: string, input: VersionCreateInput): Promise<VersionView> {
  await mustBeInForum(caller, documentId);
  const frozen = await freezeStoredDocument(documentId);
  return runCommand(caller, async ({ tx, standing, actor }) => {
    if (!(await documentIn(tx, standing, documentId)).createVersion) throw new AppError("forbidden");
    const version = await insertVersion(tx, actor, standing.forum.id, { documentId, kind: "MANUAL", name: input.name, ...frozen });
    return presentVersion(version);
  });
}

/**
 * Brings a version's text back as a new edit of the live document; history is never rewritten.
 * Against the stored text, a Yjs update is computed that makes it equal to the version's; it is
 * appended to the log like any edit, a RESTORE version freezes the result, and after commit
 * `document.appended` lets open editors see it at once. Editors who type meanwhile keep their
 * words: the update is an edit like theirs, merged by Yjs.
 */
export async function restoreVersion(caller: CommandCaller, documentId: string, versionId: string): Promise<VersionView> {
  await mustBeInForum(caller, documentId);
  const source = await getVersion(db(), documentId, versionId);
  if (!source) throw new AppError("not_found");
  const { update, state } = restoreUpdate(await storedState(documentId), source.state);
  const frozen = await freezeYState(state);
  return runCommand(caller, async ({ tx, standing, actor, emit }) => {
    if (!(await documentIn(tx, standing, documentId)).restoreVersion) throw new AppError("forbidden");
    const updateId = update ? await appendDocumentUpdate(tx, documentId, update) : null;
    const version = await insertVersion(tx, actor, standing.forum.id, { documentId, kind: "RESTORE", name: source.name, ...frozen });
    // An open room re-indexes as it applies the update; a document nobody has open is indexed here.
    await indexDocument(tx, documentId, { body: frozen.text });
    await auditRestore(tx, actor, standing.forum.id, { documentId, from: source, updateId, version });
    if (update && updateId !== null) emit({ type: "document.appended", documentId, update, updateId });
    return presentVersion(version);
  });
}
