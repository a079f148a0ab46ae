// Fonte against two JavaScript search libraries, on the same claims and
// the same labelled queries, in one run. Answers: does Fonte find the right
// claim as often as a general-purpose search index, does it stay quiet on
// unrelated text, and what does it cost in latency, start-up and bytes?
//
// Expects bench/pkg-node, the shipped release build for Node, which
// ./scripts/bench makes with the pinned nightly (fonte_build_release in
// scripts/lib/setup.sh); a plain `wasm-pack build` on stable would measure
// a different, bigger wasm than readers get. Peers give no verdicts, so the
// comparison is of retrieval: a query with a claim counts as found when the
// engine's best result is that claim and scores at or above the engine's
// threshold; a no_match query counts as a false match when anything does.
// Each peer's threshold is the one, swept over every score it produced,
// that gets the most queries right. Fonte's own threshold is its built-in one.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ENGINES, PKG_NODE, ROOT } from './engines.mjs';

const ROUNDS = Number(process.env.FONTE_BENCH_ROUNDS ?? 20);
const STARTS = Number(process.env.FONTE_BENCH_STARTS ?? 7);

function readJsonl(file) {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

const sets = ['dev', 'test'].map((s) => path.join(ROOT, 'tests', 'data', `${s}.jsonl`)).filter(existsSync);
const queries = sets.flatMap(readJsonl);
const withClaim = queries.filter((q) => q.claim);
const noMatch = queries.filter((q) => !q.claim);

if (!existsSync(path.join(PKG_NODE, 'fonte.js'))) {
  console.error('bench/pkg-node missing: run ./scripts/bench (it builds bench/pkg-node with the pinned nightly; FONTE_BENCH_SKIP_CARGO=1 skips the criterion benchmarks)');
  process.exit(1);
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function median(xs) {
  return quantile([...xs].sort((a, b) => a - b), 0.5);
}

/** Counts at a threshold: found (right claim, accepted) and false matches. */
function tally(answers, threshold) {
  let found = 0;
  let falses = 0;
  answers.forEach((a, i) => {
    const accepted = a.id !== null && a.score >= threshold;
    if (queries[i].claim) found += accepted && a.id === queries[i].claim;
    else falses += accepted;
  });
  return { found, falses, right: found + noMatch.length - falses };
}

function bestThreshold(answers) {
  const candidates = [...new Set(answers.map((a) => a.score).filter(Number.isFinite))].sort((a, b) => a - b);
  let best = { threshold: -Infinity, ...tally(answers, -Infinity) };
  for (const t of candidates) {
    const r = tally(answers, t);
    if (r.right > best.right) best = { threshold: t, ...r };
  }
  return best;
}

function gz(files) {
  return files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
}

const shipped = {
  fonte: gz(['www/pkg/fonte_bg.wasm', 'www/pkg/fonte.js', 'www/fonte.min.js'].map((f) => path.join(ROOT, f)).filter(existsSync)),
  // MiniSearch publishes no minified build: its ES module as shipped.
  minisearch: gz([path.join(ROOT, 'node_modules/minisearch/dist/es/index.js')]),
  fuse: gz([path.join(ROOT, 'node_modules/fuse.js/dist/fuse.min.mjs')]),
};
// Fonte embeds its claims, lexicon and report; a peer needs the claims sent.
const claimsGz = gz([path.join(ROOT, 'data/claims.json')]);
const claimCount = JSON.parse(readFileSync(path.join(ROOT, 'data/claims.json'), 'utf8')).claims.length;

function startup(name) {
  const times = [];
  for (let i = 0; i < STARTS; i++) {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'bench/node/startup.mjs'), name], { encoding: 'utf8' });
    times.push(Number(out.trim()));
  }
  return median(times);
}

const results = {};
for (const name of Object.keys(ENGINES)) {
  const search = await ENGINES[name]();
  const answers = queries.map((q) => search(q.text));
  const latencies = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of queries) {
      const t0 = performance.now();
      search(q.text);
      latencies.push(performance.now() - t0);
    }
  }
  latencies.sort((a, b) => a - b);
  const fit = name === 'fonte' ? { threshold: null, ...tally(answers, -Infinity) } : bestThreshold(answers);
  const result = {
    ...fit,
    p50: quantile(latencies, 0.5) * 1000,
    p99: quantile(latencies, 0.99) * 1000,
    startup: startup(name),
    bytes: shipped[name],
  };
  if (name === 'fonte') {
    const verdictRight = answers.filter((a, i) => {
      const q = queries[i];
      return a.verdict === q.verdict && (q.verdict === 'no_match' || a.id === q.claim);
    }).length;
    result.verdicts = verdictRight;
  }
  results[name] = result;
}

const pct = (n, d) => `${((100 * n) / d).toFixed(1)}%`;
const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;
console.log(`\nQueries: ${queries.length} (${sets.map((s) => path.basename(s)).join(' + ')}): ${withClaim.length} with a claim, ${noMatch.length} no_match; claims: ${claimCount} x (it, quote, en); ${ROUNDS} timed rounds; start-up = median of ${STARTS} fresh processes.\n`);
console.log('| engine | threshold | top-1 found | false matches | p50 | p99 | start-up | shipped (gzip) | + claims.json (gzip) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const [name, r] of Object.entries(results)) {
  const threshold = r.threshold === null ? 'built-in' : r.threshold === -Infinity ? 'none' : r.threshold.toFixed(3);
  const extra = name === 'fonte' ? 'embedded' : kb(r.bytes + claimsGz);
  console.log(`| ${name} | ${threshold} | ${r.found}/${withClaim.length} (${pct(r.found, withClaim.length)}) | ${r.falses}/${noMatch.length} (${pct(r.falses, noMatch.length)}) | ${r.p50.toFixed(1)} µs | ${r.p99.toFixed(1)} µs | ${r.startup.toFixed(1)} ms | ${kb(r.bytes)} | ${extra} |`);
}
const f = results.fonte;
console.log('\nThresholds: MiniSearch score at or above; Fuse.js 1 - score at or above (Fuse scores 0 = exact). Peer thresholds are swept on these very queries (an oracle advantage); Fonte was tuned on the dev sets (dev.jsonl is among these queries), never on test.jsonl.');
console.log(`\nFonte verdicts (claim and verdict both right): ${f.verdicts}/${queries.length} (${pct(f.verdicts, queries.length)}).\n`);
console.log('Fonte / peer ratios (below 1: Fonte smaller or faster; found: above 1 is Fonte better):\n');
console.log('| peer | found | false matches | p50 | p99 | start-up | shipped |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
const ratio = (a, b) => (b === 0 ? (a === 0 ? '1.00' : 'inf') : (a / b).toFixed(2));
for (const peer of ['minisearch', 'fuse']) {
  const p = results[peer];
  console.log(`| ${peer} | ${ratio(f.found, p.found)} | ${ratio(f.falses, p.falses)} | ${ratio(f.p50, p.p50)} | ${ratio(f.p99, p.p99)} | ${ratio(f.startup, p.startup)} | ${ratio(f.bytes, p.bytes)} |`);
}
