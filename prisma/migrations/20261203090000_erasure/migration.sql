-- Erasure of a person (GDPR art. 17): a pseudonym on the user, and audit entries whose MAC covers
-- digests of their content (scheme 2), so personal data can be removed while the chain verifies.
-- Existing entries stay scheme 1 here; the server reseals them under scheme 2 once at start
-- (lib/db/audit.ts resealToDigests), after checking them under the old MAC.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "erasedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "pseudonymNo" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "User_pseudonymNo_key" ON "User"("pseudonymNo");

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "scheme" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "AuditEvent" ADD COLUMN "beforeDigest" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "afterDigest" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "ipDigest" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "redactedAt" DATETIME;
