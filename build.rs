//! Embeds the bundled claims and lexicon without their indentation: the
//! files in `data/` stay readable, the widget ships only what it reads.
//!
//! The lexicon is also written as lines of `|`-separated entries (the form
//! [`Lexicon::bundled`] reads; see `src/lexicon.rs`): shorter than JSON
//! even gzipped, and read with a `split` instead of the JSON reader.

use std::path::Path;

// The crate's own JSON reader, so that the build reads the files exactly as
// the widget would.
#[allow(dead_code)]
#[path = "src/json.rs"]
mod json;

use json::Json;

/// `json` with every whitespace character outside strings removed.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// The field order of the lexicon's word lists; `src/lexicon.rs` reads them
/// in this order.
const LISTS: [&str; 8] = [
    "stopwords",
    "negators",
    "denials",
    "expletives",
    "clause_breaks",
    "reporting",
    "places",
    "abbreviations",
];

/// Appends the strings of `list` (absent: none) joined by `|`, then `end`.
/// Panics on what the line form cannot hold.
fn entries(out: &mut String, list: Option<&Json>, what: &str, end: char) {
    let items = match list {
        None => &[][..],
        Some(list) => list
            .as_array()
            .unwrap_or_else(|| panic!("lexicon: {what} should be an array of strings")),
    };
    for (i, item) in items.iter().enumerate() {
        let item = item
            .as_str()
            .unwrap_or_else(|| panic!("lexicon: {what} should list strings"));
        assert!(
            !item.is_empty() && !item.contains(['|', '\t', '\n']),
            "lexicon: {what}: {item:?} is empty or holds '|', a tab or a line break"
        );
        if i > 0 {
            out.push('|');
        }
        out.push_str(item);
    }
    out.push(end);
}

/// The lexicon as lines: the it and en lists of each of [`LISTS`] (two
/// lines each), the opposites (one line, pairs of concept ids), then one line
/// per concept: id, tab, Italian entries, tab, English entries.
fn lexicon_lines(json: &str) -> String {
    let root = json::parse(json).unwrap_or_else(|e| panic!("data/lexicon.json: {e}"));
    let mut out = String::new();
    for list in LISTS {
        for lang in ["it", "en"] {
            let words = root.get(list).and_then(|l| l.get(lang));
            entries(&mut out, words, list, '\n');
        }
    }
    let mut ids = Vec::new();
    for (i, pair) in (root.get("opposites").and_then(Json::as_array))
        .unwrap_or(&[])
        .iter()
        .enumerate()
    {
        match pair.as_array() {
            Some(pair) if pair.len() == 2 => ids.extend_from_slice(pair),
            _ => panic!("lexicon: opposite #{i} is not a pair"),
        }
    }
    entries(&mut out, Some(&Json::Arr(ids)), "opposites", '\n');
    for concept in root.get("concepts").and_then(Json::as_array).unwrap_or(&[]) {
        let id = concept.get("id").and_then(Json::as_str).unwrap_or_default();
        let id = Json::Arr(vec![Json::Str(id.to_owned())]);
        entries(&mut out, Some(&id), "a concept id", '\t');
        entries(&mut out, concept.get("it"), "a concept", '\t');
        entries(&mut out, concept.get("en"), "a concept", '\n');
    }
    // No line break after the last line: every line after the opposites is
    // one concept.
    out.pop();
    out
}

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let write = |name: &str, text: &str| {
        let target = Path::new(&out_dir).join(name);
        std::fs::write(&target, text).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
    };
    for name in ["claims", "lexicon"] {
        let source = format!("data/{name}.json");
        println!("cargo:rerun-if-changed={source}");
        let json = std::fs::read_to_string(&source).unwrap_or_else(|e| panic!("{source}: {e}"));
        write(&format!("{name}.min.json"), &minify(&json));
        if name == "lexicon" {
            write("lexicon.lines", &lexicon_lines(&json));
        }
    }
    println!("cargo:rerun-if-changed=src/json.rs");
}
