//! The mounted widget: listens to the reader's selections, checks them and
//! shows the tooltip; owns every listener and timer it registers and removes
//! them all on [`Widget::unmount`].

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleDeclaration, Document, Event, EventTarget, HtmlElement, Node, Range, Window,
};

use super::place::{place, Rect};
use super::selection::{clip, focus_in_editable, in_editable, range_text};
use super::strings::Strings;
use super::tooltip::Tooltip;
use super::{
    append, dispatch, dom, flag, num, off, on, prop, set_attr, shared_bundled, to_js, warn,
};
use crate::claims::Bundle;
use crate::matcher::Matcher;
use crate::verdict::{CheckResult, Lang, Verdict};

/// How long the selection must stay still before a keyboard or touch
/// selection is checked (mouse selections are checked on `mouseup`).
const SETTLE_MS: i32 = 300;
/// Selections of fewer words are not checked: a double-clicked word is a
/// reader looking something up, not quoting a claim.
const MIN_WORDS: usize = 2;
/// How long the quiet "no sourced claim" note stays up.
const NO_MATCH_MS: i32 = 4000;
/// Delay between clearing and filling the live region, so that screen
/// readers notice the change even when the text repeats.
const ANNOUNCE_MS: i32 = 150;

/// What a publisher can set (the loader reads them from `data-` attributes).
#[derive(Debug, Clone, Default)]
pub struct MountOptions {
    /// CSS selector of the article container; selections outside it are
    /// ignored. Default: `<body>`.
    pub root: Option<String>,
    /// Tooltip language, `"it"` or `"en"`. Default: `<html lang>`, else the
    /// browser's language, else Italian.
    pub lang: Option<String>,
    /// `"auto"` (follow the reader's system), `"light"` or `"dark"`.
    pub theme: Option<String>,
}

impl MountOptions {
    /// Reads the options from a JS object; missing, `null` or non-string
    /// fields are unset. (Read by hand: a serde deserializer for three
    /// strings would cost more bytes than the rest of the options code.)
    pub fn from_js(value: &JsValue) -> MountOptions {
        // Reading a property of a non-object fails, and reads as unset.
        let field = |name: &str| prop(value, name).as_string();
        MountOptions {
            root: field("root"),
            lang: field("lang"),
            theme: field("theme"),
        }
    }
}

/// Listeners and timers share one closure type: every distinct type ships
/// its own JS and wasm shims.
type Callback = Closure<dyn FnMut(JsValue)>;

struct Listener {
    target: EventTarget,
    kind: &'static str,
    capture: bool,
    callback: Callback,
}

/// A handler of an event or timer (timers pass no event: `undefined`).
type Handler = fn(&Inner, &Event) -> Result<(), JsValue>;

/// The JS function calling `handle` while the widget is alive.
fn callback(weak: &Weak<Inner>, handle: Handler) -> Callback {
    let weak = weak.clone();
    Closure::new(move |event: JsValue| {
        if let Some(inner) = weak.upgrade() {
            if let Err(err) = handle(&inner, event.unchecked_ref()) {
                warn(&err);
            }
        }
    })
}

/// A one-shot timer whose callback is built once and reused. The id of a
/// timer that fired stays until the next start or cancel: clearing it then
/// does nothing, as handles are not reused.
struct Timer {
    id: Cell<Option<i32>>,
    callback: Callback,
}

impl Timer {
    fn new(weak: &Weak<Inner>, run: Handler) -> Timer {
        Timer {
            id: Cell::new(None),
            callback: callback(weak, run),
        }
    }

    fn start(&self, window: &Window, ms: i32) {
        self.cancel(window);
        let id = dom(window).set_timeout(self.callback.as_ref(), ms);
        self.id.set(Some(id));
    }

    fn cancel(&self, window: &Window) {
        if let Some(id) = self.id.take() {
            window.clear_timeout_with_handle(id);
        }
    }
}

pub(crate) struct Inner {
    window: Window,
    document: Document,
    root: Option<String>,
    lang: Lang,
    theme: Option<&'static str>,
    matcher: RefCell<Rc<Matcher>>,
    tooltip: RefCell<Option<Rc<Tooltip>>>,
    /// The checked selection, clipped to the root; the tooltip follows it.
    range: RefCell<Option<Range>>,
    /// The text last checked from a settled selection.
    last_text: RefCell<Option<String>>,
    announcement: RefCell<String>,
    /// Where focus was before the shortcut moved it into the tooltip.
    return_focus: RefCell<Option<HtmlElement>>,
    open: Cell<bool>,
    mounted: Cell<bool>,
    /// Whether the last pointer was a finger; `None` before any pointer.
    touch: Cell<Option<bool>>,
    /// Whether the last pointer press was inside the tooltip.
    pointer_in_tip: Cell<bool>,
    listeners: RefCell<Vec<Listener>>,
    settle: Timer,
    announce: Timer,
    autohide: Timer,
    weak: Weak<Inner>,
}

// Rust-only docs (`concat!`): wasm-bindgen copies doc comments into the
// shipped JS glue, and the JS API is documented in `www/fonte.d.ts`.
#[doc = concat!("A mounted widget. Dropping it (or `free()` in JS) unmounts it.")]
#[wasm_bindgen]
pub struct Widget {
    inner: Rc<Inner>,
}

fn resolve_lang(document: &Document, window: &Window, wanted: Option<&str>) -> Lang {
    wanted
        .and_then(Lang::parse)
        .or_else(|| {
            // The `lang` property reflects the attribute.
            prop(&prop(document, "documentElement"), "lang")
                .as_string()
                .as_deref()
                .and_then(Lang::parse)
        })
        .or_else(|| {
            prop(&prop(window, "navigator"), "language")
                .as_string()
                .as_deref()
                .and_then(Lang::parse)
        })
        .unwrap_or_default()
}

impl Widget {
    /// Mounts the widget on the current page.
    ///
    /// # Errors
    /// When there is no window or document, or `root` is not a valid CSS
    /// selector.
    pub fn mount_with(options: &MountOptions) -> Result<Widget, JsValue> {
        let window = super::window();
        let document = window
            .document()
            .ok_or_else(|| JsValue::from_str("no document"))?;
        let root = options
            .root
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned);
        if let Some(selector) = &root {
            // Surfaces an invalid selector now rather than on every selection.
            document
                .query_selector(selector)
                .map_err(|_| JsError::new(&["invalid root selector \"", selector, "\""].concat()))
                .map_err(JsValue::from)?;
        }
        let lang = resolve_lang(&document, &window, options.lang.as_deref());
        let theme = match options.theme.as_deref() {
            Some("light") => Some("light"),
            Some("dark") => Some("dark"),
            _ => None,
        };
        let inner = Rc::new_cyclic(|weak: &Weak<Inner>| Inner {
            window: window.clone(),
            document: document.clone(),
            root,
            lang,
            theme,
            matcher: RefCell::new(shared_bundled()),
            tooltip: RefCell::new(None),
            range: RefCell::new(None),
            last_text: RefCell::new(None),
            announcement: RefCell::new(String::new()),
            return_focus: RefCell::new(None),
            open: Cell::new(false),
            mounted: Cell::new(true),
            touch: Cell::new(None),
            pointer_in_tip: Cell::new(false),
            listeners: RefCell::new(Vec::new()),
            settle: Timer::new(weak, Inner::on_settled),
            announce: Timer::new(weak, Inner::on_announce),
            autohide: Timer::new(weak, Inner::on_autohide),
            weak: weak.clone(),
        });
        let doc: &EventTarget = &document;
        let win: &EventTarget = &window;
        // No `passive` flag: it only matters for touch and wheel events,
        // which Fonte does not listen to.
        inner.listen(doc, "mouseup", false, Inner::on_mouseup);
        inner.listen(doc, "selectionchange", false, Inner::on_selectionchange);
        inner.listen(doc, "pointerdown", true, Inner::on_pointerdown);
        inner.listen(doc, "keydown", true, Inner::on_keydown);
        inner.listen(win, "scroll", true, Inner::on_viewport);
        inner.listen(win, "resize", false, Inner::on_viewport);
        Ok(Widget { inner })
    }

    /// Shows `result` in the tooltip without a selection (placed at the top
    /// left of the viewport): what a reader would see for it.
    pub fn show(&self, result: &CheckResult) -> Result<(), JsValue> {
        self.inner.show(result, None)
    }

    /// The tooltip's host element, once the tooltip has been built.
    pub fn host(&self) -> Option<HtmlElement> {
        self.inner
            .tooltip
            .borrow()
            .as_ref()
            .map(|tip| tip.host.clone())
    }

    /// Whether the tooltip is showing.
    pub fn is_open(&self) -> bool {
        self.inner.open.get()
    }

    /// The tooltip language in use.
    pub fn lang(&self) -> Lang {
        self.inner.lang
    }

    /// Checks `text` with this widget's claims, in its language (or `lang`),
    /// dispatching the `fonte:result` event.
    pub fn check_text(&self, text: &str, lang: Option<Lang>) -> Result<CheckResult, JsValue> {
        let matcher = self.inner.matcher.borrow().clone();
        let result = matcher.check_in(text, Some(lang.unwrap_or(self.inner.lang)));
        dispatch(&self.inner.document, &result)?;
        Ok(result)
    }
}

#[wasm_bindgen]
impl Widget {
    #[doc = concat!("Checks `text` with this widget's claims, answering in the widget's language unless `lang` is given, and dispatches `fonte:result`.")]
    #[wasm_bindgen(skip_jsdoc, unchecked_return_type = "CheckResult")]
    pub fn check(
        &self,
        text: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<String>,
    ) -> Result<JsValue, JsValue> {
        let lang = lang.as_deref().and_then(Lang::parse);
        to_js(&self.check_text(text, lang)?)
    }

    #[doc = concat!("Replaces the bundled claims with a bundle in the same JSON format, validated with the same rules. On error the current claims stay.")]
    #[wasm_bindgen(skip_jsdoc, js_name = setClaims)]
    pub fn set_claims(&self, json: &str) -> Result<(), JsError> {
        let bundle = Bundle::from_json(json)
            .map_err(|e| JsError::new(&["invalid claims bundle: ", &e.to_string()].concat()))?;
        *self.inner.matcher.borrow_mut() = Rc::new(Matcher::new(bundle));
        self.inner.last_text.replace(None);
        Ok(())
    }

    #[doc = concat!("Removes the tooltip and every listener and timer. Idempotent.")]
    pub fn unmount(&self) {
        self.inner.unmount();
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.inner.unmount();
    }
}

/// Appends `name` and `v` in whole pixels: printing floats, or a second
/// integer type, through `core::fmt` would ship another printer.
fn px(out: &mut String, name: &str, v: f64) {
    out.push_str(name);
    // `as` saturates, and NaN becomes 0.
    let v = v.round() as i32;
    if v < 0 {
        out.push('-');
    }
    crate::json::write_uint(out, v.unsigned_abs() as usize);
    out.push_str("px");
}

/// A `DOMRect`'s edges.
fn rect(r: &JsValue) -> Rect {
    Rect {
        left: num(r, "left"),
        top: num(r, "top"),
        right: num(r, "right"),
        bottom: num(r, "bottom"),
    }
}

impl Inner {
    fn listen(&self, target: &EventTarget, kind: &'static str, capture: bool, handle: Handler) {
        let callback = callback(&self.weak, handle);
        on(target, kind, callback.as_ref(), capture);
        self.listeners.borrow_mut().push(Listener {
            target: target.clone(),
            kind,
            capture,
            callback,
        });
    }

    fn unmount(&self) {
        if !self.mounted.replace(false) {
            return;
        }
        for timer in [&self.settle, &self.announce, &self.autohide] {
            timer.cancel(&self.window);
        }
        let listeners = std::mem::take(&mut *self.listeners.borrow_mut());
        for listener in &listeners {
            off(
                &listener.target,
                listener.kind,
                listener.callback.as_ref(),
                listener.capture,
            );
        }
        drop(listeners);
        self.open.set(false);
        self.range.replace(None);
        self.return_focus.replace(None);
        if let Some(tip) = self.tooltip.take() {
            tip.host.remove();
        }
    }

    fn host(&self) -> Option<HtmlElement> {
        self.tooltip.borrow().as_ref().map(|tip| tip.host.clone())
    }

    /// Whether an event happened inside the tooltip (events from a shadow
    /// tree reach the document retargeted to the host, which has no light
    /// DOM children).
    fn event_in_tip(&self, event: &Event) -> bool {
        self.host()
            .is_some_and(|host| dom(&host).contains(&prop(event, "target")))
    }

    fn focus_in_tip(&self) -> bool {
        self.tooltip
            .borrow()
            .as_ref()
            .is_some_and(|tip| dom(&tip.shadow).active_element().is_some())
    }

    fn on_pointerdown(&self, event: &Event) -> Result<(), JsValue> {
        let inside = self.event_in_tip(event);
        self.pointer_in_tip.set(inside);
        if let Some(kind) = prop(event, "pointerType").as_string() {
            self.touch.set(Some(kind == "touch"));
        }
        if !inside {
            self.close(false)?;
        }
        Ok(())
    }

    fn on_mouseup(&self, event: &Event) -> Result<(), JsValue> {
        if self.event_in_tip(event) {
            return Ok(());
        }
        if num(event, "button") != 0.0 {
            return Ok(());
        }
        self.settle.cancel(&self.window);
        self.check_selection(true)
    }

    fn on_selectionchange(&self, _: &Event) -> Result<(), JsValue> {
        if self.pointer_in_tip.get() {
            return Ok(());
        }
        let selection = dom(&self.window).selection();
        let empty = selection.is_none_or(|s| s.range_count() == 0 || flag(&s, "isCollapsed"));
        if empty {
            self.settle.cancel(&self.window);
            self.last_text.replace(None);
            if !self.focus_in_tip() {
                self.close(false)?;
            }
        } else {
            self.settle.start(&self.window, SETTLE_MS);
        }
        Ok(())
    }

    fn on_settled(&self, _: &Event) -> Result<(), JsValue> {
        self.check_selection(false)
    }

    fn on_keydown(&self, event: &Event) -> Result<(), JsValue> {
        // Read by name: a page may dispatch a plain `Event` named keydown.
        let flag = |name| prop(event, name).is_truthy();
        let text = |name| prop(event, name).as_string().unwrap_or_default();
        match text("key").as_str() {
            "Escape" if self.open.get() => return self.close(true),
            "Tab" if self.open.get() && self.focus_in_tip() => {
                // The close button is the tooltip's only control: Tab and
                // Shift+Tab stay on it until Escape.
                event.prevent_default();
                let close = self.tooltip.borrow().as_ref().map(|tip| tip.close.clone());
                if let Some(close) = close {
                    dom(&close).focus();
                }
                return Ok(());
            }
            _ => {}
        }
        // Alt+Shift+F, by physical key: on a Mac, Option+Shift+F types "Ï".
        let shortcut = flag("altKey")
            && flag("shiftKey")
            && !flag("ctrlKey")
            && !flag("metaKey")
            && text("code") == "KeyF";
        if !shortcut || focus_in_editable(&self.document) && !self.focus_in_tip() {
            return Ok(());
        }
        event.prevent_default();
        if !self.open.get() {
            self.check_selection(true)?;
        }
        self.focus_tooltip()
    }

    fn on_viewport(&self, _: &Event) -> Result<(), JsValue> {
        if self.open.get() {
            self.position()?;
        }
        Ok(())
    }

    fn on_close_click(&self, _: &Event) -> Result<(), JsValue> {
        self.close(true)
    }

    fn on_announce(&self, _: &Event) -> Result<(), JsValue> {
        let text = self.announcement.borrow().clone();
        if let Some(tip) = self.tooltip.borrow().as_ref() {
            tip.live.set_text_content(Some(&text));
        }
        Ok(())
    }

    fn on_autohide(&self, _: &Event) -> Result<(), JsValue> {
        if !self.focus_in_tip() {
            self.close(false)?;
        }
        Ok(())
    }

    /// Moves focus into the open tooltip, remembering where it was.
    fn focus_tooltip(&self) -> Result<(), JsValue> {
        let Some(tip) = self.tooltip.borrow().clone() else {
            return Ok(());
        };
        if !self.open.get() {
            return Ok(());
        }
        if !self.focus_in_tip() {
            // Focus can only have been on an element that has `focus()`.
            let active = dom(&self.document)
                .active_element()
                .map(JsCast::unchecked_into::<HtmlElement>);
            self.return_focus.replace(active.filter(|e| *e != tip.host));
        }
        self.autohide.cancel(&self.window);
        dom(&tip.dialog).focus();
        Ok(())
    }

    /// The element selections must be inside, if it is on the page.
    fn root_node(&self) -> Option<Node> {
        match &self.root {
            None => self.document.body().map(Node::from),
            Some(selector) => self
                .document
                .query_selector(selector)
                .ok()
                .flatten()
                .map(Node::from),
        }
    }

    /// Checks the current selection unless it is one to ignore; `force`
    /// re-checks a selection already shown.
    fn check_selection(&self, force: bool) -> Result<(), JsValue> {
        let Some(selection) = dom(&self.window).selection() else {
            return Ok(());
        };
        if selection.range_count() == 0
            || flag(&selection, "isCollapsed")
            || focus_in_editable(&self.document)
        {
            return Ok(());
        }
        let range = dom(&selection).range_at(0);
        if in_editable(&dom(&range).start_container()) || in_editable(&dom(&range).end_container())
        {
            return Ok(());
        }
        let Some(root) = self.root_node() else {
            return Ok(());
        };
        let Some(range) = clip(&self.document, &range, &root)? else {
            return Ok(());
        };
        let host = self.host().map(Node::from);
        let text = range_text(&range, host.as_ref())?;
        let words = text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if words < MIN_WORDS {
            return Ok(());
        }
        if !force && self.last_text.borrow().as_deref() == Some(text.as_str()) {
            return Ok(());
        }
        self.last_text.replace(Some(text.clone()));
        let matcher = self.matcher.borrow().clone();
        let result = matcher.check_in(&text, Some(self.lang));
        self.show(&result, Some(range))?;
        dispatch(&self.document, &result)?;
        Ok(())
    }

    fn tooltip(&self) -> Result<Rc<Tooltip>, JsValue> {
        if let Some(tip) = self.tooltip.borrow().as_ref() {
            if !flag(&tip.host, "isConnected") {
                // A page script replaced <body>'s content: put the host back.
                if let Some(body) = self.document.body() {
                    append(&body, &tip.host);
                }
            }
            return Ok(tip.clone());
        }
        let tip = Rc::new(Tooltip::build(&self.document, self.theme)?);
        self.listen(&tip.close, "click", false, Inner::on_close_click);
        self.tooltip.replace(Some(tip.clone()));
        Ok(tip)
    }

    fn show(&self, result: &CheckResult, range: Option<Range>) -> Result<(), JsValue> {
        if !self.mounted.get() {
            return Ok(());
        }
        let tip = self.tooltip()?;
        let quote_lang = self.matcher.borrow().bundle().document.lang.clone();
        let ui = Strings::get(self.lang);
        tip.render(result, ui, self.lang.as_str(), &quote_lang);
        self.range.replace(range);
        self.open.set(true);
        tip.dialog.set_hidden(false);
        self.position()?;

        tip.live.set_text_content(Some(""));
        self.announcement.replace(Tooltip::announcement(result, ui));
        self.announce.start(&self.window, ANNOUNCE_MS);
        if result.verdict == Verdict::NoMatch {
            self.autohide.start(&self.window, NO_MATCH_MS);
        } else {
            self.autohide.cancel(&self.window);
        }
        Ok(())
    }

    fn close(&self, restore_focus: bool) -> Result<(), JsValue> {
        if !self.open.replace(false) {
            return Ok(());
        }
        let focus_was_inside = self.focus_in_tip();
        self.range.replace(None);
        self.pointer_in_tip.set(false);
        self.autohide.cancel(&self.window);
        self.announce.cancel(&self.window);
        let Some(tip) = self.tooltip.borrow().clone() else {
            return Ok(());
        };
        tip.dialog.set_hidden(true);
        let back = self.return_focus.take();
        if focus_was_inside {
            let body = self.document.body();
            match back.filter(|element| restore_focus && Some(element) != body.as_ref()) {
                Some(element) => dom(&element).focus(),
                // Nowhere to go back to: leave focus on the page, not on a
                // hidden dialog.
                None => {
                    if let Some(active) = dom(&tip.shadow).active_element() {
                        dom(&active).blur();
                    }
                }
            }
        }
        Ok(())
    }

    /// Places the open tooltip next to its selection (see [`place`]).
    fn position(&self) -> Result<(), JsValue> {
        let Some(tip) = self.tooltip.borrow().clone() else {
            return Ok(());
        };
        let style: CssStyleDeclaration = prop(&tip.dialog, "style").unchecked_into();
        let Some(range) = self.range.borrow().clone() else {
            style.set_css_text("left:8px;top:8px");
            return Ok(());
        };
        let mut last = None;
        let mut top = f64::INFINITY;
        if let Some(rects) = range.get_client_rects() {
            for i in 0..num(&rects, "length") as u32 {
                let Some(r) = rects.get(i) else { continue };
                // Line boxes of zero width mark a selection that ends at the
                // start of the next block: not where the reader looks.
                if num(&r, "width") > 0.0 && num(&r, "height") > 0.0 {
                    let r = rect(&r);
                    top = top.min(r.top);
                    last = Some(r);
                }
            }
        }
        let last = match last {
            Some(last) => last,
            None => {
                let r = rect(&range.get_bounding_client_rect());
                top = r.top;
                r
            }
        };
        let html = prop(&self.document, "documentElement");
        let touch = match self.touch.get() {
            Some(touch) => touch,
            None => flag(
                &dom(&self.window).match_media("(pointer: coarse)"),
                "matches",
            ),
        };
        // The height without `max-height`, measured without removing it:
        // removing it would scroll a tooltip the reader has scrolled back
        // to its top on every page scroll.
        let dialog: &JsValue = &tip.dialog;
        let height =
            num(dialog, "scrollHeight") + num(dialog, "offsetHeight") - num(dialog, "clientHeight");
        let placed = place(
            last,
            top,
            num(dialog, "offsetWidth"),
            height,
            num(&html, "clientWidth"),
            num(&html, "clientHeight"),
            touch,
        );
        // Set through the CSSOM, which a strict Content-Security-Policy
        // allows (a `style` attribute it would block).
        let mut css = String::new();
        px(&mut css, "left:", placed.left);
        px(&mut css, ";top:", placed.top);
        px(&mut css, ";max-height:", placed.max_height);
        style.set_css_text(&css);
        set_attr(
            &tip.dialog,
            "data-placement",
            if placed.below { "below" } else { "above" },
        );
        Ok(())
    }
}
