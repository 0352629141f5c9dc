import { FiscalYearParamSchema, latestActiveFiscalYear, scopeOf, validFiscalYears } from '@prongsai/shared';
import { useAuth } from '@/lib/auth';
import { usePageParams } from '@/components/ui/use-page-params';
import { useProvinceTrends } from '../api/get-province-trends';

/** The fiscal years a reviewer can pick: next year back to the first year the system holds. */
export const reviewYears = (): number[] => validFiscalYears();

/**
 * The province and fiscal year the reviewer pages show, kept in the URL (with the list's page and
 * filters, see `usePageParams`) so a view can be shared. A provincial reviewer always sees their own
 * province; a national admin picks one (`?province=49`). Without `?fy=`, the pages open on the latest
 * fiscal year the province has plans in (`latestActiveFiscalYear`), not on an empty new year; until the
 * province's years are known, `provinceId` stays undefined so that no page asks for the wrong year.
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
  const years = useProvinceTrends(requestedYear.success ? undefined : provinceId);
  const fiscalYear = requestedYear.success ? requestedYear.data : latestActiveFiscalYear(years.data?.years ?? []);
  const yearKnown = requestedYear.success || !years.isPending;

  return {
    params,
    page,
    update,
    provinceId: yearKnown ? provinceId : undefined,
    fiscalYear,
    canPickProvince,
    provinceName: canPickProvince ? undefined : (user?.provinceName ?? undefined),
  };
}
