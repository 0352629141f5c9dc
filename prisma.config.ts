import path from 'node:path';
import { defineConfig } from 'prisma/config';

// The Prisma CLI here only generates the client and authors migrations (`migrate diff`), both
// offline through its WebAssembly schema engine and a driver adapter. Migrations are applied by
// our own runner (packages/db-tools). Why: docs/decisions/002-migrations.md.
export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    const { createCliAdapter } = await import('./prisma/cli-adapter');
    return createCliAdapter(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  },
});
