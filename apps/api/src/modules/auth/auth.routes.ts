import { Router } from 'express';
import { LoginInputSchema, MeResponseSchema, ResetPasswordInputSchema, SessionResponseSchema } from '@prongsai/shared';
import { clearSessionCookie, setSessionCookie } from '../../http/cookies';
import { defineRoute } from '../../http/define-route';
import { getMe, getSessionUser, login, logout, redeemPasswordReset, type SessionSettings } from './auth.service';

export function authRouter(settings: SessionSettings): Router {
  const router = Router();
  const tag = 'auth';

  defineRoute(
    router,
    {
      method: 'post',
      path: '/auth/login',
      summary: 'Sign in with e-mail and password; sets the session cookie',
      tag,
      body: LoginInputSchema,
      response: MeResponseSchema,
      anonymous: true,
      operationId: 'login',
      errors: ['INVALID_CREDENTIALS', 'RATE_LIMITED'],
      setsCookie: true,
    },
    async ({ body, req, res }) => {
      const result = await login(body, req.ip ?? null, req.get('user-agent') ?? null, settings);
      setSessionCookie(req, res, result.token, result.expiresAt);
      return { user: result.user };
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/auth/logout', summary: 'End the session', tag, status: 204, operationId: 'logout', setsCookie: true },
    async ({ actor, req, res }) => {
      await logout(actor);
      clearSessionCookie(req, res);
    },
  );

  defineRoute(
    router,
    { method: 'get', path: '/auth/me', summary: 'The signed-in user', tag, response: MeResponseSchema, operationId: 'getCurrentUser' },
    // The session was resolved with its user in one statement: no second read.
    async ({ actor, req }) => ({
      user: req.sessionUser ?? (await getMe(actor)),
    }),
  );

  defineRoute(
    router,
    {
      method: 'get',
      path: '/auth/session',
      summary: 'The signed-in user, or null without a session',
      description:
        'For pages open to everyone: a visitor without a live session gets `{ "user": null }` with 200, not the 401 of `/auth/me` ' +
        '(which a browser logs as an error on every public page).',
      tag,
      anonymous: true,
      response: SessionResponseSchema,
      operationId: 'getSession',
    },
    // A signed-in caller's session was resolved with its user in one statement, as for /auth/me.
    async ({ actor, req }) => ({ user: req.sessionUser ?? (await getSessionUser(actor)) }),
  );

  defineRoute(
    router,
    {
      method: 'post',
      path: '/auth/password-reset',
      summary: 'Set a new password with a one-time code from an admin',
      tag,
      body: ResetPasswordInputSchema,
      status: 204,
      anonymous: true,
      operationId: 'redeemPasswordReset',
      errors: ['CONFLICT'],
    },
    async ({ body }) => redeemPasswordReset(body),
  );

  return router;
}
