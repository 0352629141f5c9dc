import { useState, type FormEvent } from 'react';
import { CreateUserInputSchema, MIN_PASSWORD_LENGTH, type User } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { useZodIssueText } from '@/lib/field-issue-text';
import { DialogForm } from '@/components/ui/dialog-form';
import { FormField } from '@/components/ui/form-field';
import { useCreateUser } from '../api/create-user';
import { AssignmentFields, fieldErrors, toAssignment, type AssignmentDraft, type ScopePickers } from './assignment-fields';

/** New account: e-mail, name, a first password, and one role with its agency or province. */
export function CreateUserDialog({
  onClose,
  onCreated,
  pickers,
}: {
  onClose: () => void;
  onCreated: (user: User) => void;
  pickers: ScopePickers;
}) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [assignment, setAssignment] = useState<AssignmentDraft>({ role: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const issueText = useZodIssueText();
  const create = useCreateUser({ onSuccess: onCreated });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = CreateUserInputSchema.safeParse({ email, name, password, assignment: toAssignment(assignment) });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues, t('users.chooseRoleError'), issueText));
      return;
    }
    setErrors({});
    create.mutate(parsed.data);
  };

  return (
    <DialogForm
      title={t('users.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={create.isPending ? t('common.saving') : t('users.createSubmit')}
      pending={create.isPending}
      error={create.error}
    >
      <FormField label={t('users.email')} error={errors.email}>
        {(control) => (
          <input {...control} type="email" autoComplete="off" value={email} onChange={(event) => setEmail(event.target.value)} />
        )}
      </FormField>
      <FormField label={t('users.name')} error={errors.name}>
        {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} />}
      </FormField>
      <FormField label={t('users.password')} hint={t('users.passwordHint', { min: MIN_PASSWORD_LENGTH })} error={errors.password}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
      </FormField>
      <AssignmentFields value={assignment} onChange={setAssignment} errors={errors} pickers={pickers} />
    </DialogForm>
  );
}
