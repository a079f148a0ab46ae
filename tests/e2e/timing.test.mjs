// How long a reader waits: from mouseup to the frame that paints the
// tooltip (which includes waiting for that frame), and the part of it Fonte
// spends in its mouseup handler, measured in the page with performance.now().
// Printed, never asserted: wall-clock time depends on the machine.

import { test } from "node:test";
import assert from "node:assert/strict";
import { dragSelect, tooltip, useBrowser, waitForTooltip, widgetReady } from "./helpers.mjs";

const env = useBrowser();

const SENTENCES = [
  "Macron ha annunciato la creazione di una forza di “rassicurazione” europea",
  "La premier Meloni ha inoltre ribadito la posizione italiana di non partecipare con truppe sul terreno in Ucraina",
  "Il vertice si è concluso con la conferma del mantenimento delle sanzioni verso la Russia",
];
const RUNS = 9;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

test("mouseup to painted tooltip on the demo article (median printed)", async (t) => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${env.server.url}index.html`);
  await widgetReady(page);
  // Registered before the first check, so it runs before Fonte's own
  // mouseup handler (capture on window precedes bubble on document).
  await page.evaluate(() => {
    window.__fonteTimes = [];
    window.__fonteHandled = [];
    let start = 0;
    // Added after Fonte's own listener on document, so it runs right after
    // it: the time Fonte spent reading, checking and drawing.
    document.addEventListener("mouseup", () => {
      if (!document.getSelection().isCollapsed) window.__fonteHandled.push(performance.now() - start);
    });
    window.addEventListener(
      "mouseup",
      () => {
        if (document.getSelection().isCollapsed) return; // a click, not a selection
        start = performance.now();
        const dialog = () => document.querySelector("fonte-tooltip")?.shadowRoot?.querySelector('[role="dialog"]');
        // Animation frame callbacks run just before the frame is painted: the
        // first one that finds the tooltip shown is in the frame painting it.
        const poll = () => {
          if (dialog() && !dialog().hidden) window.__fonteTimes.push(performance.now() - start);
          else requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      },
      true,
    );
  });
  for (let i = 0; i < RUNS; i++) {
    await dragSelect(page, "article", SENTENCES[i % SENTENCES.length]);
    await waitForTooltip(page);
    await page.waitForFunction((n) => window.__fonteTimes.length === n, i + 1);
    await page.keyboard.press("Escape");
    await page.mouse.click(5, 5);
    assert.equal(await tooltip(page), null);
  }
  const times = await page.evaluate(() => window.__fonteTimes);
  const handled = await page.evaluate(() => window.__fonteHandled);
  assert.equal(times.length, RUNS);
  assert.equal(handled.length, RUNS);
  t.diagnostic(`mouseup handled (selection read, checked, tooltip drawn and placed): median ${median(handled).toFixed(1)} ms`);
  t.diagnostic(`mouseup -> painted tooltip: median ${median(times).toFixed(1)} ms over ${RUNS} runs (${times.map((x) => x.toFixed(1)).join(", ")})`);
  await page.close();
});
