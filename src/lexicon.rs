//! Language knowledge the matcher reads from data (`data/lexicon.json`):
//! stop words, negators, synonyms and opposites in Italian and English.
//!
//! Nothing here is about a particular claim: these are the words a general
//! reader uses ("truppe", "soldati", "boots on the ground"; "mantenere" and
//! "revocare"), so any bundle on any topic can use the same file or carry its
//! own. Entries are matched on stems, so one form covers its inflections.

use serde::{Deserialize, Serialize};

use crate::json::Json;

/// Word lists, one per language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerLang {
    /// Italian entries.
    #[serde(default)]
    pub it: Vec<String>,
    /// English entries.
    #[serde(default)]
    pub en: Vec<String>,
}

/// A set of words and phrases with one meaning, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concept {
    /// Identifier, referenced by [`Lexicon::opposites`].
    pub id: String,
    /// Italian words and phrases.
    #[serde(default)]
    pub it: Vec<String>,
    /// English words and phrases.
    #[serde(default)]
    pub en: Vec<String>,
}

/// The lexicon as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lexicon {
    /// Words that carry no content ("il", "della", "the", "of").
    #[serde(default)]
    pub stopwords: PerLang,
    /// Words and phrases that negate what follows them in their clause
    /// ("non", "né", "mancanza di", "not", "ruled out", "lack of").
    #[serde(default)]
    pub negators: PerLang,
    /// Words that deny by their meaning ("escludere", "ruled out", "lack of"):
    /// they negate their clause like a negator, and a negator before them
    /// cancels them ("non esclude" affirms).
    #[serde(default)]
    pub denials: PerLang,
    /// Phrases whose negator does not negate ("fino a quando non").
    #[serde(default)]
    pub expletives: PerLang,
    /// Words that open a new clause and so end a negation's scope ("ma", "but").
    #[serde(default)]
    pub clause_breaks: PerLang,
    /// Verbs and phrases that introduce who said something ("ha detto",
    /// "announced", "secondo", "according to").
    #[serde(default)]
    pub reporting: PerLang,
    /// Names of places: "Rome said" speaks for a government, not for a
    /// person the bundle does not know.
    #[serde(default)]
    pub places: PerLang,
    /// Abbreviations whose full stop ends no sentence ("Mr.", "Sig.",
    /// "Art."), written without the stop.
    #[serde(default)]
    pub abbreviations: PerLang,
    /// Synonym sets.
    #[serde(default)]
    pub concepts: Vec<Concept>,
    /// Pairs of concept ids with opposite meanings (maintain/lift).
    #[serde(default)]
    pub opposites: Vec<[String; 2]>,
    /// Whether the phrases of the negators, denials, expletives, reporting
    /// phrases and concepts are the analyzer's keys already (their words'
    /// stems, space-separated, each phrase once), as `build.rs` writes them
    /// for [`Lexicon::bundled`]: the wasm ships "sottolin", not
    /// "sottolinea|sottolineare|sottolineato". A lexicon read from JSON holds
    /// the phrases as written.
    #[serde(skip)]
    pub stemmed: bool,
    /// Free text for people editing the file.
    #[serde(default, rename = "_comment", skip_serializing)]
    pub comment: String,
}

impl Lexicon {
    /// The lexicon shipped with Fonte.
    ///
    /// Read from the line form `build.rs` writes (the word lists in field
    /// order, Italian then English, one line each; the opposites as one line
    /// of concept ids, two per pair; then one line per concept: id, Italian,
    /// English, tab-separated; entries separated by `|`): a `split` instead
    /// of the JSON reader, and fewer bytes. Its phrases come [`stemmed`]
    /// (`Lexicon::stemmed`). It is `data/lexicon.json` as the analyzer reads
    /// it with [`Lexicon::from_json`], which validates it: the tests compare
    /// the analyzers built from the two.
    pub fn bundled() -> Lexicon {
        let mut lines = crate::data::BUNDLED_LEXICON_LINES.split('\n');
        let mut per_lang = || PerLang {
            it: entries(lines.next()),
            en: entries(lines.next()),
        };
        let (stopwords, negators, denials) = (per_lang(), per_lang(), per_lang());
        let (expletives, clause_breaks) = (per_lang(), per_lang());
        let (reporting, places, abbreviations) = (per_lang(), per_lang(), per_lang());
        // Loops rather than iterator chains, which cost the wasm a few
        // functions each.
        let mut opposites = Vec::new();
        for pair in entries(lines.next()).chunks_exact(2) {
            opposites.push([pair[0].clone(), pair[1].clone()]);
        }
        let mut concepts = Vec::new();
        for line in lines {
            let mut fields = line.split('\t');
            concepts.push(Concept {
                id: fields.next().unwrap_or_default().to_owned(),
                it: entries(fields.next()),
                en: entries(fields.next()),
            });
        }
        Lexicon {
            stopwords,
            negators,
            denials,
            expletives,
            clause_breaks,
            reporting,
            places,
            abbreviations,
            concepts,
            opposites,
            stemmed: true,
            comment: String::new(),
        }
    }

    /// Reads a lexicon from JSON (the shape of `data/lexicon.json`) and
    /// validates it.
    pub fn from_json(text: &str) -> Result<Lexicon, String> {
        let root = crate::json::parse(text)?;
        if !matches!(root, Json::Obj(_)) {
            return Err("lexicon: should be a JSON object".to_owned());
        }
        let words = |v: Option<&Json>, what: &str| -> Result<Vec<String>, String> {
            match v {
                None => Ok(Vec::new()),
                Some(Json::Arr(items)) => items
                    .iter()
                    .map(|w| {
                        w.as_str()
                            .map(str::to_owned)
                            .ok_or_else(|| ["lexicon: ", what, " should list strings"].concat())
                    })
                    .collect(),
                Some(_) => Err(["lexicon: ", what, " should be an array of strings"].concat()),
            }
        };
        let per_lang = |key: &str| -> Result<PerLang, String> {
            let v = root.get(key);
            Ok(PerLang {
                it: words(v.and_then(|v| v.get("it")), key)?,
                en: words(v.and_then(|v| v.get("en")), key)?,
            })
        };
        let mut concepts = Vec::new();
        for c in root.get("concepts").and_then(Json::as_array).unwrap_or(&[]) {
            let id = c
                .get("id")
                .and_then(Json::as_str)
                .ok_or("lexicon: a concept has no id")?;
            concepts.push(Concept {
                id: id.to_owned(),
                it: words(c.get("it"), id)?,
                en: words(c.get("en"), id)?,
            });
        }
        let mut opposites = Vec::new();
        for pair in root
            .get("opposites")
            .and_then(Json::as_array)
            .unwrap_or(&[])
        {
            match words(Some(pair), "opposites")?.as_slice() {
                [a, b] => opposites.push([a.clone(), b.clone()]),
                _ => {
                    return Err("lexicon: each opposite should be a pair of concept ids".to_owned())
                }
            }
        }
        let lexicon = Lexicon {
            stopwords: per_lang("stopwords")?,
            negators: per_lang("negators")?,
            denials: per_lang("denials")?,
            expletives: per_lang("expletives")?,
            clause_breaks: per_lang("clause_breaks")?,
            reporting: per_lang("reporting")?,
            places: per_lang("places")?,
            abbreviations: per_lang("abbreviations")?,
            concepts,
            opposites,
            stemmed: false,
            comment: String::new(),
        };
        lexicon.validate()?;
        Ok(lexicon)
    }

    /// Checks that every opposite names a known concept and that no concept
    /// id repeats; the error names the offending entry.
    pub fn validate(&self) -> Result<(), String> {
        // Ids sorted, ties by position: every use of an id after its first
        // follows it (a sorted list, not a hash set: see `crate::sort`).
        let mut ids: Vec<(&str, usize)> = self
            .concepts
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        crate::sort::sort(&mut ids);
        let mut repeated = vec![false; ids.len()];
        for pair in ids.windows(2) {
            if pair[0].0 == pair[1].0 {
                repeated[pair[1].1] = true;
            }
        }
        for (c, repeated) in self.concepts.iter().zip(repeated) {
            if c.id.is_empty() {
                return Err("lexicon: a concept has an empty id".to_owned());
            }
            if repeated {
                return Err(["lexicon: concept \"", &c.id, "\" is defined twice"].concat());
            }
        }
        for [a, b] in &self.opposites {
            for id in [a, b] {
                if ids.binary_search_by(|(k, _)| k.cmp(&id.as_str())).is_err() {
                    return Err([
                        "lexicon: opposite \"",
                        a,
                        "\"/\"",
                        b,
                        "\" names unknown concept \"",
                        id,
                        "\"",
                    ]
                    .concat());
                }
            }
        }
        Ok(())
    }
}

/// The entries of one line of [`crate::data::BUNDLED_LEXICON_LINES`].
fn entries(line: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(line) = line.filter(|line| !line.is_empty()) {
        for entry in line.split('|') {
            out.push(entry.to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines are the JSON as the analyzer reads it: the lists it takes
    /// as written are the same, and the stemmed phrases give the very same
    /// analyzer. (The corpus tests, which use the lines, then hold for the
    /// JSON too.)
    #[test]
    fn the_bundled_lines_are_the_bundled_json() {
        let json = Lexicon::from_json(crate::data::BUNDLED_LEXICON).expect("valid");
        let lines = Lexicon::bundled();
        assert!(lines.stemmed && !json.stemmed);
        assert!(json.concepts.len() > 10 && json.opposites.len() > 3);
        let as_written = |l: &Lexicon| {
            let ids: Vec<String> = l.concepts.iter().map(|c| c.id.clone()).collect();
            let lists = [&l.stopwords, &l.clause_breaks, &l.places, &l.abbreviations];
            (lists.map(Clone::clone), ids, l.opposites.clone())
        };
        assert_eq!(as_written(&lines), as_written(&json));

        let bundle = crate::claims::Bundle::bundled();
        let analyzer = |l: &Lexicon| crate::analysis::Analyzer::new(l, &bundle);
        assert!(analyzer(&lines) == analyzer(&json), "the analyzers differ");

        // Stemmed, "sottolinea" and "sottolineare" are one entry.
        let phrases = |l: &Lexicon| -> usize {
            let lists = [&l.negators, &l.denials, &l.expletives, &l.reporting];
            let lists = lists.iter().map(|p| p.it.len() + p.en.len()).sum::<usize>();
            lists
                + l.concepts
                    .iter()
                    .map(|c| c.it.len() + c.en.len())
                    .sum::<usize>()
        };
        assert!(phrases(&lines) < phrases(&json) * 9 / 10);
        let stems = |c: &Concept| {
            c.it.iter()
                .chain(&c.en)
                .all(|p| !p.is_empty() && p == &p.to_lowercase())
        };
        assert!(lines.concepts.iter().all(stems));
    }

    /// A stemmed lexicon is read as stems: the same words, stemmed twice,
    /// could be other keys.
    #[test]
    fn stemmed_phrases_are_keys_as_they_are() {
        let bundle = crate::claims::Bundle::bundled();
        let lexicon = |stemmed: bool, phrase: &str| Lexicon {
            concepts: vec![Concept {
                id: "keep".to_owned(),
                it: vec![phrase.to_owned()],
                en: Vec::new(),
            }],
            stemmed,
            ..Lexicon::default()
        };
        let analyzer = |l: &Lexicon| crate::analysis::Analyzer::new(l, &bundle);
        let as_written = analyzer(&lexicon(false, "Mantenere la pressione"));
        let keys = analyzer(&lexicon(true, "manten la pression"));
        assert!(as_written == keys);
        assert!(as_written != analyzer(&lexicon(true, "mantenere la pressione")));
    }

    fn concepts(ids: &[&str], opposites: &[[&str; 2]]) -> Result<Lexicon, String> {
        let concepts: Vec<String> = ids
            .iter()
            .map(|id| format!("{{\"id\":\"{id}\"}}"))
            .collect();
        let opposites: Vec<String> = opposites
            .iter()
            .map(|[a, b]| format!("[\"{a}\",\"{b}\"]"))
            .collect();
        Lexicon::from_json(&format!(
            "{{\"concepts\":[{}],\"opposites\":[{}]}}",
            concepts.join(","),
            opposites.join(",")
        ))
    }

    #[test]
    fn validation_names_the_first_offending_entry() {
        assert!(concepts(&["keep", "lift"], &[["keep", "lift"]]).is_ok());
        let twice = concepts(&["b", "a", "c", "a", "b"], &[]).unwrap_err();
        assert_eq!(twice, "lexicon: concept \"a\" is defined twice");
        let empty = concepts(&["a", "", "a"], &[]).unwrap_err();
        assert_eq!(empty, "lexicon: a concept has an empty id");
        let unknown = concepts(&["keep", "lift"], &[["keep", "lift"], ["lift", "drop"]]);
        assert_eq!(
            unknown.unwrap_err(),
            "lexicon: opposite \"lift\"/\"drop\" names unknown concept \"drop\""
        );
        let not_pair = concepts(&["keep"], &[["keep", "keep"]]).map(|_| ());
        assert_eq!(not_pair, Ok(()));
        assert_eq!(
            Lexicon::from_json("{\"opposites\":[[\"a\"]]}").unwrap_err(),
            "lexicon: each opposite should be a pair of concept ids"
        );
        assert_eq!(
            Lexicon::from_json("{\"concepts\":[{\"it\":[]}]}").unwrap_err(),
            "lexicon: a concept has no id"
        );
        assert_eq!(
            Lexicon::from_json("{\"stopwords\":{\"it\":[1]}}").unwrap_err(),
            "lexicon: stopwords should list strings"
        );
        assert_eq!(
            Lexicon::from_json("{\"negators\":{\"en\":\"not\"}}").unwrap_err(),
            "lexicon: negators should be an array of strings"
        );
        assert_eq!(
            Lexicon::from_json("[]").unwrap_err(),
            "lexicon: should be a JSON object"
        );
    }
}
