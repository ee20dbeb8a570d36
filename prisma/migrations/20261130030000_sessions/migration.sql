-- AlterTable
ALTER TABLE "User" ADD COLUMN "oneTimePasswordExpiresAt" DATETIME;

