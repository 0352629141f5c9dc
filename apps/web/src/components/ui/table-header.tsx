import type { ThHTMLAttributes } from 'react';
import { withThaiText } from './thai-text';

/** A table header cell whose text breaks only between Thai words (ThaiText): column and row headers. */
export function Th({ children, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th {...props}>{withThaiText(children)}</th>;
}
