-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "warningCount" INTEGER NOT NULL DEFAULT 0;

