// The three engines behind one interface, for compare.mjs and startup.mjs:
// `load()` imports the engine and builds its index over the very same
// claims (Italian text, verbatim quote, English text of each claim of
// data/claims.json); `search(text)` returns the best claim id and a score
// (higher is better), or null. Fonte also returns its verdict.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PKG_NODE = path.join(ROOT, 'bench', 'pkg-node');

/** One document per claim, the fields every peer indexes. */
export function claimDocs() {
  const bundle = JSON.parse(readFileSync(path.join(ROOT, 'data', 'claims.json'), 'utf8'));
  return bundle.claims.map((c) => ({ id: c.id, it: c.text.it, quote: c.quote.text, en: c.text.en }));
}

export const ENGINES = {
  async fonte() {
    // wasm-pack's nodejs target instantiates the module synchronously on
    // require; the engine builds the index of the bundled claims. Results
    // are parsed as the widget parses them.
    const require = createRequire(import.meta.url);
    const fonte = new (require(path.join(PKG_NODE, 'fonte.js')).Engine)();
    return (text) => {
      const r = JSON.parse(fonte.check(text));
      return r.claim ? { id: r.claim.id, score: r.score, verdict: r.verdict } : { id: null, score: 0, verdict: r.verdict };
    };
  },

  async minisearch() {
    const { default: MiniSearch } = await import('minisearch');
    const index = new MiniSearch({ fields: ['it', 'quote', 'en'], storeFields: [] });
    index.addAll(claimDocs());
    // Fuzzy and prefix matching: selections are cut and mistyped.
    const options = { fuzzy: 0.2, prefix: true, combineWith: 'OR' };
    return (text) => {
      const hit = index.search(text, options)[0];
      return hit ? { id: hit.id, score: hit.score } : { id: null, score: -Infinity };
    };
  },

  async fuse() {
    const { default: Fuse } = await import('fuse.js');
    // ignoreLocation: a selection may come from anywhere in the claim.
    const index = new Fuse(claimDocs(), {
      keys: ['it', 'quote', 'en'],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.6,
    });
    return (text) => {
      const hit = index.search(text, { limit: 1 })[0];
      // Fuse scores 0 (exact) to 1 (no match); flip so higher is better.
      return hit ? { id: hit.item.id, score: 1 - hit.score } : { id: null, score: -Infinity };
    };
  },
};
