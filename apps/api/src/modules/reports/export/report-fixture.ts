// Test data for the export renderers: องค์การบริหารส่วนตำบลบางทรายน้อย, FY2566, shaped like the real sample
// report (shared/samples/report-2566-bangsainoi.txt), with the defects the renderers must survive.
import { planProgress, type Agency, type Measure, type PlanDetail } from '@prongsai/shared';
import type { MeasureExportRow, ReportData } from './report-model';

const AGENCY_ID = '7d3c6c1e-5b1a-4f52-9a51-1f0c2b7e6a01';
const PLAN_ID = '0b6f7a52-3f0e-4d3e-8f57-6c0f0e4b9a10';

export const BANGSAINOI_AGENCY: Agency = {
  id: AGENCY_ID,
  code: '6490601',
  type: 'sao',
  municipalityClass: null,
  nameTh: 'องค์การบริหารส่วนตำบลบางทรายน้อย',
  nameEn: 'Bang Sai Noi Subdistrict Administrative Organization',
  provinceId: 49,
  provinceNameTh: 'มุกดาหาร',
  districtId: 4906,
  districtNameTh: 'หว้านใหญ่',
  address: 'ที่ทำการองค์การบริหารส่วนตำบลบางทรายน้อย ตำบลบางทรายน้อย',
  postcode: '49150',
  phone: '042-639026',
  website: 'www.bangsainoi.go.th',
  facebook: 'องค์การบริหารส่วนตำบลบางทรายน้อย',
};

export function buildMeasure(sequence: number, fields: Partial<Measure>): Measure {
  return {
    id: `5a0d1c7e-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    planId: PLAN_ID,
    agencyId: AGENCY_ID,
    sequence,
    title: `มาตรการที่ ${sequence}`,
    actions: [],
    indicators: [],
    responsible: null,
    plannedStart: null,
    plannedEnd: null,
    outcome: 'planned',
    outcomeReason: null,
    resultText: null,
    summary: null,
    carriedOut: null,
    carriedOutRaw: null,
    evidence: [],
    warnings: [],
    sourceMeasureId: null,
    version: 1,
    deletedAt: null,
    updatedAt: '2023-09-29T03:00:00.000Z',
    ...fields,
  };
}

export const BANGSAINOI_MEASURES: Measure[] = [
  buildMeasure(1, {
    title: 'จัดให้บุคลากรภายในหน่วยงานได้มีส่วนร่วมในการจัดทำแผนการดำเนินงานและแผนการใช้จ่ายงบประมาณ',
    actions: [
      'จัดให้บุคลากรภายในหน่วยงานได้มีส่วนร่วมในการจัดทำแผนการดำเนินงานและแผนการใช้จ่ายงบประมาณ (อ้างอิงจาก ๐๑๑)',
      'ประชาสัมพันธ์คู่มือหรือแนวทางดังกล่าวให้บุคลากรถือปฏิบัติอย่างเคร่งครัด',
      'กำชับให้บุคลากรภายในหน่วยงานมีการขออนุญาตในการยืมทรัพย์สินอย่างถูกต้อง',
    ],
    indicators: [
      {
        fiscalYear: 2566,
        code: 'O11',
        raw: 'อ้างอิงจาก ๐๑๑',
        titleTh: 'แผนดำเนินงานและการใช้จ่ายงบประมาณประจำปี',
        group: '9.2',
      },
    ],
    responsible: 'สำนักปลัด',
    outcome: 'completed',
    resultText: 'ให้เจ้าหน้าที่แต่ละส่วนมีส่วนร่วมในการเสนอแผนการดำเนินงานและจัดทำแผนการใช้จ่ายงบประมาณรายไตรมาส',
    summary: 'มีการจัดทำแผนการดำเนินงานและแผนการใช้จ่ายงบประมาณจากทุกส่วนงานโดยจัดทำเป็นรายไตรมาส',
    carriedOut: { date: '2023-03-07', precision: 'day' },
    carriedOutRaw: 'ดำเนินการเมื่อวันที่ ๗ มีนาคม ๒๕๖๖',
    evidence: [{ url: 'https://www.bangsainoi.go.th/plan-2566', label: 'แผนการใช้จ่ายงบประมาณ ๒๕๖๖' }],
  }),
  buildMeasure(2, {
    title: 'จัดทำคู่มือการใช้ทรัพย์สินของราชการ',
    actions: [
      'เจ้าหน้าที่จัดทำคู่มือการใช้ทรัพย์สินของราชการ หรือมีการขอยืมทรัพย์สินของทางราชการไปใช้',
      '<p>ประชาสัมพันธ์คู่มือหรือแนวทางดังกล่าวให้บุคลากรถือปฏิบัติอย่างเคร่งครัด</p>',
    ],
    outcome: 'completed',
    resultText: '<p>คู่มือมาตรฐานการปฏิบัติงาน ระบุขั้นตอนและแนวทางในการขอยืมทรัพย์สินของทางราชการไว้อย่างชัดเจน</p>',
    summary: 'เผยแพร่คู่มือทางเว็บไซต์ <script>alert("x")</script> และบอร์ดประชาสัมพันธ์',
    carriedOut: { date: '2023-03-01', precision: 'month' },
    carriedOutRaw: 'ดำเนินการเมื่อ มีนาคม ๒๕๖๖',
  }),
  buildMeasure(3, {
    title: 'จัดอบรมมาตรฐานทางจริยธรรมให้บุคลากร',
    actions: ['จัดอบรมมาตรฐานทางจริยธรรมและประมวลจริยธรรมของเจ้าหน้าที่ของรัฐ'],
    outcome: 'not_carried_out',
    outcomeReason: 'งบประมาณไม่เพียงพอ เนื่องจากต้องโอนงบไปใช้แก้ปัญหาภัยแล้ง',
    plannedStart: '2023-04-01',
    plannedEnd: '2023-06-30',
  }),
  buildMeasure(4, {
    title: 'เปิดช่องทางร้องเรียนการทุจริตออนไลน์',
    actions: ['จัดทำแนวปฏิบัติสำหรับการจัดการเรื่องร้องเรียนการทุจริต', 'เผยแพร่ช่องทางร้องเรียนให้สาธารณชนทราบ'],
    indicators: [
      { fiscalYear: 2566, code: 'O27', raw: null, titleTh: 'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต', group: '10.1' },
      { fiscalYear: 2566, code: 'O28', raw: null, titleTh: null, group: null },
    ],
    outcome: 'in_progress',
    resultText: "=cmd|' /C calc'!A0",
    summary: 'บรรทัดแรกของสรุป\nบรรทัดที่สอง, มีจุลภาค และ "อัญประกาศ"',
  }),
  buildMeasure(5, {
    title: 'ประเมินความเสี่ยงการทุจริตประจำปี',
    outcome: 'planned',
  }),
];

export function buildPlan(measures: Measure[] = BANGSAINOI_MEASURES): PlanDetail {
  return {
    id: PLAN_ID,
    agencyId: AGENCY_ID,
    fiscalYear: 2566,
    status: 'published',
    agencyType: 'sao',
    agencyNameTh: BANGSAINOI_AGENCY.nameTh,
    version: 3,
    submittedAt: '2023-10-02T02:00:00.000Z',
    reviewedAt: '2023-10-05T02:00:00.000Z',
    publishedAt: '2023-10-06T02:00:00.000Z',
    updatedAt: '2023-10-06T02:00:00.000Z',
    progress: planProgress(measures),
    introText: null,
    copiedFromPlanId: null,
    measures,
    deletedMeasures: [],
    comments: [],
    warnings: [],
  };
}

export function buildReportData(overrides: { measures?: Measure[]; introText?: string | null } = {}): ReportData {
  const plan = buildPlan(overrides.measures);
  return { agency: BANGSAINOI_AGENCY, plan: { ...plan, introText: overrides.introText ?? null } };
}

/** `count` measures cycling through the fixture's five, renumbered: for size and time measurements. */
export function buildManyMeasures(count: number): Measure[] {
  return Array.from({ length: count }, (_, index) => {
    const source = BANGSAINOI_MEASURES[index % BANGSAINOI_MEASURES.length]!;
    return { ...source, sequence: index + 1, id: source.id.replace(/\d{4}$/, String(index).padStart(4, '0')) };
  });
}

export function toExportRows(data: ReportData): MeasureExportRow[] {
  return data.plan.measures.map((measure) => ({ agency: data.agency, plan: data.plan, measure }));
}

export async function* iterate<T>(items: Iterable<T>): AsyncIterable<T> {
  for (const item of items) yield item;
}
