import '@/lib/zod-config'; // first: before any schema is built
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/sarabun/400.css';
import '@fontsource/sarabun/700.css';
// The shared layer's stylesheets, in cascade order: tokens, base, the page frame, then the UI kit
// whose class names every feature uses. Features and single components import their own sheets.
import '@/styles/tokens.css';
import '@/styles/base.css';
import '@/components/layouts/app-layout.css';
import '@/components/ui/controls.css';
import '@/components/ui/dialog.css';
import '@/components/ui/status.css';
import '@/components/ui/chips.css';
import '@/components/ui/tables.css';
import { AppProvider } from './provider';
import { AppRouter } from './router';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// As a transition, React renders the first screen in short slices instead of one long task that
// would keep a mid-range phone from responding; index.html's header is on screen meanwhile.
startTransition(() =>
  createRoot(root).render(
    <StrictMode>
      <AppProvider>
        <AppRouter />
      </AppProvider>
    </StrictMode>,
  ),
);
