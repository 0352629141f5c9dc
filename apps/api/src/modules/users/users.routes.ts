import { Router } from 'express';
import {
  CreateUserInputSchema,
  PasswordResetCodeResponseSchema,
  UpdateUserInputSchema,
  UserListQuerySchema,
  UserListResponseSchema,
  UserParamsSchema,
  UserSchema,
} from '@prongsai/shared';
import { defineRoute } from '../../http/define-route';
import { createPasswordResetCode, createUser, listUsers, updateUser } from './users.service';

export const usersRouter = Router();
const tag = 'users';

defineRoute(
  usersRouter,
  { method: 'get', path: '/users', summary: 'Admin: users', tag, query: UserListQuerySchema, response: UserListResponseSchema },
  async ({ actor, query }) => listUsers(actor, query),
);

defineRoute(
  usersRouter,
  {
    method: 'post',
    path: '/users',
    summary: 'Admin: create a user with one role',
    tag,
    body: CreateUserInputSchema,
    response: UserSchema,
    status: 201,
  },
  async ({ actor, body }) => createUser(actor, body),
);

defineRoute(
  usersRouter,
  {
    method: 'patch',
    path: '/users/:userId',
    summary: 'Admin: rename, disable or change the role of a user',
    tag,
    params: UserParamsSchema,
    body: UpdateUserInputSchema,
    response: UserSchema,
  },
  async ({ actor, params, body }) => updateUser(actor, params.userId, body),
);

defineRoute(
  usersRouter,
  {
    method: 'post',
    path: '/users/:userId/password-reset',
    summary: 'Admin: issue a one-time password reset code (shown once)',
    tag,
    params: UserParamsSchema,
    response: PasswordResetCodeResponseSchema,
    status: 201,
  },
  async ({ actor, params }) => createPasswordResetCode(actor, params.userId),
);
