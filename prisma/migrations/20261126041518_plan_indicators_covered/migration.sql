-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "indicatorsCovered" INTEGER NOT NULL DEFAULT 0;


-- Backfill from the live measures (hand-written). From now on every measure write recomputes it
-- with the other counters, and touches the plan's updatedAt, so "last update" needs no measure scan.
UPDATE "Plan" p SET "indicatorsCovered" = c.covered
FROM (
  SELECT m."planId", count(DISTINCT (mi."fiscalYear", mi.code))::int AS covered
  FROM "MeasureIndicator" mi JOIN "Measure" m ON m.id = mi."measureId"
  WHERE m."deletedAt" IS NULL
  GROUP BY m."planId"
) c
WHERE c."planId" = p.id;

UPDATE "Plan" p SET "updatedAt" = m.latest
FROM (SELECT "planId", max("updatedAt") AS latest FROM "Measure" GROUP BY "planId") m
WHERE m."planId" = p.id AND m.latest > p."updatedAt";
