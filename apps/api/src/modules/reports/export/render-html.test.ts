import { describe, expect, it } from 'vitest';
import { BANGSAINOI_MEASURES, buildReportData } from './report-fixture';
import { escapeHtml, renderReportHtml, sarabunFontFaceCss } from './render-html';

describe('renderReportHtml', () => {
  it('when stored text holds <p> and <script>, then they are escaped and no script element exists', () => {
    // Arrange
    const data = buildReportData();

    // Act
    const html = renderReportHtml(data, { fontCss: '' });

    // Assert
    expect(html).toContain('&lt;p&gt;คู่มือมาตรฐานการปฏิบัติงาน');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<p>ประชาสัมพันธ์');
  });

  it('when the report is rendered, then the table has both header rows in a thead and every column title', () => {
    // Arrange
    const data = buildReportData();

    // Act
    const html = renderReportHtml(data, { fontCss: '' });

    // Assert
    const thead = /<thead>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? '';
    expect(thead.match(/<tr>/g)).toHaveLength(2);
    for (const title of [
      'ลำดับที่',
      'มาตรการ / โครงการ / กิจกรรม ที่ดำเนินการ',
      'ผลลัพธ์หรือความสำเร็จของการดำเนินการ',
      'ไม่สามารถดำเนินการได้',
      'ดำเนินการแล้วเสร็จ',
      'สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม',
      'ระยะเวลาในการดำเนินการ',
    ]) {
      expect(thead).toContain(title);
    }
    expect(html.match(/<tbody>[\s\S]*<\/tbody>/)?.[0].match(/<tr>/g)).toHaveLength(BANGSAINOI_MEASURES.length);
  });

  it('when the report is rendered, then it is a Thai page printed on A4 landscape with the header repeated', () => {
    // Arrange
    const data = buildReportData();

    // Act
    const html = renderReportHtml(data, { fontCss: '' });

    // Assert
    expect(html).toMatch(/^<!doctype html>\n<html lang="th">/);
    expect(html).toContain('@page { size: A4 landscape;');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain("default-src 'none'");
  });

  it('when the report is rendered, then the cover, the intro and the month-only date are there in Thai digits', () => {
    // Arrange
    const data = buildReportData();

    // Act
    const html = renderReportHtml(data, { fontCss: '' });

    // Assert
    expect(html).toContain('รอบ ๑๒ เดือน (เดือนตุลาคม ๒๕๖๕ ถึง เดือนกันยายน ๒๕๖๖)');
    expect(html).toContain('ตามที่ได้ดำเนินการวิเคราะห์ผลการประเมิน');
    expect(html).toContain('ดำเนินการเมื่อ มีนาคม ๒๕๖๖');
    expect(html).not.toContain('๑ มีนาคม ๒๕๖๖');
  });

  it('when an outcome decides the column, then the result sits under it and an undecided one spans both', () => {
    // Arrange
    const data = buildReportData();

    // Act
    const rows = renderReportHtml(data, { fontCss: '' })
      .match(/<tbody>([\s\S]*)<\/tbody>/)![1]!
      .split('</tr>');

    // Assert
    expect(rows[0]).toMatch(/<td><\/td><td><p>ให้เจ้าหน้าที่/);
    expect(rows[2]).toMatch(/<td><p>เหตุผล: งบประมาณไม่เพียงพอ[^<]*<\/p><\/td><td><\/td>/);
    expect(rows[3]).toContain('<td colspan="2"><p class="label">อยู่ระหว่างดำเนินการ</p>');
  });

  it('when an evidence link is not http(s), then it is shown as text and never as a link', () => {
    // Arrange
    const [first, ...rest] = BANGSAINOI_MEASURES;
    const evidence = [{ url: 'javascript:alert(1)', label: 'ลิงก์แปลก' }];
    const data = buildReportData({ measures: [{ ...first!, evidence }, ...rest] });

    // Act
    const html = renderReportHtml(data, { fontCss: '' });

    // Assert
    expect(html).toContain('หลักฐาน: ลิงก์แปลก');
    expect(html).not.toContain('javascript:');
  });

  it('when no font CSS is given, then the page inlines Sarabun so it renders offline', () => {
    // Arrange
    const data = buildReportData();

    // Act
    const html = renderReportHtml(data);

    // Assert
    expect(html).toContain("font-family:'Sarabun'");
    expect(html).toContain('src:url(data:font/woff2;base64,');
    expect(html).not.toMatch(/url\((?!data:)/);
  });

  it('when the font CSS holds a closing style tag, then it cannot end the style element', () => {
    // Arrange
    const data = buildReportData();

    // Act
    const html = renderReportHtml(data, { fontCss: '</style><b>x</b>' });

    // Assert
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });
});

describe('sarabunFontFaceCss', () => {
  it('when called, then it gives weights 400 and 700 for the Thai and Latin subsets as base64 woff2', () => {
    // Act
    const css = sarabunFontFaceCss();

    // Assert
    const faces = css.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces).toHaveLength(4);
    expect(faces.filter((face) => face.includes('font-weight:400'))).toHaveLength(2);
    expect(faces.filter((face) => face.includes('font-weight:700'))).toHaveLength(2);
    expect(faces.filter((face) => face.includes('U+0E01-0E5B'))).toHaveLength(2);
    const woff2 = Buffer.from(/base64,([A-Za-z0-9+/=]+)\)/.exec(faces[0]!)![1]!, 'base64');
    expect(woff2.subarray(0, 4).toString('latin1')).toBe('wOF2');
  });
});

describe('escapeHtml', () => {
  it('when text holds HTML specials, then all five are escaped', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
