// A reader on each demo page highlights a sentence with the mouse and sees
// the right verdict and speaker, with the verbatim passage of the report;
// Escape closes the tooltip; the console stays empty; the page makes no
// request beyond Fonte's own files and stores nothing.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { dragBetween, dragSelect, tooltip, useBrowser, waitForTooltip, watchConsole, widgetReady } from "./helpers.mjs";

const REPORT = await readFile(new URL("../../data/source/vertice-parigi-2026-01-06.it.txt", import.meta.url), "utf8");

const env = useBrowser();

const CASES = [
  {
    name: "a sentence of the Italian report is supported, said by Macron",
    page: "index.html",
    sentence: "Macron ha annunciato la creazione di una forza di “rassicurazione” europea",
    verdict: "supported",
    badge: "Confermato dalla fonte",
    speakers: ["Emmanuel Macron"],
  },
  {
    name: "the English article's paraphrase is supported, in an English tooltip",
    page: "en.html",
    sentence: "Prime Minister Meloni also reiterated Italy's position of not taking part with troops on the ground in Ukraine",
    verdict: "supported",
    badge: "Supported by the source",
    speakers: ["Giorgia Meloni"],
  },
  {
    name: "the reassurance force put in Merz's mouth is misattributed",
    page: "errori.html",
    sentence: "Il cancelliere tedesco Friedrich Merz ha annunciato la creazione di una forza di “rassicurazione” europea, composta da diversi Paesi.",
    verdict: "misattributed",
    badge: "Attribuzione errata",
    speakers: ["Emmanuel Macron", "Friedrich Merz"],
  },
  {
    name: "Italy sending troops is contradicted by what Meloni said",
    page: "errors.html",
    sentence: "Italy will send troops on the ground in Ukraine.",
    verdict: "contradicted",
    badge: "Contradicted by the source",
    speakers: ["Giorgia Meloni"],
  },
  {
    name: "the weather forecast matches no sourced claim",
    page: "errori.html",
    sentence: "Domani è prevista pioggia su gran parte del Nord.",
    verdict: "no_match",
    badge: "Nessuna affermazione documentata trovata",
    speakers: [],
  },
];

const FONTE_FILES = ["/fonte.min.js", "/pkg/fonte.js", "/pkg/fonte_bg.wasm"];

for (const c of CASES) {
  test(`${c.page}: ${c.name}`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const messages = watchConsole(page);
    const urls = [];
    page.on("request", (request) => urls.push(request.url()));
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value))).observe({
        type: "layout-shift",
        buffered: true,
      });
    });
    await page.goto(env.server.url + c.page);
    await widgetReady(page);

    await dragSelect(page, "article", c.sentence);
    const shown = await waitForTooltip(page);
    assert.equal(shown.verdict, c.verdict);
    assert.equal(shown.badge, c.badge);
    assert.deepEqual(shown.speakers, c.speakers);
    if (c.verdict === "no_match") {
      assert.equal(shown.quote, null);
    } else {
      assert.ok(shown.quote.length > 20, shown.quote);
      assert.ok(REPORT.includes(shown.quote), `the quote is verbatim from the report: ${shown.quote}`);
      assert.ok(shown.explanation, "an explanation");
    }
    const selected = await page.evaluate(() => document.getSelection().toString());
    assert.ok(selected.includes(c.sentence.slice(0, 20)), `the drag selected the sentence: ${selected}`);

    await page.keyboard.press("Escape");
    assert.equal(await tooltip(page), null, "Escape closes the tooltip");
    assert.deepEqual(await page.evaluate(() => window.__shifts), [], "no layout shift, from loading or from the tooltip");

    // Private: nothing stored, nothing fetched beyond the page and Fonte.
    const storage = await page.evaluate(async () => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      databases: (await indexedDB.databases()).length,
    }));
    assert.deepEqual(storage, { cookie: "", local: 0, session: 0, databases: 0 });
    const paths = urls.map((u) => {
      assert.ok(u.startsWith(env.server.url), `a request off the page's origin: ${u}`);
      return new URL(u).pathname;
    });
    for (const file of FONTE_FILES) assert.ok(paths.includes(file), `${file} loaded`);
    const allowed = new Set([`/${c.page}`, "/demo.css", "/favicon.svg", ...FONTE_FILES]);
    assert.deepEqual(paths.filter((p) => !allowed.has(p)), []);

    assert.deepEqual(messages, [], "console errors or warnings");
    await context.close();
  });
}

test("index.html: a selection across two paragraphs lists a verdict per sentence", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const messages = watchConsole(page);
  await page.goto(`${env.server.url}index.html`);
  await widgetReady(page);
  await dragBetween(page, "article", "Macron ha annunciato la creazione", "non si raggiungerà un accordo di pace chiaro e stabile");
  const shown = await waitForTooltip(page);
  const parts = await page.evaluate(() =>
    Array.from(
      document.querySelector("fonte-tooltip").shadowRoot.querySelectorAll(".parts li"),
      (li) => li.textContent,
    ),
  );
  assert.equal(shown.verdict, "supported");
  assert.ok(parts.length >= 2, `one line per sentence: ${parts}`);
  assert.ok(parts.some((p) => p.includes("Emmanuel Macron")), parts.join(" | "));
  assert.ok(
    parts.every((p) => p.includes("Confermato dalla fonte")),
    `every sentence of the report is supported: ${parts.join(" | ")}`,
  );
  assert.deepEqual(messages, []);
  await context.close();
});
