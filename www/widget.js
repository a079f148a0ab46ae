// Fonte's widget: the only code that touches the page. It listens to the
// reader's selections, asks the engine (the wasm matching core) about them
// and shows the answer in a tooltip.
//
//   strings     every word the tooltip shows, in Italian and English
//   place()     where the tooltip goes: plain arithmetic on viewport boxes
//   clip(), rangeText()   the selection as the text to check
//   Tooltip     the tooltip's DOM, in an open shadow root
//   mountWidget()         the mounted widget: listeners, timers, focus
//
// Self-contained (no imports): the loader (fonte.js) passes it an engine,
// and the browser tests (tests/widget.rs) load it on its own. Every piece of
// data (names, roles, quotes, explanations) reaches the DOM through
// `textContent`; no markup is ever parsed from a string.

/** How long the selection must stay still before a keyboard or touch
 * selection is checked (mouse selections are checked on `mouseup`). */
const SETTLE_MS = 300;
/** Selections of fewer words are not checked: a double-clicked word is a
 * reader looking something up, not quoting a claim. */
const MIN_WORDS = 2;
/** How long the quiet "no sourced claim" note stays up. */
const NO_MATCH_MS = 4000;
/** Delay between clearing and filling the live region, so that screen
 * readers notice the change even when the text repeats. */
const ANNOUNCE_MS = 150;

/** The host element's tag: a custom-element name, which no page stylesheet
 * targets by accident and no browser gives default styles. */
export const HOST_TAG = "fonte-tooltip";

// ---------------------------------------------------------------------------
// Strings

const VERDICTS = ["supported", "misattributed", "contradicted", "no_match"];
/** The glyph beside the badge text, per verdict; the text, not the colour or
 * the glyph, carries the meaning. */
const ICONS = ["✓", "⇄", "✕", "?"];

/** The tooltip's interface text per language. `said_by` and `names` end with
 * the space before the name. */
const STRINGS = {
  it: {
    verdicts: [
      "Confermato dalla fonte",
      "Attribuzione errata",
      "Smentito dalla fonte",
      "Nessuna affermazione documentata trovata",
    ],
    close: "Chiudi",
    saidBy: "Secondo il resoconto: ",
    names: "Il testo lo attribuisce a: ",
    reportSays: "Il resoconto dice invece:",
    sentences: "Frasi verificate",
    truncated: "Testo molto lungo: è stato verificato solo l’inizio.",
    hint: "Alt+Maiusc+F per entrare nel riquadro, Esc per chiudere",
    // Day, month name, year: "6 gennaio 2026".
    locale: "it",
  },
  en: {
    verdicts: ["Supported by the source", "Misattributed", "Contradicted by the source", "No sourced claim found"],
    close: "Close",
    saidBy: "According to the report: ",
    names: "The text attributes it to: ",
    reportSays: "What the report actually says:",
    sentences: "Sentences checked",
    truncated: "Very long text: only its beginning was checked.",
    hint: "Alt+Shift+F to move into this box, Esc to close",
    // "6 January 2026", as in the explanations (plain "en" puts the month first).
    locale: "en-GB",
  },
};

/** `it` or `en` from a language tag such as `en-GB`; undefined otherwise. */
export function parseLang(tag) {
  const primary = typeof tag === "string" ? tag.split(/[-_]/)[0].toLowerCase() : "";
  return primary === "it" || primary === "en" ? primary : undefined;
}

/** `2026-01-06` as "6 gennaio 2026" / "6 January 2026"; anything else as is. */
function longDate(iso, ui) {
  const parts = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso);
  const date = parts && new Date(Date.UTC(+parts[1], parts[2] - 1, +parts[3]));
  // Date.UTC rolls 2026-02-31 over into March: such a date is shown as is.
  if (!date || date.getUTCDate() !== +parts[3]) return iso;
  return date.toLocaleDateString(ui.locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

// ---------------------------------------------------------------------------
// Placement

/** Distance kept from the viewport edges. */
const MARGIN = 8;
/** Distance from the selected text with a mouse or keyboard. */
const GAP = 8;
/** Distance from the selected text on touch screens, where the selection
 * handles hang below the last line. */
const TOUCH_GAP = 28;
/** Below this much room the tooltip is not squeezed onto a side. */
const MIN_HEIGHT = 96;

/**
 * Places a `width` x `height` tooltip for a selection whose last line box is
 * `last` ({left, top, right, bottom}) and whose first line starts at `top`,
 * in a `viewportW` x `viewportH` viewport.
 *
 * The tooltip goes below the last line when it fits there, else above the
 * first line when it fits there, else on the roomier side (scrolling within
 * it). Touch screens prefer below even more: the phone's own copy bar sits
 * above the selection. Either way the selected text stays uncovered, and the
 * tooltip is shifted sideways to stay in the viewport.
 *
 * @returns {{left: number, top: number, below: boolean, maxHeight: number}}
 */
export function place(last, top, width, height, viewportW, viewportH, touch) {
  const belowStart = last.bottom + (touch ? TOUCH_GAP : GAP);
  const roomBelow = viewportH - MARGIN - belowStart;
  const roomAbove = top - GAP - MARGIN;
  const below =
    roomBelow >= height ||
    (roomAbove < height && (roomBelow >= roomAbove || (touch && roomBelow >= MIN_HEIGHT)));
  const maxHeight = Math.max(below ? roomBelow : roomAbove, MIN_HEIGHT);
  const maxLeft = Math.max(viewportW - MARGIN - width, MARGIN);
  // `|| MARGIN`: a detached range measures NaN, which Math.max passes on.
  const left = Math.min(Math.max(last.left, MARGIN), maxLeft) || MARGIN;
  return {
    left,
    top: below ? belowStart : top - GAP - Math.min(height, maxHeight),
    below,
    maxHeight,
  };
}

// ---------------------------------------------------------------------------
// The selection as text
//
// `Selection.toString()` differs between browsers at block boundaries and
// includes hidden text; walking the range ourselves gives one answer
// everywhere: inline elements join, block elements are separated by a line
// break, whitespace collapses as it does on screen, and Fonte's own tooltip
// (and scripts, styles, hidden elements) contribute nothing.

/** Where editing happens: the reader's own text is never checked. */
const EDITABLE = "input,textarea,select,[contenteditable]:not([contenteditable=false i])";
/** Elements whose content never reaches the checked text. */
const SKIPPED = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|svg)$/;
/** Elements that start a new line of text. */
const BLOCKS =
  /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DETAILS|DIV|DL|DT|FIELDSET|FIGCAPTION|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|SUMMARY|TABLE|TD|TH|TR|UL)$/;

/** Whether a node is inside a form field or an editable region. */
function inEditable(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!element?.closest(EDITABLE);
}

/** Whether the focused element is a form field or an editable region:
 * browsers report selections inside `<input>` inconsistently, but the
 * focus is always there. */
function focusInEditable(document) {
  return !!document.activeElement?.matches(EDITABLE);
}

/**
 * `range` cut to the contents of `root` (a copy; `range` is untouched);
 * null when nothing of it is inside `root`. Throws when the two cannot be
 * compared (a range in another document).
 */
export function clip(range, root) {
  const bounds = root.ownerDocument.createRange();
  bounds.selectNodeContents(root);
  const clipped = range.cloneRange();
  if (clipped.compareBoundaryPoints(Range.START_TO_START, bounds) < 0) clipped.setStart(root, 0);
  if (clipped.compareBoundaryPoints(Range.END_TO_END, bounds) > 0) clipped.setEnd(root, root.childNodes.length);
  return clipped.collapsed ? null : clipped;
}

/** The text of `range` as it reads on screen, skipping the subtree of
 * `skip` (the tooltip's host). */
export function rangeText(range, skip) {
  let out = "";
  let space = false;
  const lineBreak = () => {
    space = false;
    if (out && !out.endsWith("\n")) out += "\n";
  };
  const walk = (node) => {
    if (node === skip) return;
    if (node.nodeType === Node.TEXT_NODE) {
      const from = node === range.startContainer ? range.startOffset : 0;
      const to = node === range.endContainer ? range.endOffset : node.length;
      for (const word of node.data.slice(from, to).split(/(\s+)/)) {
        if (!word) continue;
        if (/^\s/.test(word)) {
          space = true;
        } else {
          if (space && out && !out.endsWith("\n")) out += " ";
          space = false;
          out += word;
        }
      }
      return;
    }
    let block = false;
    if (node.nodeType === Node.ELEMENT_NODE) {
      if (SKIPPED.test(node.tagName) || node.hasAttribute("hidden") || node.getAttribute("aria-hidden") === "true") {
        return;
      }
      if (node.tagName === "BR") return lineBreak();
      block = BLOCKS.test(node.tagName);
    }
    if (block) lineBreak();
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (range.intersectsNode(child)) walk(child);
    }
    if (block) lineBreak();
  };
  walk(range.commonAncestorContainer);
  return out.trimEnd();
}

// ---------------------------------------------------------------------------
// The tooltip's DOM

/** The stylesheet, adopted by the tooltip's shadow root only: nothing here
 * can reach the page, and the page's rules cannot reach inside. The release
 * build minifies it (scripts/lib/minify.mjs). */
const STYLE = /* css */ `
/* Sizes are in em of the host, which resets to the reader's default font
   size (all: initial), so the tooltip follows browser zoom and the reader's
   font setting but not a page's html { font-size: 62.5% }. */
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  z-index: 2147483647 !important;
}
.tip {
  color-scheme: light dark;
  --bg: light-dark(#ffffff, #1f2026);
  --fg: light-dark(#1d1d22, #ececf1);
  --muted: light-dark(#55555f, #b4b4bf);
  --line: light-dark(#d5d5dd, #3d3e48);
  --quote: light-dark(#f4f4f7, #2a2b33);
  --focus: light-dark(#1f57c3, #8ab4ff);
  --v: var(--muted);
  --vbg: var(--quote);
  position: fixed;
  top: 0;
  left: 0;
  box-sizing: border-box;
  width: max-content;
  max-width: min(28em, calc(100vw - 16px));
  margin: 0;
  padding: 0.75em 0.875em 0.8em;
  overflow: auto;
  overscroll-behavior: contain;
  font: 400 0.9375em/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  color: var(--fg);
  background: var(--bg);
  border: 1px solid var(--line);
  border-left: 0.3em solid var(--v);
  border-radius: 0.625em;
  box-shadow: 0 0.6em 1.6em rgb(0 0 0 / 0.18), 0 0.1em 0.3em rgb(0 0 0 / 0.12);
  overflow-wrap: anywhere;
  text-align: start;
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}
:host([data-theme="light"]) .tip { color-scheme: light; }
:host([data-theme="dark"]) .tip { color-scheme: dark; }
.tip[hidden] { display: none; }
.tip:focus { outline: none; }
.tip:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }

.tip[data-verdict="supported"] { --v: light-dark(#14632a, #8fe0a4); --vbg: light-dark(#e2f2e5, #17361f); }
.tip[data-verdict="misattributed"] { --v: light-dark(#7a4100, #ffc977); --vbg: light-dark(#ffefd2, #3d2c0f); }
.tip[data-verdict="contradicted"] { --v: light-dark(#a1161b, #ff9f9a); --vbg: light-dark(#fde6e4, #431a1b); }
.tip[data-verdict="no_match"] { padding: 0.4em 0.4em 0.4em 0.6em; border-left-width: 1px; }

.head { display: flex; align-items: center; gap: 0.5em; }
.badge {
  display: inline-flex;
  align-items: center;
  gap: 0.45em;
  padding: 0.2em 0.7em 0.2em 0.25em;
  border-radius: 1em;
  font-weight: 650;
  font-size: 0.875em;
  line-height: 1.3;
  color: var(--v);
  background: var(--vbg);
}
.icon {
  display: inline-grid;
  place-items: center;
  flex: none;
  width: 1.5em;
  height: 1.5em;
  border-radius: 50%;
  font-size: 0.875em;
  line-height: 1;
  color: var(--bg);
  background: var(--v);
}
.close {
  flex: none;
  margin: -0.25em -0.25em -0.25em auto;
  width: 2em;
  height: 2em;
  padding: 0;
  border: 0;
  border-radius: 0.4em;
  font: inherit;
  font-size: 1.125em;
  line-height: 1;
  color: var(--muted);
  background: transparent;
  cursor: pointer;
}
.close:hover { color: var(--fg); background: var(--quote); }
.close:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }

p { margin: 0.6em 0 0; }
.who b { font-weight: 650; }
.named { margin-top: 0.15em; }
.role { color: var(--muted); }
.label { margin-top: 0.7em; font-size: 0.8125em; color: var(--muted); }
.label + p, .label + blockquote { margin-top: 0.15em; }
blockquote {
  margin: 0.6em 0 0;
  padding: 0.5em 0.75em;
  border-left: 0.2em solid var(--line);
  border-radius: 0.3em;
  background: var(--quote);
  font-family: Georgia, "Iowan Old Style", "Noto Serif", "Times New Roman", serif;
  font-size: 0.9375em;
  line-height: 1.5;
}
.meta { margin-top: 0.35em; font-size: 0.8125em; color: var(--muted); }
.parts { margin: 0.15em 0 0; padding: 0; list-style: none; font-size: 0.875em; }
.parts li { margin-top: 0.2em; }
.parts .icon { width: 1.35em; height: 1.35em; margin-right: 0.4em; }
.hint { margin-top: 0.7em; font-size: 0.75em; color: var(--muted); }
@media (pointer: coarse) { .hint { display: none; } }

/* Read by screen readers, not shown. */
.sr {
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  border: 0;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}

@media (prefers-reduced-motion: no-preference) {
  .tip { animation: fonte-in 140ms ease-out; }
  .tip[data-placement="above"] { --dy: -0.3em; }
}
@keyframes fonte-in {
  from { opacity: 0; transform: translateY(var(--dy, 0.3em)); }
}
@media (forced-colors: active) {
  .tip { border: 2px solid CanvasText; }
  .icon { border: 1px solid CanvasText; }
}
`;

/** A new `tag` element of class `cls` with `text` as its content, appended
 * to `parent`; `attrs` are set as attributes. */
function add(parent, tag, cls, text, attrs) {
  const element = parent.ownerDocument.createElement(tag);
  if (cls) element.className = cls;
  if (text) element.textContent = text;
  for (const name in attrs) element.setAttribute(name, attrs[name]);
  return parent.appendChild(element);
}

/** The tooltip: a host element with an open shadow root holding the dialog
 * and a live region. */
class Tooltip {
  /** Builds the hidden tooltip and appends its host to `<body>`. */
  constructor(document, theme) {
    if (!document.body) throw new Error("the page has no <body>");
    this.host = document.createElement(HOST_TAG);
    if (theme) this.host.dataset.theme = theme;
    this.shadow = this.host.attachShadow({ mode: "open" });
    // A constructed stylesheet rather than a <style> element: a strict
    // Content-Security-Policy without 'unsafe-inline' blocks the latter.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
    this.shadow.adoptedStyleSheets = [sheet];

    // Named "Fonte: <verdict>" for screen readers; not modal: the reader
    // can go on reading and selecting.
    this.dialog = add(this.shadow, "div", "tip", "", {
      role: "dialog",
      "aria-labelledby": "fonte-app fonte-verdict",
      tabindex: "-1",
    });
    this.dialog.hidden = true;
    const head = add(this.dialog, "div", "head");
    const badge = add(head, "span", "badge");
    this.icon = add(badge, "span", "icon", "", { "aria-hidden": "true" });
    add(badge, "span", "sr", "Fonte:", { id: "fonte-app" });
    this.verdict = add(badge, "span", "", "", { id: "fonte-verdict" });
    this.close = add(head, "button", "close", "×", { type: "button" });
    this.body = add(this.dialog, "div", "body");
    // Outside the dialog, so it stays in the accessibility tree while the
    // dialog is hidden, and present before its text first changes.
    this.live = add(this.shadow, "div", "sr", "", { role: "status", "aria-live": "polite" });
    document.body.append(this.host);
  }

  /** Fills the dialog with `result` in the interface language `lang`;
   * `quoteLang` is the language of the source document. */
  render(result, lang, quoteLang) {
    const ui = STRINGS[lang];
    const v = VERDICTS.indexOf(result.verdict);
    const { dialog, body } = this;
    dialog.dataset.verdict = result.verdict;
    dialog.lang = lang;
    this.icon.textContent = ICONS[v];
    this.verdict.textContent = ui.verdicts[v];
    this.close.setAttribute("aria-label", ui.close);
    this.close.title = ui.close;
    body.textContent = "";
    // "No sourced claim" stays a quiet one-liner.
    if (result.verdict === "no_match") return;
    const claim = result.claim;
    if (claim) {
      const who = add(body, "p", "who");
      if (result.verdict === "misattributed") add(who, "span", "role", ui.saidBy);
      add(who, "b", "", claim.speaker);
      if (claim.speaker_role) add(who, "span", "role", ` · ${claim.speaker_role}`);
      if (result.verdict === "misattributed" && result.attributed_to) {
        const named = add(body, "p", "who named");
        add(named, "span", "role", ui.names);
        add(named, "b", "", result.attributed_to);
      }
      if (result.verdict === "contradicted") add(body, "p", "label", ui.reportSays);
      add(body, "blockquote", "", claim.quote, { lang: quoteLang });
      const meta = [claim.source, longDate(claim.date, ui), claim.place].filter(Boolean).join(" · ");
      add(body, "p", "meta", meta);
    }
    if (result.explanation) add(body, "p", "why", result.explanation);
    if (result.parts.length > 1) {
      add(body, "p", "label", ui.sentences);
      const list = add(body, "ul", "parts");
      for (const part of result.parts) {
        const item = add(list, "li");
        const p = VERDICTS.indexOf(part.verdict);
        add(item, "span", "icon", ICONS[p], { "aria-hidden": "true" });
        add(item, "span", "", ui.verdicts[p] + (part.claim ? ` · ${part.claim.speaker}` : ""));
      }
    }
    if (result.truncated) add(body, "p", "meta", ui.truncated);
    add(body, "p", "hint", ui.hint);
  }
}

/** What the live region says for `result`: the verdict and the speaker. */
function announcement(result, lang) {
  const verdict = STRINGS[lang].verdicts[VERDICTS.indexOf(result.verdict)];
  return `Fonte: ${verdict}.${result.claim ? ` ${result.claim.speaker}.` : ""}`;
}

// ---------------------------------------------------------------------------
// The mounted widget

/** A one-shot timer; starting it again restarts it. */
function timer(run) {
  let id;
  return {
    start(ms) {
      clearTimeout(id);
      id = setTimeout(run, ms);
    },
    cancel() {
      clearTimeout(id);
    },
  };
}

/** Dispatches `result` on the document as a `fonte:result` event, as for
 * every result Fonte gives (a selection's, or `check()`'s); returns it. */
export function dispatchResult(result) {
  document.dispatchEvent(new CustomEvent("fonte:result", { detail: result }));
  return result;
}

/** The tooltip language: the option, else `<html lang>`, else the browser's,
 * else Italian. */
function resolveLang(document, wanted) {
  return parseLang(wanted) ?? parseLang(document.documentElement.lang) ?? parseLang(navigator.language) ?? "it";
}

/**
 * Mounts the widget on the page: selections inside `options.root` (a CSS
 * selector; default `<body>`) are checked with `engine` and explained in a
 * tooltip, in `options.lang` (`it` or `en`) with `options.theme` (`auto`,
 * `light` or `dark`). Options that are not strings are ignored. Throws when
 * `root` is not a valid CSS selector.
 *
 * `engine` answers `check(text, lang)` with a result as JSON and tells
 * `documentLang`, the language of the source its quotes come from (the
 * wasm module's Engine). Every result is dispatched as `fonte:result`.
 */
export function mountWidget(engine, options) {
  const document = globalThis.document;
  const window = document.defaultView;
  const option = (name) => (typeof options?.[name] === "string" ? options[name] : undefined);
  const root = option("root")?.trim() || undefined;
  // Surfaces an invalid selector now (a SyntaxError) rather than on every selection.
  if (root) document.querySelector(root);
  const lang = resolveLang(document, option("lang"));
  const theme = /^(light|dark)$/.test(option("theme")) ? option("theme") : undefined;

  let tip = null;
  /** The checked selection, clipped to the root; the tooltip follows it. */
  let range = null;
  /** The text last checked from a settled selection. */
  let lastText = null;
  /** Where focus was before the shortcut moved it into the tooltip. */
  let returnFocus = null;
  let open = false;
  let mounted = true;
  /** Whether the last pointer was a finger; undefined before any pointer. */
  let touch;
  /** Whether the last pointer press was inside the tooltip. */
  let pointerInTip = false;
  let said = "";

  const settle = timer(() => checkSelection(false));
  const announce = timer(() => tip && (tip.live.textContent = said));
  const autohide = timer(() => focusInTip() || close(false));
  const listeners = [];

  const listen = (target, kind, handler, capture = false) => {
    // A failing handler must not break the page's own listeners.
    const guarded = (event) => {
      try {
        handler(event);
      } catch (error) {
        console.warn("Fonte:", error);
      }
    };
    target.addEventListener(kind, guarded, capture);
    listeners.push(() => target.removeEventListener(kind, guarded, capture));
  };

  // Events from a shadow tree reach the document retargeted to the host,
  // which has no light DOM children.
  const eventInTip = (event) => !!tip && tip.host.contains(event.target);
  const focusInTip = () => !!tip?.shadow.activeElement;

  const tooltip = () => {
    if (!tip) {
      tip = new Tooltip(document, theme);
      listen(tip.close, "click", () => close(true));
    } else if (!tip.host.isConnected) {
      // A page script replaced <body>'s content: put the host back.
      document.body?.append(tip.host);
    }
    return tip;
  };

  const check = (text, wanted) =>
    dispatchResult(JSON.parse(widget.engine.check(text, parseLang(wanted) ?? lang)));

  const show = (result, shownRange) => {
    if (!mounted) return;
    const t = tooltip();
    t.render(result, lang, widget.engine.documentLang);
    range = shownRange;
    open = true;
    t.dialog.hidden = false;
    position();
    t.live.textContent = "";
    said = announcement(result, lang);
    announce.start(ANNOUNCE_MS);
    if (result.verdict === "no_match") autohide.start(NO_MATCH_MS);
    else autohide.cancel();
  };

  const close = (restoreFocus) => {
    if (!open) return;
    open = false;
    const focusWasInside = focusInTip();
    range = null;
    pointerInTip = false;
    autohide.cancel();
    announce.cancel();
    tip.dialog.hidden = true;
    const back = returnFocus;
    returnFocus = null;
    if (focusWasInside) {
      if (back && restoreFocus && back !== document.body) back.focus();
      // Nowhere to go back to: leave focus on the page, not on a hidden dialog.
      else tip.shadow.activeElement?.blur();
    }
  };

  /** Places the open tooltip next to its selection (see `place`). */
  const position = () => {
    const { dialog } = tip;
    if (!range) {
      dialog.style.cssText = "left:8px;top:8px";
      return;
    }
    let last;
    let top = Infinity;
    for (const r of range.getClientRects()) {
      // Line boxes of zero width mark a selection that ends at the start of
      // the next block: not where the reader looks.
      if (r.width > 0 && r.height > 0) {
        top = Math.min(top, r.top);
        last = r;
      }
    }
    if (!last) {
      last = range.getBoundingClientRect();
      top = last.top;
    }
    const html = document.documentElement;
    // The height without `max-height`, measured without removing it:
    // removing it would scroll a tooltip the reader has scrolled back to
    // its top on every page scroll.
    const height = dialog.scrollHeight + dialog.offsetHeight - dialog.clientHeight;
    const finger = touch ?? window.matchMedia("(pointer: coarse)").matches;
    const p = place(last, top, dialog.offsetWidth, height, html.clientWidth, html.clientHeight, finger);
    // Through the CSSOM, which a strict Content-Security-Policy allows (a
    // `style` attribute it would block).
    dialog.style.cssText = `left:${Math.round(p.left)}px;top:${Math.round(p.top)}px;max-height:${Math.round(p.maxHeight)}px`;
    dialog.dataset.placement = p.below ? "below" : "above";
  };

  /** Moves focus into the open tooltip, remembering where it was. */
  const focusTooltip = () => {
    if (!tip || !open) return;
    if (!focusInTip()) {
      const active = document.activeElement;
      returnFocus = active === tip.host ? null : active;
    }
    autohide.cancel();
    tip.dialog.focus();
  };

  /** The element selections must be inside, if it is on the page. */
  const rootNode = () => (root ? document.querySelector(root) : document.body);

  /** Checks the current selection unless it is one to ignore; `force`
   * re-checks a selection already shown. */
  const checkSelection = (force) => {
    const selection = document.getSelection();
    if (!selection?.rangeCount || selection.isCollapsed || focusInEditable(document)) return;
    const selected = selection.getRangeAt(0);
    if (inEditable(selected.startContainer) || inEditable(selected.endContainer)) return;
    const within = rootNode();
    const clipped = within && clip(selected, within);
    if (!clipped) return;
    const text = rangeText(clipped, tip?.host);
    const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (words.length < MIN_WORDS || (!force && text === lastText)) return;
    lastText = text;
    const result = JSON.parse(widget.engine.check(text, lang));
    show(result, clipped);
    dispatchResult(result);
  };

  listen(
    document,
    "pointerdown",
    (event) => {
      const inside = eventInTip(event);
      pointerInTip = inside;
      if (typeof event.pointerType === "string") touch = event.pointerType === "touch";
      if (!inside) close(false);
    },
    true,
  );
  listen(document, "mouseup", (event) => {
    // Not the main button (a plain `Event` a page dispatches has none).
    if (eventInTip(event) || event.button) return;
    settle.cancel();
    checkSelection(true);
  });
  listen(document, "selectionchange", () => {
    if (pointerInTip) return;
    const selection = document.getSelection();
    if (!selection?.rangeCount || selection.isCollapsed) {
      settle.cancel();
      lastText = null;
      if (!focusInTip()) close(false);
    } else {
      settle.start(SETTLE_MS);
    }
  });
  listen(
    document,
    "keydown",
    (event) => {
      if (event.key === "Escape" && open) return close(true);
      if (event.key === "Tab" && open && focusInTip()) {
        // The close button is the tooltip's only control: Tab and Shift+Tab
        // stay on it until Escape.
        event.preventDefault();
        return tip.close.focus();
      }
      // Alt+Shift+F, by physical key: on a Mac, Option+Shift+F types "Ï".
      const shortcut = event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === "KeyF";
      if (!shortcut || (focusInEditable(document) && !focusInTip())) return;
      event.preventDefault();
      if (!open) checkSelection(true);
      focusTooltip();
    },
    true,
  );
  const follow = () => open && position();
  listen(window, "scroll", follow, true);
  listen(window, "resize", follow);

  const widget = {
    /** The engine selections are checked with; replace it to change claims. */
    engine,
    /** The tooltip language in use, `it` or `en`. */
    lang,
    /** The tooltip's host element, once the tooltip has been built. */
    get host() {
      return tip?.host ?? null;
    },
    /** Whether the tooltip is showing. */
    get isOpen() {
      return open;
    },
    /** Checks `text` in the widget's language (or `lang`) and dispatches
     * `fonte:result`; shows nothing. */
    check,
    /** Shows `result` in the tooltip without a selection (at the top left
     * of the viewport): what a reader would see for it. */
    show: (result) => show(result, null),
    /** Replaces the engine; the next selection is checked again. */
    setEngine(next) {
      widget.engine = next;
      lastText = null;
    },
    /** Removes the tooltip and every listener and timer. Idempotent. */
    unmount() {
      if (!mounted) return;
      mounted = false;
      open = false;
      range = returnFocus = null;
      for (const t of [settle, announce, autohide]) t.cancel();
      for (const remove of listeners.splice(0)) remove();
      tip?.host.remove();
      tip = null;
    },
  };
  return widget;
}
