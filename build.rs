//! Embeds the bundled claims and lexicon without their indentation: the
//! files in `data/` stay readable, the widget ships only what it reads.

use std::path::Path;

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

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in ["claims", "lexicon"] {
        let source = format!("data/{name}.json");
        println!("cargo:rerun-if-changed={source}");
        let json = std::fs::read_to_string(&source).unwrap_or_else(|e| panic!("{source}: {e}"));
        let target = Path::new(&out_dir).join(format!("{name}.min.json"));
        std::fs::write(&target, minify(&json))
            .unwrap_or_else(|e| panic!("{}: {e}", target.display()));
    }
}
