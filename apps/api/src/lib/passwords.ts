import { hash, verify } from '@node-rs/argon2';
import { MIN_PASSWORD_LENGTH, type FieldIssueParams } from '@prongsai/shared';
import { AppError } from './app-error';

// algorithm 2 = Argon2id (the package's const enum cannot be imported under isolatedModules).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false);

/** A hash to verify against when the email is unknown, so both cases take the same time. */
let dummyHash: Promise<string> | undefined;
export const timingSafeDummyHash = () => (dummyHash ??= hashPassword('prongsai-dummy-password'));

// Passwords long enough to pass the length rule that still appear at the top of breach lists.
const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  '12345678910111213',
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'qwertyuiop12',
  'qwertyuiopasdf',
  'qwerty123456',
  '1q2w3e4r5t6y',
  'iloveyou1234',
  'abcdefghijkl',
  'abc123456789',
  'administrator',
  'admin1234567',
  'welcome12345',
  'letmein12345',
  '111111111111',
  '000000000000',
  'aaaaaaaaaaaa',
  'changeme1234',
  'sawasdee1234',
  'prongsai1234',
]);

export function assertAcceptablePassword(password: string, field = 'password'): void {
  const lowered = password.toLowerCase();
  const refuse = (reason: 'passwordTooShort' | 'passwordCommon', problem: string, params: FieldIssueParams = {}): never => {
    throw new AppError('VALIDATION_FAILED', problem, {
      reason,
      params,
      issues: [{ path: `body.${field}`, message: problem, code: 'weak_password', params }],
    });
  };
  if (password.length < MIN_PASSWORD_LENGTH) {
    refuse('passwordTooShort', `รหัสผ่านต้องยาวอย่างน้อย ${MIN_PASSWORD_LENGTH} ตัวอักษร`, { minimum: MIN_PASSWORD_LENGTH });
  } else if (COMMON_PASSWORDS.has(lowered) || /^(.)\1+$/.test(password)) {
    refuse('passwordCommon', 'รหัสผ่านนี้ใช้กันแพร่หลายและเดาง่าย กรุณาเลือกรหัสผ่านอื่น');
  }
}
