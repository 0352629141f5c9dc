import { describe, expect, it } from 'vitest';
import { normaliseForComparison } from './clean-text';

describe('normaliseForComparison', () => {
  it('when texts differ only in spacing, invisible characters, digits and case, then they compare equal', () => {
    // Arrange: the same words with CRLF, a zero-width space, a no-break space, Thai digits and capitals.
    const written = ['จัดประชุม ครั้งที่ 2\r\nวันที่ 5 PDF', 'จัดประชุม\u200Bครั้งที่\u00A0๒\nวันที่ ๕ pdf', 'จัด ประชุม ครั้ง ที่ 2 วัน ที่ 5 Pdf'];

    // Act
    const compared = written.map(normaliseForComparison);

    // Assert
    expect(compared).toEqual(Array(3).fill('จัดประชุมครั้งที่2วันที่5pdf'));
  });

  it('when a text carries tags or entities, then they compare as the words they show', () => {
    expect(normaliseForComparison('<p>จัดประชุม&nbsp;<b>ครั้งที่</b> &#3666;</p><br/>A&amp;B')).toBe('จัดประชุมครั้งที่2ab');
    expect(normaliseForComparison('&lt;p&gt;คู่มือ')).toBe('คู่มือ');
  });
});
