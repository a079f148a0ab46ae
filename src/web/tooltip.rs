//! The tooltip's DOM: a host element with an open shadow root holding the
//! dialog and a live region, and the rendering of one [`CheckResult`] into it.
//!
//! Every piece of data (names, roles, quotes, explanations) reaches the DOM
//! through `textContent`; no markup is ever parsed from a string.

use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, Document, HtmlElement, Node, ShadowRoot};

use super::strings::{icon, Strings};
use super::{append, dom, set_attr};
use crate::verdict::{CheckResult, Verdict};

/// The host element's tag: a custom-element name, which no page stylesheet
/// targets by accident and no browser gives default styles.
pub const HOST_TAG: &str = "fonte-tooltip";

/// The stylesheet as shipped: `tooltip.css` without its comments and
/// optional whitespace, done at compile time so the source stays readable.
const STYLE: &str = {
    const SRC: &[u8] = include_str!("tooltip.css").as_bytes();
    const LEN: usize = minify_css(SRC, &mut []);
    const OUT: [u8; LEN] = {
        let mut out = [0; LEN];
        minify_css(SRC, &mut out);
        out
    };
    match std::str::from_utf8(&OUT) {
        Ok(css) => css,
        Err(_) => panic!("minify_css split a character"),
    }
};

/// Copies `src` into `out` without `/* comments */`, with runs of whitespace
/// made one space, with no space next to `{ } ; , >` or after `:`, and no
/// `;` before `}`; quoted strings are kept as they are. Returns the length
/// of the result, which is only counted where `out` is too short (call it
/// with an empty `out` to size the buffer).
const fn minify_css(src: &[u8], out: &mut [u8]) -> usize {
    const fn tight(c: u8) -> bool {
        matches!(c, b'{' | b'}' | b';' | b',' | b'>')
    }
    let mut n = 0;
    let mut i = 0;
    let mut last = 0;
    let mut space = false;
    let mut quote = 0;
    while i < src.len() {
        let c = src[i];
        i += 1;
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'/' && i < src.len() && src[i] == b'*' {
            i += 1;
            while i + 1 < src.len() && !(src[i] == b'*' && src[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
            continue;
        } else if c.is_ascii_whitespace() {
            space = true;
            continue;
        } else if c == b'"' || c == b'\'' {
            quote = c;
        }
        if space && n > 0 && !tight(last) && last != b':' && !tight(c) {
            if n < out.len() {
                out[n] = b' ';
            }
            n += 1;
        }
        space = false;
        if c == b'}' && last == b';' && quote == 0 {
            // The last declaration of a block needs no `;`.
            n -= 1;
        }
        if n < out.len() {
            out[n] = c;
        }
        n += 1;
        last = c;
    }
    n
}

/// The tooltip's parts that change after it is built.
pub(crate) struct Tooltip {
    document: Document,
    pub host: HtmlElement,
    pub shadow: ShadowRoot,
    pub dialog: HtmlElement,
    pub close: HtmlElement,
    pub live: HtmlElement,
    icon: HtmlElement,
    verdict: HtmlElement,
    body: HtmlElement,
}

fn element(document: &Document, tag: &str, class: &str) -> HtmlElement {
    let element = dom(document).create(tag);
    if !class.is_empty() {
        set_attr(&element, "class", class);
    }
    element
}

/// A new `tag` element with `content` as its text, appended to `parent`.
fn text(document: &Document, parent: &Node, tag: &str, class: &str, content: &str) -> HtmlElement {
    let element = element(document, tag, class);
    element.set_text_content(Some(content));
    append(parent, &element);
    element
}

impl Tooltip {
    /// Builds the hidden tooltip and appends its host to `<body>`.
    pub fn build(document: &Document, theme: Option<&str>) -> Result<Tooltip, JsValue> {
        let body = document
            .body()
            .ok_or_else(|| JsValue::from_str("the page has no <body>"))?;
        let host = element(document, HOST_TAG, "");
        if let Some(theme) = theme {
            set_attr(&host, "data-theme", theme);
        }
        // The init dictionary from JSON, as in `dispatch`; a fresh element
        // always takes a shadow root.
        let shadow = dom(&host).attach_shadow(&js_sys::JSON::parse(r#"{"mode":"open"}"#)?);
        // A constructed stylesheet rather than a <style> element: a strict
        // Content-Security-Policy without 'unsafe-inline' blocks the latter.
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(STYLE)?;
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));

        let dialog = element(document, "div", "tip");
        set_attr(&dialog, "role", "dialog");
        set_attr(&dialog, "aria-labelledby", "fonte-app fonte-verdict");
        set_attr(&dialog, "tabindex", "-1");
        dialog.set_hidden(true);

        let head = text(document, &dialog, "div", "head", "");
        let badge = text(document, &head, "span", "badge", "");
        let icon = text(document, &badge, "span", "icon", "");
        set_attr(&icon, "aria-hidden", "true");
        // Names the dialog "Fonte: <verdict>" for screen readers.
        set_attr(
            &text(document, &badge, "span", "sr", "Fonte:"),
            "id",
            "fonte-app",
        );
        let verdict = text(document, &badge, "span", "", "");
        set_attr(&verdict, "id", "fonte-verdict");
        let close = text(document, &head, "button", "close", "×");
        set_attr(&close, "type", "button");
        let content = text(document, &dialog, "div", "body", "");
        append(&shadow, &dialog);

        // Outside the dialog, so it stays in the accessibility tree while the
        // dialog is hidden, and present before its text first changes.
        let live = text(document, &shadow, "div", "sr", "");
        set_attr(&live, "role", "status");
        set_attr(&live, "aria-live", "polite");

        append(&body, &host);
        Ok(Tooltip {
            document: document.clone(),
            host,
            shadow,
            dialog,
            close,
            live,
            icon,
            verdict,
            body: content,
        })
    }

    /// Fills the dialog with `result`, in the interface language `ui`;
    /// `quote_lang` is the language of the source document.
    pub fn render(&self, result: &CheckResult, ui: &Strings, ui_lang: &str, quote_lang: &str) {
        let document = &self.document;
        let verdict = result.verdict;
        set_attr(&self.dialog, "data-verdict", verdict.as_str());
        set_attr(&self.dialog, "lang", ui_lang);
        self.icon.set_text_content(Some(icon(verdict)));
        self.verdict.set_text_content(Some(ui.verdict(verdict)));
        set_attr(&self.close, "aria-label", ui.close);
        set_attr(&self.close, "title", ui.close);

        let body = &self.body;
        body.set_text_content(None);
        // "No sourced claim" stays a quiet one-liner.
        if verdict == Verdict::NoMatch {
            return;
        }
        if let Some(claim) = &result.claim {
            let who = text(document, body, "p", "who", "");
            if verdict == Verdict::Misattributed {
                text(document, &who, "span", "role", ui.said_by);
            }
            text(document, &who, "b", "", &claim.speaker);
            if !claim.speaker_role.is_empty() {
                let role = [" · ", &claim.speaker_role].concat();
                text(document, &who, "span", "role", &role);
            }
            if let (Verdict::Misattributed, Some(named)) = (verdict, &result.attributed_to) {
                let who = text(document, body, "p", "who named", "");
                text(document, &who, "span", "role", ui.text_names);
                text(document, &who, "b", "", named);
            }
            if verdict == Verdict::Contradicted {
                text(document, body, "p", "label", ui.report_says);
            }
            let quote = text(document, body, "blockquote", "", &claim.quote);
            set_attr(&quote, "lang", quote_lang);
            let date = ui.date(&claim.date);
            let mut meta = String::new();
            for part in [claim.source.as_str(), &date, &claim.place] {
                if !part.is_empty() {
                    if !meta.is_empty() {
                        meta.push_str(" · ");
                    }
                    meta.push_str(part);
                }
            }
            text(document, body, "p", "meta", &meta);
        }
        if !result.explanation.is_empty() {
            text(document, body, "p", "why", &result.explanation);
        }
        if result.parts.len() > 1 {
            text(document, body, "p", "label", ui.sentences);
            let list = text(document, body, "ul", "parts", "");
            for part in &result.parts {
                let item = text(document, &list, "li", "", "");
                let mark = text(document, &item, "span", "icon", icon(part.verdict));
                set_attr(&mark, "aria-hidden", "true");
                let mut line = ui.verdict(part.verdict).to_owned();
                if let Some(claim) = &part.claim {
                    line.push_str(" · ");
                    line.push_str(&claim.speaker);
                }
                text(document, &item, "span", "", &line);
            }
        }
        if result.truncated {
            text(document, body, "p", "meta", ui.truncated);
        }
        text(document, body, "p", "hint", ui.hint);
    }

    /// What the live region says for `result`: the verdict and the speaker.
    pub fn announcement(result: &CheckResult, ui: &Strings) -> String {
        let mut line = [ui.app, ": ", ui.verdict(result.verdict), "."].concat();
        if let Some(claim) = &result.claim {
            line.push(' ');
            line.push_str(&claim.speaker);
            line.push('.');
        }
        line
    }
}
