import {
  CodebookSchema,
  MeasureSchema,
  PlanDetailSchema,
  SessionUserSchema,
  type Codebook,
  type Measure,
  type PlanDetail,
  type SessionUser,
} from '@prongsai/shared';

// Test data, always parsed with the shared response schemas so it cannot drift from the contract.

export const AGENCY_ID = '5b7a3c2e-8a51-4c1e-9a43-0f7d3b0f6a11';
export const PLAN_ID = '2f9b6c1d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
export const MEASURE_ID = '9c8b7a6d-5e4f-4321-8a9b-0c1d2e3f4a5b';
export const MEASURE_ID_2 = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

export function makeUser(overrides: Partial<SessionUser> = {}): SessionUser {
  return SessionUserSchema.parse({
    id: 'e3b0c442-98fc-4c14-9afb-f4c8996fb924',
    email: 'editor@bangsainoi.example',
    name: 'สมชาย ใจดี',
    role: 'agency_editor',
    agencyId: AGENCY_ID,
    agencyName: 'องค์การบริหารส่วนตำบลบางทรายน้อย',
    provinceId: 49,
    provinceName: 'มุกดาหาร',
    ...overrides,
  });
}

export function makeMeasure(overrides: Partial<Measure> = {}): Measure {
  return MeasureSchema.parse({
    id: MEASURE_ID,
    planId: PLAN_ID,
    agencyId: AGENCY_ID,
    sequence: 1,
    title: 'จัดให้บุคลากรมีส่วนร่วมในการจัดทำแผนการดำเนินงาน',
    actions: ['จัดประชุมบุคลากร', 'เผยแพร่แผนการใช้จ่ายงบประมาณ'],
    indicators: [{ fiscalYear: 2566, code: 'O11', raw: 'อ้างอิงจาก ๐๑๑', titleTh: 'แผนดำเนินงานและการใช้งบประมาณประจำปี', group: '9.2' }],
    responsible: 'สำนักปลัด',
    plannedStart: '2022-10-01',
    plannedEnd: '2023-03-31',
    outcome: 'in_progress',
    outcomeReason: null,
    resultText: 'มีการจัดทำแผนรายไตรมาส',
    summary: 'ทุกส่วนงานร่วมจัดทำแผน',
    carriedOut: { date: '2023-03-01', precision: 'month' },
    carriedOutRaw: null,
    evidence: [{ url: 'https://www.bangsainoi.go.th/plan', label: 'แผนการดำเนินงาน' }],
    warnings: [],
    sourceMeasureId: null,
    version: 3,
    deletedAt: null,
    updatedAt: '2023-03-07T03:00:00.000Z',
    ...overrides,
  });
}

export function makePlan(overrides: Partial<PlanDetail> = {}): PlanDetail {
  const measures = overrides.measures ?? [makeMeasure()];
  return PlanDetailSchema.parse({
    id: PLAN_ID,
    agencyId: AGENCY_ID,
    fiscalYear: 2566,
    status: 'draft',
    agencyType: 'sao',
    agencyNameTh: 'องค์การบริหารส่วนตำบลบางทรายน้อย',
    version: 1,
    submittedAt: null,
    reviewedAt: null,
    publishedAt: null,
    updatedAt: '2023-03-07T03:00:00.000Z',
    progress: { total: measures.length, planned: 0, inProgress: measures.length, completed: 0, notCarriedOut: 0, percentDone: 0 },
    introText: null,
    copiedFromPlanId: null,
    measures,
    deletedMeasures: [],
    comments: [],
    warnings: [],
    ...overrides,
  });
}

export function makeCodebook(fiscalYear = 2566): Codebook {
  return CodebookSchema.parse({
    fiscalYear,
    note: null,
    items: [
      { fiscalYear, code: 'O11', group: '9.2', titleTh: 'แผนดำเนินงานและการใช้งบประมาณประจำปี', titleEn: null, confidence: 'verified' },
      { fiscalYear, code: 'O27', group: '10.1', titleTh: 'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต', titleEn: null, confidence: 'verified' },
    ],
  });
}
