// Starts a TypeScript module in a worker thread. Node 20 does not pass the main thread's loader
// hooks (`--import tsx`, or the tsx CLI's) on to workers, so the worker registers tsx itself and
// then imports its entry (workerData.entry, a file URL). The same way under `npm start`, `tsx
// server.ts`, `node --import tsx server.ts` and vitest.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
