import {
  AgencySchema,
  CodebookSchema,
  ImportPreviewSchema,
  MeasureSchema,
  PlanDetailSchema,
  ProvinceOverviewRowSchema,
  PublicSummarySchema,
  SessionUserSchema,
  planProgress,
  type Agency,
  type Codebook,
  type ImportPreview,
  type Measure,
  type PlanDetail,
  type ProvinceOverviewRow,
  type PublicSummary,
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
    progress: planProgress(measures),
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

export const AGENCY_ID_2 = '7f81e21a-7098-4db3-9ada-d0d790f69eb2';
export const AGENCY_ID_3 = 'c6ebebb6-ac12-44cb-b5a0-9a77c11fc547';

const figures = (agencies: number, agenciesPublished: number, measures: number, measuresCompleted: number, measuresNotCarriedOut = 0) => ({
  agencies,
  agenciesPublished,
  measures,
  measuresCompleted,
  measuresNotCarriedOut,
});

export function makePublicSummary(overrides: Partial<PublicSummary> = {}): PublicSummary {
  return PublicSummarySchema.parse({
    fiscalYear: 2566,
    fiscalYears: [2566, 2565],
    totals: figures(10, 6, 38, 33, 5),
    byType: [
      { type: 'pao', ...figures(2, 2, 12, 10, 2) },
      { type: 'sao', ...figures(5, 3, 20, 18, 2) },
    ],
    byProvince: [
      { provinceId: 10, nameTh: 'กรุงเทพมหานคร', nameEn: 'Bangkok', ...figures(0, 0, 0, 0) },
      { provinceId: 37, nameTh: 'อำนาจเจริญ', nameEn: 'Amnat Charoen', ...figures(3, 2, 12, 10, 2) },
      { provinceId: 49, nameTh: 'มุกดาหาร', nameEn: 'Mukdahan', ...figures(7, 4, 26, 23, 3) },
    ],
    ...overrides,
  });
}

export function makeOverviewRow(overrides: Partial<ProvinceOverviewRow> = {}): ProvinceOverviewRow {
  return ProvinceOverviewRowSchema.parse({
    agencyId: AGENCY_ID,
    nameTh: 'องค์การบริหารส่วนตำบลบางทรายน้อย',
    type: 'sao',
    districtId: 4906,
    districtNameTh: 'หว้านใหญ่',
    planId: PLAN_ID,
    planStatus: 'submitted',
    measures: 7,
    completedPercent: 42.9,
    notCarriedOutPercent: 0,
    indicatorsCovered: 3,
    warnings: 2,
    lastUpdate: '2024-03-07T03:00:00.000Z',
    itaScore: 91.2,
    itaBand: 'A',
    ...overrides,
  });
}

export function makeImportPreview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return ImportPreviewSchema.parse({
    agencyNameTh: 'องค์การบริหารส่วนตำบลบ้านซ่ง',
    existingPlanStatus: null,
    report: {
      agency: { name: null, district: null, province: null, postcode: null, phone: null, website: null },
      fiscalYear: 2568,
      introText: null,
      measures: [
        {
          sequence: 1,
          title: 'เผยแพร่แผนการใช้จ่ายงบประมาณ',
          actions: ['เผยแพร่แผนการใช้จ่ายงบประมาณ (อ้างอิงจาก ๐๑๑)', 'ประชุมบุคลากร'],
          indicators: [{ fiscalYear: null, code: 'O11', raw: 'อ้างอิงจาก ๐๑๑' }],
          outcome: 'completed',
          outcomeReason: null,
          resultText: 'เผยแพร่แผนบนเว็บไซต์แล้ว',
          summary: 'ทุกส่วนงานรับทราบ',
          responsible: null,
          carriedOut: { date: '2025-03-01', precision: 'month' },
          carriedOutRaw: 'ดำเนินการเมื่อ มีนาคม ๒๕๖๘',
          evidence: [
            { url: 'https://www.banshong.go.th/plan', label: 'แผน' },
            { url: 'หนังสือที่ มห 123', label: 'หนังสือ' },
          ],
        },
        {
          sequence: 2,
          title: 'จัดทำช่องทางร้องเรียนการทุจริต',
          actions: ['จัดทำช่องทางร้องเรียนการทุจริต'],
          indicators: [],
          outcome: 'not_carried_out',
          outcomeReason: 'ไม่มีงบประมาณ',
          resultText: null,
          summary: 'เลื่อนไปปีหน้า',
          responsible: null,
          carriedOut: { date: '2025-05-05', precision: 'day' },
          carriedOutRaw: 'ดำเนินการเมื่อวันที่ ๕ พฤษภาคม ๒๕๖๘',
          evidence: [],
        },
      ],
      warnings: [
        { code: 'NO_EVIDENCE', message: 'มาตรการที่ 1 ดำเนินการแล้วเสร็จแต่ไม่มีลิงก์หลักฐาน', sequence: 1 },
        { code: 'PARSE_PROBLEM', message: 'พบหัวตารางซ้ำ', sequence: null },
      ],
    },
    ...overrides,
  });
}

/** บ้านซ่ง (มุกดาหาร, คำชะอี) with no contact details; override what a test is about. */
export function makeAgency(overrides: Partial<Agency> = {}): Agency {
  return AgencySchema.parse({
    id: AGENCY_ID_3,
    code: '6490502',
    type: 'sao',
    municipalityClass: null,
    nameTh: 'องค์การบริหารส่วนตำบลบ้านซ่ง',
    nameEn: null,
    provinceId: 49,
    provinceNameTh: 'มุกดาหาร',
    districtId: 4905,
    districtNameTh: 'คำชะอี',
    address: null,
    postcode: null,
    phone: null,
    website: null,
    facebook: null,
    ...overrides,
  });
}
