import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadMessages } from '@/lib/i18n';

// The app fetches English and the signed-in screens' messages on demand; tests have them all from
// the start, so components render (and switch to English) at once.
await Promise.all([loadMessages('th', 'staff'), loadMessages('en', 'core'), loadMessages('en', 'staff')]);

// findBy… waits up to 5 s: a busy CI machine can take over a second to render a page of data.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
