import { describe, expect, it } from 'vitest';
import { makeMeasure } from '@/testing/factories';
import { changedFields, diffConflict, issueFieldPath, pickFields, rebase, toFormValues } from './measure-form-values';

describe('measure form values', () => {
  const base = toFormValues(makeMeasure());

  it('treats empty and null text, and surrounding spaces, as no change', () => {
    expect(changedFields(base, { ...base, responsible: ' สำนักปลัด ', resultText: base.resultText })).toEqual([]);
    expect(changedFields({ ...base, summary: null }, { ...base, summary: '' })).toEqual([]);
    expect(changedFields(base, { ...base, title: 'ใหม่', actions: [...base.actions, 'ขั้นตอนใหม่'] })).toEqual(['title', 'actions']);
  });

  it('compares indicators by codebook year and code', () => {
    expect(changedFields(base, { ...base, indicators: [{ fiscalYear: 2566, code: 'O11', raw: null }] })).toEqual([]);
    expect(changedFields(base, { ...base, indicators: [{ fiscalYear: 2565, code: 'O11', raw: null }] })).toEqual(['indicators']);
  });

  it('lists conflicting fields with who changed them', () => {
    const yours = { ...base, title: 'ชื่อของฉัน', summary: 'สรุปของฉัน' };
    const theirs = { ...base, title: 'ชื่อของผู้อื่น', outcome: 'completed' as const };
    expect(diffConflict(base, yours, theirs)).toEqual([
      { field: 'title', yours: 'ชื่อของฉัน', theirs: 'ชื่อของผู้อื่น', changedByYou: true, changedByThem: true },
      { field: 'outcome', yours: 'in_progress', theirs: 'completed', changedByYou: false, changedByThem: true },
      { field: 'summary', yours: 'สรุปของฉัน', theirs: base.summary, changedByYou: true, changedByThem: false },
    ]);
  });

  it('rebases: my changed fields over their version, their other changes kept', () => {
    const yours = { ...base, summary: 'สรุปของฉัน' };
    const theirs = { ...base, outcome: 'completed' as const };
    expect(rebase(base, yours, theirs)).toEqual({ ...base, summary: 'สรุปของฉัน', outcome: 'completed' });
    expect(pickFields(yours, ['summary'])).toEqual({ summary: 'สรุปของฉัน' });
  });

  it('maps server issue paths to form fields, and nothing else', () => {
    expect(issueFieldPath('body.title')).toBe('title');
    expect(issueFieldPath('body.actions.2')).toBe('actions.2');
    expect(issueFieldPath('body.evidence.0.url')).toBe('evidence.0.url');
    expect(issueFieldPath('body.carriedOut.date')).toBe('carriedOut.date');
    expect(issueFieldPath('body.version')).toBeUndefined();
    expect(issueFieldPath('query.page')).toBeUndefined();
  });
});
