import { useId, useState, type FormEvent } from 'react';
import { CreateUserInputSchema, MIN_PASSWORD_LENGTH, type User } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { Dialog } from '@/components/ui/dialog';
import { InlineError } from '@/components/ui/error-state';
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
  const id = useId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [assignment, setAssignment] = useState<AssignmentDraft>({ role: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateUser({ onSuccess: onCreated });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = CreateUserInputSchema.safeParse({ email, name, password, assignment: toAssignment(assignment) });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues, t('users.chooseRoleError')));
      return;
    }
    setErrors({});
    create.mutate(parsed.data);
  };

  const describedBy = (field: string, hint?: string) =>
    [hint, errors[field] ? `${id}-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const errorOf = (field: string) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="field__error">
        {errors[field]}
      </p>
    ) : null;

  return (
    <Dialog title={t('users.createTitle')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('users.email')}</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={Boolean(errors.email) || undefined}
            aria-describedby={describedBy('email')}
          />
          {errorOf('email')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('users.name')}</label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={Boolean(errors.name) || undefined}
            aria-describedby={describedBy('name')}
          />
          {errorOf('name')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('users.password')}</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={Boolean(errors.password) || undefined}
            aria-describedby={describedBy('password', `${id}-password-hint`)}
          />
          <p id={`${id}-password-hint`} className="field__hint">
            {t('users.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          </p>
          {errorOf('password')}
        </div>
        <AssignmentFields value={assignment} onChange={setAssignment} errors={errors} pickers={pickers} />
        <InlineError error={create.error} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? t('common.saving') : t('users.createSubmit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
