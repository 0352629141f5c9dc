-- The province of a plan's agency, on the plan: the reviewers' overview reads a province's plans of one
-- year with one index range scan instead of one index probe per agency of the province (about half of its
-- statement's execution; docs/performance.md, tenth session). Kept by triggers, never written by the app:
-- set from the agency on every insert and on any write of "agencyId" or "provinceId" (a value written by
-- hand is replaced), and followed when an agency moves to another province. The triggers fire ALWAYS, so
-- bulk loads that skip the other triggers (`session_replication_role = replica`) keep it too.
ALTER TABLE "Plan" ADD COLUMN "provinceId" INTEGER;

UPDATE "Plan" p SET "provinceId" = a."provinceId" FROM "Agency" a WHERE a.id = p."agencyId";

-- CreateIndex
CREATE INDEX "Plan_provinceId_fiscalYear_idx" ON "Plan"("provinceId", "fiscalYear");

CREATE FUNCTION prongsai_plan_province() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."provinceId" := (SELECT a."provinceId" FROM "Agency" a WHERE a.id = NEW."agencyId");
  RETURN NEW;
END
$$;

CREATE TRIGGER "Plan_province" BEFORE INSERT OR UPDATE OF "agencyId", "provinceId" ON "Plan"
  FOR EACH ROW EXECUTE FUNCTION prongsai_plan_province();
ALTER TABLE "Plan" ENABLE ALWAYS TRIGGER "Plan_province";

CREATE FUNCTION prongsai_agency_province_to_plans() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Plan" SET "provinceId" = NEW."provinceId" WHERE "agencyId" = NEW.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Agency_province_to_plans" AFTER UPDATE OF "provinceId" ON "Agency"
  FOR EACH ROW WHEN (OLD."provinceId" IS DISTINCT FROM NEW."provinceId")
  EXECUTE FUNCTION prongsai_agency_province_to_plans();
ALTER TABLE "Agency" ENABLE ALWAYS TRIGGER "Agency_province_to_plans";

ANALYZE "Plan";
