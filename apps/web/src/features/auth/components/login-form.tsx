import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { LoginInputSchema, type LoginInput, type SessionUser } from '@prongsai/shared';
import type { z } from 'zod';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useApiErrorMessage } from '@/lib/use-api-error-message';

type LoginFormValues = z.input<typeof LoginInputSchema>;

export function LoginForm({ onSuccess }: { onSuccess: (user: SessionUser) => void }) {
  const t = useT();
  const { login } = useAuth();
  const errorMessage = useApiErrorMessage();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginFormValues, unknown, LoginInput>({
    resolver: zodResolver(LoginInputSchema),
    defaultValues: { email: '', password: '' },
  });

  const onSubmit = handleSubmit(async (input) => {
    setSubmitError(null);
    try {
      onSuccess(await login(input));
    } catch (error) {
      setSubmitError(error);
    }
  });

  return (
    <form className="form login-form" onSubmit={onSubmit} noValidate>
      {submitError !== null && (
        <div className="alert alert--error" role="alert">
          <p>{errorMessage(submitError)}</p>
        </div>
      )}
      <div className="field">
        <label htmlFor="login-email">{t('login.email')}</label>
        <input
          id="login-email"
          type="email"
          autoComplete="username"
          inputMode="email"
          aria-invalid={Boolean(errors.email) || undefined}
          aria-describedby={errors.email ? 'login-email-error' : undefined}
          {...register('email')}
        />
        {errors.email?.message && (
          <p id="login-email-error" className="field__error">
            {errors.email.message}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          type="password"
          autoComplete="current-password"
          aria-invalid={Boolean(errors.password) || undefined}
          aria-describedby={errors.password ? 'login-password-error' : undefined}
          {...register('password')}
        />
        {errors.password?.message && (
          <p id="login-password-error" className="field__error">
            {errors.password.message}
          </p>
        )}
      </div>
      <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
        {isSubmitting ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
