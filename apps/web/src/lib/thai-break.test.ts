import { describe, expect, it } from 'vitest';
import { thaiUnits } from './thai-break';

/** The text with `|` where a line may break inside Thai: only between units (browsers also break at spaces). */
const cuts = (text: string, keep?: string[]) =>
  thaiUnits(text, keep)
    .map((unit) => (unit.keep ? `[${unit.text}]` : unit.text))
    .join('');

/** Whether a line may break inside `name` where it occurs in `text`. */
const breaksInside = (text: string, name: string, keep?: string[]) => {
  const at = text.indexOf(name);
  let position = 0;
  const cutsAt: number[] = [];
  for (const unit of thaiUnits(text, keep)) {
    // Inside a plain unit the browser may break at any dictionary boundary; inside a kept one, never.
    if (!unit.keep) {
      const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
      for (const part of segmenter.segment(unit.text)) cutsAt.push(position + part.index);
    }
    cutsAt.push(position);
    position += unit.text.length;
  }
  return cutsAt.some((cut) => cut > at && cut < at + name.length);
};

describe('thaiUnits', () => {
  it('keeps compounds the dictionary splits whole ("ส่ง|เสริม", "หน่วย|งาน")', () => {
    expect(cuts('มาตรการส่งเสริมคุณธรรม')).toContain('[ส่งเสริม]');
    expect(cuts('หน่วยงานในระบบ')).toBe('[หน่วยงาน]ในระบบ');
  });

  it('keeps a bound prefix with its word ("ความ|เห็น" on a button)', () => {
    expect(cuts('แสดงความเห็น')).toBe('แสดง[ความเห็น]');
    expect(cuts('ความโปร่งใส')).toBe('[ความโปร่งใส]');
  });

  it('keeps the name after an agency or place prefix whole ("บาง|ทราย|น้อย")', () => {
    expect(breaksInside('องค์การบริหารส่วนตำบลบางทรายน้อย', 'บางทรายน้อย')).toBe(false);
    expect(cuts('องค์การบริหารส่วนตำบลบางทรายน้อย')).toContain('[บางทรายน้อย]');
    expect(breaksInside('อบต.บางทรายน้อย อำเภอเมืองมุกดาหาร', 'บางทรายน้อย')).toBe(false);
    expect(cuts('อบต.บางทรายน้อย อำเภอเมืองมุกดาหาร')).toContain('[เมืองมุกดาหาร]');
    expect(breaksInside('จังหวัดพระนครศรีอยุธยา', 'พระนครศรีอยุธยา')).toBe(false);
    // Without the rule the dictionary would break inside the name: the check above can fail.
    expect(breaksInside('บางทรายน้อย', 'บางทรายน้อย')).toBe(true);
  });

  it('keeps names the caller gives whole', () => {
    expect(breaksInside('รายงานบ้านซ่งน้อยปี 2567', 'บ้านซ่งน้อย')).toBe(true);
    expect(breaksInside('รายงานบ้านซ่งน้อยปี 2567', 'บ้านซ่งน้อย', ['บ้านซ่งน้อย'])).toBe(false);
  });

  it('loses and adds no character, and leaves text without Thai alone', () => {
    const text = 'มาตรการที่ ๑ ของ อบต.บางทรายน้อย (เผยแพร่ 7 มีนาคม 2566) ส่งเสริมความโปร่งใส';
    expect(
      thaiUnits(text)
        .map((unit) => unit.text)
        .join(''),
    ).toBe(text);
    expect(thaiUnits('Plan 2024')).toEqual([{ text: 'Plan 2024', keep: false }]);
  });
});
