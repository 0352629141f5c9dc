-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "isInternal" BOOLEAN NOT NULL DEFAULT false,
    "preview" BYTEA,
    "uploadedBy" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "EvidenceFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFileChunk" (
    "key" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "StoredFileChunk_pkey" PRIMARY KEY ("key","seq")
);

-- CreateIndex
CREATE INDEX "EvidenceFile_measureId_createdAt_idx" ON "EvidenceFile"("measureId", "createdAt");

-- CreateIndex
CREATE INDEX "EvidenceFile_agencyId_idx" ON "EvidenceFile"("agencyId");

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- File bytes are mostly compressed already (PDF, JPEG, PNG, WebP, DOCX, XLSX): store them out of line
-- without trying to compress them again (ADR 015).
ALTER TABLE "StoredFileChunk" ALTER COLUMN "data" SET STORAGE EXTERNAL;
