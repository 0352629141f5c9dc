import { useState, type FormEvent } from 'react';
import { RoleAssignmentSchema, type User } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { useZodIssueText } from '@/lib/field-issue-text';
import { DialogForm } from '@/components/ui/dialog-form';
import { useUpdateUser } from '../api/update-user';
import { AssignmentFields, fieldErrors, toAssignment, type AssignmentDraft, type ScopePickers } from './assignment-fields';

/** Change what a user may do: their role and the agency or province it covers. */
export function ChangeRoleDialog({
  user,
  onClose,
  onChanged,
  pickers,
}: {
  user: User;
  onClose: () => void;
  onChanged: (user: User) => void;
  pickers: ScopePickers;
}) {
  const { t } = useI18n();
  const [assignment, setAssignment] = useState<AssignmentDraft>({
    role: user.role ?? '',
    agencyId: user.agencyId ?? undefined,
    provinceId: user.provinceId ?? undefined,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const issueText = useZodIssueText();
  const update = useUpdateUser({ onSuccess: onChanged });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = RoleAssignmentSchema.safeParse(toAssignment(assignment));
    if (!parsed.success) {
      setErrors(
        fieldErrors(
          parsed.error.issues.map((issue) => ({ ...issue, path: ['assignment', ...issue.path] })),
          t('users.chooseRoleError'),
          issueText,
        ),
      );
      return;
    }
    setErrors({});
    update.mutate({ userId: user.id, input: { assignment: parsed.data } });
  };

  return (
    <DialogForm
      title={t('users.roleTitle', { name: user.name })}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={update.isPending ? t('common.saving') : t('users.roleSubmit')}
      pending={update.isPending}
      error={update.error}
    >
      <p className="muted">{t('users.roleHelp')}</p>
      <AssignmentFields value={assignment} onChange={setAssignment} errors={errors} pickers={pickers} />
    </DialogForm>
  );
}
