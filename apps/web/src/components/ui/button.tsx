import type { ButtonHTMLAttributes, Ref } from 'react';
import { withThaiText } from './thai-text';

/**
 * A `<button>` whose text label breaks only between Thai words (ThaiText) on a narrow screen. Takes
 * every attribute a `<button>` does, the classes too (`button button--primary`); like the element,
 * it submits its form unless `type="button"`.
 */
export function Button({ children, ref, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { ref?: Ref<HTMLButtonElement> }) {
  return (
    <button ref={ref} {...props}>
      {withThaiText(children)}
    </button>
  );
}
