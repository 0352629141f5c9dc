// The entry of a parse worker thread (bundled as dist/parse-worker.js; see parse-pool.ts).
export { runParseJobInWorker as default } from './parse-job';
