//! Turning the reader's selection into the text to check.
//!
//! `Selection.toString()` differs between browsers at block boundaries and
//! includes hidden text; walking the range ourselves gives one answer
//! everywhere: inline elements join, block elements are separated by a line
//! break, whitespace collapses as it does on screen, and Fonte's own tooltip
//! (and scripts, styles, hidden elements) contribute nothing.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CharacterData, Document, Element, Node, Range};

use super::{dom, flag, num, prop};

/// Where editing happens: the reader's own text is never checked.
const EDITABLE: &str = "input,textarea,select,[contenteditable]:not([contenteditable=false i])";

/// Elements whose content never reaches the checked text.
const SKIPPED: &[&str] = &["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "svg"];

/// Elements that start a new line of text.
const BLOCKS: &[&str] = &[
    "ADDRESS",
    "ARTICLE",
    "ASIDE",
    "BLOCKQUOTE",
    "DD",
    "DETAILS",
    "DIV",
    "DL",
    "DT",
    "FIELDSET",
    "FIGCAPTION",
    "FIGURE",
    "FOOTER",
    "FORM",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "HEADER",
    "HR",
    "LI",
    "MAIN",
    "NAV",
    "OL",
    "P",
    "PRE",
    "SECTION",
    "SUMMARY",
    "TABLE",
    "TD",
    "TH",
    "TR",
    "UL",
];

/// The element a node is or sits in.
fn element_of(node: &Node) -> Option<Element> {
    // By node type: a type check per interface would ship a glue function.
    if node.node_type() == Node::ELEMENT_NODE {
        Some(node.clone().unchecked_into())
    } else {
        node.parent_element()
    }
}

/// Whether a node is inside a form field or an editable region.
pub fn in_editable(node: &Node) -> bool {
    element_of(node)
        .and_then(|element| element.closest(EDITABLE).ok().flatten())
        .is_some()
}

/// Whether the document's focused element is a form field or editable
/// region: browsers report selections inside `<input>` inconsistently, but
/// the focus is always there.
pub fn focus_in_editable(document: &Document) -> bool {
    dom(document)
        .active_element()
        .map(|element| element.matches(EDITABLE).unwrap_or(false))
        .unwrap_or(false)
}

/// `range` cut to the contents of `root` (a copy; `range` is untouched);
/// `None` when nothing of it is inside `root`.
pub fn clip(document: &Document, range: &Range, root: &Node) -> Result<Option<Range>, JsValue> {
    // `root` is an element of `document`: creating, filling and moving
    // these ranges cannot throw. Comparing them can (a selection in another
    // document or tree), so that call keeps its `Result`.
    let bounds = dom(document).create_range();
    dom(&bounds).select_node_contents(root);
    let clipped = range.clone_range();
    if clipped.compare_boundary_points(Range::START_TO_START, &bounds)? < 0 {
        dom(&clipped).set_start(root, 0);
    }
    if clipped.compare_boundary_points(Range::END_TO_END, &bounds)? > 0 {
        let end = num(&prop(root, "childNodes"), "length") as u32;
        dom(&clipped).set_end(root, end);
    }
    Ok((!flag(&clipped, "collapsed")).then_some(clipped))
}

/// Collects text the way it reads on screen.
#[derive(Default)]
struct Text {
    out: String,
    space: bool,
}

impl Text {
    fn push(&mut self, text: &str) {
        for ch in text.chars() {
            if ch.is_whitespace() {
                self.space = true;
                continue;
            }
            if self.space && !self.out.is_empty() && !self.out.ends_with('\n') {
                self.out.push(' ');
            }
            self.space = false;
            self.out.push(ch);
        }
    }

    fn line_break(&mut self) {
        self.space = false;
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }
}

/// The text of `range`, skipping the subtree of `skip` (the tooltip host).
pub fn range_text(range: &Range, skip: Option<&Node>) -> Result<String, JsValue> {
    let mut text = Text::default();
    walk(&dom(range).common_ancestor(), range, skip, &mut text)?;
    let end = text.out.trim_end().len();
    text.out.truncate(end);
    Ok(text.out)
}

fn walk(node: &Node, range: &Range, skip: Option<&Node>, text: &mut Text) -> Result<(), JsValue> {
    if skip.is_some_and(|skip| skip == node) {
        return Ok(());
    }
    let kind = node.node_type();
    if kind == Node::TEXT_NODE {
        let data: &CharacterData = node.unchecked_ref();
        let mut from = 0;
        let mut to = data.length();
        let range = dom(range);
        if *node == range.start_container() {
            from = range.start_offset();
        }
        if *node == range.end_container() {
            to = range.end_offset();
        }
        if from < to {
            text.push(&dom(data).substring(from, to - from));
        }
        return Ok(());
    }
    let mut block = false;
    if kind == Node::ELEMENT_NODE {
        let element: &Element = node.unchecked_ref();
        let tag = element.tag_name();
        if SKIPPED.contains(&tag.as_str())
            || element.has_attribute("hidden")
            || element.get_attribute("aria-hidden").as_deref() == Some("true")
        {
            return Ok(());
        }
        if tag == "BR" {
            text.line_break();
            return Ok(());
        }
        block = BLOCKS.contains(&tag.as_str());
    }
    if block {
        text.line_break();
    }
    let mut child = node.first_child();
    while let Some(node) = child {
        if dom(range).intersects(&node) {
            walk(&node, range, skip, text)?;
        }
        child = node.next_sibling();
    }
    if block {
        text.line_break();
    }
    Ok(())
}
