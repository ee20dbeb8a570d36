-- CreateTable
CREATE TABLE "Region" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "forumId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'MUNICIPALITY',
    "code" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Region_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "Forum" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Need" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "forumId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "targetAreaId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "field" TEXT NOT NULL,
    "styrk" TEXT,
    "nus" TEXT,
    "nace" TEXT,
    "regionId" TEXT,
    "period" TEXT NOT NULL,
    "demand" REAL NOT NULL,
    "supply" REAL NOT NULL,
    "unit" TEXT NOT NULL DEFAULT 'PERSONS',
    "sourceName" TEXT NOT NULL DEFAULT '',
    "sourceUrl" TEXT,
    "sourceDate" DATETIME,
    "confidence" TEXT NOT NULL DEFAULT 'MEDIUM',
    "notes" TEXT NOT NULL DEFAULT '',
    "naturalKey" TEXT,
    "importBatchId" TEXT,
    "archivedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Need_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "Forum" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Need_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Need_targetAreaId_fkey" FOREIGN KEY ("targetAreaId") REFERENCES "TargetArea" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Need_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Need_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Need_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NeedLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "needId" TEXT NOT NULL,
    "documentId" TEXT,
    "actionItemId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NeedLink_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NeedLink_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NeedLink_actionItemId_fkey" FOREIGN KEY ("actionItemId") REFERENCES "ActionItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NeedLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "forumId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" DATETIME,
    "undoneById" TEXT,
    CONSTRAINT "ImportBatch_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "Forum" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ImportBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "batchId" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "before" TEXT,
    CONSTRAINT "ImportChange_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportMapping" (
    "forumId" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "mapping" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("forumId", "sourceName"),
    CONSTRAINT "ImportMapping_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "Forum" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_forumId_name_key" ON "Region"("forumId", "name");

-- CreateIndex
CREATE INDEX "Need_forumId_archivedAt_targetAreaId_period_idx" ON "Need"("forumId", "archivedAt", "targetAreaId", "period");

-- CreateIndex
CREATE INDEX "Need_groupId_idx" ON "Need"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "Need_forumId_naturalKey_key" ON "Need"("forumId", "naturalKey");

-- CreateIndex
CREATE INDEX "NeedLink_documentId_idx" ON "NeedLink"("documentId");

-- CreateIndex
CREATE INDEX "NeedLink_actionItemId_idx" ON "NeedLink"("actionItemId");

-- CreateIndex
CREATE UNIQUE INDEX "NeedLink_needId_documentId_key" ON "NeedLink"("needId", "documentId");

-- CreateIndex
CREATE UNIQUE INDEX "NeedLink_needId_actionItemId_key" ON "NeedLink"("needId", "actionItemId");

-- CreateIndex
CREATE INDEX "ImportBatch_forumId_createdAt_idx" ON "ImportBatch"("forumId", "createdAt");

-- CreateIndex
CREATE INDEX "ImportChange_batchId_idx" ON "ImportChange"("batchId");

-- CreateIndex
CREATE INDEX "ImportChange_needId_idx" ON "ImportChange"("needId");

