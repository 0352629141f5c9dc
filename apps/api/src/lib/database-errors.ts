import { Prisma } from './prisma';

/**
 * The code of an error the database client raised for a known reason (`P2025` record not found,
 * `P2002` unique violation, `P2028` no transaction in time, `P2020` value out of range), or
 * undefined for anything else. http/error-handler.ts maps these to responses without knowing Prisma.
 */
export function knownDatabaseErrorCode(error: unknown): string | undefined {
  return error instanceof Prisma.PrismaClientKnownRequestError ? error.code : undefined;
}
