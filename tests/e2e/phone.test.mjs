// A reader on a 360 px phone selects a sentence with a long press (the
// browser reports it through selectionchange, without mouse events): the
// tooltip appears below the selection, where the phone's own copy bar is not,
// inside the viewport; a tap elsewhere closes it.

import { test } from "node:test";
import assert from "node:assert/strict";
import { rangeSelect, tooltip, useBrowser, waitForTooltip, watchConsole, widgetReady } from "./helpers.mjs";

const env = useBrowser();

const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

test("a touch selection gets the tooltip below it, inside a 360 px viewport", async () => {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  const messages = watchConsole(page);
  await page.goto(`${env.server.url}en.html`);
  await widgetReady(page);

  const sentence = "Macron announced the creation of a European";
  await rangeSelect(page, "article", sentence);
  // Put the selection in the upper part of the screen, as a reader would.
  await page.evaluate(() => {
    const rect = document.getSelection().getRangeAt(0).getBoundingClientRect();
    window.scrollBy(0, rect.top - 120);
  });
  const shown = await waitForTooltip(page);
  assert.equal(shown.verdict, "supported");
  assert.deepEqual(shown.speakers, ["Emmanuel Macron"]);

  const selection = await page.evaluate(() => {
    const rects = Array.from(document.getSelection().getRangeAt(0).getClientRects()).filter((r) => r.width > 0);
    const last = rects.at(-1);
    return { bottom: last.bottom };
  });
  const box = (await tooltip(page)).rect;
  assert.equal((await tooltip(page)).placement, "below");
  assert.ok(box.top >= selection.bottom + 20, `below the selection and its handles: ${box.top} vs ${selection.bottom}`);
  assert.ok(box.left >= 0 && box.right <= 360, `horizontally inside: ${JSON.stringify(box)}`);
  assert.ok(box.bottom <= 740, `vertically inside: ${JSON.stringify(box)}`);
  assert.ok(box.right - box.left <= 360 - 16 + 0.5, "at most 100vw - 16px wide");

  // A tap elsewhere closes it (and clears the selection).
  await page.touchscreen.tap(180, 20);
  await page.waitForFunction(() => {
    const dialog = document.querySelector("fonte-tooltip")?.shadowRoot?.querySelector('[role="dialog"]');
    return dialog?.hidden;
  });
  assert.equal(await tooltip(page), null);
  assert.deepEqual(messages, []);
  await context.close();
});

test("the tooltip follows the selection when the page scrolls (reduced motion: no animation)", async () => {
  const context = await env.browser.newContext({ ...PHONE, reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto(`${env.server.url}en.html`);
  await widgetReady(page);
  await rangeSelect(page, "article", "Macron announced the creation of a European");
  await page.evaluate(() => {
    const rect = document.getSelection().getRangeAt(0).getBoundingClientRect();
    window.scrollBy(0, rect.top - 120);
  });
  await waitForTooltip(page);
  const animations = await page.evaluate(
    () => document.querySelector("fonte-tooltip").shadowRoot.querySelector('[role="dialog"]').getAnimations().length,
  );
  assert.equal(animations, 0, "prefers-reduced-motion turns the entrance animation off");
  // Distance from the selection's last line to the tooltip.
  const gap = () =>
    page.evaluate(() => {
      const rects = Array.from(document.getSelection().getRangeAt(0).getClientRects()).filter((r) => r.width > 0);
      const dialog = document.querySelector("fonte-tooltip").shadowRoot.querySelector('[role="dialog"]');
      return { gap: dialog.getBoundingClientRect().top - rects.at(-1).bottom, top: rects.at(-1).bottom };
    });
  const before = await gap();
  await page.evaluate(() => window.scrollBy(0, 40));
  await page.waitForFunction((top) => {
    const rects = Array.from(document.getSelection().getRangeAt(0).getClientRects()).filter((r) => r.width > 0);
    return rects.at(-1).bottom < top - 30;
  }, before.top);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const after = await gap();
  assert.ok(after.top < before.top - 30, "the page scrolled");
  assert.ok(Math.abs(after.gap - before.gap) < 1, `same distance after scrolling: ${before.gap} then ${after.gap}`);
  await context.close();
});

test("on a short screen the tooltip scrolls inside, and keeps its scroll when the page moves", async () => {
  const context = await env.browser.newContext({ ...PHONE, viewport: { width: 360, height: 420 }, reducedMotion: "reduce" });
  const page = await context.newPage();
  const messages = watchConsole(page);
  await page.goto(`${env.server.url}en.html`);
  await widgetReady(page);
  await rangeSelect(page, "article", "Macron announced the creation of a European");
  const shown = await waitForTooltip(page);
  assert.ok(shown.rect.bottom <= 420, `inside the viewport: ${JSON.stringify(shown.rect)}`);
  const overflow = await page.evaluate(() => {
    const dialog = document.querySelector("fonte-tooltip").shadowRoot.querySelector('[role="dialog"]');
    return dialog.scrollHeight - dialog.clientHeight;
  });
  assert.ok(overflow > 40, `the content is taller than the room: ${overflow}`);
  await page.evaluate(() => {
    document.querySelector("fonte-tooltip").shadowRoot.querySelector('[role="dialog"]').scrollTop = 40;
  });
  await page.evaluate(() => window.scrollBy(0, 10));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const scrollTop = await page.evaluate(
    () => document.querySelector("fonte-tooltip").shadowRoot.querySelector('[role="dialog"]').scrollTop,
  );
  assert.equal(scrollTop, 40);
  assert.deepEqual(messages, []);
  await context.close();
});
