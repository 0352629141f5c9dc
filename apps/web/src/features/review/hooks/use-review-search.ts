import { FiscalYearParamSchema, currentFiscalYear, scopeOf, validFiscalYears } from '@prongsai/shared';
import { useAuth } from '@/lib/auth';
import { usePageParams } from '@/components/ui/use-page-params';

/** The fiscal years a reviewer can pick: next year back to the first year the system holds. */
export const reviewYears = (): number[] => validFiscalYears();

/**
 * The province and fiscal year the reviewer pages show, kept in the URL (with the list's page and
 * filters, see `usePageParams`) so a view can be shared. A provincial reviewer always sees their own
 * province; a national admin picks one (`?province=49`).
 */
export function useReviewSearch() {
  const { user } = useAuth();
  const { params, page, update } = usePageParams();
  const canPickProvince = user ? scopeOf(user.role, 'review:plan') === 'all' : false;
  const requested = Number(params.get('province'));
  const provinceId = canPickProvince
    ? Number.isInteger(requested) && requested >= 10 && requested <= 99
      ? requested
      : undefined
    : (user?.provinceId ?? undefined);
  const requestedYear = FiscalYearParamSchema.safeParse(params.get('fy'));
  const fiscalYear = requestedYear.success ? requestedYear.data : currentFiscalYear();

  return {
    params,
    page,
    update,
    provinceId,
    fiscalYear,
    canPickProvince,
    provinceName: canPickProvince ? undefined : (user?.provinceName ?? undefined),
  };
}
