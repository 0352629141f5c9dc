import { useI18n } from './i18n';

/** A file's size as the reader reads it: "850 KB", "1.2 MB" (at least 1 KB), in the reader's digits. */
export function useFileSize(): (bytes: number) => string {
  const { formatDecimal } = useI18n();
  return (bytes: number) =>
    bytes >= 1024 * 1024 ? `${formatDecimal(bytes / (1024 * 1024), 1)} MB` : `${formatDecimal(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
