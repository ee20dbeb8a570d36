import type { SearchIndex } from "./search-index.ts";

// What both search indexes do alike: keeping the rows of "SearchEntry" and the build record in
// "SearchIndexState". The statements are the same SQL on SQLite and PostgreSQL (each keeps the words
// in its own way: FTS5 triggers, a generated tsvector); only finding differs (each index's `query`).
// Every statement is a tagged template, so every value is a bound parameter.

/** "targetAreaIds" is space-separated with a space at each end (" a b "), so one area is found as " a ". */
const areaList = (ids: readonly string[]) => ` ${ids.join(" ")} `;

export const searchEntries: Omit<SearchIndex, "query"> = {
  async upsert(tx, entries) {
    for (const e of entries) {
      const keepBody = e.body === undefined ? 1 : 0;
      await tx.$executeRaw`
        INSERT INTO "SearchEntry" ("kind", "entityId", "forumId", "groupId", "status", "targetAreaIds", "documentId", "actionItemId", "threadId", "title", "body")
        VALUES (${e.kind}, ${e.id}, ${e.forumId}, ${e.groupId}, ${e.status}, ${areaList(e.targetAreaIds)}, ${e.documentId}, ${e.actionItemId}, ${e.threadId}, ${e.title}, ${e.body ?? ""})
        ON CONFLICT ("kind", "entityId") DO UPDATE SET
          "forumId" = excluded."forumId", "groupId" = excluded."groupId", "status" = excluded."status",
          "targetAreaIds" = excluded."targetAreaIds", "documentId" = excluded."documentId",
          "actionItemId" = excluded."actionItemId", "threadId" = excluded."threadId", "title" = excluded."title",
          "body" = CASE WHEN ${keepBody} = 1 THEN "SearchEntry"."body" ELSE excluded."body" END`;
    }
  },

  async remove(tx, kind, id) {
    await tx.$executeRaw`DELETE FROM "SearchEntry" WHERE "kind" = ${kind} AND "entityId" = ${id}`;
  },

  async setBody(tx, kind, id, body) {
    const changed = await tx.$executeRaw`UPDATE "SearchEntry" SET "body" = ${body} WHERE "kind" = ${kind} AND "entityId" = ${id} AND "body" <> ${body}`;
    if (changed > 0) return true;
    const rows = await tx.$queryRaw<{ n: number }[]>`SELECT 1 AS n FROM "SearchEntry" WHERE "kind" = ${kind} AND "entityId" = ${id}`;
    return rows.length > 0;
  },

  async builtVersion(tx) {
    const rows = await tx.$queryRaw<{ version: number | bigint }[]>`SELECT "version" FROM "SearchIndexState" WHERE "id" = 1`;
    return rows[0] ? Number(rows[0].version) : null;
  },

  async clear(tx) {
    await tx.$executeRaw`DELETE FROM "SearchEntry"`;
    await tx.$executeRaw`DELETE FROM "SearchIndexState"`;
  },

  async markBuilt(tx, version) {
    await tx.$executeRaw`
      INSERT INTO "SearchIndexState" ("id", "version", "builtAt") VALUES (1, ${version}, ${new Date().toISOString()})
      ON CONFLICT ("id") DO UPDATE SET "version" = excluded."version", "builtAt" = excluded."builtAt"`;
  },
};
