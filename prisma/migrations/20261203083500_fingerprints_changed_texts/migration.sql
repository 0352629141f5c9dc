-- A measure's fingerprints (ADR 014) are written again only for the texts an update changed: a save
-- usually changes one or two fields, and recomputing every text of the measure (regular expressions over
-- its title, each sub-action, result and summary) and rewriting all its rows in three indexes was about
-- half of a measure save's PostgreSQL time (docs/performance.md, tenth session). A move to another plan,
-- a soft delete or a restore still rewrites all of them.
CREATE OR REPLACE FUNCTION prongsai_measure_fingerprints() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed text[];
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."deletedAt" IS NOT DISTINCT FROM NEW."deletedAt" AND OLD."planId" = NEW."planId"
     AND OLD."agencyId" = NEW."agencyId" THEN
    changed := array_remove(ARRAY[
      CASE WHEN OLD.title IS DISTINCT FROM NEW.title THEN 'title' END,
      CASE WHEN OLD.actions IS DISTINCT FROM NEW.actions THEN 'action' END,
      CASE WHEN OLD."resultText" IS DISTINCT FROM NEW."resultText" THEN 'result' END,
      CASE WHEN OLD.summary IS DISTINCT FROM NEW.summary THEN 'summary' END], NULL);
    DELETE FROM "MeasureFingerprint" WHERE "measureId" = NEW.id AND field = ANY (changed);
    IF NEW."deletedAt" IS NULL THEN
      INSERT INTO "MeasureFingerprint" ("measureId", field, position, hash, "agencyId", "provinceId", "planId", "fiscalYear")
      SELECT NEW.id, f.field, f.position, hashtextextended(f.key, 0), NEW."agencyId", a."provinceId", NEW."planId", p."fiscalYear"
      FROM prongsai_measure_texts(
             CASE WHEN 'title' = ANY (changed) THEN NEW.title END,
             CASE WHEN 'action' = ANY (changed) THEN NEW.actions END,
             CASE WHEN 'result' = ANY (changed) THEN NEW."resultText" END,
             CASE WHEN 'summary' = ANY (changed) THEN NEW.summary END) f
      JOIN "Plan" p ON p.id = NEW."planId"
      JOIN "Agency" a ON a.id = NEW."agencyId";
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM "MeasureFingerprint" WHERE "measureId" = NEW.id;
  END IF;
  PERFORM prongsai_write_fingerprints(NEW);
  RETURN NULL;
END
$$;
