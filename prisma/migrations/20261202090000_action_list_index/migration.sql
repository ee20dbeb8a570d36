-- CreateIndex
CREATE INDEX "ActionItem_forumId_status_dueDate_idx" ON "ActionItem"("forumId", "status", "dueDate");
