//! The `fonte` command line, run as a user runs it.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn fonte(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fonte"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the fonte binary should start");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin)
        .expect("stdin accepts input");
    child.wait_with_output().expect("fonte should finish")
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON document")
}

#[test]
fn check_takes_text_as_arguments_or_standard_input() {
    let args = fonte(&["check", "Sanctions on Russia will be lifted"], b"");
    assert!(args.status.success());
    let r = json(&args);
    assert_eq!(r["verdict"], "contradicted");
    assert_eq!(r["claim"]["id"], "sanzioni-alla-russia-fino-alla-pace");
    for field in ["score", "attributed_to", "explanation", "parts"] {
        assert!(r.get(field).is_some(), "missing {field}");
    }
    let stdin = fonte(&["check"], "Sanctions on Russia will be lifted".as_bytes());
    assert_eq!(json(&stdin)["verdict"], "contradicted");
}

#[test]
fn empty_input_is_a_no_match_result_not_an_error() {
    let out = fonte(&["check"], b"  \n ");
    assert!(out.status.success());
    assert_eq!(json(&out)["verdict"], "no_match");
}

#[test]
fn check_lines_answers_each_line_in_order() {
    let input = "Merz ha annunciato la creazione di una forza di rassicurazione europea\n\nThe stock market closed higher\r\n";
    let out = fonte(&["check", "--lines"], input.as_bytes());
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["verdict"], "misattributed");
    assert_eq!(lines[0]["attributed_to"], "Friedrich Merz");
    assert_eq!(lines[1]["verdict"], "no_match");
    assert_eq!(lines[2]["verdict"], "no_match");
}

#[test]
fn lang_option_sets_the_language_of_the_answer() {
    let out = fonte(
        &[
            "check",
            "--lang",
            "it",
            "Sanctions on Russia will be maintained",
        ],
        b"",
    );
    let r = json(&out);
    assert_eq!(r["lang"], "it");
    assert_eq!(r["claim"]["place"], "Parigi");
}

#[test]
fn scan_reports_matching_sentences_with_positions() {
    let dir = std::env::temp_dir().join(format!("fonte-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let html = dir.join("article.html");
    std::fs::write(
        &html,
        "<html><head><title>x</title><script>var a = 'Macron';</script></head><body>\n<p>Oggi piove.</p>\n<p>Il vertice si è concluso con la revoca delle sanzioni verso la Russia.</p>\n</body></html>",
    )
    .unwrap();
    let out = fonte(&["scan", html.to_str().unwrap()], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let findings: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(findings.len(), 1, "{text}");
    assert_eq!(findings[0]["line"], 3);
    assert_eq!(findings[0]["column"], 4);
    assert_eq!(findings[0]["result"]["verdict"], "contradicted");

    let txt = dir.join("article.txt");
    std::fs::write(&txt, "Titolo\n\nMeloni ha ribadito che l'Italia non parteciperà con truppe sul terreno in Ucraina.\n").unwrap();
    let out = fonte(&["scan", txt.to_str().unwrap()], b"");
    let f: serde_json::Value = serde_json::from_str(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(f["line"], 3);
    assert_eq!(f["result"]["verdict"], "supported");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn claims_prints_a_table_and_json_ld() {
    let table = fonte(&["claims"], b"");
    assert!(table.status.success());
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.contains("macron-forza-rassicurazione"));
    let ld = fonte(&["claims", "--jsonld"], b"");
    let v = json(&ld);
    let reviews = v.as_array().expect("an array of ClaimReview");
    assert_eq!(reviews.len(), 24);
    assert_eq!(reviews[0]["@type"], "ClaimReview");
}

#[test]
fn bad_usage_exits_2_and_unreadable_input_exits_1_with_one_line() {
    for args in [
        &["frobnicate"][..],
        &["check", "--lang", "fr", "x"],
        &["check", "--bogus"],
        &["scan"],
        &[],
    ] {
        let out = fonte(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("usage"),
            "{args:?}"
        );
    }
    let missing = fonte(&["scan", "/nonexistent/article.txt"], b"");
    assert_eq!(missing.status.code(), Some(1));
    let err = String::from_utf8(missing.stderr).unwrap();
    assert!(
        err.starts_with("fonte: cannot read /nonexistent/article.txt"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1);
    let binary = fonte(&["check"], &[0xff, 0xfe, b'a']);
    assert_eq!(binary.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(binary.stderr).unwrap().trim_end(),
        "fonte: standard input is not valid UTF-8"
    );
}

#[test]
fn the_hand_written_json_of_a_result_equals_its_serde_json() {
    // The widget ships `CheckResult::to_json` instead of a serializer: it
    // must say exactly what the CLI's serde output says.
    let m = fonte::Matcher::bundled();
    for text in [
        "Merz ha annunciato la creazione di una forza di rassicurazione europea. Oggi piove.",
        "Sanctions on Russia will be lifted",
        "«quoted» \"text\" with \\ and \u{1} control",
        "",
    ] {
        let r = m.check(text);
        let ours: serde_json::Value = serde_json::from_str(&r.to_json()).expect("valid JSON");
        let theirs = serde_json::to_value(&r).unwrap();
        assert_eq!(ours, theirs, "{text:?}");
    }
}

/// A scratch file under the target directory, removed when dropped.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(name: &str, contents: &str) -> Scratch {
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
        let path = dir.join(format!("{}-{name}", std::process::id()));
        std::fs::write(&path, contents).expect("the target directory is writable");
        Scratch(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("a UTF-8 path")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn pack_validates_a_json_bundle_and_writes_the_pack_the_widget_loads() {
    let report = "data/source/vertice-parigi-2026-01-06.it.txt";
    let out = fonte(&["pack", "--document", report, "data/claims.json"], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pack = String::from_utf8(out.stdout).unwrap();
    assert_eq!(pack, fonte::data::BUNDLED_PACK);
    // Without the document, the quotes go unchecked and no text is packed.
    let out = fonte(&["pack", "data/claims.json"], b"");
    let pack = String::from_utf8(out.stdout).unwrap();
    let bundle = fonte::pack::read(&pack).expect("the pack reads back");
    assert!(bundle.document.text.is_none());
    assert_eq!(bundle.claims.len(), fonte::Bundle::bundled().claims.len());
}

#[test]
fn pack_refuses_a_bundle_that_breaks_a_rule_in_one_line() {
    let mut bundle: serde_json::Value =
        serde_json::from_str(fonte::data::BUNDLED_CLAIMS).expect("data/claims.json is JSON");
    bundle["claims"][0]["speaker"] = "nobody".into();
    let broken = Scratch::new("broken.json", &bundle.to_string());
    let out = fonte(&["pack", broken.path()], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "nothing is written");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("speaker \"nobody\" is not the id of any entity"),
        "{err}"
    );
    // A quote that the document does not hold.
    let other = Scratch::new("other-report.txt", "Un altro resoconto.");
    let out = fonte(
        &["pack", "--document", other.path(), "data/claims.json"],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("quote is not verbatim"));
    // Usage.
    assert_eq!(fonte(&["pack"], b"").status.code(), Some(2));
    assert_eq!(
        fonte(&["pack", "--lang", "it", "data/claims.json"], b"")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(fonte(&["pack", "missing.json"], b"").status.code(), Some(1));
}
