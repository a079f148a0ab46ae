//! Embeds the bundled claims and lexicon without their indentation: the
//! files in `data/` stay readable, the widget ships only what it reads.
//!
//! The lexicon is also written as lines of `|`-separated entries (the form
//! [`Lexicon::bundled`] reads; see `src/lexicon.rs`): shorter than JSON
//! even gzipped, and read with a `split` instead of the JSON reader. Its
//! phrases are written as the analyzer reads them, stemmed: "sottolinea",
//! "sottolineare" and "sottolineato" are one entry, "sottolin".
//!
//! The claims ship as a pack (`data/claims.pack`, written by `fonte pack`
//! from `data/claims.json` and the report, which it holds): the pack and the
//! lexicon lines are written into one file, `bundled.txt`, which
//! `src/data.rs` cuts into its texts. In one piece of the wasm's data, gzip
//! finds the claims' quotes in the report beside them.

use std::path::Path;

// The crate's own JSON reader, so that the build reads the files exactly as
// the widget would.
#[allow(dead_code)]
#[path = "src/json.rs"]
mod json;

use json::Json;

// The analyzer's own folding, tokenizer and stemmers, so that the build
// stems the lexicon exactly as the widget would.
#[allow(dead_code)]
#[path = "src/normalize.rs"]
mod normalize;
#[allow(dead_code)]
#[path = "src/stem.rs"]
mod stem;

/// The bundled claims as a pack, with the report they quote.
const PACK: &str = "data/claims.pack";

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

/// The lists whose phrases the analyzer stems (`Analyzer::new`); the others
/// it reads folded, as written.
const STEMMED: [&str; 4] = ["negators", "denials", "expletives", "reporting"];

/// A phrase as the analyzer of language `lang` (0 Italian, 1 English) keys
/// it: its words' stems, separated by spaces.
fn stem_key(phrase: &str, lang: usize) -> String {
    let stems: Vec<String> = normalize::tokenize(phrase)
        .iter()
        .map(|t| stem::stem(&t.text, lang))
        .collect();
    stems.join(" ")
}

/// Appends the strings of `list` (absent: none) joined by `|`, then `end`;
/// with `stem_lang`, their stem keys instead, each once, leaving out phrases
/// without words (the analyzer skips both). Panics on what the line form
/// cannot hold.
fn entries(out: &mut String, list: Option<&Json>, what: &str, end: char, stem_lang: Option<usize>) {
    let items = match list {
        None => &[][..],
        Some(list) => list
            .as_array()
            .unwrap_or_else(|| panic!("lexicon: {what} should be an array of strings")),
    };
    let mut written: Vec<String> = Vec::new();
    for item in items {
        let item = item
            .as_str()
            .unwrap_or_else(|| panic!("lexicon: {what} should list strings"));
        assert!(
            !item.is_empty() && !item.contains(['|', '\t', '\n']),
            "lexicon: {what}: {item:?} is empty or holds '|', a tab or a line break"
        );
        let entry = match stem_lang {
            None => item.to_owned(),
            Some(lang) => stem_key(item, lang),
        };
        if stem_lang.is_some() && (entry.is_empty() || written.contains(&entry)) {
            continue;
        }
        written.push(entry);
    }
    out.push_str(&written.join("|"));
    out.push(end);
}

/// The lexicon as lines: the it and en lists of each of [`LISTS`] (two
/// lines each), the opposites (one line, pairs of concept ids), then one line
/// per concept: id, tab, Italian entries, tab, English entries.
fn lexicon_lines(json: &str) -> String {
    let root = json::parse(json).unwrap_or_else(|e| panic!("data/lexicon.json: {e}"));
    let mut out = String::new();
    for list in LISTS {
        for (li, lang) in ["it", "en"].into_iter().enumerate() {
            let words = root.get(list).and_then(|l| l.get(lang));
            let stemmed = STEMMED.contains(&list).then_some(li);
            entries(&mut out, words, list, '\n', stemmed);
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
    entries(&mut out, Some(&Json::Arr(ids)), "opposites", '\n', None);
    for concept in root.get("concepts").and_then(Json::as_array).unwrap_or(&[]) {
        let id = concept.get("id").and_then(Json::as_str).unwrap_or_default();
        let id = Json::Arr(vec![Json::Str(id.to_owned())]);
        entries(&mut out, Some(&id), "a concept id", '\t', None);
        entries(&mut out, concept.get("it"), "a concept", '\t', Some(0));
        entries(&mut out, concept.get("en"), "a concept", '\n', Some(1));
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
    let read = |path: &str| {
        println!("cargo:rerun-if-changed={path}");
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let pack = read(PACK);
    write("claims.min.json", &minify(&read("data/claims.json")));
    let lexicon = read("data/lexicon.json");
    write("lexicon.min.json", &minify(&lexicon));
    let lines = lexicon_lines(&lexicon);
    write("bundled.txt", &[pack.as_str(), &lines].concat());
    // Where the pack ends in bundled.txt, and where its document text (the
    // report, after the `T` record) starts, for `src/data.rs`.
    let source_start = pack
        .find("\nT\n")
        .map(|at| at + 3)
        .unwrap_or_else(|| panic!("{PACK} holds no document text (a `T` record)"));
    write(
        "bundled.rs",
        &format!(
            "const PACK_END: usize = {};\nconst SOURCE_START: usize = {source_start};\n",
            pack.len()
        ),
    );
    for path in ["src/json.rs", "src/normalize.rs", "src/stem.rs"] {
        println!("cargo:rerun-if-changed={path}");
    }
}
