-- CreateIndex
CREATE INDEX "Agency_nameEn_trgm_idx" ON "Agency" USING GIN ("nameEn" gin_trgm_ops);

