import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FIRST_FISCAL_YEAR, FiscalYearParamSchema, currentFiscalYear, isValidFiscalYear, type ParsedReport } from '@prongsai/shared';
import { AppError } from './lib/app-error';
import { checkReportOrigin, closeParsePool, parseInWorker, withOriginWarnings, type ParseJob } from './modules/reports/import';

/**
 * Operational commands for containers and scripts: `node dist/cli.js migrate|seed|import-report`.
 * Database modules load only for the commands that use them, so `import-report` runs without a
 * database or DATABASE_URL.
 */

const USAGE =
  'usage: cli migrate | seed | import-report FILE (.docx, .pdf, .png/.jpg/.tif, .txt, .csv) [--json] [--fiscal-year 2566] [--agency NAME [--district NAME] [--website HOST]]\n';
let disconnect: (() => Promise<void>) | undefined;

/** Resolves once the text is handed to the OS, so process.exit never cuts a long JSON short. */
const write = (stream: NodeJS.WriteStream, text: string) =>
  new Promise<void>((resolve) => {
    stream.write(text, () => resolve());
  });

function requireDatabaseUrl(): string | null {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) process.stderr.write('DATABASE_URL is not set\n');
  return databaseUrl || null;
}

async function migrate(): Promise<number> {
  const databaseUrl = requireDatabaseUrl();
  if (!databaseUrl) return 2;
  const { applyMigrations, migrationsDir, repoRoot } = await import('@prongsai/db-tools');
  const result = await applyMigrations(databaseUrl, migrationsDir(repoRoot()), (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`migrations: ${result.applied.length} applied, ${result.alreadyApplied} already applied\n`);
  return 0;
}

async function seed(): Promise<number> {
  if (!requireDatabaseUrl()) return 2;
  const [{ seedDemo }, { getPrisma, disconnectPrisma }] = await Promise.all([import('./db/seed'), import('./lib/prisma')]);
  disconnect = disconnectPrisma;
  await seedDemo(getPrisma(), (line) => process.stdout.write(`${line}\n`));
  return 0;
}

interface ImportOptions {
  file: string | null;
  json: boolean;
  /** The agency the report is meant for (--agency, --district, --website): its header is checked against it. */
  agency: string | null;
  district: string | null;
  website: string | null;
  /** --fiscal-year as typed. */
  fiscalYear: string | null;
}

function readImportOptions(args: string[]): ImportOptions {
  const options: ImportOptions = { file: null, json: false, fiscalYear: null, agency: null, district: null, website: null };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--agency') options.agency = args[++index] ?? '';
    else if (arg === '--district') options.district = args[++index] ?? '';
    else if (arg === '--website') options.website = args[++index] ?? '';
    else if (arg === '--fiscal-year') options.fiscalYear = args[++index] ?? '';
    else if (arg.startsWith('--fiscal-year=')) options.fiscalYear = arg.slice('--fiscal-year='.length);
    else options.file ??= arg;
  }
  return options;
}

/** A CSV carries no fiscal year: take --fiscal-year, else a BE year in the file name ("measures-2566.csv"). */
function findCsvFiscalYear(file: string, given: string | null): number | null {
  if (given !== null) {
    const parsed = FiscalYearParamSchema.safeParse(given);
    return parsed.success ? parsed.data : null;
  }
  const match = /(?<![0-9])(2[45][0-9]{2})(?![0-9])/.exec(path.basename(file));
  return match && isValidFiscalYear(Number(match[1])) ? Number(match[1]) : null;
}

/** The JSON the command prints: the report without the fields only the web import needs. */
function toImportJson(report: ParsedReport) {
  const { name, district, province, postcode, website } = report.agency;
  return {
    agency: { name, district, province, postcode, website },
    fiscalYear: report.fiscalYear,
    ...(report.readByOcr ? { readByOcr: true } : {}),
    measures: report.measures.map((measure) => ({
      sequence: measure.sequence,
      title: measure.title,
      actions: measure.actions,
      indicators: measure.indicators.map(({ code, raw }) => ({ code, raw })),
      outcome: measure.outcome,
      resultText: measure.resultText,
      summary: measure.summary,
      carriedOut: measure.carriedOut,
    })),
    warnings: report.warnings.map(({ code, sequence, message }) => ({ code, sequence: sequence ?? null, message })),
  };
}

function formatSummary(report: ParsedReport): string {
  const { agency } = report;
  const place = [agency.district && `อำเภอ${agency.district}`, agency.province && `จังหวัด${agency.province}`].filter(Boolean).join(' ');
  const lines = [
    `${agency.name ?? '(agency not found)'}${place ? ` (${place})` : ''}, fiscal year ${report.fiscalYear ?? '(not found)'}`,
    `${report.measures.length} measures${report.readByOcr ? ' (read by OCR from a scan: check every field)' : ''}`,
  ];
  for (const measure of report.measures) {
    const title = measure.title.length > 70 ? `${measure.title.slice(0, 70)}…` : measure.title;
    const codes = measure.indicators.map((indicator) => indicator.code).join(', ');
    const date = measure.carriedOut ? `${measure.carriedOut.date} (${measure.carriedOut.precision})` : 'no date';
    lines.push(`  ${measure.sequence}. [${measure.outcome}] ${title}${codes ? ` {${codes}}` : ''}, ${date}`);
  }
  const counts = new Map<string, number>();
  for (const warning of report.warnings) counts.set(warning.code, (counts.get(warning.code) ?? 0) + 1);
  lines.push(
    `${report.warnings.length} warnings${counts.size ? `: ${[...counts].map(([code, count]) => `${code} ${count}`).join(', ')}` : ''}`,
  );
  for (const warning of report.warnings)
    lines.push(`  [${warning.code}]${warning.sequence ? ` #${warning.sequence}` : ''} ${warning.message}`);
  return `${lines.join('\n')}\n`;
}

/** Parse a report file and print it; writes nothing anywhere else. */
async function importReport(args: string[]): Promise<number> {
  const options = readImportOptions(args);
  if (!options.file) {
    process.stderr.write(USAGE);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(options.file);
  } catch (error) {
    process.stderr.write(`import-report: cannot read ${options.file}: ${(error as Error).message}\n`);
    return 2;
  }
  const extension = path.extname(options.file).toLowerCase();
  let job: ParseJob;
  if (extension === '.docx') {
    job = { format: 'docx', content: bytes };
  } else if (extension === '.csv') {
    const fiscalYear = findCsvFiscalYear(options.file, options.fiscalYear);
    if (fiscalYear === null) {
      process.stderr.write(
        `import-report: a CSV needs its BE fiscal year, ${FIRST_FISCAL_YEAR}–${currentFiscalYear() + 1}: --fiscal-year 2566\n`,
      );
      return 2;
    }
    job = { format: 'csv', content: bytes, fiscalYear };
  } else if (extension === '.pdf') {
    job = { format: 'pdf', content: bytes };
  } else if (/^\.(png|jpe?g|tiff?)$/.test(extension)) {
    job = { format: 'image', content: bytes };
  } else {
    // Whatever the name says, the worker reads what the bytes are: a PDF named .txt is read as a PDF,
    // and a binary file is refused with the formats the import reads (never parsed as text).
    job = { format: 'text', content: bytes };
  }
  let report: ParsedReport;
  try {
    // The same worker pool, limits and errors as the API's import preview.
    report = await parseInWorker(job);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`import-report: ${error.message}\n`);
    return 1;
  } finally {
    await closeParsePool();
  }
  if (options.agency) {
    // The same report-wide checks as the API preview: another agency, website, district or fiscal year, each said once.
    const given = options.fiscalYear === null ? null : FiscalYearParamSchema.safeParse(options.fiscalYear);
    const origin = checkReportOrigin(report, {
      agencyNameTh: options.agency,
      website: options.website,
      districtNameTh: options.district,
      fiscalYear: given?.success ? given.data : report.fiscalYear,
    });
    report = { ...report, warnings: withOriginWarnings(report.warnings, origin) };
  }
  await write(process.stdout, options.json ? `${JSON.stringify(toImportJson(report), null, 2)}\n` : formatSummary(report));
  return 0;
}

async function run(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'migrate':
      return migrate();
    case 'seed':
      return seed();
    case 'import-report':
      return importReport(rest);
    default:
      process.stderr.write(USAGE);
      return 2;
  }
}

run(process.argv.slice(2))
  .then(async (code) => {
    await disconnect?.();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    await disconnect?.();
    process.exit(1);
  });
