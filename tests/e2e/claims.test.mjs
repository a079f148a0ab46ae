// data-claims: an alternative claims pack (made from a JSON bundle by
// `fonte pack`, which validates it). Whatever goes wrong with it (a missing
// file, a scheme other than http(s), JSON instead of a pack, a pack edited
// after packing, another schema), the page gets one console warning and the
// bundled claims keep working; a valid pack replaces them, fetched without
// cookies.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { dragSelect, launch, serve, waitForTooltip, watchConsole, widgetReady } from "./helpers.mjs";

const BUNDLED_JSON = await readFile(new URL("../../data/claims.json", import.meta.url), "utf8");
const BUNDLED_PACK = await readFile(new URL("../../data/claims.pack", import.meta.url), "utf8");
const SENTENCE = "Macron ha annunciato la creazione di una forza di rassicurazione europea, composta da diversi Paesi.";

/** A minimal article page loading Fonte with `data-claims="<claims>"`. */
function page(claims) {
  return `<!doctype html><html lang="it"><head><meta charset="utf-8">
<link rel="icon" href="/favicon.svg">
<script type="module" src="/fonte.min.js" data-claims="${claims}"></script></head>
<body><article><p>${SENTENCE}</p></article></body></html>`;
}

/** 64-bit FNV-1a as 16 hex digits: the pack checksum, written here from
 * its definition (src/pack.rs) rather than taken from Fonte. */
function fnv1a64(text) {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}

/** The bundled pack with its records edited by `edit` (a function of the
 * record lines), checksum recomputed: a pack as `fonte pack` would write it. */
function repack(edit) {
  const [head, body] = [BUNDLED_PACK.slice(0, BUNDLED_PACK.indexOf("\n")), BUNDLED_PACK.slice(BUNDLED_PACK.indexOf("\n") + 1)];
  const at = body.indexOf("\nT\n") + 1;
  const newBody = edit(body.slice(0, at).split("\n").filter(Boolean)).map((l) => `${l}\n`).join("") + body.slice(at);
  return `${head.slice(0, head.lastIndexOf("\t"))}\t${fnv1a64(newBody)}\n${newBody}`;
}

// A valid pack without any claim: every selection becomes no_match.
const EMPTY_PACK = repack((records) => records.filter((r) => !r.startsWith("C\t")));

let server;
let browser;
before(async () => {
  const html = (claims) => ({ type: "text/html; charset=utf-8", body: page(claims) });
  server = await serve({
    routes: {
      "/missing.html": html("/nowhere/claims.json"),
      "/scheme.html": html("data:application/json,{}"),
      "/javascript.html": html("javascript:alert(1)"),
      "/json.html": html("/claims.json"),
      "/claims.json": { body: BUNDLED_JSON },
      "/edited.html": html("/edited.pack"),
      "/edited.pack": { type: "text/plain", body: BUNDLED_PACK.replace("Macron", "Merz") },
      "/schema.html": html("/schema.pack"),
      "/schema.pack": { type: "text/plain", body: BUNDLED_PACK.replace("fonte-claims/1", "something-else/9") },
      "/server-error.html": html("/broken.pack"),
      "/broken.pack": { status: 500, body: "oops" },
      "/good.html": html("/good.pack"),
      "/good.pack": { type: "text/plain", body: EMPTY_PACK },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  const messages = watchConsole(tab);
  await tab.goto(server.url + path.slice(1));
  await widgetReady(tab);
  await dragSelect(tab, "article", SENTENCE);
  const shown = await waitForTooltip(tab);
  await context.close();
  return { shown, messages };
}

const FAILURES = [
  ["/missing.html", /could not load claims .*HTTP 404/],
  ["/server-error.html", /could not load claims .*HTTP 500/],
  ["/scheme.html", /must be an http\(s\) URL, not data:/],
  ["/javascript.html", /must be an http\(s\) URL, not javascript:/],
  ["/json.html", /could not load claims .*invalid claims bundle: not a Fonte pack.*fonte pack/],
  ["/edited.html", /could not load claims .*invalid claims bundle: the checksum does not match/],
  ["/schema.html", /could not load claims .*invalid claims bundle: schema is "something-else\/9"/],
];

for (const [path, warning] of FAILURES) {
  test(`${path}: a warning, and the bundled claims still work`, async () => {
    const { shown, messages } = await open(path);
    const warnings = messages.filter((m) => m.startsWith("warning: Fonte:"));
    assert.equal(warnings.length, 1, messages.join("\n"));
    assert.match(warnings[0], warning);
    // A failed fetch also logs the browser's own "Failed to load resource".
    assert.deepEqual(
      messages.filter((m) => !warnings.includes(m) && !/Failed to load resource/.test(m)),
      [],
    );
    assert.equal(shown.verdict, "supported");
    assert.deepEqual(shown.speakers, ["Emmanuel Macron"]);
  });
}

test("/good.html: a valid pack replaces the bundled claims, fetched without cookies", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies([{ name: "session", value: "secret", url: server.url }]);
  const tab = await context.newPage();
  const messages = watchConsole(tab);
  await tab.goto(`${server.url}good.html`);
  await widgetReady(tab);
  await dragSelect(tab, "article", SENTENCE);
  const shown = await waitForTooltip(tab);
  assert.equal(shown.verdict, "no_match", "the empty pack is in use");
  const fetched = server.requests.filter((r) => r.path === "/good.pack");
  assert.equal(fetched.length, 1);
  assert.equal(fetched[0].headers.cookie, undefined, "no cookie sent with the bundle request");
  assert.equal(fetched[0].headers.referer, undefined, "no referrer either");
  const page = server.requests.find((r) => r.path === "/good.html");
  assert.match(page.headers.cookie ?? "", /session=secret/, "the cookie exists for the page");
  assert.deepEqual(messages, []);
  await context.close();
});
