import { useEffect } from 'react';
import { useT } from './i18n';

/** "<page> · โปร่งใส Prongsai" in the browser tab, so each page has its own title. */
export function useDocumentTitle(title: string | undefined): void {
  const t = useT();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${appName}` : appName;
  }, [title, appName]);
}
