-- AlterTable
ALTER TABLE "Document" ADD COLUMN "digestedAt" DATETIME;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "deletedAt" DATETIME;

-- CreateTable
CREATE TABLE "CommentMention" (
    "commentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("commentId", "userId"),
    CONSTRAINT "CommentMention_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommentMention_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DocumentFollow" (
    "userId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "following" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "documentId"),
    CONSTRAINT "DocumentFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocumentFollow_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DocumentEditTally" (
    "documentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "changes" INTEGER NOT NULL DEFAULT 1,
    "lastEditAt" DATETIME NOT NULL,

    PRIMARY KEY ("documentId", "userId"),
    CONSTRAINT "DocumentEditTally_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocumentEditTally_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CommentThread" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "forumId" TEXT NOT NULL,
    "documentId" TEXT,
    "actionItemId" TEXT,
    "quote" TEXT NOT NULL DEFAULT '',
    "detachedAt" DATETIME,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CommentThread_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommentThread_actionItemId_fkey" FOREIGN KEY ("actionItemId") REFERENCES "ActionItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommentThread_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_CommentThread" ("createdAt", "updatedAt", "createdById", "documentId", "forumId", "id", "resolvedAt") SELECT t."createdAt", t."createdAt", t."createdById", t."documentId", d."forumId", t."id", t."resolvedAt" FROM "CommentThread" t JOIN "Document" d ON d."id" = t."documentId";
DROP TABLE "CommentThread";
ALTER TABLE "new_CommentThread" RENAME TO "CommentThread";
CREATE INDEX "CommentThread_documentId_idx" ON "CommentThread"("documentId");
CREATE INDEX "CommentThread_actionItemId_idx" ON "CommentThread"("actionItemId");
CREATE TABLE "new_Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "forumId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actionItemId" TEXT,
    "documentId" TEXT,
    "approvalRequestId" TEXT,
    "threadId" TEXT,
    "commentId" TEXT,
    "actorId" TEXT,
    "detail" TEXT NOT NULL DEFAULT '',
    "title" TEXT NOT NULL,
    "readAt" DATETIME,
    "emailedAt" DATETIME,
    "mailState" TEXT NOT NULL DEFAULT 'SKIPPED',
    "mailAttempts" INTEGER NOT NULL DEFAULT 0,
    "mailNextAt" DATETIME,
    "mailError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_actionItemId_fkey" FOREIGN KEY ("actionItemId") REFERENCES "ActionItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Notification" ("actionItemId", "approvalRequestId", "createdAt", "documentId", "emailedAt", "forumId", "id", "mailAttempts", "mailError", "mailNextAt", "mailState", "readAt", "title", "type", "userId") SELECT "actionItemId", "approvalRequestId", "createdAt", "documentId", "emailedAt", "forumId", "id", "mailAttempts", "mailError", "mailNextAt", "mailState", "readAt", "title", "type", "userId" FROM "Notification";
DROP TABLE "Notification";
ALTER TABLE "new_Notification" RENAME TO "Notification";
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");
CREATE INDEX "Notification_mailState_mailNextAt_idx" ON "Notification"("mailState", "mailNextAt");
CREATE INDEX "Notification_actionItemId_type_idx" ON "Notification"("actionItemId", "type");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CommentMention_userId_idx" ON "CommentMention"("userId");

-- CreateIndex
CREATE INDEX "DocumentFollow_documentId_idx" ON "DocumentFollow"("documentId");

-- CreateIndex
CREATE INDEX "Comment_threadId_createdAt_idx" ON "Comment"("threadId", "createdAt");

