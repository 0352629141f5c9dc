// Tests and `pnpm dev` run the API from TypeScript source: a worker thread gets no loader from its
// parent, so this plain module registers tsx in the worker and re-exports the TypeScript entry.
import { tsImport } from 'tsx/esm/api';

const loaded = await tsImport('./parse-worker.ts', import.meta.url);
export default typeof loaded.default === 'function' ? loaded.default : loaded.default.default;
