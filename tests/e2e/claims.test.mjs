// data-claims: an alternative claims bundle. Whatever goes wrong with it (a
// missing file, a scheme other than http(s), invalid JSON, a bundle that
// breaks the rules), the page gets one console warning and the bundled
// claims keep working; a valid bundle replaces them, fetched without cookies.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { dragSelect, launch, serve, waitForTooltip, watchConsole, widgetReady } from "./helpers.mjs";

const BUNDLED = await readFile(new URL("../../data/claims.json", import.meta.url), "utf8");
const SENTENCE = "Macron ha annunciato la creazione di una forza di rassicurazione europea, composta da diversi Paesi.";

/** A minimal article page loading Fonte with `data-claims="<claims>"`. */
function page(claims) {
  return `<!doctype html><html lang="it"><head><meta charset="utf-8">
<link rel="icon" href="/favicon.svg">
<script type="module" src="/fonte.min.js" data-claims="${claims}"></script></head>
<body><article><p>${SENTENCE}</p></article></body></html>`;
}

// A valid bundle without any claim: every selection becomes no_match.
const EMPTY_BUNDLE = JSON.stringify({ ...JSON.parse(BUNDLED), claims: [] });

let server;
let browser;
before(async () => {
  const html = (claims) => ({ type: "text/html; charset=utf-8", body: page(claims) });
  server = await serve({
    routes: {
      "/missing.html": html("/nowhere/claims.json"),
      "/scheme.html": html("data:application/json,{}"),
      "/javascript.html": html("javascript:alert(1)"),
      "/not-json.html": html("/not-json.json"),
      "/not-json.json": { body: "{ this is not json" },
      "/invalid.html": html("/invalid.json"),
      "/invalid.json": { body: JSON.stringify({ ...JSON.parse(BUNDLED), schema: "something-else/9" }) },
      "/server-error.html": html("/broken.json"),
      "/broken.json": { status: 500, body: "oops" },
      "/good.html": html("/good.json"),
      "/good.json": { body: EMPTY_BUNDLE },
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
  ["/not-json.html", /could not load claims .*invalid claims bundle/],
  ["/invalid.html", /could not load claims .*invalid claims bundle.*schema/],
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

test("/good.html: a valid bundle replaces the bundled claims, fetched without cookies", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies([{ name: "session", value: "secret", url: server.url }]);
  const tab = await context.newPage();
  const messages = watchConsole(tab);
  await tab.goto(`${server.url}good.html`);
  await widgetReady(tab);
  await dragSelect(tab, "article", SENTENCE);
  const shown = await waitForTooltip(tab);
  assert.equal(shown.verdict, "no_match", "the empty bundle is in use");
  const fetched = server.requests.filter((r) => r.path === "/good.json");
  assert.equal(fetched.length, 1);
  assert.equal(fetched[0].headers.cookie, undefined, "no cookie sent with the bundle request");
  assert.equal(fetched[0].headers.referer, undefined, "no referrer either");
  const page = server.requests.find((r) => r.path === "/good.html");
  assert.match(page.headers.cookie ?? "", /session=secret/, "the cookie exists for the page");
  assert.deepEqual(messages, []);
  await context.close();
});
