-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "signatoryName" TEXT,
ADD COLUMN     "signatoryPosition" TEXT,
ADD COLUMN     "signatureDate" DATE;


-- The block is whole or absent: a name needs a position and the other way round; a date needs both.
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_signature_whole"
  CHECK (("signatoryName" IS NULL) = ("signatoryPosition" IS NULL) AND ("signatureDate" IS NULL OR "signatoryName" IS NOT NULL));
