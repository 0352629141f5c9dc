import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

let client: PrismaClient | undefined;

/** The one Prisma client of this process, over `pg` through the driver adapter (no engine binary). */
export function getPrisma(): PrismaClient {
  if (!client) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('DATABASE_URL is not set');
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: Number(process.env.PG_POOL_MAX ?? 10) }) });
  }
  return client;
}

export async function disconnectPrisma(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}

export { Prisma } from '../generated/prisma/client';
