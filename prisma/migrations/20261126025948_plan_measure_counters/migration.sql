-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "completedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "measureCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "notCarriedOutCount" INTEGER NOT NULL DEFAULT 0;


-- Backfill the counters of existing plans (new writes keep them current).
UPDATE "Plan" p
SET "measureCount" = c.total, "completedCount" = c.completed, "notCarriedOutCount" = c.not_carried_out
FROM (
  SELECT "planId", count(*) AS total,
         count(*) FILTER (WHERE outcome = 'completed') AS completed,
         count(*) FILTER (WHERE outcome = 'not_carried_out') AS not_carried_out
  FROM "Measure" WHERE "deletedAt" IS NULL GROUP BY "planId"
) c
WHERE c."planId" = p.id;
