import { AppError } from './app-error';

/**
 * Where each named column is in an uploaded CSV's header row (any order, any case, spaces trimmed), or
 * the 400 that names the columns needed (`reason: csvHeader`, one `invalid_header` issue on `body.csv`).
 * The codebook and ITA-score uploads both start here.
 */
export function csvHeaderColumns<Name extends string>(header: readonly string[] | undefined, names: readonly Name[]): Record<Name, number> {
  const cells = (header ?? []).map((cell) => cell.trim().toLowerCase());
  const columns = Object.fromEntries(names.map((name) => [name, cells.indexOf(name)])) as Record<Name, number>;
  if (names.some((name) => columns[name] < 0)) {
    const list = names.join(',');
    const message = `ไฟล์ CSV ต้องมีหัวคอลัมน์ ${list}`;
    const params = { columns: list };
    throw new AppError('VALIDATION_FAILED', message, {
      reason: 'csvHeader',
      params,
      issues: [{ path: 'body.csv', message, code: 'invalid_header', params }],
    });
  }
  return columns;
}
