-- AlterTable
ALTER TABLE "Document" ADD COLUMN "approvedVersionId" TEXT;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "approvalRequestId" TEXT;
ALTER TABLE "Notification" ADD COLUMN "documentId" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Forum" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "decisionQuorum" INTEGER NOT NULL DEFAULT 3,
    "decisionMajority" INTEGER NOT NULL DEFAULT 50,
    "decisionBlockStops" BOOLEAN NOT NULL DEFAULT true,
    "decisionCloser" TEXT NOT NULL DEFAULT 'STEERING_LEAD',
    "publicPage" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Forum" ("createdAt", "description", "id", "name", "slug", "updatedAt") SELECT "createdAt", "description", "id", "name", "slug", "updatedAt" FROM "Forum";
DROP TABLE "Forum";
ALTER TABLE "new_Forum" RENAME TO "Forum";
CREATE UNIQUE INDEX "Forum_slug_key" ON "Forum"("slug");
CREATE TABLE "new_DocumentVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL DEFAULT 'MANUAL',
    "state" BLOB NOT NULL,
    "sha256" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DocumentVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocumentVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_DocumentVersion" ("createdAt", "createdById", "documentId", "html", "id", "number", "sha256", "state", "text") SELECT "createdAt", "createdById", "documentId", "html", "id", "number", "sha256", "state", "text" FROM "DocumentVersion";
DROP TABLE "DocumentVersion";
ALTER TABLE "new_DocumentVersion" RENAME TO "DocumentVersion";
CREATE UNIQUE INDEX "DocumentVersion_documentId_number_key" ON "DocumentVersion"("documentId", "number");
CREATE TABLE "new_ApprovalRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "rule" TEXT NOT NULL DEFAULT '{}',
    "coverNote" TEXT NOT NULL DEFAULT '',
    "wishedDecisionDate" DATETIME,
    "outcomeStatement" TEXT NOT NULL DEFAULT '',
    "decidedAt" DATETIME,
    "decidedById" TEXT,
    "reminderSentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApprovalRequest_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApprovalRequest_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DocumentVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ApprovalRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ApprovalRequest" ("createdAt", "decidedAt", "documentId", "id", "outcomeStatement", "requestedById", "rule", "status", "versionId") SELECT "createdAt", "decidedAt", "documentId", "id", "outcomeStatement", "requestedById", "rule", "status", "versionId" FROM "ApprovalRequest";
DROP TABLE "ApprovalRequest";
ALTER TABLE "new_ApprovalRequest" RENAME TO "ApprovalRequest";
CREATE INDEX "ApprovalRequest_documentId_status_idx" ON "ApprovalRequest"("documentId", "status");
CREATE INDEX "ApprovalRequest_status_wishedDecisionDate_idx" ON "ApprovalRequest"("status", "wishedDecisionDate");
CREATE TABLE "new_Vote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "approvalRequestId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Vote_approvalRequestId_fkey" FOREIGN KEY ("approvalRequestId") REFERENCES "ApprovalRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Vote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Vote" ("approvalRequestId", "choice", "createdAt", "id", "reason", "userId") SELECT "approvalRequestId", "choice", "createdAt", "id", "reason", "userId" FROM "Vote";
DROP TABLE "Vote";
ALTER TABLE "new_Vote" RENAME TO "Vote";
CREATE UNIQUE INDEX "Vote_approvalRequestId_userId_key" ON "Vote"("approvalRequestId", "userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- At most one open approval request per document (a partial index Prisma's schema cannot express).
CREATE UNIQUE INDEX "ApprovalRequest_one_open_per_document" ON "ApprovalRequest"("documentId") WHERE "status" = 'OPEN';
