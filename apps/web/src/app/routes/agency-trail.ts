import { useQuery } from '@tanstack/react-query';
import { hasPermission } from '@prongsai/shared';
import { agencyQueryOptions } from '@/features/agencies/api/get-agency';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import type { Crumb } from '@/components/ui/breadcrumb';

/**
 * The breadcrumb above a signed-in agency page, as the public and reviewer pages have it:
 * หน้าหลัก / <province> / <agency>, then the page's own crumbs. The province goes to the reviewer's
 * overview of it for a reviewer, and to the public province page for an editor. `agencyName` is
 * what the page already knows (the plan's agency name) until the agency itself has loaded.
 */
export function useAgencyTrail(agencyId: string | undefined, agencyName?: string): Crumb[] {
  const { t } = useI18n();
  const { user } = useAuth();
  const agency = useQuery({ ...agencyQueryOptions(agencyId ?? ''), enabled: Boolean(agencyId) }).data;
  const trail: Crumb[] = [{ to: paths.home.getHref(), label: t('nav.home') }];
  if (agency) {
    trail.push({
      to: hasPermission(user?.role, 'review:plan')
        ? paths.review.getHref({ province: agency.provinceId })
        : paths.publicProvince.getHref(agency.provinceId),
      label: t('layout.province', { name: agency.provinceNameTh }),
    });
  }
  if (!agencyId) return trail;
  const name = agency?.nameTh ?? agencyName;
  trail.push({ to: paths.agency.getHref(agencyId), label: name ?? t('agency.title'), lang: name ? 'th' : undefined });
  return trail;
}
