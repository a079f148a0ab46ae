// Fonte loader. A publisher adds one tag and nothing else:
//
//   <script type="module" src="/fonte/fonte.js"></script>
//
// Optional attributes on that tag: data-root (CSS selector of the article),
// data-lang (it | en), data-theme (auto | light | dark), data-claims (URL of
// an alternative claims bundle, http or https). Imported from code instead
// (`import { check } from "/fonte/fonte.js"`), nothing is mounted until
// `mount()` is called. Types: fonte.d.ts.
//
// Module scripts are deferred: this runs after the page is parsed and never
// delays its first paint. The tooltip is created on the first selection, in
// a position:fixed host, so the page's layout never moves.

import init, { check as checkBundled, mount as mountWidget } from "./pkg/fonte.js";

/** Largest claims bundle accepted (bytes): a bigger one is an error, not a freeze. */
const MAX_CLAIMS_BYTES = 8 << 20;

const loaded = init();
// Reported by whoever awaits it (the automatic mount below warns).
loaded.catch(() => {});
let widget = null;

function warn(message) {
  console.warn(`Fonte: ${message}`);
}

async function loadClaims(target, url) {
  let href;
  try {
    href = new URL(url, document.baseURI);
  } catch {
    return warn(`data-claims is not a URL: ${url}; using the bundled claims`);
  }
  if (href.protocol !== "https:" && href.protocol !== "http:") {
    return warn(`data-claims must be an http(s) URL, not ${href.protocol}; using the bundled claims`);
  }
  try {
    const response = await fetch(href, { credentials: "omit", referrerPolicy: "no-referrer" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const length = Number(response.headers.get("content-length"));
    if (length > MAX_CLAIMS_BYTES) throw new Error(`${length} bytes is too big`);
    const json = await response.text();
    if (json.length > MAX_CLAIMS_BYTES) throw new Error("too big");
    if (target === widget) target.setClaims(json);
  } catch (error) {
    warn(`could not load claims from ${href}: ${error.message ?? error}; using the bundled claims`);
  }
}

/**
 * Mounts the widget (unmounting any previous one): selections inside
 * `options.root` get a tooltip. Resolves once `options.claims`, if given,
 * has loaded or failed (failures warn and keep the bundled claims).
 */
export async function mount(options = {}) {
  await loaded;
  unmount();
  const { claims, ...rest } = options;
  const mounted = mountWidget(rest);
  widget = mounted;
  if (claims) await loadClaims(mounted, claims);
}

/** Removes the tooltip and every listener. */
export function unmount() {
  if (widget) {
    widget.unmount();
    widget.free();
    widget = null;
  }
}

/**
 * Checks a text with the mounted widget's claims and language (or the
 * bundled claims when nothing is mounted). Also dispatched as `fonte:result`.
 */
export async function check(text, lang) {
  await loaded;
  return widget ? widget.check(String(text), lang) : checkBundled(String(text), lang);
}

// The tag that loaded this module: module scripts have no currentScript.
const tag = Array.from(document.querySelectorAll("script[src]")).find((s) => s.src === import.meta.url);

/**
 * Settles once the widget is mounted from the script tag (with its
 * data-claims loaded or failed), or, when imported from code, once the wasm
 * module is ready. Never rejects: failures are console warnings.
 */
const { root, lang, theme, claims } = tag?.dataset ?? {};
export const ready = tag
  ? mount({ root, lang, theme, claims }).catch((error) => warn(`not mounted: ${error.message ?? error}`))
  : loaded.then(
      () => {},
      (error) => warn(`could not start: ${error.message ?? error}`),
    );
