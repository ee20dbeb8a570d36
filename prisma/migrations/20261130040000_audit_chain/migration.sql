-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chain" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "legacy" BOOLEAN NOT NULL DEFAULT false,
    "forumId" TEXT,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "ip" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEvent_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "Forum" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Existing rows: chain = forum (or "-"), numbered in order of id; marked legacy (plain SHA-256, one
-- global chain) until the server reseals them with AUDIT_SECRET at its next start (lib/db/audit.ts).
INSERT INTO "new_AuditEvent" ("chain", "seq", "legacy", "action", "actorId", "after", "before", "createdAt", "entityId", "entityType", "forumId", "hash", "id", "ip", "prevHash") SELECT COALESCE("forumId", '-'), ROW_NUMBER() OVER (PARTITION BY COALESCE("forumId", '-') ORDER BY "id"), true, "action", "actorId", "after", "before", "createdAt", "entityId", "entityType", "forumId", "hash", "id", "ip", "prevHash" FROM "AuditEvent";
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");
CREATE INDEX "AuditEvent_forumId_id_idx" ON "AuditEvent"("forumId", "id");
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");
CREATE UNIQUE INDEX "AuditEvent_chain_seq_key" ON "AuditEvent"("chain", "seq");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

