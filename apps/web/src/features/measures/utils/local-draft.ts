import type { MeasureFormValues } from './measure-form-values';

/**
 * The measure form's local draft (issue 14): while a form has unsaved changes they are kept in
 * localStorage under the measure's key, so a closed tab, a crash or an expired session loses nothing;
 * a successful save (or Cancel) removes it. Only this browser sees it.
 */
export interface LocalDraft {
  values: MeasureFormValues;
  /** The measure version the draft was edited from. */
  version: number;
  savedAt: string;
}

const PREFIX = 'prongsai.measureDraft.';

export function readDraft(key: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    if (!raw) return null;
    const draft = JSON.parse(raw) as LocalDraft;
    return draft && typeof draft === 'object' && draft.values && typeof draft.savedAt === 'string' ? draft : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, draft: LocalDraft): void {
  try {
    window.localStorage.setItem(PREFIX + key, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the unsaved-changes warning still protects the work.
  }
}

export function clearDraft(key: string): void {
  try {
    window.localStorage.removeItem(PREFIX + key);
  } catch {
    /* nothing to clear */
  }
}
