//! Packs: the shipped pack is `data/claims.json` packed, a pack reads back
//! as the bundle it was written from, and whatever else reaches the reader
//! (JSON, an edited or cut pack, a forged one, garbage) is refused with a
//! one-line reason, never a panic.

use fonte::claims::{Bundle, EntityKind};
use fonte::data::{BUNDLED_CLAIMS, BUNDLED_PACK, BUNDLED_SOURCE};
use fonte::pack::{self, checksum, MAGIC};

mod common;
use common::Lcg;

const REPORT: &str = include_str!("../data/source/vertice-parigi-2026-01-06.it.txt");

/// The validated JSON bundle with the report attached: what `fonte pack
/// --document` reads.
fn from_json() -> Bundle {
    let mut bundle = Bundle::from_json(BUNDLED_CLAIMS).expect("data/claims.json is valid");
    bundle.document.text = Some(REPORT.to_owned());
    bundle
}

/// A pack of `body` with a correct header: what a forger (or a buggy
/// writer) could produce.
fn forge(body: &str) -> String {
    [
        MAGIC,
        "\tfonte-claims/1\t",
        &checksum(body.as_bytes()),
        "\n",
        body,
    ]
    .concat()
}

fn refused(text: &str) -> String {
    match pack::read(text) {
        Ok(_) => panic!("accepted: {text:?}"),
        Err(e) => e.to_string(),
    }
}

/// The body of the shipped pack (everything after the header line).
fn shipped_body() -> &'static str {
    BUNDLED_PACK.split_once('\n').expect("a header line").1
}

#[test]
fn the_shipped_pack_is_data_claims_json_packed_with_the_report() {
    let expected = pack::write(&from_json()).expect("the bundled claims pack");
    assert!(
        expected == BUNDLED_PACK,
        "data/claims.pack is out of date with data/claims.json: run\n  \
         cargo run -q -- pack --document data/source/vertice-parigi-2026-01-06.it.txt \
         data/claims.json > data/claims.pack"
    );
    assert_eq!(BUNDLED_SOURCE, REPORT);
}

#[test]
fn the_bundled_claims_are_the_validated_json_bundle() {
    let bundle = Bundle::bundled();
    assert_eq!(bundle, from_json());
    assert!(bundle.validate().is_ok());
}

#[test]
fn a_pack_reads_back_as_the_bundle_it_was_written_from() {
    let mut bundle = from_json();
    assert_eq!(pack::read(&pack::write(&bundle).unwrap()).unwrap(), bundle);
    // Without the document text (quotes are then not checked against it).
    bundle.document.text = None;
    let packed = pack::write(&bundle).unwrap();
    assert!(!packed.contains("\nT\n"));
    assert_eq!(pack::read(&packed).unwrap(), bundle);
    // A document text with tabs, line breaks and a line that reads "T".
    bundle.document.text = Some("a\tb\nT\n\nc".to_owned());
    bundle.claims.clear();
    assert_eq!(pack::read(&pack::write(&bundle).unwrap()).unwrap(), bundle);
}

#[test]
fn every_entity_kind_and_list_survives() {
    let bundle = Bundle::bundled();
    for kind in [
        EntityKind::Person,
        EntityKind::Body,
        EntityKind::Group,
        EntityKind::Document,
    ] {
        assert!(bundle.entities.iter().any(|e| e.kind == kind), "{kind:?}");
    }
    assert!(bundle.entities.iter().any(|e| !e.members.is_empty()));
    assert!(bundle.entities.iter().any(|e| !e.metonyms.is_empty()));
    assert!(bundle.claims.iter().any(|c| c.negated));
    assert!(bundle.claims.iter().any(|c| !c.mentions.is_empty()));
}

#[test]
fn the_checksum_is_fnv_1a_64() {
    // Published test vectors of 64-bit FNV-1a.
    assert_eq!(checksum(b""), "cbf29ce484222325");
    assert_eq!(checksum(b"a"), "af63dc4c8601ec8c");
    assert_eq!(checksum(b"foobar"), "85944171f73967e8");
}

#[test]
fn json_is_not_a_pack_and_the_error_says_how_to_make_one() {
    let e = refused(BUNDLED_CLAIMS);
    assert!(e.starts_with("not a Fonte pack"), "{e}");
    assert!(e.contains("fonte pack"), "{e}");
    assert!(refused("").starts_with("not a Fonte pack"));
    assert!(refused("fonte-pack/2\tfonte-claims/1\t0\n").starts_with("not a Fonte pack"));
}

#[test]
fn another_schema_is_named() {
    let e = refused(&BUNDLED_PACK.replacen("fonte-claims/1", "fonte-claims/2", 1));
    assert_eq!(
        e,
        "schema is \"fonte-claims/2\", expected \"fonte-claims/1\""
    );
}

#[test]
fn an_edited_or_truncated_pack_fails_its_checksum() {
    let edits = [
        BUNDLED_PACK.replacen("Macron", "Merz", 1),
        BUNDLED_PACK.replacen("\tmacron\t", "\tmerz\t", 1),
        BUNDLED_PACK[..BUNDLED_PACK.len() - 1].to_owned(),
        BUNDLED_PACK[..BUNDLED_PACK.len() / 2].to_owned(),
        format!("{BUNDLED_PACK}\n"),
        BUNDLED_PACK.replace('\n', "\r\n"),
    ];
    for edited in edits {
        let e = refused(&edited);
        assert!(e.starts_with("the checksum does not match"), "{e}");
    }
}

#[test]
fn a_forged_pack_of_the_wrong_shape_is_refused() {
    let body = shipped_body();
    let (records, text) = body.split_once("\nT\n").unwrap();
    let no_document: String = records
        .lines()
        .filter(|l| !l.starts_with("D\t"))
        .map(|l| format!("{l}\n"))
        .collect();
    let first_claim = records.lines().find(|l| l.starts_with("C\t")).unwrap();
    let cases = [
        (body.replacen("\nS\t", "\nX\t", 1), "unknown record \"X\""),
        (
            body.replacen("\nS\t", "\nS\textra\t", 1),
            "a \"S\" record has the wrong number of fields",
        ),
        (
            body.replacen("\tperson\t", "\tpersona\t", 1),
            "unknown kind \"persona\"",
        ),
        (
            body.replacen(first_claim, &with_field(first_claim, 11, "no"), 1),
            "negated or quote offsets misspelt",
        ),
        (
            body.replacen(first_claim, &with_field(first_claim, 12, "-1"), 1),
            "negated or quote offsets misspelt",
        ),
        (
            body.replacen(first_claim, &with_field(first_claim, 13, "1e3"), 1),
            "negated or quote offsets misspelt",
        ),
        (no_document, "one document record"),
        (
            format!("{records}\n{}\nT\n{text}", records.lines().next().unwrap()),
            "one document record",
        ),
        (String::new(), "one document record"),
        ("\n".to_owned(), "unknown record \"\""),
    ];
    for (body, reason) in cases {
        let e = refused(&forge(&body));
        assert!(e.contains(reason), "{e:?} should say {reason:?}");
    }
}

/// `line` with its tab-separated field `i` replaced by `value`.
fn with_field(line: &str, i: usize, value: &str) -> String {
    let mut fields: Vec<&str> = line.split('\t').collect();
    fields[i] = value;
    fields.join("\t")
}

#[test]
fn write_refuses_what_a_pack_cannot_hold() {
    let mut bundle = from_json();
    bundle.claims[0].text.en.push_str("\tand a tab");
    let e = pack::write(&bundle).unwrap_err().to_string();
    assert!(e.contains("a tab or a line break"), "{e}");

    let mut bundle = from_json();
    let entity = bundle
        .entities
        .iter_mut()
        .find(|e| !e.aliases.is_empty())
        .unwrap();
    entity.aliases.push("Macron | Merz".to_owned());
    let e = pack::write(&bundle).unwrap_err().to_string();
    assert!(e.contains("'|'"), "{e}");

    // And what breaks a rule of the schema, before anything is written.
    let mut bundle = from_json();
    bundle.claims[0].quote.text.push('!');
    let e = pack::write(&bundle).unwrap_err().to_string();
    assert!(e.contains("quote"), "{e}");
}

#[test]
fn forged_garbage_never_panics() {
    let body = shipped_body();
    let pieces = [
        "\t", "\n", "|", "T\n", "C\t", "E\t", "D\t", "S\t", "è", "😀", "\0", "1", "",
    ];
    let mut rng = Lcg(2026);
    for _ in 0..3000 {
        // Mangle the shipped body: cut it, splice in separators and
        // multi-byte characters, then give it a valid header.
        let mut text = String::new();
        for _ in 0..1 + rng.below(6) {
            let from = rng.below(body.len());
            let to = (from + rng.below(400)).min(body.len());
            let (from, to) = (floor(body, from), floor(body, to));
            text.push_str(&body[from..to]);
            text.push_str(pieces[rng.below(pieces.len())]);
        }
        let _ = pack::read(&forge(&text));
        let _ = pack::read(&text);
    }
}

/// The char boundary at or before `at`.
fn floor(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}
