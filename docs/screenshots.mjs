// Takes the screenshots of the demo pages with a tooltip open, desktop
// (1280 px) and phone (360 px), light and dark, into target/screenshots/
// (not committed), and the README's docs/screenshot.png. Needs a release
// build in www/pkg:  node docs/screenshots.mjs

import { mkdir } from "node:fs/promises";
import { dragSelect, launch, rangeSelect, serve, waitForTooltip, widgetReady } from "../tests/e2e/helpers.mjs";

const SHOTS = [
  { name: "desktop-light-misattributed", page: "errori.html", scheme: "light", phone: false,
    sentence: "Il cancelliere tedesco Friedrich Merz ha annunciato la creazione di una forza di “rassicurazione” europea, composta da diversi Paesi." },
  { name: "desktop-dark-supported", page: "index.html", scheme: "dark", phone: false,
    sentence: "La premier Meloni ha inoltre ribadito la posizione italiana di non partecipare con truppe sul terreno in Ucraina" },
  { name: "desktop-light-contradicted-en", page: "errors.html", scheme: "light", phone: false,
    sentence: "The reassurance force will replace the Ukrainian army." },
  { name: "phone-light-supported-en", page: "en.html", scheme: "light", phone: true,
    sentence: "Macron announced the creation of a European \"reassurance\" force made up of several countries" },
  { name: "phone-dark-contradicted", page: "errori.html", scheme: "dark", phone: true,
    sentence: "L’Italia invierà truppe sul terreno in Ucraina." },
  { name: "phone-light-no-match", page: "errors.html", scheme: "light", phone: true,
    sentence: "Heavy rain is expected across most of the north tomorrow." },
];
const README_SHOT = "desktop-light-misattributed";

const out = new URL("../target/screenshots/", import.meta.url);
await mkdir(out, { recursive: true });
const server = await serve();
const browser = await launch();
for (const shot of SHOTS) {
  const context = await browser.newContext(
    shot.phone
      ? { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2, colorScheme: shot.scheme }
      : { viewport: { width: 1280, height: 800 }, colorScheme: shot.scheme },
  );
  const page = await context.newPage();
  await page.goto(server.url + shot.page);
  await widgetReady(page);
  if (shot.phone) {
    await rangeSelect(page, "article", shot.sentence);
    await page.evaluate(() => {
      const rect = document.getSelection().getRangeAt(0).getBoundingClientRect();
      window.scrollBy(0, rect.top - 140);
    });
  } else {
    await dragSelect(page, "article", shot.sentence);
  }
  const shown = await waitForTooltip(page);
  await page.waitForTimeout(300); // the entrance animation
  const path = new URL(`${shot.name}.png`, out);
  await page.screenshot({ path: path.pathname });
  if (shot.name === README_SHOT) await page.screenshot({ path: new URL("./screenshot.png", import.meta.url).pathname });
  console.log(`${shot.name}: ${shown.verdict} (${shown.speakers.join(", ")})`);
  await context.close();
}
await browser.close();
await server.close();
