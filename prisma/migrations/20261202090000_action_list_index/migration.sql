-- CreateIndex
CREATE INDEX "ActionItem_forumId_status_dueDate_idx" ON "ActionItem"("forumId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "ActionItem_forumId_groupId_status_dueDate_idx" ON "ActionItem"("forumId", "groupId", "status", "dueDate");
