import type { DbClient } from "./types.ts";

const select = { id: true, userId: true, name: true, scope: true, query: true, createdAt: true } as const;

export interface SavedViewRow {
  id: string;
  userId: string;
  name: string;
  scope: string;
  query: string;
  createdAt: Date;
}

/** A person's views of one list in one forum, by name. */
export async function listSavedViews(db: DbClient, forumId: string, userId: string, scope: string): Promise<SavedViewRow[]> {
  return db.savedView.findMany({ where: { forumId, userId, scope }, orderBy: { name: "asc" }, select });
}

export async function countSavedViews(db: DbClient, forumId: string, userId: string, scope: string): Promise<number> {
  return db.savedView.count({ where: { forumId, userId, scope } });
}

/** One view of the forum, whoever it belongs to (the policy decides who may see it). */
export async function findSavedView(db: DbClient, forumId: string, id: string): Promise<SavedViewRow | null> {
  return db.savedView.findFirst({ where: { id, forumId }, select });
}

export async function insertSavedView(tx: DbClient, data: { forumId: string; userId: string; name: string; scope: string; query: string }): Promise<SavedViewRow> {
  return tx.savedView.create({ data, select });
}

export async function deleteSavedViewRow(tx: DbClient, id: string): Promise<void> {
  await tx.savedView.delete({ where: { id } });
}
