// The entry of a parse worker thread (bundled as dist/parse-worker.js; see parse-pool.ts).
export { runParseJob as default } from './parse-job';
