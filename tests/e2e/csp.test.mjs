// Under a strict Content-Security-Policy (no inline scripts or styles, no
// eval, wasm allowed), Fonte loads, checks a selection and draws a styled
// tooltip, with no policy violation.

import { test } from "node:test";
import assert from "node:assert/strict";
import { dragSelect, STRICT_CSP, tooltip, useBrowser, waitForTooltip, watchConsole, widgetReady } from "./helpers.mjs";

const env = useBrowser({ serveOptions: { csp: STRICT_CSP } });

test(`works under "${STRICT_CSP}"`, async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const messages = watchConsole(page);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const response = await page.goto(`${env.server.url}index.html`);
  assert.equal(response.headers()["content-security-policy"], STRICT_CSP);
  await widgetReady(page);

  await dragSelect(page, "article", "Macron ha annunciato la creazione di una forza di “rassicurazione” europea");
  const shown = await waitForTooltip(page);
  assert.equal(shown.verdict, "supported");
  assert.deepEqual(shown.speakers, ["Emmanuel Macron"]);

  // The constructed stylesheet applied: positioned, painted, bordered.
  const style = await page.evaluate(() => {
    const dialog = document.querySelector("fonte-tooltip").shadowRoot.querySelector('[role="dialog"]');
    const s = getComputedStyle(dialog);
    return { position: s.position, background: s.backgroundColor, radius: s.borderTopLeftRadius, top: dialog.style.top };
  });
  assert.equal(style.position, "fixed");
  assert.notEqual(style.background, "rgba(0, 0, 0, 0)");
  assert.notEqual(style.radius, "0px");
  assert.match(style.top, /px$/, "placed through the CSSOM, which CSP allows");

  await page.keyboard.press("Escape");
  assert.equal(await tooltip(page), null);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(messages, []);
  await context.close();
});
