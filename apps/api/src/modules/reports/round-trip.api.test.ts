import mammoth from 'mammoth';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportPreviewSchema, PlanDetailSchema, type Measure, type ParsedMeasure, type PlanDetail } from '@prongsai/shared';
import { seedDemo } from '../../db/seed';
import { getPrisma } from '../../lib/prisma';
import { testApp } from '../../../test/app';
import { createUser, signIn } from '../../../test/factories';
import { usePrivateDatabase, type PrivateDatabase } from '../../../test/private-database';

/**
 * Export → import gives the plan back (issue 16): every seeded plan, as the official .docx and as the
 * open-data CSV, previewed again by an editor of its agency, field for field. A private database holds
 * the demo seed (its agencies have fixed codes).
 */

const csrf = { 'x-prongsai-csrf': '1' };
let db: PrivateDatabase;
let app: ReturnType<typeof testApp>;
let plans: { id: string; agencyId: string; fiscalYear: number }[];
let signedAgencyIds: string[];

function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

beforeAll(async () => {
  db = await usePrivateDatabase('roundtrip');
  await seedDemo(getPrisma());
  app = testApp();
  plans = await getPrisma().plan.findMany({ select: { id: true, agencyId: true, fiscalYear: true }, orderBy: { id: 'asc' } });
  // Every other agency signs its reports (ADR 022), one of them leaving the day to be written by hand:
  // the block after the table must not cost the import anything.
  const agencyIds = [...new Set(plans.map((plan) => plan.agencyId))].sort();
  signedAgencyIds = agencyIds.filter((_id, index) => index % 2 === 0);
  for (const [index, id] of signedAgencyIds.entries()) {
    await getPrisma().agency.update({
      where: { id },
      data: {
        signatoryName: 'นายสมชาย ใจดี',
        signatoryPosition: 'ปลัดองค์การบริหารส่วนตำบล รักษาราชการแทนนายกองค์การบริหารส่วนตำบล',
        signatureDate: index === 0 ? null : new Date('2024-03-07T00:00:00Z'),
      },
    });
  }
}, 120_000);

afterAll(async () => {
  await db?.drop();
});

/** Every field an editor keeps for a measure (ids, versions and server-computed warnings aside). */
const fields = (measure: Measure | ParsedMeasure) => ({
  title: measure.title,
  actions: measure.actions,
  indicators: measure.indicators.map(({ fiscalYear, code, raw }) => ({ fiscalYear, code, raw })),
  responsible: measure.responsible,
  plannedStart: measure.plannedStart ?? null,
  plannedEnd: measure.plannedEnd ?? null,
  outcome: measure.outcome,
  outcomeReason: measure.outcomeReason,
  resultText: measure.resultText,
  summary: measure.summary,
  carriedOut: measure.carriedOut,
  carriedOutRaw: measure.carriedOutRaw,
  evidence: measure.evidence,
});

async function exportAndPreview(planId: string, agencyId: string, format: 'docx' | 'csv') {
  const editor = await createUser('agency_editor', { agencyId });
  const agent = await signIn(app, editor);
  const plan: PlanDetail = PlanDetailSchema.parse((await agent.get(`/api/v1/plans/${planId}`)).body);
  const file =
    format === 'docx'
      ? await agent.get(`/api/v1/plans/${planId}/report.docx`).buffer(true).parse(binary)
      : await agent.get(`/api/v1/exports/measures.csv`).query({ agencyId, fiscalYear: plan.fiscalYear }).buffer(true).parse(binary);
  expect(file.status).toBe(200);
  const preview = await agent
    .post(`/api/v1/agencies/${agencyId}/imports/preview`)
    .set(csrf)
    .send(
      format === 'docx'
        ? { format, content: (file.body as Buffer).toString('base64') }
        : { format, content: (file.body as Buffer).toString('base64'), contentEncoding: 'base64', fiscalYear: plan.fiscalYear },
    );
  expect(preview.status).toBe(200);
  return { plan, report: ImportPreviewSchema.parse(preview.body).report };
}

describe('export → import round trip of every seeded plan', () => {
  it('when the demo data is seeded, then there are plans to carry, some of agencies that sign their reports', () => {
    expect(plans.length).toBeGreaterThan(3);
    expect(plans.filter((plan) => signedAgencyIds.includes(plan.agencyId)).length).toBeGreaterThan(1);
  });

  it('when a signing agency exports its report, then the .docx ends with the signature block', async () => {
    // Arrange
    const plan = plans.find((candidate) => signedAgencyIds.includes(candidate.agencyId))!;
    const agent = await signIn(app, await createUser('agency_editor', { agencyId: plan.agencyId }));

    // Act
    const file = await agent.get(`/api/v1/plans/${plan.id}/report.docx`).buffer(true).parse(binary);

    // Assert
    const { value: text } = await mammoth.extractRawText({ buffer: file.body as Buffer });
    expect(text).toContain('ตำแหน่ง ปลัดองค์การบริหารส่วนตำบล รักษาราชการแทนนายกองค์การบริหารส่วนตำบล');
  });

  it.each(['docx', 'csv'] as const)(
    'when every plan is exported as %s and imported again, then every field of every measure comes back',
    async (format) => {
      for (const { id, agencyId } of plans) {
        // Act
        const { plan, report } = await exportAndPreview(id, agencyId, format);

        // Assert
        const expected = [...plan.measures].sort((a, b) => a.sequence - b.sequence);
        expect({ plan: id, measures: report.measures.map(fields) }).toEqual({ plan: id, measures: expected.map(fields) });
        expect(report.measures.map((measure) => measure.sequence)).toEqual(expected.map((measure) => measure.sequence));
        expect(report.fiscalYear).toBe(plan.fiscalYear);
        if (format === 'docx') expect({ plan: id, introText: report.introText }).toEqual({ plan: id, introText: plan.introText });
        expect(report.warnings.filter((warning) => warning.code === 'PARSE_PROBLEM')).toEqual([]);
      }
    },
    240_000,
  );
});
