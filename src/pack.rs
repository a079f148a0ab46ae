//! The packed bundle: the form in which claims ship and load in the browser.
//!
//! A claims bundle is authored as JSON (`data/SCHEMA.md`) and checked with
//! every rule there by [`Bundle::from_json`], natively: `fonte pack` does
//! it and writes the bundle as a pack. The widget reads packs only. It
//! carries neither the JSON reader nor the validator (about 10 KB gzipped
//! of wasm, more than any other part of Fonte a reader downloads), and the
//! pack's checksum tells it that these are exactly the lines the validator
//! passed: a pack edited by hand, cut short or mangled in transit is
//! refused as a whole.
//!
//! The format is text, one record per line, fields separated by tabs,
//! lists inside a field by `|`, the source document's text last and as is:
//!
//! ```text
//! fonte-pack/1 <TAB> fonte-claims/1 <TAB> <checksum: 16 hex digits>
//! D  id  title.it  title.en  lang  date  place.it  place.en
//! S  id  name.it  name.en                                 (one per source)
//! E  id  name  kind  role.it  role.en  aliases  metonyms  members
//! C  id  speaker  source  mentions  date  place.it  place.en  text.it
//!    text.en  kind  negated (0 or 1)  quote.start  quote.end  quote.text
//! T                                          (only with the document text)
//! <the document text, to the end>
//! ```
//!
//! (Shown with spaces; every record is one line.) The checksum is 64-bit
//! FNV-1a of everything after the first line. Nothing is escaped: `fonte
//! pack` refuses a bundle with a tab or line break in a field, or a `|` in
//! a list item, rather than invent a quoting rule.
//!
//! ```
//! use fonte::claims::Bundle;
//! use fonte::pack;
//!
//! let bundle = Bundle::bundled();
//! let packed = pack::write(&bundle).unwrap();
//! assert_eq!(pack::read(&packed).unwrap(), bundle);
//! assert!(pack::read(&packed.replace("Macron", "Merz")).is_err());
//! ```

use crate::claims::{
    Bundle, BundleError, Claim, Entity, EntityKind, Localized, Quote, Source, SourceDocument,
    SCHEMA,
};

/// The first field of a pack's first line: this format, this version.
pub const MAGIC: &str = "fonte-pack/1";

/// 64-bit FNV-1a of `bytes`, as 16 lowercase hex digits.
pub fn checksum(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    (0..16)
        .rev()
        .map(|i| char::from(b"0123456789abcdef"[(hash >> (i * 4)) as usize & 15]))
        .collect()
}

fn error(parts: &[&str]) -> BundleError {
    BundleError::new(parts.concat())
}

/// Reads a pack. The error says what is wrong in one line; a pack that
/// does not check out is refused whole.
pub fn read(text: &str) -> Result<Bundle, BundleError> {
    let (head, body) = text.split_once('\n').unwrap_or((text, ""));
    let mut head = head.split('\t');
    if head.next() != Some(MAGIC) {
        return Err(error(&[
            "not a Fonte pack (its first line should start with \"",
            MAGIC,
            "\"); make one from a JSON bundle with `fonte pack`",
        ]));
    }
    let schema = head.next().unwrap_or_default();
    if schema != SCHEMA {
        return Err(error(&[
            "schema is \"",
            schema,
            "\", expected \"",
            SCHEMA,
            "\"",
        ]));
    }
    if head.next() != Some(checksum(body.as_bytes()).as_str()) {
        return Err(error(&[
            "the checksum does not match: the pack was changed after `fonte pack` wrote it",
        ]));
    }
    let mut bundle = Bundle {
        schema: SCHEMA.to_owned(),
        ..Bundle::default()
    };
    let mut rest = body;
    let mut documents = 0;
    while !rest.is_empty() {
        let (line, after) = rest.split_once('\n').unwrap_or((rest, ""));
        rest = after;
        if line == "T" {
            bundle.document.text = Some(rest.to_owned());
            break;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let expected = match f[0] {
            "D" => 8,
            "S" => 4,
            "E" => 9,
            "C" => 15,
            _ => return Err(error(&["unknown record \"", f[0], "\""])),
        };
        if f.len() != expected {
            return Err(error(&[
                "a \"",
                f[0],
                "\" record has the wrong number of fields",
            ]));
        }
        let localized = |i: usize| Localized {
            it: f[i].to_owned(),
            en: f[i + 1].to_owned(),
        };
        let list = |i: usize| -> Vec<String> {
            f[i].split('|')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        };
        match f[0] {
            "D" => {
                documents += 1;
                bundle.document = SourceDocument {
                    id: f[1].to_owned(),
                    title: localized(2),
                    lang: f[4].to_owned(),
                    date: f[5].to_owned(),
                    place: localized(6),
                    text: None,
                };
            }
            "S" => bundle.sources.push(Source {
                id: f[1].to_owned(),
                name: localized(2),
            }),
            "E" => {
                let Some(kind) = EntityKind::parse(f[3]) else {
                    return Err(error(&[
                        "entity \"",
                        f[1],
                        "\": unknown kind \"",
                        f[3],
                        "\"",
                    ]));
                };
                bundle.entities.push(Entity {
                    id: f[1].to_owned(),
                    name: f[2].to_owned(),
                    kind,
                    role: localized(4),
                    aliases: list(6),
                    metonyms: list(7),
                    members: list(8),
                });
            }
            _ => {
                let (Ok(start), Ok(end), "0" | "1") = (f[12].parse(), f[13].parse(), f[11]) else {
                    return Err(error(&[
                        "claim \"",
                        f[1],
                        "\": negated or quote offsets misspelt",
                    ]));
                };
                bundle.claims.push(Claim {
                    id: f[1].to_owned(),
                    speaker: f[2].to_owned(),
                    source: f[3].to_owned(),
                    mentions: list(4),
                    date: f[5].to_owned(),
                    place: localized(6),
                    text: localized(8),
                    kind: f[10].to_owned(),
                    negated: f[11] == "1",
                    quote: Quote {
                        start,
                        end,
                        text: f[14].to_owned(),
                    },
                });
            }
        }
    }
    if documents != 1 {
        return Err(error(&["a pack has one document record"]));
    }
    Ok(bundle)
}

/// Writes a bundle as a pack, after checking it with every rule of
/// `data/SCHEMA.md` ([`Bundle::validate`]).
///
/// # Errors
/// The bundle breaks a rule, or a field holds what a pack cannot: a tab or
/// a line break, or a `|` inside a list item.
pub fn write(bundle: &Bundle) -> Result<String, BundleError> {
    bundle.validate()?;
    let mut body = String::new();
    let mut record = |fields: &[&str]| -> Result<(), BundleError> {
        if let Some(field) = fields.iter().find(|f| f.contains(['\t', '\n', '\r'])) {
            return Err(error(&[
                "a field holds a tab or a line break, which a pack cannot: ",
                field,
            ]));
        }
        body.push_str(&fields.join("\t"));
        body.push('\n');
        Ok(())
    };
    let list = |items: &[String]| -> Result<String, BundleError> {
        match items.iter().find(|i| i.is_empty() || i.contains('|')) {
            Some(item) => Err(error(&[
                "a list item is empty or holds '|', which a pack cannot: \"",
                item,
                "\"",
            ])),
            None => Ok(items.join("|")),
        }
    };
    let d = &bundle.document;
    record(&[
        "D",
        &d.id,
        &d.title.it,
        &d.title.en,
        &d.lang,
        &d.date,
        &d.place.it,
        &d.place.en,
    ])?;
    for s in &bundle.sources {
        record(&["S", &s.id, &s.name.it, &s.name.en])?;
    }
    for e in &bundle.entities {
        let kind = e.kind.as_str();
        let (aliases, metonyms, members) =
            (list(&e.aliases)?, list(&e.metonyms)?, list(&e.members)?);
        record(&[
            "E", &e.id, &e.name, kind, &e.role.it, &e.role.en, &aliases, &metonyms, &members,
        ])?;
    }
    for c in &bundle.claims {
        let (start, end) = (c.quote.start.to_string(), c.quote.end.to_string());
        record(&[
            "C",
            &c.id,
            &c.speaker,
            &c.source,
            &list(&c.mentions)?,
            &c.date,
            &c.place.it,
            &c.place.en,
            &c.text.it,
            &c.text.en,
            &c.kind,
            if c.negated { "1" } else { "0" },
            &start,
            &end,
            &c.quote.text,
        ])?;
    }
    if let Some(text) = &d.text {
        body.push_str("T\n");
        body.push_str(text);
    }
    Ok([
        MAGIC,
        "\t",
        SCHEMA,
        "\t",
        &checksum(body.as_bytes()),
        "\n",
        &body,
    ]
    .concat())
}
