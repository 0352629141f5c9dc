import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { Button } from './button';
import { Chip } from './chip';
import { Th } from './table-header';

describe('Button', () => {
  it('gives a Thai label word-break opportunities: compounds kept whole, the text and the accessible name unchanged', () => {
    render(
      <Button type="button" className="button button--primary">
        ส่งแผนให้ผู้ตรวจสอบ
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'ส่งแผนให้ผู้ตรวจสอบ' });
    expect(button).toHaveTextContent('ส่งแผนให้ผู้ตรวจสอบ');
    expect(button).toHaveAttribute('type', 'button');
    expect(button).toHaveClass('button', 'button--primary');
    // Breaks only between the units: "ผู้ตรวจสอบ" (a bound prefix + a compound) is one no-wrap piece.
    const kept = [...button.querySelectorAll('.keep-word')].map((piece) => piece.textContent);
    expect(kept).toContain('ผู้ตรวจสอบ');
    expect(button.querySelector('.thai-text')).not.toBeNull();
  });

  it('leaves element children alone and wraps only the text ones', () => {
    render(
      <Button type="submit">
        <span data-testid="icon" aria-hidden="true" />
        บันทึกข้อมูล
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'บันทึกข้อมูล' });
    expect(button).toHaveAttribute('type', 'submit');
    expect(screen.getByTestId('icon').parentElement).toBe(button);
    expect(button.querySelector('.thai-text')).toHaveTextContent('บันทึกข้อมูล');
  });
});

describe('Chip and Th', () => {
  it('break Thai only between words too', () => {
    render(
      <table>
        <thead>
          <tr>
            <Th scope="col">หน่วยงานที่เผยแพร่แล้ว</Th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <Chip className="chip--status-published">เผยแพร่แล้ว</Chip>
            </td>
          </tr>
        </tbody>
      </table>,
    );
    const header = screen.getByRole('columnheader', { name: 'หน่วยงานที่เผยแพร่แล้ว' });
    expect([...header.querySelectorAll('.keep-word')].map((piece) => piece.textContent)).toEqual(
      expect.arrayContaining(['หน่วยงาน', 'เผยแพร่']),
    );
    const chip = screen.getByText((_, element) => element?.classList.contains('chip') ?? false);
    expect(chip).toHaveClass('chip', 'chip--status-published');
    expect(chip.querySelector('.keep-word')).toHaveTextContent('เผยแพร่');
  });
});
