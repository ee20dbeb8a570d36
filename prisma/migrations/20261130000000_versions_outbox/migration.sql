-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'nb',
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "disabledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1
);
INSERT INTO "new_User" ("createdAt", "disabledAt", "email", "id", "locale", "mustChangePassword", "name", "passwordHash", "sessionVersion", "updatedAt") SELECT "createdAt", "disabledAt", "email", "id", "locale", "mustChangePassword", "name", "passwordHash", "sessionVersion", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE TABLE "new_Group" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "forumId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mandate" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Group_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "Forum" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Group" ("archivedAt", "createdAt", "forumId", "id", "kind", "mandate", "name", "sortOrder", "updatedAt") SELECT "archivedAt", "createdAt", "forumId", "id", "kind", "mandate", "name", "sortOrder", "updatedAt" FROM "Group";
DROP TABLE "Group";
ALTER TABLE "new_Group" RENAME TO "Group";
CREATE INDEX "Group_forumId_kind_idx" ON "Group"("forumId", "kind");
CREATE UNIQUE INDEX "Group_forumId_name_key" ON "Group"("forumId", "name");
CREATE TABLE "new_TargetArea" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "forumId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "period" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "TargetArea_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "Forum" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TargetArea" ("archivedAt", "createdAt", "description", "forumId", "id", "name", "period", "sortOrder", "updatedAt") SELECT "archivedAt", "createdAt", "description", "forumId", "id", "name", "period", "sortOrder", "updatedAt" FROM "TargetArea";
DROP TABLE "TargetArea";
ALTER TABLE "new_TargetArea" RENAME TO "TargetArea";
CREATE UNIQUE INDEX "TargetArea_forumId_name_key" ON "TargetArea"("forumId", "name");
CREATE TABLE "new_Document" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "forumId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "state" BLOB,
    "excerpt" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Document_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "Forum" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Document_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Document_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Document" ("archivedAt", "createdAt", "createdById", "excerpt", "forumId", "groupId", "id", "kind", "state", "status", "title", "updatedAt") SELECT "archivedAt", "createdAt", "createdById", "excerpt", "forumId", "groupId", "id", "kind", "state", "status", "title", "updatedAt" FROM "Document";
DROP TABLE "Document";
ALTER TABLE "new_Document" RENAME TO "Document";
CREATE INDEX "Document_groupId_archivedAt_idx" ON "Document"("groupId", "archivedAt");
CREATE TABLE "new_ActionItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "forumId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "ownerId" TEXT,
    "dueDate" DATETIME,
    "targetAreaId" TEXT,
    "anchorDocumentId" TEXT,
    "anchorBlockId" TEXT,
    "anchorMissing" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "ActionItem_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "Forum" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActionItem_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActionItem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ActionItem_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ActionItem_targetAreaId_fkey" FOREIGN KEY ("targetAreaId") REFERENCES "TargetArea" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ActionItem_anchorDocumentId_fkey" FOREIGN KEY ("anchorDocumentId") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ActionItem" ("anchorBlockId", "anchorDocumentId", "anchorMissing", "closedAt", "createdAt", "createdById", "description", "dueDate", "forumId", "groupId", "id", "ownerId", "status", "targetAreaId", "title", "updatedAt") SELECT "anchorBlockId", "anchorDocumentId", "anchorMissing", "closedAt", "createdAt", "createdById", "description", "dueDate", "forumId", "groupId", "id", "ownerId", "status", "targetAreaId", "title", "updatedAt" FROM "ActionItem";
DROP TABLE "ActionItem";
ALTER TABLE "new_ActionItem" RENAME TO "ActionItem";
CREATE INDEX "ActionItem_anchorDocumentId_idx" ON "ActionItem"("anchorDocumentId");
CREATE INDEX "ActionItem_groupId_status_idx" ON "ActionItem"("groupId", "status");
CREATE INDEX "ActionItem_ownerId_status_idx" ON "ActionItem"("ownerId", "status");
CREATE TABLE "new_Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "forumId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actionItemId" TEXT,
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
INSERT INTO "new_Notification" ("actionItemId", "createdAt", "emailedAt", "forumId", "id", "readAt", "title", "type", "userId") SELECT "actionItemId", "createdAt", "emailedAt", "forumId", "id", "readAt", "title", "type", "userId" FROM "Notification";
DROP TABLE "Notification";
ALTER TABLE "new_Notification" RENAME TO "Notification";
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");
CREATE INDEX "Notification_mailState_mailNextAt_idx" ON "Notification"("mailState", "mailNextAt");
CREATE INDEX "Notification_actionItemId_type_idx" ON "Notification"("actionItemId", "type");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

