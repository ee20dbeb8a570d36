import { db } from "../db/client.ts";
import { findDocumentForRoom } from "../db/documents.ts";
import { getVersion, listVersions } from "../db/versions.ts";
import type { Translate } from "../i18n/index.ts";
import type { ActorStanding } from "../policies/actor.ts";
import { documentAbilities, documentFacts } from "../policies/document.ts";
import { presentVersion, type VersionView } from "../presenters/version.ts";
import { AppError } from "./errors.ts";
import { diffHTML } from "./version-content.ts";

// Reading versions: everyone who may read the document (everyone in its forum) reads its versions.

/** 404 unless the document is in the viewer's forum and they may read it. */
async function mustRead(viewer: ActorStanding & { forum: { id: string } }, documentId: string) {
  const doc = await findDocumentForRoom(db(), documentId);
  if (!doc || doc.forumId !== viewer.forum.id || !documentAbilities(viewer, documentFacts(doc)).read) throw new AppError("not_found");
}

/** A document's versions, newest first. */
export async function documentVersions(viewer: ActorStanding & { forum: { id: string } }, documentId: string): Promise<VersionView[]> {
  await mustRead(viewer, documentId);
  return (await listVersions(db(), documentId)).map(presentVersion);
}

export interface VersionContent extends VersionView {
  /**
   * The version's HTML, rendered when it was frozen by our own renderer (lib/editor/render.ts)
   * from our schema — never HTML a client sent: the editor's content reaches the server only as
   * Yjs updates, and the schema has no raw-HTML node, links are limited to http(s)/mailto.
   */
  html: string;
  text: string;
}

/** One version with its frozen text; another document's version is a 404. */
export async function documentVersion(viewer: ActorStanding & { forum: { id: string } }, documentId: string, versionId: string): Promise<VersionContent> {
  await mustRead(viewer, documentId);
  const version = await getVersion(db(), documentId, versionId);
  if (!version) throw new AppError("not_found");
  return { ...presentVersion(version), html: version.html, text: version.text };
}

export interface VersionDiff {
  from: VersionView;
  to: VersionView;
  /** The newer text with insertions in <ins> and deletions in <del> (our renderer's output). */
  html: string;
  insertions: number;
  deletions: number;
}

/** What changed between two versions of one document (either order); another document's version is a 404. */
export async function compareVersions(
  viewer: ActorStanding & { forum: { id: string } }, documentId: string, ids: { from: string; to: string }, t: Translate,
): Promise<VersionDiff> {
  await mustRead(viewer, documentId);
  const [from, to] = await Promise.all([getVersion(db(), documentId, ids.from), getVersion(db(), documentId, ids.to)]);
  if (!from || !to) throw new AppError("not_found");
  const diff = await diffHTML(from.state, to.state, { inserted: t("versions.insertedLabel"), deleted: t("versions.deletedLabel") });
  return { from: presentVersion(from), to: presentVersion(to), ...diff };
}
