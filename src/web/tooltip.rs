//! The tooltip's DOM: a host element with an open shadow root holding the
//! dialog and a live region, and the rendering of one [`CheckResult`] into it.
//!
//! Every piece of data (names, roles, quotes, explanations) reaches the DOM
//! through `textContent`; no markup is ever parsed from a string.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    CssStyleSheet, Document, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

use super::strings::{icon, Strings};
use crate::verdict::{CheckResult, Verdict};

/// The host element's tag: a custom-element name, which no page stylesheet
/// targets by accident and no browser gives default styles.
pub const HOST_TAG: &str = "fonte-tooltip";

const STYLE: &str = include_str!("tooltip.css");

/// The tooltip's parts that change after it is built.
pub(crate) struct Tooltip {
    pub host: HtmlElement,
    pub shadow: ShadowRoot,
    pub dialog: HtmlElement,
    pub close: HtmlElement,
    pub live: Element,
    icon: Element,
    verdict: Element,
    body: Element,
}

fn element(document: &Document, tag: &str, class: &str) -> Result<Element, JsValue> {
    let element = document.create_element(tag)?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    Ok(element)
}

fn text(
    document: &Document,
    parent: &Element,
    tag: &str,
    class: &str,
    content: &str,
) -> Result<Element, JsValue> {
    let element = element(document, tag, class)?;
    element.set_text_content(Some(content));
    parent.append_child(&element)?;
    Ok(element)
}

impl Tooltip {
    /// Builds the hidden tooltip and appends its host to `<body>`.
    pub fn build(document: &Document, theme: Option<&str>) -> Result<Tooltip, JsValue> {
        let host: HtmlElement = document.create_element(HOST_TAG)?.dyn_into()?;
        if let Some(theme) = theme {
            host.set_attribute("data-theme", theme)?;
        }
        let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
        // A constructed stylesheet rather than a <style> element: a strict
        // Content-Security-Policy without 'unsafe-inline' blocks the latter.
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(STYLE)?;
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));

        let dialog: HtmlElement = element(document, "div", "tip")?.dyn_into()?;
        dialog.set_attribute("role", "dialog")?;
        dialog.set_attribute("aria-labelledby", "fonte-app fonte-verdict")?;
        dialog.set_attribute("tabindex", "-1")?;
        dialog.set_hidden(true);

        let head = element(document, "div", "head")?;
        let badge = element(document, "span", "badge")?;
        let icon = text(document, &badge, "span", "icon", "")?;
        icon.set_attribute("aria-hidden", "true")?;
        // Names the dialog "Fonte: <verdict>" for screen readers.
        text(document, &badge, "span", "sr", "Fonte:")?.set_id("fonte-app");
        let verdict = text(document, &badge, "span", "", "")?;
        verdict.set_id("fonte-verdict");
        head.append_child(&badge)?;
        let close: HtmlElement = text(document, &head, "button", "close", "×")?.dyn_into()?;
        close.set_attribute("type", "button")?;
        dialog.append_child(&head)?;
        let body = element(document, "div", "body")?;
        dialog.append_child(&body)?;
        shadow.append_child(&dialog)?;

        // Outside the dialog, so it stays in the accessibility tree while the
        // dialog is hidden, and present before its text first changes.
        let live = element(document, "div", "sr")?;
        live.set_attribute("role", "status")?;
        live.set_attribute("aria-live", "polite")?;
        shadow.append_child(&live)?;

        document
            .body()
            .ok_or_else(|| JsValue::from_str("the page has no <body>"))?
            .append_child(&host)?;
        Ok(Tooltip {
            host,
            shadow,
            dialog,
            close,
            live,
            icon,
            verdict,
            body,
        })
    }

    /// Fills the dialog with `result`, in the interface language `ui`;
    /// `quote_lang` is the language of the source document.
    pub fn render(
        &self,
        result: &CheckResult,
        ui: &Strings,
        ui_lang: &str,
        quote_lang: &str,
    ) -> Result<(), JsValue> {
        let document = self
            .host
            .owner_document()
            .ok_or_else(|| JsValue::from_str("the tooltip is not in a document"))?;
        let verdict = result.verdict;
        self.dialog
            .set_attribute("data-verdict", verdict.as_str())?;
        self.dialog.set_attribute("lang", ui_lang)?;
        self.icon.set_text_content(Some(icon(verdict)));
        self.verdict.set_text_content(Some(ui.verdict(verdict)));
        self.close.set_attribute("aria-label", ui.close)?;
        self.close.set_title(ui.close);

        let body = &self.body;
        body.set_text_content(None);
        // "No sourced claim" stays a quiet one-liner.
        if verdict == Verdict::NoMatch {
            return Ok(());
        }
        if let Some(claim) = &result.claim {
            let who = text(&document, body, "p", "who", "")?;
            if verdict == Verdict::Misattributed {
                text(&document, &who, "span", "role", &format!("{} ", ui.said_by))?;
            }
            text(&document, &who, "b", "", &claim.speaker)?;
            if !claim.speaker_role.is_empty() {
                let role = format!(" · {}", claim.speaker_role);
                text(&document, &who, "span", "role", &role)?;
            }
            if let (Verdict::Misattributed, Some(named)) = (verdict, &result.attributed_to) {
                let who = text(&document, body, "p", "who named", "")?;
                text(
                    &document,
                    &who,
                    "span",
                    "role",
                    &format!("{} ", ui.text_names),
                )?;
                text(&document, &who, "b", "", named)?;
            }
            if verdict == Verdict::Contradicted {
                text(&document, body, "p", "label", ui.report_says)?;
            }
            text(&document, body, "blockquote", "", &claim.quote)?
                .set_attribute("lang", quote_lang)?;
            let meta: Vec<String> = [
                claim.source.clone(),
                ui.date(&claim.date),
                claim.place.clone(),
            ]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect();
            text(&document, body, "p", "meta", &meta.join(" · "))?;
        }
        if !result.explanation.is_empty() {
            text(&document, body, "p", "why", &result.explanation)?;
        }
        if result.parts.len() > 1 {
            text(&document, body, "p", "label", ui.sentences)?;
            let list = text(&document, body, "ul", "parts", "")?;
            for part in &result.parts {
                let item = text(&document, &list, "li", "", "")?;
                text(&document, &item, "span", "icon", icon(part.verdict))?
                    .set_attribute("aria-hidden", "true")?;
                let mut line = ui.verdict(part.verdict).to_owned();
                if let Some(claim) = &part.claim {
                    line.push_str(" · ");
                    line.push_str(&claim.speaker);
                }
                text(&document, &item, "span", "", &line)?;
            }
        }
        if result.truncated {
            text(&document, body, "p", "meta", ui.truncated)?;
        }
        text(&document, body, "p", "hint", ui.hint)?;
        Ok(())
    }

    /// What the live region says for `result`: the verdict and the speaker.
    pub fn announcement(result: &CheckResult, ui: &Strings) -> String {
        let mut line = format!("{}: {}.", ui.app, ui.verdict(result.verdict));
        if let Some(claim) = &result.claim {
            line.push(' ');
            line.push_str(&claim.speaker);
            line.push('.');
        }
        line
    }
}
