// The JS API outside a page: `check()` from a Node script (a publisher's
// build step, a test) works on the same release build, with no window and
// no document, and dispatches nothing.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { WWW } from "./helpers.mjs";

test("check() runs in Node, without a window", async () => {
  assert.equal(typeof globalThis.window, "undefined");
  const glue = await import(pathToFileURL(join(WWW, "pkg", "fonte.js")).href);
  glue.initSync({ module: await readFile(join(WWW, "pkg", "fonte_bg.wasm")) });
  const result = glue.check("Merz ha annunciato una forza di rassicurazione europea");
  assert.equal(result.verdict, "misattributed");
  assert.equal(result.attributed_to, "Friedrich Merz");
  assert.equal(result.claim.speaker, "Emmanuel Macron");
  const english = glue.check("Sanctions on Russia will be lifted", "en");
  assert.equal(english.verdict, "contradicted");
  assert.equal(english.lang, "en");
});
