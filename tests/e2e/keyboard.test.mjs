// A keyboard reader (caret browsing on, as keyboard users select text in
// Chromium) extends a selection with Shift+arrows: once it settles the
// tooltip appears; Alt+Shift+F moves focus into it, Tab stays inside, Escape
// closes it and gives focus back.

import { test } from "node:test";
import assert from "node:assert/strict";
import { sentenceBox, tooltip, useBrowser, waitForTooltip, watchConsole, widgetReady } from "./helpers.mjs";

const env = useBrowser({ args: ["--enable-caret-browsing"] });

/** Where focus is: "tooltip:<class or role>" inside Fonte's shadow root, else the element's tag. */
function focus(page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active?.localName === "fonte-tooltip") {
      const inner = active.shadowRoot.activeElement;
      return `tooltip:${inner?.getAttribute("role") ?? inner?.className}`;
    }
    return active?.localName + (active?.textContent ? `:${active.textContent.trim().slice(0, 20)}` : "");
  });
}

test("Shift+arrows select, Alt+Shift+F focuses the tooltip, Tab stays, Escape closes", async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const messages = watchConsole(page);
  await page.goto(`${env.server.url}en.html`);
  await widgetReady(page);

  const sentence = "Macron announced the creation of a European";
  const { start } = await sentenceBox(page, "article", sentence);
  await page.mouse.click(start.x - 1, start.y);
  for (let i = 0; i < sentence.length; i++) await page.keyboard.press("Shift+ArrowRight");
  assert.equal(await page.evaluate(() => document.getSelection().toString()), sentence);
  const shown = await waitForTooltip(page);
  assert.equal(shown.verdict, "supported");
  assert.deepEqual(shown.speakers, ["Emmanuel Macron"]);

  await page.keyboard.press("Alt+Shift+F");
  assert.equal(await focus(page), "tooltip:dialog");
  await page.keyboard.press("Tab");
  assert.equal(await focus(page), "tooltip:close");
  await page.keyboard.press("Tab");
  assert.equal(await focus(page), "tooltip:close");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await focus(page), "tooltip:close");

  await page.keyboard.press("Escape");
  assert.equal(await tooltip(page), null);
  assert.ok(!(await focus(page)).startsWith("tooltip"), "focus left the closed tooltip");
  assert.equal(await page.evaluate(() => document.getSelection().toString()), sentence, "selection kept");
  assert.deepEqual(messages, []);
  await page.close();
});

test("from a focused link, the shortcut opens the tooltip for the selection and Escape returns there", async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const messages = watchConsole(page);
  await page.goto(`${env.server.url}errors.html`);
  await widgetReady(page);
  await page.keyboard.press("Tab");
  const link = await focus(page);
  assert.match(link, /^a:/);
  // A selection made earlier, while focus stays on the link.
  await page.evaluate(() => {
    const item = Array.from(document.querySelectorAll("article li")).find((li) =>
      li.textContent.startsWith("The summit ended"),
    );
    document.getSelection().selectAllChildren(item);
  });
  await page.keyboard.press("Alt+Shift+F");
  const shown = await waitForTooltip(page);
  assert.equal(shown.verdict, "contradicted");
  assert.equal(await focus(page), "tooltip:dialog");
  await page.keyboard.press("Escape");
  assert.equal(await tooltip(page), null);
  assert.equal(await focus(page), link, "focus is back on the link");
  assert.deepEqual(messages, []);
  await page.close();
});
