//! The widget in a real browser (headless Chromium through
//! `wasm-pack test --headless --chrome`): `www/widget.js`, the JS that
//! touches the page, driven with the real wasm engine. What the tooltip
//! shows for a given result, how it is announced and dismissed, which
//! selections it checks, where it goes, and that the page and the tooltip
//! cannot restyle each other.
//!
//! Rendering tests build a `CheckResult` by hand, so they pin what the reader
//! sees independently of the matcher; the tests at the end run real
//! selections through the bundled matcher.
#![cfg(target_arch = "wasm32")]

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use fonte::web::Engine;
use fonte::{CheckResult, ClaimRef, Lang, Verdict};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{
    Document, Element, Event, EventTarget, HtmlElement, Node, Range, ShadowRoot, Window,
};

wasm_bindgen_test_configure!(run_in_browser);

/// The loader's types, which must declare every field a result has.
const TYPES: &str = include_str!("../www/fonte.d.ts");

#[wasm_bindgen(module = "/www/widget.js")]
extern "C" {
    /// A mounted widget (what `mountWidget` returns).
    type JsWidget;
    #[wasm_bindgen(catch, js_name = mountWidget)]
    fn mount_widget(engine: &JsValue, options: &JsValue) -> Result<JsWidget, JsValue>;
    #[wasm_bindgen(method, js_name = show)]
    fn show_js(this: &JsWidget, result: &JsValue);
    #[wasm_bindgen(method)]
    fn check(this: &JsWidget, text: &str) -> JsValue;
    #[wasm_bindgen(method, js_name = setEngine)]
    fn set_engine(this: &JsWidget, engine: &JsValue);
    #[wasm_bindgen(method)]
    fn unmount(this: &JsWidget);
    #[wasm_bindgen(method, getter)]
    fn host(this: &JsWidget) -> Option<HtmlElement>;
    #[wasm_bindgen(method, getter, js_name = isOpen)]
    fn is_open(this: &JsWidget) -> bool;
    #[wasm_bindgen(method, getter, js_name = lang)]
    fn lang_tag(this: &JsWidget) -> String;

    #[wasm_bindgen(js_name = place)]
    fn place_js(last: &JsValue, top: f64, w: f64, h: f64, vw: f64, vh: f64, touch: bool)
        -> JsValue;
    fn clip(range: &Range, root: &Node) -> Option<Range>;
    #[wasm_bindgen(js_name = rangeText)]
    fn range_text(range: &Range, skip: Option<&Node>) -> String;

    #[wasm_bindgen(thread_local_v2, js_name = HOST_TAG)]
    static HOST_TAG_JS: String;
}

/// A widget mounted by a test, unmounted when dropped so that its listeners
/// do not answer the next test's selections.
struct Widget(JsWidget);

impl std::ops::Deref for Widget {
    type Target = JsWidget;
    fn deref(&self) -> &JsWidget {
        &self.0
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.0.unmount();
    }
}

impl JsWidget {
    /// Shows a result built in Rust, as the engine would send it.
    fn show(&self, result: &CheckResult) {
        self.show_js(&js(result));
    }

    fn lang(&self) -> Lang {
        Lang::parse(&self.lang_tag()).expect("the widget speaks it or en")
    }
}

/// A result as the JS object the widget receives from the engine.
fn js(result: &CheckResult) -> JsValue {
    js_sys::JSON::parse(&result.to_json()).expect("the result is JSON")
}

fn host_tag() -> String {
    HOST_TAG_JS.with(String::clone)
}

thread_local! {
    /// One engine over the bundled claims for the whole page, as the loader
    /// shares one.
    static ENGINE: JsValue = JsValue::from(Engine::new());
}

fn engine() -> JsValue {
    ENGINE.with(JsValue::clone)
}

/// A rectangle in viewport coordinates, as the widget reads a `DOMRect`.
#[derive(Debug, Clone, Copy)]
struct Rect {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

/// Where `place` puts the tooltip.
#[derive(Debug)]
struct Placement {
    left: f64,
    top: f64,
    below: bool,
    max_height: f64,
}

fn place(last: Rect, top: f64, w: f64, h: f64, vw: f64, vh: f64, touch: bool) -> Placement {
    let rect = js_sys::Object::new();
    for (key, value) in [
        ("left", last.left),
        ("top", last.top),
        ("right", last.right),
        ("bottom", last.bottom),
    ] {
        js_sys::Reflect::set(&rect, &key.into(), &value.into()).unwrap();
    }
    let p = place_js(&rect, top, w, h, vw, vh, touch);
    let num = |key: &str| {
        js_sys::Reflect::get(&p, &key.into())
            .unwrap()
            .as_f64()
            .unwrap()
    };
    Placement {
        left: num("left"),
        top: num("top"),
        below: js_sys::Reflect::get(&p, &"below".into())
            .unwrap()
            .is_truthy(),
        max_height: num("maxHeight"),
    }
}

// ---------------------------------------------------------------------------
// Helpers

fn window() -> Window {
    web_sys::window().expect("a browser window")
}

fn document() -> Document {
    window().document().expect("a document")
}

/// A timer as a future (the test runner drives async tests).
struct Sleep {
    state: Rc<(Cell<bool>, RefCell<Option<Waker>>)>,
    _callback: Closure<dyn FnMut()>,
}

fn sleep(ms: i32) -> Sleep {
    let state = Rc::new((Cell::new(false), RefCell::new(None::<Waker>)));
    let fired = Rc::clone(&state);
    let callback = Closure::<dyn FnMut()>::new(move || {
        fired.0.set(true);
        if let Some(waker) = fired.1.borrow_mut().take() {
            waker.wake();
        }
    });
    window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            callback.as_ref().unchecked_ref(),
            ms,
        )
        .expect("setTimeout should work");
    Sleep {
        state,
        _callback: callback,
    }
}

/// Lets the browser deliver events still queued from earlier tests (a
/// `selectionchange` after the previous fixture cleared its selection would
/// otherwise close this test's tooltip, as it should on a real page).
async fn settle() {
    sleep(50).await;
}

impl Future for Sleep {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.state.0.get() {
            Poll::Ready(())
        } else {
            *self.state.1.borrow_mut() = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

/// Test markup in `<div id="fixture">`, removed (with the selection and any
/// tooltip) when dropped, so tests sharing the page start clean.
struct Fixture {
    root: HtmlElement,
}

impl Fixture {
    fn new(html: &str) -> Fixture {
        let document = document();
        if let Some(old) = document.get_element_by_id("fixture") {
            old.remove();
        }
        let root: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
        root.set_id("fixture");
        root.set_inner_html(html);
        document.body().unwrap().append_child(&root).unwrap();
        Fixture { root }
    }

    fn find(&self, selector: &str) -> HtmlElement {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("fixture should contain {selector}"))
            .dyn_into()
            .unwrap()
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        if let Some(selection) = window().get_selection().unwrap() {
            selection.remove_all_ranges().unwrap();
        }
        self.root.remove();
        let hosts = document().query_selector_all(&host_tag()).unwrap();
        for i in 0..hosts.length() {
            hosts
                .get(i)
                .unwrap()
                .dyn_into::<Element>()
                .unwrap()
                .remove();
        }
    }
}

fn mount(root: Option<&str>, lang: Option<&str>, theme: Option<&str>) -> Widget {
    let options = js_sys::Object::new();
    for (key, value) in [("root", root), ("lang", lang), ("theme", theme)] {
        if let Some(value) = value {
            js_sys::Reflect::set(&options, &key.into(), &value.into()).unwrap();
        }
    }
    Widget(mount_widget(&engine(), &options).expect("mount should succeed"))
}

fn shadow(widget: &Widget) -> ShadowRoot {
    widget
        .host()
        .expect("the tooltip should have been built")
        .shadow_root()
        .expect("the host should have an open shadow root")
}

fn dialog(widget: &Widget) -> HtmlElement {
    shadow(widget)
        .query_selector("[role=dialog]")
        .unwrap()
        .expect("a dialog")
        .dyn_into()
        .unwrap()
}

fn shown(widget: &Widget, selector: &str) -> Option<String> {
    shadow(widget)
        .query_selector(selector)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
}

fn all_shown(widget: &Widget, selector: &str) -> Vec<String> {
    let list = shadow(widget).query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.get(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn visible(widget: &Widget) -> bool {
    widget.host().is_some() && !dialog(widget).hidden()
}

/// Constructs and dispatches a DOM event (`ctor` is the JS constructor name).
fn fire(target: &EventTarget, ctor: &str, kind: &str, init: &[(&str, JsValue)]) -> bool {
    let dict = js_sys::Object::new();
    js_sys::Reflect::set(&dict, &"bubbles".into(), &true.into()).unwrap();
    js_sys::Reflect::set(&dict, &"cancelable".into(), &true.into()).unwrap();
    js_sys::Reflect::set(&dict, &"composed".into(), &true.into()).unwrap();
    for (key, value) in init {
        js_sys::Reflect::set(&dict, &(*key).into(), value).unwrap();
    }
    let ctor: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &ctor.into())
        .unwrap()
        .dyn_into()
        .unwrap();
    let event: Event = js_sys::Reflect::construct(&ctor, &js_sys::Array::of2(&kind.into(), &dict))
        .unwrap()
        .dyn_into()
        .unwrap();
    target.dispatch_event(&event).unwrap()
}

fn key(target: &EventTarget, key: &str, code: &str, alt_shift: bool) -> bool {
    fire(
        target,
        "KeyboardEvent",
        "keydown",
        &[
            ("key", key.into()),
            ("code", code.into()),
            ("altKey", alt_shift.into()),
            ("shiftKey", alt_shift.into()),
        ],
    )
}

fn mouseup(target: &EventTarget) {
    fire(target, "MouseEvent", "mouseup", &[("button", 0.into())]);
}

fn pointerdown(target: &EventTarget) {
    fire(
        target,
        "PointerEvent",
        "pointerdown",
        &[("pointerType", "mouse".into()), ("isPrimary", true.into())],
    );
}

/// The first text node under `node` containing `needle`.
fn text_node(node: &Node, needle: &str) -> Option<(Node, u32)> {
    if node.node_type() == Node::TEXT_NODE {
        let data = node.text_content().unwrap_or_default();
        let at = data.find(needle)?;
        return Some((node.clone(), data[..at].encode_utf16().count() as u32));
    }
    let mut child = node.first_child();
    while let Some(c) = child {
        if let Some(found) = text_node(&c, needle) {
            return Some(found);
        }
        child = c.next_sibling();
    }
    None
}

/// A range from the start of `from` to the end of `to` (both inside `root`).
fn range(root: &Node, from: &str, to: &str) -> web_sys::Range {
    let (start, start_at) = text_node(root, from).unwrap_or_else(|| panic!("no text {from:?}"));
    let (end, end_at) = text_node(root, to).unwrap_or_else(|| panic!("no text {to:?}"));
    let range = document().create_range().unwrap();
    range.set_start(&start, start_at).unwrap();
    range
        .set_end(&end, end_at + to.encode_utf16().count() as u32)
        .unwrap();
    range
}

fn select(root: &Node, from: &str, to: &str) {
    let selection = window().get_selection().unwrap().unwrap();
    selection.remove_all_ranges().unwrap();
    selection.add_range(&range(root, from, to)).unwrap();
}

/// A claim taken from the report (claim `macron-forza-rassicurazione`).
fn macron_claim() -> ClaimRef {
    ClaimRef {
        id: "macron-forza-rassicurazione".into(),
        speaker: "Emmanuel Macron".into(),
        speaker_role: "Presidente della Repubblica francese".into(),
        text: "Macron ha annunciato la creazione di una forza di “rassicurazione” europea.".into(),
        quote: "Macron ha annunciato la creazione di una forza di “rassicurazione” europea, composta da diversi Paesi".into(),
        quote_start: 2116,
        quote_end: 2216,
        source: "Resoconto del vertice".into(),
        document: "Vertice della Coalizione dei Volenterosi, Parigi".into(),
        date: "2026-01-06".into(),
        place: "Parigi".into(),
    }
}

fn result(verdict: Verdict, claim: Option<ClaimRef>) -> CheckResult {
    CheckResult {
        verdict,
        score: 0.9,
        claim,
        attributed_to: None,
        explanation: "Una frase che spiega il verdetto.".into(),
        lang: Lang::It,
        start: 0,
        end: 10,
        truncated: false,
        parts: Vec::new(),
    }
}

const ARTICLE: &str = r#"
  <article id="article">
    <h2>Il ruolo degli USA e il sostegno europeo</h2>
    <p id="p1">Macron ha annunciato la creazione di una forza di “rassicurazione” europea, composta da diversi Paesi.</p>
    <p id="p2">Il vertice si è concluso con la <em>conferma</em> del mantenimento delle sanzioni verso la Russia.</p>
    <p id="p3">Domani è prevista pioggia su gran parte del Nord.</p>
  </article>
  <aside id="aside"><p>Il cancelliere tedesco Friedrich Merz ha annunciato la creazione di una forza di “rassicurazione” europea.</p></aside>
  <p><button id="before">Un pulsante della pagina</button></p>
  <input id="field" value="Macron ha annunciato la creazione di una forza di rassicurazione europea">
  <textarea id="area">Macron ha annunciato la creazione di una forza di rassicurazione europea</textarea>
  <div id="editable" contenteditable="true">Macron ha annunciato la creazione di una forza di rassicurazione europea</div>
"#;

// ---------------------------------------------------------------------------
// What the tooltip shows for a given result

#[wasm_bindgen_test]
fn supported_shows_badge_speaker_role_quote_source_date_place_and_explanation() {
    let _page = Fixture::new("");
    let widget = mount(None, Some("it"), None);
    widget.show(&result(Verdict::Supported, Some(macron_claim())));
    assert!(visible(&widget));
    assert_eq!(
        dialog(&widget).get_attribute("data-verdict").as_deref(),
        Some("supported")
    );
    assert_eq!(
        shown(&widget, "#fonte-verdict").as_deref(),
        Some("Confermato dalla fonte")
    );
    assert_eq!(shown(&widget, ".icon").as_deref(), Some("✓"));
    assert_eq!(all_shown(&widget, ".who b"), ["Emmanuel Macron"]);
    assert!(shown(&widget, ".who")
        .unwrap()
        .contains("Presidente della Repubblica francese"));
    assert_eq!(shown(&widget, "blockquote"), Some(macron_claim().quote));
    let quote = shadow(&widget)
        .query_selector("blockquote")
        .unwrap()
        .unwrap();
    assert_eq!(quote.get_attribute("lang").as_deref(), Some("it"));
    assert_eq!(
        shown(&widget, ".meta").as_deref(),
        Some("Resoconto del vertice · 6 gennaio 2026 · Parigi")
    );
    assert_eq!(
        shown(&widget, ".why").as_deref(),
        Some("Una frase che spiega il verdetto.")
    );
    assert!(shown(&widget, ".hint").unwrap().contains("Alt+Maiusc+F"));
}

#[wasm_bindgen_test]
fn english_interface_translates_badge_date_and_hint() {
    let _page = Fixture::new("");
    let widget = mount(None, Some("en"), None);
    assert_eq!(widget.lang(), Lang::En);
    widget.show(&result(Verdict::Supported, Some(macron_claim())));
    assert_eq!(
        shown(&widget, "#fonte-verdict").as_deref(),
        Some("Supported by the source")
    );
    assert!(shown(&widget, ".meta").unwrap().contains("6 January 2026"));
    assert!(shown(&widget, ".hint").unwrap().contains("Alt+Shift+F"));
    assert_eq!(dialog(&widget).get_attribute("lang").as_deref(), Some("en"));
    let close = shadow(&widget).query_selector(".close").unwrap().unwrap();
    assert_eq!(close.get_attribute("aria-label").as_deref(), Some("Close"));
}

#[wasm_bindgen_test]
fn misattributed_names_the_reports_speaker_and_the_texts() {
    let _page = Fixture::new("");
    let widget = mount(None, Some("it"), None);
    let mut r = result(Verdict::Misattributed, Some(macron_claim()));
    r.attributed_to = Some("Friedrich Merz".into());
    widget.show(&r);
    assert_eq!(
        shown(&widget, "#fonte-verdict").as_deref(),
        Some("Attribuzione errata")
    );
    assert_eq!(
        all_shown(&widget, ".who b"),
        ["Emmanuel Macron", "Friedrich Merz"]
    );
    let lines = all_shown(&widget, ".who");
    assert!(lines[0].starts_with("Secondo il resoconto:"), "{lines:?}");
    assert!(
        lines[1].starts_with("Il testo lo attribuisce a:"),
        "{lines:?}"
    );
    assert_eq!(shown(&widget, "blockquote"), Some(macron_claim().quote));
}

#[wasm_bindgen_test]
fn contradicted_says_what_the_report_actually_says() {
    let _page = Fixture::new("");
    let widget = mount(None, Some("en"), None);
    widget.show(&result(Verdict::Contradicted, Some(macron_claim())));
    assert_eq!(
        shown(&widget, "#fonte-verdict").as_deref(),
        Some("Contradicted by the source")
    );
    assert_eq!(
        shown(&widget, ".label").as_deref(),
        Some("What the report actually says:")
    );
    // The label comes right before the quote.
    let label = shadow(&widget).query_selector(".label").unwrap().unwrap();
    let next = label.next_element_sibling().unwrap();
    assert_eq!(next.tag_name(), "BLOCKQUOTE");
}

#[wasm_bindgen_test]
async fn no_match_is_one_quiet_line_that_goes_away_by_itself() {
    let _page = Fixture::new("");
    settle().await;
    let widget = mount(None, Some("it"), None);
    widget.show(&result(Verdict::NoMatch, None));
    assert!(visible(&widget));
    assert_eq!(
        shown(&widget, "#fonte-verdict").as_deref(),
        Some("Nessuna affermazione documentata trovata")
    );
    assert_eq!(
        shown(&widget, ".body").as_deref(),
        Some(""),
        "nothing but the badge"
    );
    assert!(shadow(&widget)
        .query_selector("blockquote")
        .unwrap()
        .is_none());
    sleep(2000).await;
    assert!(visible(&widget), "still there after 2 s");
    sleep(2500).await;
    assert!(!visible(&widget), "gone after 4.5 s");
}

#[wasm_bindgen_test]
fn several_sentences_list_one_verdict_each() {
    let _page = Fixture::new("");
    let widget = mount(None, Some("it"), None);
    let mut r = result(Verdict::Supported, Some(macron_claim()));
    r.parts = vec![
        result(Verdict::Supported, Some(macron_claim())),
        result(Verdict::NoMatch, None),
    ];
    widget.show(&r);
    assert_eq!(
        all_shown(&widget, ".parts li"),
        [
            "✓Confermato dalla fonte · Emmanuel Macron",
            "?Nessuna affermazione documentata trovata"
        ]
    );
}

#[wasm_bindgen_test]
fn data_reaches_the_dom_as_text_never_as_markup() {
    let _page = Fixture::new("");
    let widget = mount(None, Some("it"), None);
    let evil = "<img src=x onerror=\"document.title='pwned'\">";
    let mut claim = macron_claim();
    claim.quote = evil.into();
    claim.speaker = format!("<b>{evil}</b>");
    claim.source = evil.into();
    let mut r = result(Verdict::Misattributed, Some(claim));
    r.attributed_to = Some(evil.into());
    r.explanation = evil.into();
    widget.show(&r);
    assert_eq!(shown(&widget, "blockquote").as_deref(), Some(evil));
    assert_eq!(shown(&widget, ".why").as_deref(), Some(evil));
    assert!(shadow(&widget).query_selector("img").unwrap().is_none());
    assert_eq!(shadow(&widget).query_selector_all("b").unwrap().length(), 2);
    assert_ne!(document().title(), "pwned");
}

#[wasm_bindgen_test]
fn typescript_types_declare_every_field_the_js_api_returns() {
    let _page = Fixture::new("");
    let widget = mount(None, Some("it"), None);
    let value =
        widget.check("Macron ha annunciato la creazione di una forza di rassicurazione europea");
    let claim = js_sys::Reflect::get(&value, &"claim".into()).unwrap();
    assert!(claim.is_object(), "the sentence should match a claim");
    let mut count = 0;
    for object in [&value, &claim] {
        for key in js_sys::Object::keys(object.unchecked_ref::<js_sys::Object>()).iter() {
            let key = key.as_string().unwrap();
            assert!(
                TYPES.contains(&format!("  {key}: ")),
                "www/fonte.d.ts should declare {key}"
            );
            count += 1;
        }
    }
    assert!(count >= 20, "{count} fields");
    // Absent values are null, as the types say, not undefined.
    let attributed = js_sys::Reflect::get(&value, &"attributed_to".into()).unwrap();
    assert!(attributed.is_null());
}

// ---------------------------------------------------------------------------
// Accessibility

#[wasm_bindgen_test]
async fn a_named_non_modal_dialog_announced_by_a_polite_live_region() {
    let _page = Fixture::new("");
    settle().await;
    let widget = mount(None, Some("it"), None);
    widget.show(&result(Verdict::Supported, Some(macron_claim())));
    let dialog = dialog(&widget);
    assert_eq!(dialog.get_attribute("role").as_deref(), Some("dialog"));
    assert!(dialog.get_attribute("aria-modal").is_none());
    let name: Vec<String> = dialog
        .get_attribute("aria-labelledby")
        .expect("aria-labelledby")
        .split_whitespace()
        .map(|id| {
            shadow(&widget)
                .get_element_by_id(id)
                .unwrap_or_else(|| panic!("#{id} should exist in the shadow root"))
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(name.join(" "), "Fonte: Confermato dalla fonte");

    let live = shadow(&widget)
        .query_selector("[aria-live]")
        .unwrap()
        .unwrap();
    assert_eq!(live.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(live.get_attribute("role").as_deref(), Some("status"));
    assert!(
        !dialog.contains(Some(&live)),
        "outside the dialog, so it outlives it"
    );
    // Emptied first, filled a moment later: a change screen readers notice.
    assert_eq!(live.text_content().as_deref(), Some(""));
    sleep(400).await;
    assert_eq!(
        live.text_content().as_deref(),
        Some("Fonte: Confermato dalla fonte. Emmanuel Macron.")
    );
    // The same element announces the next result.
    widget.show(&result(Verdict::Contradicted, Some(macron_claim())));
    sleep(400).await;
    let again = shadow(&widget)
        .query_selector("[aria-live]")
        .unwrap()
        .unwrap();
    assert_eq!(again, live);
    assert!(again
        .text_content()
        .unwrap()
        .contains("Smentito dalla fonte"));
}

#[wasm_bindgen_test]
fn the_close_button_is_labelled_and_closes() {
    let _page = Fixture::new("");
    let widget = mount(None, Some("it"), None);
    widget.show(&result(Verdict::Supported, Some(macron_claim())));
    let close: HtmlElement = shadow(&widget)
        .query_selector("button.close")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(close.get_attribute("aria-label").as_deref(), Some("Chiudi"));
    assert_eq!(close.get_attribute("type").as_deref(), Some("button"));
    close.click();
    assert!(!visible(&widget));
    assert!(!widget.is_open());
}

#[wasm_bindgen_test]
fn the_shortcut_moves_focus_in_tab_stays_in_and_escape_returns_it() {
    let page = Fixture::new(ARTICLE);
    let widget = mount(None, Some("it"), None);
    let before = page.find("#before");
    before.focus().unwrap();
    select(&page.root, "Macron ha annunciato", "diversi Paesi.");
    mouseup(&page.find("#p1"));
    assert!(visible(&widget));
    let document = document();

    assert!(!key(&before, "F", "KeyF", true), "the shortcut is consumed");
    assert_eq!(
        shadow(&widget).active_element(),
        Some(dialog(&widget).into()),
        "focus is on the dialog"
    );
    assert_eq!(document.active_element(), widget.host().map(Element::from));

    let host = widget.host().unwrap();
    assert!(!key(&host, "Tab", "Tab", false), "Tab is kept inside");
    let focused = shadow(&widget).active_element().unwrap();
    assert_eq!(focused.class_name(), "close");
    assert!(!key(&host, "Tab", "Tab", false));
    assert_eq!(
        shadow(&widget).active_element().unwrap().class_name(),
        "close"
    );

    key(&host, "Escape", "Escape", false);
    assert!(!visible(&widget));
    assert_eq!(
        document.active_element(),
        Some(before.into()),
        "focus is back"
    );
}

#[wasm_bindgen_test]
fn the_shortcut_is_left_alone_while_typing() {
    let page = Fixture::new(ARTICLE);
    let widget = mount(None, Some("it"), None);
    let field = page.find("#area");
    field.focus().unwrap();
    assert!(
        key(&field, "Ï", "KeyF", true),
        "not prevented in a text field"
    );
    assert!(widget.host().is_none() || !visible(&widget));
}

// ---------------------------------------------------------------------------
// Dismissal

#[wasm_bindgen_test]
fn escape_closes() {
    let _page = Fixture::new("");
    let widget = mount(None, Some("it"), None);
    widget.show(&result(Verdict::Supported, Some(macron_claim())));
    key(&document().body().unwrap(), "Escape", "Escape", false);
    assert!(!visible(&widget));
}

#[wasm_bindgen_test]
fn a_press_outside_closes_a_press_inside_does_not() {
    let page = Fixture::new(ARTICLE);
    let widget = mount(None, Some("it"), None);
    widget.show(&result(Verdict::Supported, Some(macron_claim())));
    let quote = shadow(&widget)
        .query_selector("blockquote")
        .unwrap()
        .unwrap();
    pointerdown(&quote);
    assert!(visible(&widget), "a press inside the tooltip keeps it");
    pointerdown(&page.find("#p3"));
    assert!(!visible(&widget), "a press on the page closes it");
}

#[wasm_bindgen_test]
async fn clearing_the_selection_closes() {
    let page = Fixture::new(ARTICLE);
    let widget = mount(None, Some("it"), None);
    select(&page.root, "Macron ha annunciato", "diversi Paesi.");
    mouseup(&page.find("#p1"));
    assert!(visible(&widget));
    sleep(50).await;
    window()
        .get_selection()
        .unwrap()
        .unwrap()
        .remove_all_ranges()
        .unwrap();
    sleep(50).await;
    assert!(!visible(&widget));
}

// ---------------------------------------------------------------------------
// Which selections are checked, and as what text

/// Records every `fonte:result` event until dropped.
struct Results {
    seen: Rc<RefCell<Vec<JsValue>>>,
    listener: Closure<dyn FnMut(web_sys::CustomEvent)>,
}

impl Results {
    fn listen() -> Results {
        let seen = Rc::new(RefCell::new(Vec::new()));
        let into = Rc::clone(&seen);
        let listener =
            Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |event: web_sys::CustomEvent| {
                into.borrow_mut().push(event.detail())
            });
        document()
            .add_event_listener_with_callback("fonte:result", listener.as_ref().unchecked_ref())
            .unwrap();
        Results { seen, listener }
    }

    fn details(&self) -> Vec<JsValue> {
        self.seen.borrow().clone()
    }
}

impl Drop for Results {
    fn drop(&mut self) {
        document()
            .remove_event_listener_with_callback(
                "fonte:result",
                self.listener.as_ref().unchecked_ref(),
            )
            .unwrap();
    }
}

fn verdict_of(detail: &JsValue) -> String {
    js_sys::Reflect::get(detail, &"verdict".into())
        .unwrap()
        .as_string()
        .unwrap()
}

#[wasm_bindgen_test]
fn mouseup_checks_the_selection_and_dispatches_fonte_result() {
    let page = Fixture::new(ARTICLE);
    let results = Results::listen();
    let widget = mount(None, Some("it"), None);
    select(&page.root, "Macron ha annunciato", "diversi Paesi.");
    mouseup(&page.find("#p1"));
    assert!(visible(&widget));
    let seen = results.details();
    assert_eq!(seen.len(), 1);
    let shown = dialog(&widget).get_attribute("data-verdict").unwrap();
    assert_eq!(verdict_of(&seen[0]), shown);
}

#[wasm_bindgen_test]
async fn keyboard_and_touch_selections_are_checked_once_they_settle() {
    let page = Fixture::new(ARTICLE);
    let widget = mount(None, Some("it"), None);
    select(&page.root, "Macron ha annunciato", "diversi Paesi.");
    sleep(100).await;
    assert!(
        widget.host().is_none(),
        "not while the selection may still move"
    );
    sleep(500).await;
    assert!(visible(&widget), "checked after selectionchange settled");
}

#[wasm_bindgen_test]
fn selections_to_ignore() {
    let page = Fixture::new(ARTICLE);
    let widget = mount(Some("#article"), Some("it"), None);
    let selection = window().get_selection().unwrap().unwrap();
    let check_nothing_shown = |what: &str| {
        mouseup(&document().body().unwrap());
        assert!(!widget.is_open(), "{what} should be ignored");
    };

    // Outside the root.
    select(&page.find("#aside"), "Il cancelliere", "europea.");
    check_nothing_shown("a selection outside data-root");

    // Collapsed, and whitespace only.
    selection.remove_all_ranges().unwrap();
    let r = range(&page.root, "Macron", "Macron");
    r.collapse_with_to_start(true);
    selection.add_range(&r).unwrap();
    check_nothing_shown("a collapsed selection");
    let p1 = page.find("#p1");
    let text = p1.first_child().unwrap();
    let r = document().create_range().unwrap();
    r.set_start(&text, 6).unwrap();
    r.set_end(&text, 7).unwrap();
    assert_eq!(r.to_string(), " ");
    selection.remove_all_ranges().unwrap();
    selection.add_range(&r).unwrap();
    check_nothing_shown("a whitespace-only selection");

    // A single word (double-clicked to look it up).
    select(&page.root, "Macron", "Macron");
    check_nothing_shown("a single word");

    // Form fields and editable regions.
    for id in ["#field", "#area"] {
        let field = page.find(id);
        field.focus().unwrap();
        let select_all: js_sys::Function = js_sys::Reflect::get(&field, &"select".into())
            .unwrap()
            .dyn_into()
            .unwrap();
        select_all.call0(&field).unwrap();
        check_nothing_shown(id);
    }
    page.find("#before").focus().unwrap();
    let widget_everywhere = {
        widget.unmount();
        mount(None, Some("it"), None)
    };
    select(&page.find("#editable"), "Macron", "europea");
    mouseup(&page.find("#editable"));
    assert!(
        !widget_everywhere.is_open(),
        "contenteditable should be ignored"
    );

    // Inside the tooltip itself.
    widget_everywhere.show(&result(Verdict::Supported, Some(macron_claim())));
    let quote = shadow(&widget_everywhere)
        .query_selector("blockquote")
        .unwrap()
        .unwrap();
    let r = document().create_range().unwrap();
    r.select_node_contents(&quote).unwrap();
    selection.remove_all_ranges().unwrap();
    selection.add_range(&r).unwrap();
    let results = Results::listen();
    mouseup(&quote);
    assert!(
        results.details().is_empty(),
        "a selection in the tooltip is not checked"
    );
}

#[wasm_bindgen_test]
fn text_across_blocks_and_inline_elements_reads_as_on_screen() {
    let page = Fixture::new(
        r#"<div id="t"><p>Uno   <b>due</b>
        <i>tre</i>.</p><script>var hidden = 1;</script><p hidden>nascosto</p><ul><li>quattro</li><li>cinque<br>sei</li></ul></div>"#,
    );
    let root = page.find("#t");
    let r = document().create_range().unwrap();
    r.select_node_contents(&root).unwrap();
    assert_eq!(range_text(&r, None), "Uno due tre.\nquattro\ncinque\nsei");
    // Partial text nodes at both ends.
    let r = range(&root, "due", "quattro");
    assert_eq!(range_text(&r, None), "due tre.\nquattro");
    // Skipping a subtree (the tooltip host).
    let r = document().create_range().unwrap();
    r.select_node_contents(&root).unwrap();
    let list = page.find("#t ul");
    assert_eq!(range_text(&r, Some(&list)), "Uno due tre.");
}

#[wasm_bindgen_test]
fn a_selection_reaching_outside_the_root_is_cut_to_it() {
    let page = Fixture::new(ARTICLE);
    let article = page.find("#article");
    let aside = page.find("#aside");
    // From the last paragraph of the article into the aside.
    let r = range(&page.root, "Domani", "Il cancelliere");
    let cut = clip(&r, &article).expect("some of it is inside");
    assert_eq!(
        range_text(&cut, None),
        "Domani è prevista pioggia su gran parte del Nord."
    );
    assert!(clip(&r, &aside).is_some());
    let outside = range(&aside, "Il cancelliere", "europea.");
    assert!(clip(&outside, &article).is_none());
}

// ---------------------------------------------------------------------------
// Options

#[wasm_bindgen_test]
fn language_comes_from_the_option_then_the_page() {
    let _page = Fixture::new("");
    let html = document().document_element().unwrap();
    let original = html.get_attribute("lang");
    html.set_attribute("lang", "en-GB").unwrap();
    assert_eq!(mount(None, None, None).lang(), Lang::En, "from <html lang>");
    assert_eq!(
        mount(None, Some("it"), None).lang(),
        Lang::It,
        "the option wins"
    );
    assert_eq!(
        mount(None, Some("fr"), None).lang(),
        Lang::En,
        "unknown: the page's"
    );
    html.set_attribute("lang", "it").unwrap();
    assert_eq!(mount(None, None, None).lang(), Lang::It);
    match original {
        Some(lang) => html.set_attribute("lang", &lang).unwrap(),
        None => html.remove_attribute("lang").unwrap(),
    }
}

fn background(widget: &Widget) -> String {
    window()
        .get_computed_style(&dialog(widget))
        .unwrap()
        .unwrap()
        .get_property_value("background-color")
        .unwrap()
}

#[wasm_bindgen_test]
fn theme_option_forces_light_or_dark() {
    let _page = Fixture::new("");
    let dark = mount(None, Some("it"), Some("dark"));
    dark.show(&result(Verdict::Supported, Some(macron_claim())));
    assert_eq!(
        dark.host().unwrap().get_attribute("data-theme").as_deref(),
        Some("dark")
    );
    assert_eq!(background(&dark), "rgb(31, 32, 38)");
    dark.unmount();
    assert!(
        document().query_selector(&host_tag()).unwrap().is_none(),
        "unmount removes the host"
    );

    let light = mount(None, Some("it"), Some("light"));
    light.show(&result(Verdict::Supported, Some(macron_claim())));
    assert_eq!(background(&light), "rgb(255, 255, 255)");
}

#[wasm_bindgen_test]
fn the_js_mount_reads_string_options_and_ignores_the_rest() {
    let _page = Fixture::new("");
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"lang".into(), &"en".into()).unwrap();
    js_sys::Reflect::set(&options, &"theme".into(), &"dark".into()).unwrap();
    js_sys::Reflect::set(&options, &"root".into(), &42.into()).unwrap();
    js_sys::Reflect::set(&options, &"claims".into(), &"ignored.json".into()).unwrap();
    let widget = Widget(mount_widget(&engine(), &options).expect("mount"));
    assert_eq!(widget.lang(), Lang::En);
    widget.show(&result(Verdict::Supported, Some(macron_claim())));
    assert_eq!(
        widget
            .host()
            .unwrap()
            .get_attribute("data-theme")
            .as_deref(),
        Some("dark")
    );
    drop(widget);
    for nothing in [JsValue::UNDEFINED, JsValue::NULL, "it".into()] {
        mount_widget(&engine(), &nothing)
            .expect("mounts with the defaults")
            .unmount();
    }
}

#[wasm_bindgen_test]
fn an_invalid_root_selector_is_an_error() {
    let _page = Fixture::new("");
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"root".into(), &"article[".into()).unwrap();
    assert!(mount_widget(&engine(), &options).is_err());
}

#[wasm_bindgen_test]
fn a_claims_pack_is_checked_before_it_replaces_the_bundled_one() {
    let _page = Fixture::new("");
    let widget = mount(None, Some("it"), None);
    let error = |bundle: &str| match Engine::from_bundle(bundle) {
        Ok(_) => panic!("{bundle:?} should be refused"),
        Err(e) => {
            let e = JsValue::from(e);
            js_sys::Reflect::get(&e, &"message".into())
                .unwrap()
                .as_string()
                .unwrap()
        }
    };
    assert!(
        error(fonte::data::BUNDLED_CLAIMS).starts_with("invalid claims bundle: not a Fonte pack")
    );
    let edited = fonte::data::BUNDLED_PACK.replacen("Macron", "Merz", 1);
    assert!(error(&edited).contains("checksum"));
    let sentence = "Macron ha annunciato la creazione di una forza di rassicurazione europea";
    let verdict = |w: &Widget| verdict_of(&w.check(sentence));
    assert_eq!(
        verdict(&widget),
        "supported",
        "the bundled claims still work"
    );
    // A valid pack without any claim takes over.
    let (head, body) = fonte::data::BUNDLED_PACK.split_once('\n').unwrap();
    let (records, text) = body.split_once("\nT\n").unwrap();
    let mut body: String = records
        .lines()
        .filter(|line| !line.starts_with("C\t"))
        .flat_map(|line| [line, "\n"])
        .collect();
    body.push_str("T\n");
    body.push_str(text);
    let magic = head.rsplit_once('\t').unwrap().0;
    let empty = [
        magic,
        "\t",
        &fonte::pack::checksum(body.as_bytes()),
        "\n",
        &body,
    ]
    .concat();
    let engine = Engine::from_bundle(&empty).expect("a valid pack");
    assert_eq!(engine.document_lang(), "it");
    widget.set_engine(&engine.into());
    assert_eq!(verdict(&widget), "no_match");
}

// ---------------------------------------------------------------------------
// Isolation: the page cannot restyle the tooltip, nor the tooltip the page

#[wasm_bindgen_test]
fn page_css_does_not_reach_into_the_tooltip_and_back() {
    let page = Fixture::new(
        r#"<style>
          * { color: rgb(255, 0, 0) !important; font-size: 40px !important; letter-spacing: 9px !important; }
          div, p, span, b, button, blockquote { display: none !important; background: rgb(0, 255, 0) !important; }
          fonte-tooltip { display: none !important; opacity: 0.1; transform: scale(3); }
        </style><p id="probe">Testo della pagina.</p>"#,
    );
    let probe = page.find("#probe");
    let style = window().get_computed_style(&probe).unwrap().unwrap();
    let margin_before = style.get_property_value("margin-top").unwrap();

    let widget = mount(None, Some("it"), Some("light"));
    widget.show(&result(Verdict::Supported, Some(macron_claim())));
    let host_style = window()
        .get_computed_style(&widget.host().unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(host_style.get_property_value("display").unwrap(), "block");
    assert_eq!(host_style.get_property_value("opacity").unwrap(), "1");
    assert_eq!(host_style.get_property_value("transform").unwrap(), "none");
    let dialog = dialog(&widget);
    let tip = window().get_computed_style(&dialog).unwrap().unwrap();
    assert_eq!(tip.get_property_value("display").unwrap(), "block");
    assert_eq!(
        tip.get_property_value("background-color").unwrap(),
        "rgb(255, 255, 255)"
    );
    assert_ne!(tip.get_property_value("color").unwrap(), "rgb(255, 0, 0)");
    assert_ne!(tip.get_property_value("font-size").unwrap(), "40px");
    assert_eq!(tip.get_property_value("letter-spacing").unwrap(), "normal");
    assert!(dialog.offset_width() > 100, "laid out, not hidden");

    // And the tooltip's own rules (p margins, blockquote, .meta...) stay inside.
    assert_eq!(
        style.get_property_value("margin-top").unwrap(),
        margin_before
    );
    assert_eq!(style.get_property_value("color").unwrap(), "rgb(255, 0, 0)");
}

// ---------------------------------------------------------------------------
// Placement

const LINE: Rect = Rect {
    left: 100.0,
    top: 300.0,
    right: 500.0,
    bottom: 320.0,
};

#[wasm_bindgen_test]
fn placed_below_the_last_line_when_it_fits() {
    let p = place(LINE, 260.0, 400.0, 200.0, 1280.0, 800.0, false);
    assert!(p.below);
    assert_eq!(p.top, 328.0);
    assert_eq!(p.left, 100.0);
}

#[wasm_bindgen_test]
fn flipped_above_the_first_line_when_below_is_short() {
    let last = Rect {
        top: 700.0,
        bottom: 720.0,
        ..LINE
    };
    let p = place(last, 660.0, 400.0, 200.0, 1280.0, 800.0, false);
    assert!(!p.below);
    assert_eq!(
        p.top + 200.0,
        652.0,
        "ends above the selection's first line"
    );
}

#[wasm_bindgen_test]
fn shifted_sideways_into_the_viewport() {
    let right = Rect {
        left: 300.0,
        right: 350.0,
        ..LINE
    };
    let p = place(right, 300.0, 344.0, 200.0, 360.0, 740.0, false);
    assert_eq!(p.left, 8.0, "a 344 px tooltip on a 360 px screen");
    let left = Rect {
        left: -40.0,
        ..LINE
    };
    assert_eq!(
        place(left, 300.0, 200.0, 100.0, 360.0, 740.0, false).left,
        8.0
    );
    // A detached range measures NaN: no panic, still on screen.
    let lost = Rect {
        left: f64::NAN,
        ..LINE
    };
    assert_eq!(
        place(lost, 300.0, 200.0, 100.0, 360.0, 740.0, false).left,
        8.0
    );
}

#[wasm_bindgen_test]
fn touch_keeps_below_clear_of_the_selection_handles() {
    let p = place(LINE, 300.0, 344.0, 200.0, 360.0, 740.0, true);
    assert!(p.below);
    assert!(p.top >= LINE.bottom + 20.0);
    // Not enough room either side: still below, scrolling within its room.
    let low = Rect {
        top: 500.0,
        bottom: 520.0,
        ..LINE
    };
    let p = place(low, 450.0, 344.0, 600.0, 360.0, 740.0, true);
    assert!(p.below);
    assert!(p.top + p.max_height <= 740.0);
}

#[wasm_bindgen_test]
fn never_covers_the_selection_and_stays_in_the_viewport() {
    let mut seed = 7_u32;
    let mut next = |max: f64| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        f64::from(seed >> 8) / f64::from(1_u32 << 24) * max
    };
    for touch in [false, true] {
        for _ in 0..2000 {
            let vw = 320.0 + next(1600.0);
            let vh = 400.0 + next(800.0);
            let first = next(vh - 40.0);
            let top = first + next(vh - first - 40.0);
            let left = next(vw);
            let last = Rect {
                left,
                top,
                right: left + next(vw - left),
                bottom: top + 20.0,
            };
            let (w, h) = (100.0 + next(vw - 116.0), 40.0 + next(900.0));
            let p = place(last, first, w, h, vw, vh, touch);
            let shown = h.min(p.max_height);
            assert!(
                p.top >= last.bottom || p.top + shown <= first,
                "covers the selection: {p:?} {last:?} first={first} h={h}"
            );
            assert!(
                p.left >= 8.0 && p.left + w <= vw - 8.0 + 1e-9,
                "{p:?} w={w} vw={vw}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn the_tooltip_sits_next_to_the_real_selection() {
    let page = Fixture::new(ARTICLE);
    let widget = mount(None, Some("it"), None);
    page.find("#p1").scroll_into_view();
    select(&page.root, "Macron ha annunciato", "europea,");
    mouseup(&page.find("#p1"));
    let rects = range(&page.root, "Macron ha annunciato", "europea,")
        .get_client_rects()
        .unwrap();
    let last = rects.get(rects.length() - 1).unwrap();
    let first = rects.get(0).unwrap();
    let tip = dialog(&widget).get_bounding_client_rect();
    let placement = dialog(&widget).get_attribute("data-placement").unwrap();
    if placement == "below" {
        assert!(
            tip.top() >= last.bottom(),
            "{} < {}",
            tip.top(),
            last.bottom()
        );
    } else {
        assert!(tip.bottom() <= first.top());
    }
    let width = f64::from(document().document_element().unwrap().client_width());
    assert!(tip.left() >= 8.0 && tip.right() <= width - 8.0 + 0.5);
}

// ---------------------------------------------------------------------------
// Whole path: real selections through the bundled matcher

async fn verdict_for(
    sentence_start: &str,
    sentence_end: &str,
    lang: &str,
) -> (String, Vec<String>) {
    let page = Fixture::new(
        r#"<article>
          <p>Macron ha annunciato la creazione di una forza di “rassicurazione” europea, composta da diversi Paesi.</p>
          <p>Il cancelliere tedesco Friedrich Merz ha annunciato la creazione di una forza di “rassicurazione” europea.</p>
          <p>Il vertice si è concluso con la revoca delle sanzioni verso la Russia.</p>
          <p>Domani è prevista pioggia su gran parte del Nord.</p>
          <p>The reassurance force will replace the Ukrainian army.</p>
        </article>"#,
    );
    let widget = mount(Some("article"), Some(lang), None);
    select(&page.root, sentence_start, sentence_end);
    mouseup(&page.root);
    assert!(visible(&widget), "a tooltip for {sentence_start:?}");
    let verdict = dialog(&widget).get_attribute("data-verdict").unwrap();
    (verdict, all_shown(&widget, ".who b"))
}

#[wasm_bindgen_test]
async fn a_sourced_sentence_is_supported_with_its_speaker() {
    let (verdict, speakers) = verdict_for("Macron ha annunciato", "diversi Paesi.", "it").await;
    assert_eq!(verdict, "supported");
    assert_eq!(speakers, ["Emmanuel Macron"]);
}

#[wasm_bindgen_test]
async fn a_statement_put_in_merzs_mouth_is_misattributed() {
    let (verdict, speakers) = verdict_for("Il cancelliere tedesco", "europea.", "it").await;
    assert_eq!(verdict, "misattributed");
    assert_eq!(speakers, ["Emmanuel Macron", "Friedrich Merz"]);
}

#[wasm_bindgen_test]
async fn lifted_sanctions_are_contradicted() {
    let (verdict, _) = verdict_for("Il vertice si è concluso", "verso la Russia.", "it").await;
    assert_eq!(verdict, "contradicted");
}

#[wasm_bindgen_test]
async fn an_english_contradiction_in_an_english_tooltip() {
    let (verdict, speakers) = verdict_for("The reassurance force", "Ukrainian army.", "en").await;
    assert_eq!(verdict, "contradicted");
    assert_eq!(speakers, ["Emmanuel Macron"]);
}

#[wasm_bindgen_test]
async fn the_weather_is_no_match() {
    let (verdict, speakers) = verdict_for("Domani è prevista", "del Nord.", "it").await;
    assert_eq!(verdict, "no_match");
    assert!(speakers.is_empty());
}

#[wasm_bindgen_test]
fn unmount_removes_the_host_and_stops_listening() {
    let page = Fixture::new(ARTICLE);
    let widget = mount(None, Some("it"), None);
    select(&page.root, "Macron ha annunciato", "diversi Paesi.");
    mouseup(&page.find("#p1"));
    assert!(document().query_selector(&host_tag()).unwrap().is_some());
    widget.unmount();
    assert!(document().query_selector(&host_tag()).unwrap().is_none());
    let results = Results::listen();
    mouseup(&page.find("#p1"));
    assert!(results.details().is_empty());
    assert!(document().query_selector(&host_tag()).unwrap().is_none());
    widget.unmount();
}
