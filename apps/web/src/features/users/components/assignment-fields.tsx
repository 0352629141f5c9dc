import type { ReactNode } from 'react';
import { ROLES, type Role, type RoleAssignment } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { SelectField } from '@/components/ui/form-field';

/** A role with the agency (editors) or province (reviewers) it works in, as the form holds it. */
export interface AssignmentDraft {
  role: Role | '';
  agencyId?: string;
  provinceId?: number;
}

/** The draft as the API's role assignment; undefined until complete (the schema says what is missing). */
export function toAssignment(draft: AssignmentDraft): RoleAssignment | Record<string, unknown> {
  switch (draft.role) {
    case 'agency_editor':
      return { role: 'agency_editor', agencyId: draft.agencyId };
    case 'provincial_reviewer':
      return { role: 'provincial_reviewer', provinceId: draft.provinceId };
    case 'national_admin':
      return { role: 'national_admin' };
    default:
      return {};
  }
}

export interface ScopePickers {
  /** Renders the agency choice (the page supplies it from the agencies feature). */
  renderAgencyPicker: (props: { value: string | undefined; onChange: (value: string | undefined) => void; error?: string }) => ReactNode;
  renderProvincePicker: (props: { value: number | undefined; onChange: (value: number | undefined) => void; error?: string }) => ReactNode;
}

/** Role, then the agency or province that role works in. */
export function AssignmentFields({
  value,
  onChange,
  errors,
  pickers,
}: {
  value: AssignmentDraft;
  onChange: (value: AssignmentDraft) => void;
  errors: Partial<Record<'role' | 'agencyId' | 'provinceId', string>>;
  pickers: ScopePickers;
}) {
  const { t } = useI18n();
  return (
    <>
      <SelectField
        label={t('users.role')}
        value={value.role}
        emptyLabel={t('users.chooseRole')}
        options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
        onChange={(role) => onChange({ ...value, role: role as Role | '' })}
        error={errors.role}
      />
      {value.role === 'agency_editor' &&
        pickers.renderAgencyPicker({
          value: value.agencyId,
          onChange: (agencyId) => onChange({ ...value, agencyId }),
          error: errors.agencyId,
        })}
      {value.role === 'provincial_reviewer' &&
        pickers.renderProvincePicker({
          value: value.provinceId,
          onChange: (provinceId) => onChange({ ...value, provinceId }),
          error: errors.provinceId,
        })}
    </>
  );
}

/** Field errors from a zod issue list of the user schemas (paths like ["assignment","agencyId"]). */
export function fieldErrors<Issue extends { path: PropertyKey[] }>(
  issues: Issue[],
  requiredRole: string,
  textOf: (issue: Issue) => string | undefined,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const [first, second] = issue.path;
    const field = first === 'assignment' ? (typeof second === 'string' ? second : 'role') : String(first);
    if (!errors[field]) errors[field] = field === 'role' ? requiredRole : (textOf(issue) ?? requiredRole);
  }
  return errors;
}
