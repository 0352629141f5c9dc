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
import { parseBody, parseParams, parseQuery, shape } from '../../http/parse';
import { createPasswordResetCode, createUser, listUsers, updateUser } from './users.service';

export const usersRouter = Router();

usersRouter.get('/users', async (req, res) => {
  res.json(shape(UserListResponseSchema, await listUsers(req.actor, parseQuery(req, UserListQuerySchema))));
});

usersRouter.post('/users', async (req, res) => {
  res.status(201).json(shape(UserSchema, await createUser(req.actor, parseBody(req, CreateUserInputSchema))));
});

usersRouter.patch('/users/:userId', async (req, res) => {
  const { userId } = parseParams(req, UserParamsSchema);
  res.json(shape(UserSchema, await updateUser(req.actor, userId, parseBody(req, UpdateUserInputSchema))));
});

usersRouter.post('/users/:userId/password-reset', async (req, res) => {
  const { userId } = parseParams(req, UserParamsSchema);
  res.status(201).json(shape(PasswordResetCodeResponseSchema, await createPasswordResetCode(req.actor, userId)));
});
