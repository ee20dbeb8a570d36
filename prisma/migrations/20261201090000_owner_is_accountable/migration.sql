-- One model of owner and Accountable: an action's owner IS its Accountable person (README,
-- "Owner and Accountable"). Items made before this could disagree; they are made to agree here,
-- keeping everyone on the item:
--   * owner set: the owner becomes A; whoever else held A (a person or a group) becomes R;
--   * no owner, a person is A: that person becomes the owner;
--   * no owner, a group (or nobody) is A: unchanged (an owner is always a person).
-- No schema change. The fix is not an audit event (the log is written by the app, keyed with its
-- secret); the version bump makes a form opened before the migration be refused, not overwrite.

UPDATE "ActionItem" SET "version" = "version" + 1
WHERE ("ownerId" IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM "Responsibility" r WHERE r."actionItemId" = "ActionItem"."id" AND r."role" = 'A' AND r."userId" = "ActionItem"."ownerId"))
   OR ("ownerId" IS NULL AND EXISTS (
        SELECT 1 FROM "Responsibility" r WHERE r."actionItemId" = "ActionItem"."id" AND r."role" = 'A' AND r."userId" IS NOT NULL));

UPDATE "Responsibility" SET "role" = 'R'
WHERE "role" = 'A'
  AND "actionItemId" IN (SELECT "id" FROM "ActionItem" WHERE "ownerId" IS NOT NULL)
  AND ("userId" IS NULL OR "userId" <> (SELECT a."ownerId" FROM "ActionItem" a WHERE a."id" = "Responsibility"."actionItemId"));

UPDATE "Responsibility" SET "role" = 'A'
WHERE "actionItemId" IS NOT NULL
  AND "userId" = (SELECT a."ownerId" FROM "ActionItem" a WHERE a."id" = "Responsibility"."actionItemId");

INSERT INTO "Responsibility" ("id", "role", "actionItemId", "userId", "createdAt")
SELECT 'm' || lower(hex(randomblob(12))), 'A', a."id", a."ownerId", a."updatedAt"
FROM "ActionItem" a
WHERE a."ownerId" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "Responsibility" r WHERE r."actionItemId" = a."id" AND r."userId" = a."ownerId");

UPDATE "ActionItem" SET "ownerId" = (
  SELECT r."userId" FROM "Responsibility" r WHERE r."actionItemId" = "ActionItem"."id" AND r."role" = 'A' AND r."userId" IS NOT NULL LIMIT 1)
WHERE "ownerId" IS NULL;
