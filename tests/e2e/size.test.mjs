// What a reader downloads: the loader, the wasm-bindgen glue and the wasm
// module of the release build, gzipped at level 9, stay within the budget.
// The files are the ones a publisher copies: the loader minified into
// www/fonte.min.js (www/fonte.js is its commented source) and www/pkg/ as
// scripts/lib/minify.mjs leaves it after wasm-pack.

import { test } from "node:test";
import assert from "node:assert/strict";
import { access, readdir, readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { WWW } from "./helpers.mjs";

// The goal is 60 KB (issue 5). The release build (pinned nightly, std
// rebuilt without panic formatting and with optimize_for_size, then
// wasm-bindgen's names shortened and the JS minified:
// scripts/lib/setup.sh; the small allocator of src/heap.rs instead of
// dlmalloc) is at 80.9 KB today (82,843 B), most of it the matching core
// (stemmers, lexicon, claims, index and validation); this ceiling holds
// what was reached when it was set (80.8 KB), plus 1 KB, so that nothing
// grows unnoticed, and comes down as the core shrinks. It is never raised
// to make a change fit.
const GOAL = 60 * 1024;
const BUDGET = 81.85 * 1024;

test(`shipped files stay within ${BUDGET / 1024} KB gzipped`, async (t) => {
  const pkg = join(WWW, "pkg");
  const names = (await readdir(pkg)).filter((n) => n.endsWith(".js") || n.endsWith(".wasm"));
  assert.ok(names.includes("fonte_bg.wasm"), "www/pkg holds a build (fonte_build_release in scripts/lib/setup.sh)");
  await assert.doesNotReject(
    access(join(WWW, "fonte.min.js")),
    "www/fonte.min.js exists (fonte_build_release writes it after wasm-pack)",
  );
  const files = ["fonte.min.js", ...names.map((n) => `pkg/${n}`)];
  let total = 0;
  for (const file of files) {
    const bytes = await readFile(join(WWW, file));
    const gz = gzipSync(bytes, { level: 9 }).length;
    total += gz;
    t.diagnostic(`${file}: ${bytes.length} B, ${gz} B gzipped`);
  }
  t.diagnostic(`total: ${total} B gzipped (${(total / 1024).toFixed(1)} KB; ceiling ${BUDGET / 1024} KB, goal ${GOAL / 1024} KB)`);
  assert.ok(total <= BUDGET, `${total} B gzipped is over the ${BUDGET} B budget`);
});
