import { describe, expect, it } from 'vitest';
import { attachmentDisposition, sanitiseFileName } from './file-names';

describe('evidence file names', () => {
  it('when a name carries a path, control characters or a lying extension, then only a safe base with the sniffed extension is kept', () => {
    expect(sanitiseFileName('C:\\fakepath\\คำสั่ง ที่ 12.pdf', 'pdf')).toBe('คำสั่ง ที่ 12.pdf');
    expect(sanitiseFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(sanitiseFileName('photo.exe', 'jpg')).toBe('photo.jpg');
    expect(sanitiseFileName('a\u0000b\u202ecod.pdf', 'pdf')).toBe('abcod.pdf');
    expect(sanitiseFileName('...', 'png')).toBe('file.png');
    expect(sanitiseFileName('<script>"x".docx', 'docx')).toBe('scriptx.docx');
    expect(sanitiseFileName('ก'.repeat(300) + '.pdf', 'pdf')).toHaveLength(124);
  });

  it('when a Thai name is sent back, then the header is ASCII with the UTF-8 name in filename*', () => {
    const header = attachmentDisposition('ประกาศ (1).pdf');
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(header).toContain(`filename*=UTF-8''${encodeURIComponent('ประกาศ')}`);
    expect(header).toContain('%281%29.pdf');
  });
});
