-- AlterTable
ALTER TABLE "ActionItem" ADD COLUMN "anchorText" TEXT;

