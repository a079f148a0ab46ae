// The engine outside a page: from a Node script (a publisher's build step,
// a test) the release build's wasm module checks text with no window and no
// document; the result is the same JSON the widget shows.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { WWW } from "./helpers.mjs";

test("the engine runs in Node, without a window", async () => {
  assert.equal(typeof globalThis.window, "undefined");
  const glue = await import(pathToFileURL(join(WWW, "pkg", "fonte.js")).href);
  glue.initSync({ module: await readFile(join(WWW, "pkg", "fonte_bg.wasm")) });
  const engine = new glue.Engine();
  assert.equal(engine.documentLang, "it");
  const result = JSON.parse(engine.check("Merz ha annunciato una forza di rassicurazione europea"));
  assert.equal(result.verdict, "misattributed");
  assert.equal(result.attributed_to, "Friedrich Merz");
  assert.equal(result.claim.speaker, "Emmanuel Macron");
  const english = JSON.parse(engine.check("Sanctions on Russia will be lifted", "en"));
  assert.equal(english.verdict, "contradicted");
  assert.equal(english.lang, "en");
  assert.throws(() => glue.Engine.fromBundle("{ not json"), /invalid claims bundle/);
  engine.free();
});
