//! Reading a bundle from JSON and checking it with every rule of
//! `data/SCHEMA.md`: what `fonte pack` does before writing a pack.

use super::{Bundle, BundleError, Claim, Entity, EntityKind, Localized, CLAIM_KINDS, SCHEMA};
use crate::json::Json;
use crate::normalize::tokenize;
use crate::verdict::Lang;

impl Bundle {
    /// Parses and validates a bundle.
    ///
    /// Missing or mistyped fields are reported with the claim, entity or
    /// source they belong to (`claim #3: missing field "speaker"`); text
    /// that is not JSON with the line and column where it goes wrong.
    pub fn from_json(json: &str) -> Result<Bundle, BundleError> {
        let bundle = read::bundle(json)?;
        bundle.validate()?;
        Ok(bundle)
    }

    /// Checks every rule of `data/SCHEMA.md`; the error names the first
    /// offending claim, entity or source and the field.
    pub fn validate(&self) -> Result<(), BundleError> {
        if self.schema != SCHEMA {
            return Err(schema_error(&self.schema));
        }
        self.validate_document()?;
        let source_ids = sorted_ids(self.sources.iter().map(|s| s.id.as_str()).collect());
        for (i, source) in self.sources.iter().enumerate() {
            let item = Item::Source(i, &source.id);
            required(&item, "id", &source.id)?;
            required_localized(&item, "name", &source.name)?;
            unique(&item, &source_ids, &source.id)?;
        }
        let entity_ids = sorted_ids(self.entities.iter().map(|e| e.id.as_str()).collect());
        for (i, entity) in self.entities.iter().enumerate() {
            self.validate_entity(&Item::Entity(i, &entity.id), entity, &entity_ids)?;
        }
        self.validate_aliases()?;
        let claim_ids = sorted_ids(self.claims.iter().map(|c| c.id.as_str()).collect());
        for (i, claim) in self.claims.iter().enumerate() {
            let item = Item::Claim(i, &claim.id);
            validate_claim(&item, claim, &entity_ids, &source_ids)?;
            unique(&item, &claim_ids, &claim.id)?;
        }
        if let Some(text) = &self.document.text {
            self.validate_quotes(text)?;
        }
        Ok(())
    }

    fn validate_document(&self) -> Result<(), BundleError> {
        let doc = &self.document;
        let item = Item::Document;
        required(&item, "id", &doc.id)?;
        required_localized(&item, "title", &doc.title)?;
        required(&item, "lang", &doc.lang)?;
        if Lang::parse(&doc.lang).is_none() {
            return Err(item.err(&["lang \"", &doc.lang, "\" is not \"it\" or \"en\""]));
        }
        date(&item, &doc.date)?;
        required_localized(&item, "place", &doc.place)
    }

    fn validate_entity(
        &self,
        item: &Item<'_>,
        entity: &Entity,
        entity_ids: &[&str],
    ) -> Result<(), BundleError> {
        required(item, "id", &entity.id)?;
        required(item, "name", &entity.name)?;
        required_localized(item, "role", &entity.role)?;
        unique(item, entity_ids, &entity.id)?;
        for alias in &entity.aliases {
            required(item, "aliases", alias)?;
        }
        for metonym in &entity.metonyms {
            required(item, "metonyms", metonym)?;
        }
        match (entity.kind, entity.members.is_empty()) {
            (EntityKind::Group, true) => return Err(item.missing("members", "")),
            (EntityKind::Group, false) => {}
            (_, true) => return Ok(()),
            (_, false) => return Err(item.err(&["members are only for groups"])),
        }
        for (i, member) in entity.members.iter().enumerate() {
            known(item, "members", entity_ids, member)?;
            if *member == entity.id
                || entity.members[..i].contains(member)
                || self.entity(member).map(|m| m.kind) == Some(EntityKind::Group)
            {
                return Err(item.err(&[
                    "members lists \"",
                    member,
                    "\" twice, itself, or a group",
                ]));
            }
        }
        Ok(())
    }

    /// Rejects a phrase that names two entities. The name counts as an
    /// alias (the matcher spots names too). Phrases are compared the way the
    /// matcher reads text: folded and split into words.
    fn validate_aliases(&self) -> Result<(), BundleError> {
        let mut keys: Vec<(String, usize, &str)> = Vec::new();
        for (ei, entity) in self.entities.iter().enumerate() {
            let phrases = std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .chain(&entity.metonyms);
            for phrase in phrases {
                let mut key = String::new();
                for token in tokenize(phrase) {
                    if !key.is_empty() {
                        key.push(' ');
                    }
                    key.push_str(&token.text);
                }
                if key.is_empty() {
                    let item = Item::Entity(ei, &entity.id);
                    return Err(item.err(&["alias \"", phrase, "\" has no words"]));
                }
                keys.push((key, ei, phrase));
            }
        }
        crate::sort::sort(&mut keys);
        for pair in keys.windows(2) {
            let ((a, ea, _), (b, eb, phrase)) = (&pair[0], &pair[1]);
            if a == b && ea != eb {
                let item = Item::Entity(*eb, &self.entities[*eb].id);
                let other = &self.entities[*ea].id;
                return Err(item.err(&[
                    "alias \"",
                    phrase,
                    "\" is also an alias of \"",
                    other,
                    "\"",
                ]));
            }
        }
        Ok(())
    }

    /// Checks every quote against the document text in one pass over the
    /// text, claims taken in the order of their offsets.
    fn validate_quotes(&self, text: &str) -> Result<(), BundleError> {
        let mut order: Vec<usize> = (0..self.claims.len()).collect();
        let start = |i: usize| (self.claims[i].quote.start, i);
        crate::sort::sort_by(&mut order, |&a, &b| start(a) < start(b));
        let mut cursor = (0usize, 0usize); // (char offset, byte offset)
        for i in order {
            let claim = &self.claims[i];
            let quote = &claim.quote;
            let passage = advance(text, cursor, quote.start).and_then(|byte| {
                cursor = (quote.start, byte);
                text.get(byte..)
            });
            let same = passage.is_some_and(|passage| {
                let mut passage = passage.chars();
                quote.text.chars().all(|c| passage.next() == Some(c))
            });
            if !same {
                let mut message = "quote is not verbatim at ".to_owned();
                push_range(&mut message, quote.start, quote.end);
                message.push_str(" of the document (the text ");
                match text.find(quote.text.as_str()) {
                    Some(b) => {
                        let start = text.get(..b).map_or(0, |t| t.chars().count());
                        let end = start + quote.text.chars().count();
                        message.push_str("occurs at ");
                        push_range(&mut message, start, end);
                        message.push(')');
                    }
                    None => message.push_str("does not occur in it)"),
                }
                return Err(Item::Claim(i, &claim.id).err(&[&message]));
            }
        }
        Ok(())
    }
}

fn validate_claim(
    item: &Item<'_>,
    claim: &Claim,
    entity_ids: &[&str],
    source_ids: &[&str],
) -> Result<(), BundleError> {
    required(item, "id", &claim.id)?;
    required(item, "speaker", &claim.speaker)?;
    known(item, "speaker", entity_ids, &claim.speaker)?;
    required(item, "source", &claim.source)?;
    known(item, "source", source_ids, &claim.source)?;
    for mention in &claim.mentions {
        known(item, "mentions", entity_ids, mention)?;
        if *mention == claim.speaker {
            return Err(item.err(&["mentions lists the speaker \"", mention, "\""]));
        }
    }
    date(item, &claim.date)?;
    required_localized(item, "place", &claim.place)?;
    required_localized(item, "text", &claim.text)?;
    required(item, "kind", &claim.kind)?;
    if !CLAIM_KINDS.contains(&claim.kind.as_str()) {
        let mut kinds = String::new();
        for kind in CLAIM_KINDS {
            if !kinds.is_empty() {
                kinds.push_str(", ");
            }
            kinds.push_str(kind);
        }
        return Err(item.err(&["kind \"", &claim.kind, "\" is not one of ", &kinds]));
    }
    let quote = &claim.quote;
    // Not `required`: a quote of spaces is still a passage of the text.
    if quote.text.is_empty() {
        return Err(item.missing("quote", ".text"));
    }
    let mut message = String::new();
    let len = quote.text.chars().count();
    if quote.start >= quote.end {
        message.push_str("quote.start ");
        crate::json::write_uint(&mut message, quote.start);
        message.push_str(" is not before quote.end ");
        crate::json::write_uint(&mut message, quote.end);
    } else if quote.end - quote.start != len {
        message.push_str("quote.text has ");
        crate::json::write_uint(&mut message, len);
        message.push_str(" characters but ");
        push_range(&mut message, quote.start, quote.end);
        message.push_str(" spans ");
        crate::json::write_uint(&mut message, quote.end - quote.start);
    } else {
        return Ok(());
    }
    Err(item.err(&[&message]))
}

/// The byte offset of char `target`, walking on from `cursor` (a char
/// offset and its byte offset) when `target` lies after it.
fn advance(text: &str, cursor: (usize, usize), target: usize) -> Option<usize> {
    let (from_char, from_byte) = if target >= cursor.0 { cursor } else { (0, 0) };
    let rest = text.get(from_byte..)?;
    let n = target - from_char;
    match rest.char_indices().nth(n) {
        Some((b, _)) => Some(from_byte + b),
        None if rest.chars().count() == n => Some(text.len()),
        None => None,
    }
}

fn sorted_ids(mut ids: Vec<&str>) -> Vec<&str> {
    crate::sort::sort(&mut ids);
    ids
}

fn required(item: &Item<'_>, field: &str, value: &str) -> Result<(), BundleError> {
    if value.trim().is_empty() {
        return Err(item.missing(field, ""));
    }
    Ok(())
}

/// Both languages of a text are required.
fn required_localized(item: &Item<'_>, field: &str, value: &Localized) -> Result<(), BundleError> {
    for (text, lang) in [(&value.it, ".it"), (&value.en, ".en")] {
        if text.trim().is_empty() {
            return Err(item.missing(field, lang));
        }
    }
    Ok(())
}

fn unique(item: &Item<'_>, sorted: &[&str], id: &str) -> Result<(), BundleError> {
    let first = sorted.partition_point(|x| *x < id);
    if sorted.get(first + 1) == Some(&id) {
        return Err(item.err(&["id is not unique"]));
    }
    Ok(())
}

fn known(item: &Item<'_>, field: &str, sorted: &[&str], id: &str) -> Result<(), BundleError> {
    if sorted.binary_search(&id).is_err() {
        let what = if field == "source" {
            "source"
        } else {
            "entity"
        };
        return Err(item.err(&[field, " \"", id, "\" is not the id of any ", what]));
    }
    Ok(())
}

fn date(item: &Item<'_>, value: &str) -> Result<(), BundleError> {
    required(item, "date", value)?;
    if !is_iso_date(value) {
        return Err(item.err(&["date \"", value, "\" is not a YYYY-MM-DD date"]));
    }
    Ok(())
}

/// `YYYY-MM-DD`, a day that exists.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Appends `start..end`.
fn push_range(out: &mut String, start: usize, end: usize) {
    crate::json::write_uint(out, start);
    out.push_str("..");
    crate::json::write_uint(out, end);
}

fn schema_error(found: &str) -> BundleError {
    Item::Bundle.err(&["schema is \"", found, "\", expected \"", SCHEMA, "\""])
}

/// What a problem is about; displayed as the start of the message.
enum Item<'a> {
    Bundle,
    Document,
    Source(usize, &'a str),
    Entity(usize, &'a str),
    Claim(usize, &'a str),
}

impl Item<'_> {
    /// The error `<item>: <parts joined>`. The item is `claim "id"`, or
    /// `claim #3` (its index in the array) when it has no id.
    fn err(&self, parts: &[&str]) -> BundleError {
        let (what, labelled) = match *self {
            Item::Bundle => ("bundle", None),
            Item::Document => ("document", None),
            Item::Source(i, id) => ("source", Some((i, id))),
            Item::Entity(i, id) => ("entity", Some((i, id))),
            Item::Claim(i, id) => ("claim", Some((i, id))),
        };
        let mut message = what.to_owned();
        match labelled {
            Some((i, id)) if id.trim().is_empty() => {
                message.push_str(" #");
                crate::json::write_uint(&mut message, i);
            }
            Some((_, id)) => {
                message.push_str(" \"");
                message.push_str(id);
                message.push('"');
            }
            None => {}
        }
        message.push_str(": ");
        for part in parts {
            message.push_str(part);
        }
        BundleError { message }
    }

    /// `missing field "<field><suffix>"`.
    fn missing(&self, field: &str, suffix: &str) -> BundleError {
        self.err(&["missing field \"", field, suffix, "\""])
    }

    /// `field "<field><suffix>" should be <expected>, not <found's type>`.
    fn wrong_type(&self, field: &str, suffix: &str, expected: &str, found: &Json) -> BundleError {
        self.err(&[
            "field \"",
            field,
            suffix,
            "\" should be ",
            expected,
            ", not ",
            found.type_name(),
        ])
    }
}

impl BundleError {
    /// Text that is not JSON (the parser's message), or JSON of another
    /// shape at the top level.
    fn json(message: &str) -> BundleError {
        // "bundle is not valid JSON: invalid JSON at line 3, column 5: ..."
        let message = message.strip_prefix("invalid JSON ").unwrap_or(message);
        BundleError {
            message: ["bundle is not valid JSON: ", message].concat(),
        }
    }
}

/// Reads a bundle from JSON by hand (see [`crate::json`]): field by field,
/// so that a missing or mistyped field is reported with its claim.
mod read {
    use super::{schema_error, Item};
    use crate::claims::{
        Bundle, BundleError, Claim, Entity, EntityKind, Localized, Quote, Source, SCHEMA,
    };
    use crate::json::{self, Json};

    // Fields are read into structs that start empty rather than into locals
    // assembled at the end: with a dozen strings read before the struct
    // exists, every `?` would drop a different set of them, and that drop
    // code was most of this module's wasm.

    type Res<T> = Result<T, BundleError>;

    /// The member `key` of `obj`; missing, it is reported as
    /// `<name><suffix>`.
    fn get<'a>(
        obj: &'a Json,
        key: &str,
        item: &Item<'_>,
        name: &str,
        suffix: &str,
    ) -> Res<&'a Json> {
        obj.get(key).ok_or_else(|| item.missing(name, suffix))
    }

    /// `value` if it is an object.
    fn object<'a>(value: &'a Json, item: &Item<'_>, name: &str) -> Res<&'a Json> {
        match value {
            Json::Obj(_) => Ok(value),
            other => Err(item.wrong_type(name, "", "an object", other)),
        }
    }

    /// `value` if it is a string.
    fn str_value<'a>(value: &'a Json, item: &Item<'_>, name: &str, suffix: &str) -> Res<&'a str> {
        match value {
            Json::Str(s) => Ok(s),
            other => Err(item.wrong_type(name, suffix, "a string", other)),
        }
    }

    /// Appends the string `obj[name]` to `out`.
    fn string(obj: &Json, item: &Item<'_>, name: &str, out: &mut String) -> Res<()> {
        out.push_str(str_value(get(obj, name, item, name, "")?, item, name, "")?);
        Ok(())
    }

    fn localized(obj: &Json, item: &Item<'_>, name: &str, out: &mut Localized) -> Res<()> {
        let value = object(get(obj, name, item, name, "")?, item, name)?;
        for (key, suffix, out) in [("it", ".it", &mut out.it), ("en", ".en", &mut out.en)] {
            out.push_str(str_value(
                get(value, key, item, name, suffix)?,
                item,
                name,
                suffix,
            )?);
        }
        Ok(())
    }

    /// An optional array of strings (absent means empty).
    fn strings(obj: &Json, item: &Item<'_>, name: &str, out: &mut Vec<String>) -> Res<()> {
        let items = match obj.get(name) {
            None | Some(Json::Null) => return Ok(()),
            Some(Json::Arr(items)) => items,
            Some(other) => return Err(item.wrong_type(name, "", "an array of strings", other)),
        };
        for v in items {
            match v {
                Json::Str(s) => out.push(s.clone()),
                other => return Err(item.wrong_type(name, "", "an array of strings", other)),
            }
        }
        Ok(())
    }

    fn array<'a>(obj: &'a Json, name: &str) -> Res<&'a [Json]> {
        match get(obj, name, &Item::Bundle, name, "")? {
            Json::Arr(items) => Ok(items),
            other => Err(Item::Bundle.wrong_type(name, "", "an array", other)),
        }
    }

    /// The id of an array element, for naming it in errors.
    fn id_of(value: &Json) -> &str {
        value.get("id").and_then(Json::as_str).unwrap_or("")
    }

    pub(super) fn bundle(json: &str) -> Res<Bundle> {
        let root = json::parse(json).map_err(|e| BundleError::json(&e))?;
        if !matches!(root, Json::Obj(_)) {
            let found = root.type_name();
            return Err(BundleError::json(
                &["the top level is ", found, ", not an object"].concat(),
            ));
        }
        let root = &root;
        let mut bundle = Bundle::default();
        // Another schema version likely has another shape: say that first.
        string(root, &Item::Bundle, "schema", &mut bundle.schema)?;
        if bundle.schema != SCHEMA {
            return Err(schema_error(&bundle.schema));
        }
        let d = &Item::Document;
        let doc = get(root, "document", &Item::Bundle, "document", "")?;
        let doc = object(doc, &Item::Bundle, "document")?;
        let document = &mut bundle.document;
        string(doc, d, "id", &mut document.id)?;
        localized(doc, d, "title", &mut document.title)?;
        string(doc, d, "lang", &mut document.lang)?;
        string(doc, d, "date", &mut document.date)?;
        localized(doc, d, "place", &mut document.place)?;
        document.text = match doc.get("text") {
            None | Some(Json::Null) => None,
            Some(value) => Some(str_value(value, d, "text", "")?.to_owned()),
        };
        for (i, v) in array(root, "sources")?.iter().enumerate() {
            let item = Item::Source(i, id_of(v));
            let v = object(v, &item, "sources")?;
            bundle.sources.push(Source {
                id: String::new(),
                name: Localized::default(),
            });
            let Some(source) = bundle.sources.last_mut() else {
                break;
            };
            string(v, &item, "id", &mut source.id)?;
            localized(v, &item, "name", &mut source.name)?;
        }
        for (i, v) in array(root, "entities")?.iter().enumerate() {
            let item = Item::Entity(i, id_of(v));
            let v = object(v, &item, "entities")?;
            bundle.entities.push(Entity {
                id: String::new(),
                name: String::new(),
                kind: EntityKind::Person,
                role: Localized::default(),
                aliases: Vec::new(),
                metonyms: Vec::new(),
                members: Vec::new(),
            });
            let Some(entity) = bundle.entities.last_mut() else {
                break;
            };
            string(v, &item, "id", &mut entity.id)?;
            string(v, &item, "name", &mut entity.name)?;
            let mut kind = String::new();
            string(v, &item, "kind", &mut kind)?;
            entity.kind = match EntityKind::parse(&kind) {
                Some(kind) => kind,
                None => {
                    return Err(item.err(&[
                        "kind \"",
                        &kind,
                        "\" is not one of person, body, group, document",
                    ]))
                }
            };
            localized(v, &item, "role", &mut entity.role)?;
            strings(v, &item, "aliases", &mut entity.aliases)?;
            strings(v, &item, "metonyms", &mut entity.metonyms)?;
            strings(v, &item, "members", &mut entity.members)?;
        }
        for (i, v) in array(root, "claims")?.iter().enumerate() {
            let item = Item::Claim(i, id_of(v));
            let v = object(v, &item, "claims")?;
            bundle.claims.push(Claim {
                id: String::new(),
                speaker: String::new(),
                source: String::new(),
                mentions: Vec::new(),
                date: String::new(),
                place: Localized::default(),
                text: Localized::default(),
                quote: Quote {
                    text: String::new(),
                    start: 0,
                    end: 0,
                },
                negated: false,
                kind: String::new(),
            });
            let Some(claim) = bundle.claims.last_mut() else {
                break;
            };
            string(v, &item, "id", &mut claim.id)?;
            string(v, &item, "speaker", &mut claim.speaker)?;
            string(v, &item, "source", &mut claim.source)?;
            string(v, &item, "date", &mut claim.date)?;
            localized(v, &item, "place", &mut claim.place)?;
            localized(v, &item, "text", &mut claim.text)?;
            let q = object(get(v, "quote", &item, "quote", "")?, &item, "quote")?;
            let quote = &mut claim.quote;
            let text = get(q, "text", &item, "quote", ".text")?;
            quote
                .text
                .push_str(str_value(text, &item, "quote", ".text")?);
            for (key, suffix, out) in [
                ("start", ".start", &mut quote.start),
                ("end", ".end", &mut quote.end),
            ] {
                let n = get(q, key, &item, "quote", suffix)?;
                *out = n
                    .as_usize()
                    .ok_or_else(|| item.wrong_type("quote", suffix, "a whole number", n))?;
            }
            claim.negated = match v.get("negated") {
                None | Some(Json::Null) => false,
                Some(Json::Bool(b)) => *b,
                Some(other) => return Err(item.wrong_type("negated", "", "a boolean", other)),
            };
            strings(v, &item, "mentions", &mut claim.mentions)?;
            string(v, &item, "kind", &mut claim.kind)?;
        }
        Ok(bundle)
    }
}
