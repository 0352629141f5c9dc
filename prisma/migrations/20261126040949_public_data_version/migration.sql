-- CreateTable
CREATE TABLE "PublicDataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "PublicDataVersion_pkey" PRIMARY KEY ("id")
);


-- The one row, and the triggers that raise it (hand-written: Prisma does not model triggers).
INSERT INTO "PublicDataVersion" ("id", "version") VALUES (1, 0);

CREATE FUNCTION "bump_public_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "PublicDataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END $$;

-- Plans: only statements that touch a plan that is, or was, published (drafts change all day).
CREATE FUNCTION "bump_public_data_version_plan_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows WHERE "status" = 'published') THEN
    UPDATE "PublicDataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "bump_public_data_version_plan_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows WHERE "status" = 'published') OR EXISTS (SELECT 1 FROM new_rows WHERE "status" = 'published') THEN
    UPDATE "PublicDataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "bump_public_data_version_plan_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows WHERE "status" = 'published') THEN
    UPDATE "PublicDataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Plan_public_version_insert" AFTER INSERT ON "Plan" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version_plan_inserted"();
CREATE TRIGGER "Plan_public_version_update" AFTER UPDATE ON "Plan" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version_plan_updated"();
CREATE TRIGGER "Plan_public_version_delete" AFTER DELETE ON "Plan" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version_plan_deleted"();
CREATE TRIGGER "Plan_public_version_truncate" AFTER TRUNCATE ON "Plan"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();

-- Reference data the public pages show: any change.
CREATE TRIGGER "Agency_public_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Agency"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();
CREATE TRIGGER "Province_public_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Province"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();
CREATE TRIGGER "District_public_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "District"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();
CREATE TRIGGER "IndicatorItem_public_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "IndicatorItem"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();
