-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "signatoryName" TEXT,
ADD COLUMN     "signatoryPosition" TEXT,
ADD COLUMN     "signatureDate" DATE;


-- The block is whole or absent: a name needs a position and the other way round; a date needs both.
-- A trigger, not a CHECK constraint: Prisma 6.19's WebAssembly schema engine (our migration diff, ADR 002)
-- crashes ("unreachable") on a CHECK constraint; triggers it ignores. Same error code as a CHECK (23514).
CREATE FUNCTION prongsai_agency_signature_whole() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."signatoryName" IS NULL) <> (NEW."signatoryPosition" IS NULL)
     OR (NEW."signatureDate" IS NOT NULL AND NEW."signatoryName" IS NULL) THEN
    RAISE EXCEPTION 'the signature block must be whole or absent (name and position together, a date only with them)'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Agency_signature_whole';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Agency_signature_whole" BEFORE INSERT OR UPDATE OF "signatoryName", "signatoryPosition", "signatureDate"
  ON "Agency" FOR EACH ROW EXECUTE FUNCTION prongsai_agency_signature_whole();
