import type { HTMLAttributes } from 'react';
import { withThaiText } from './thai-text';

/**
 * A chip (`.chip` plus its variant classes, e.g. `chip--status-published`): its text breaks only
 * between Thai words (ThaiText).
 */
export function Chip({ className, children, ...props }: HTMLAttributes<HTMLSpanElement>) {
  return (
    <span className={className ? `chip ${className}` : 'chip'} {...props}>
      {withThaiText(children)}
    </span>
  );
}
