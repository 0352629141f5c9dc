import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { planProgress, type Outcome } from '@prongsai/shared';
import { renderWithProviders } from '@/testing/test-utils';
import { PlanProgressBar } from './progress-bar';

const progressOf = (...outcomes: Outcome[]) => planProgress(outcomes.map((outcome) => ({ outcome })));

describe('PlanProgressBar', () => {
  it('when 4 of 5 measures are completed and 1 could not be carried out, then it shows 4 of 5 (80%), the reviewer’s figure', () => {
    // Arrange
    const progress = progressOf('completed', 'completed', 'completed', 'completed', 'not_carried_out');

    // Act
    renderWithProviders(<PlanProgressBar progress={progress} />, { lang: 'en' });

    // Assert
    expect(screen.getByText(/4 of 5 measures completed \(80%\)/)).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '80');
  });

  it('when 1 of 3 measures is completed, then the percentage has the shared one-decimal rounding (33.3)', () => {
    renderWithProviders(<PlanProgressBar progress={progressOf('completed', 'planned', 'in_progress')} />, { lang: 'th', digits: 'arabic' });

    expect(screen.getByText(/แล้วเสร็จ 1 จาก 3 มาตรการ \(33\.3%\)/)).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '33.3');
  });
});
