export {
  startEmbeddedPostgres,
  ensureDatabase,
  dropDatabase,
  findFreePort,
  recoverStaleServer,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from './embedded-postgres';
export { applyMigrations, readMigrations, type Migration, type MigrateResult } from './migrate';
export { repoRoot, migrationsDir, defaultDataDir } from './paths';
export { createMigration, diffMigrationsToSchema, type NewMigrationOptions } from './new-migration';
export { QUIET_CHROMIUM_FLAGS, DEBIAN_CHROMIUM } from './chromium';
export { apiNodeOptions } from './node-options';
export { postgresSettings } from './postgres-settings';
