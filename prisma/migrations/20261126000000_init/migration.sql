-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "AgencyType" AS ENUM ('pao', 'municipality', 'sao', 'special');

-- CreateEnum
CREATE TYPE "MunicipalityClass" AS ENUM ('nakhon', 'mueang', 'tambon');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('draft', 'submitted', 'returned', 'accepted', 'published');

-- CreateEnum
CREATE TYPE "Outcome" AS ENUM ('planned', 'in_progress', 'completed', 'not_carried_out');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('day', 'month');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('agency_editor', 'provincial_reviewer', 'national_admin');

-- CreateEnum
CREATE TYPE "TimelineKind" AS ENUM ('note', 'status_change', 'evidence_added');

-- CreateEnum
CREATE TYPE "ReviewKind" AS ENUM ('comment', 'return', 'accept', 'reopen');

-- CreateEnum
CREATE TYPE "CodebookConfidence" AS ENUM ('official', 'verified', 'secondary', 'uncertain');

-- CreateTable
CREATE TABLE "Province" (
    "id" INTEGER NOT NULL,
    "nameTh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "region" TEXT,

    CONSTRAINT "Province_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "District" (
    "id" INTEGER NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "nameTh" TEXT NOT NULL,
    "nameEn" TEXT,

    CONSTRAINT "District_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" UUID NOT NULL,
    "code" TEXT,
    "type" "AgencyType" NOT NULL,
    "municipalityClass" "MunicipalityClass",
    "nameTh" TEXT NOT NULL,
    "nameEn" TEXT,
    "provinceId" INTEGER NOT NULL,
    "districtId" INTEGER,
    "address" TEXT,
    "postcode" TEXT,
    "phone" TEXT,
    "website" TEXT,
    "facebook" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorCodebook" (
    "fiscalYear" INTEGER NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndicatorCodebook_pkey" PRIMARY KEY ("fiscalYear")
);

-- CreateTable
CREATE TABLE "IndicatorItem" (
    "id" SERIAL NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "titleTh" TEXT NOT NULL,
    "titleEn" TEXT,
    "confidence" "CodebookConfidence" NOT NULL DEFAULT 'official',

    CONSTRAINT "IndicatorItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "status" "PlanStatus" NOT NULL DEFAULT 'draft',
    "agencyType" "AgencyType" NOT NULL,
    "agencyNameTh" TEXT NOT NULL,
    "introText" TEXT,
    "copiedFromPlanId" UUID,
    "submittedAt" TIMESTAMP(3),
    "reviewedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "actions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "responsible" TEXT,
    "plannedStart" DATE,
    "plannedEnd" DATE,
    "outcome" "Outcome" NOT NULL DEFAULT 'planned',
    "outcomeReason" TEXT,
    "resultText" TEXT,
    "summary" TEXT,
    "carriedOutDate" DATE,
    "carriedOutPrecision" "DatePrecision",
    "carriedOutRaw" TEXT,
    "importWarnings" JSONB,
    "sourceMeasureId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureIndicator" (
    "id" SERIAL NOT NULL,
    "measureId" UUID NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "raw" TEXT,

    CONSTRAINT "MeasureIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceLink" (
    "id" SERIAL NOT NULL,
    "measureId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimelineEntry" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "kind" "TimelineKind" NOT NULL,
    "note" TEXT,
    "fromOutcome" "Outcome",
    "toOutcome" "Outcome",
    "evidenceUrl" TEXT,
    "occurredOn" DATE NOT NULL,
    "authorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TimelineEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "measureId" UUID,
    "agencyId" UUID NOT NULL,
    "authorId" UUID,
    "kind" "ReviewKind" NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ItaResult" (
    "id" SERIAL NOT NULL,
    "agencyId" UUID NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "score" DECIMAL(5,2) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ItaResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "locale" TEXT NOT NULL DEFAULT 'th',
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleMembership" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "agencyId" UUID,
    "provinceId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoleMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordResetToken" (
    "id" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdById" UUID,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordResetToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" UUID,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "agencyId" UUID,
    "provinceId" INTEGER,
    "changes" JSONB,
    "requestId" TEXT,
    "ip" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "District_provinceId_idx" ON "District"("provinceId");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_code_key" ON "Agency"("code");

-- CreateIndex
CREATE INDEX "Agency_provinceId_type_idx" ON "Agency"("provinceId", "type");

-- CreateIndex
CREATE INDEX "Agency_districtId_idx" ON "Agency"("districtId");

-- CreateIndex
CREATE INDEX "Agency_nameTh_trgm_idx" ON "Agency" USING GIN ("nameTh" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorItem_fiscalYear_code_key" ON "IndicatorItem"("fiscalYear", "code");

-- CreateIndex
CREATE INDEX "Plan_fiscalYear_status_idx" ON "Plan"("fiscalYear", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_agencyId_fiscalYear_key" ON "Plan"("agencyId", "fiscalYear");

-- CreateIndex
CREATE INDEX "Measure_planId_sequence_idx" ON "Measure"("planId", "sequence");

-- CreateIndex
CREATE INDEX "Measure_agencyId_idx" ON "Measure"("agencyId");

-- CreateIndex
CREATE INDEX "MeasureIndicator_fiscalYear_code_idx" ON "MeasureIndicator"("fiscalYear", "code");

-- CreateIndex
CREATE UNIQUE INDEX "MeasureIndicator_measureId_fiscalYear_code_key" ON "MeasureIndicator"("measureId", "fiscalYear", "code");

-- CreateIndex
CREATE INDEX "EvidenceLink_measureId_position_idx" ON "EvidenceLink"("measureId", "position");

-- CreateIndex
CREATE INDEX "TimelineEntry_measureId_createdAt_idx" ON "TimelineEntry"("measureId", "createdAt");

-- CreateIndex
CREATE INDEX "TimelineEntry_agencyId_idx" ON "TimelineEntry"("agencyId");

-- CreateIndex
CREATE INDEX "ReviewComment_planId_createdAt_idx" ON "ReviewComment"("planId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewComment_agencyId_idx" ON "ReviewComment"("agencyId");

-- CreateIndex
CREATE INDEX "ItaResult_fiscalYear_idx" ON "ItaResult"("fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "ItaResult_agencyId_fiscalYear_key" ON "ItaResult"("agencyId", "fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "RoleMembership_userId_idx" ON "RoleMembership"("userId");

-- CreateIndex
CREATE INDEX "RoleMembership_agencyId_idx" ON "RoleMembership"("agencyId");

-- CreateIndex
CREATE INDEX "RoleMembership_provinceId_idx" ON "RoleMembership"("provinceId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "PasswordResetToken_userId_idx" ON "PasswordResetToken"("userId");

-- CreateIndex
CREATE INDEX "RateLimitCounter_windowStart_idx" ON "RateLimitCounter"("windowStart");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_at_idx" ON "AuditLog"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_agencyId_at_idx" ON "AuditLog"("agencyId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_actorUserId_at_idx" ON "AuditLog"("actorUserId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- AddForeignKey
ALTER TABLE "District" ADD CONSTRAINT "District_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorItem" ADD CONSTRAINT "IndicatorItem_fiscalYear_fkey" FOREIGN KEY ("fiscalYear") REFERENCES "IndicatorCodebook"("fiscalYear") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_copiedFromPlanId_fkey" FOREIGN KEY ("copiedFromPlanId") REFERENCES "Plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_sourceMeasureId_fkey" FOREIGN KEY ("sourceMeasureId") REFERENCES "Measure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureIndicator" ADD CONSTRAINT "MeasureIndicator_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineEntry" ADD CONSTRAINT "TimelineEntry_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineEntry" ADD CONSTRAINT "TimelineEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItaResult" ADD CONSTRAINT "ItaResult_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleMembership" ADD CONSTRAINT "RoleMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleMembership" ADD CONSTRAINT "RoleMembership_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleMembership" ADD CONSTRAINT "RoleMembership_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordResetToken" ADD CONSTRAINT "PasswordResetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The audit log is append-only: nobody edits or deletes its rows, through the app or otherwise.
CREATE FUNCTION "audit_log_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only (% rejected)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_is_append_only"();

CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_is_append_only"();
