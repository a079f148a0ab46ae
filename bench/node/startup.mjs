// Cold start-up of one engine in a fresh process: import plus index build.
// Usage: node bench/node/startup.mjs fonte|minisearch|fuse  (prints ms)
import { performance } from 'node:perf_hooks';
import { ENGINES } from './engines.mjs';

const name = process.argv[2];
const t0 = performance.now();
await ENGINES[name]();
process.stdout.write(`${(performance.now() - t0).toFixed(3)}\n`);
