//! The result of a check: one serde type shared by the CLI and the JS API.

use serde::{Deserialize, Serialize};

/// How a selection relates to the bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The source says this, and the selection names the right speaker or none.
    Supported,
    /// The source says this, but the selection puts it in someone else's mouth.
    Misattributed,
    /// The selection negates or reverses what the source says.
    Contradicted,
    /// Nothing in the bundle states this.
    NoMatch,
}

impl Verdict {
    /// The wire name (`"supported"`, `"no_match"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Misattributed => "misattributed",
            Verdict::Contradicted => "contradicted",
            Verdict::NoMatch => "no_match",
        }
    }
}

/// A language Fonte speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Italian.
    #[default]
    It,
    /// English.
    En,
}

impl Lang {
    /// Parses `"it"` / `"en"` (and regional forms such as `"en-GB"`).
    pub fn parse(tag: &str) -> Option<Lang> {
        // Bytes, not `to_ascii_lowercase` on a copy: no allocation.
        let primary = tag.as_bytes().split(|&b| b == b'-' || b == b'_').next()?;
        match primary {
            [a, b] => match [a.to_ascii_lowercase(), b.to_ascii_lowercase()] {
                [b'i', b't'] => Some(Lang::It),
                [b'e', b'n'] => Some(Lang::En),
                _ => None,
            },
            _ => None,
        }
    }

    /// The BCP 47 tag.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
        }
    }
}

/// The claim a selection was matched to, ready to display.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRef {
    /// Claim id in the bundle.
    pub id: String,
    /// Display name of who made the statement according to the source.
    pub speaker: String,
    /// The speaker's role, in the result's language.
    pub speaker_role: String,
    /// The claim, in the result's language.
    pub text: String,
    /// The verbatim passage of the source document.
    pub quote: String,
    /// Start of the passage in the source document (Unicode scalar values).
    pub quote_start: usize,
    /// End of the passage in the source document (Unicode scalar values).
    pub quote_end: usize,
    /// Through what the report attributes the statement, in the result's language.
    pub source: String,
    /// Title of the source document, in the result's language.
    pub document: String,
    /// Date of the statement, ISO 8601.
    pub date: String,
    /// Place of the statement, in the result's language.
    pub place: String,
}

/// The answer for one selection (or one sentence of it, in [`CheckResult::parts`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckResult {
    /// The verdict.
    pub verdict: Verdict,
    /// Confidence in the verdict, 0 to 1; higher means surer.
    pub score: f64,
    /// The matched claim; `None` for [`Verdict::NoMatch`].
    pub claim: Option<ClaimRef>,
    /// For [`Verdict::Misattributed`]: whom the selection names.
    pub attributed_to: Option<String>,
    /// One short sentence saying why, in [`CheckResult::lang`].
    pub explanation: String,
    /// Language of the explanation and of the claim fields.
    pub lang: Lang,
    /// Start of the judged text in the input (Unicode scalar values).
    pub start: usize,
    /// End of the judged text in the input (Unicode scalar values).
    pub end: usize,
    /// True when the input exceeded [`crate::MAX_INPUT_BYTES`] and only its
    /// beginning was checked.
    pub truncated: bool,
    /// For selections of several sentences: one result per sentence, in
    /// order (their own `parts` are empty). Empty for a single sentence.
    pub parts: Vec<CheckResult>,
}

impl CheckResult {
    /// The result as JSON, the same shape as its serde serialization; the
    /// widget hands it to the page with `JSON.parse`, so no serializer is
    /// shipped to the browser.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(512);
        self.write_json(&mut out);
        out
    }

    fn write_json(&self, out: &mut String) {
        use crate::json::{write_str, write_unit};
        let num = crate::json::write_uint;
        out.push_str("{\"verdict\":");
        write_str(out, self.verdict.as_str());
        out.push_str(",\"score\":");
        write_unit(out, self.score);
        out.push_str(",\"claim\":");
        match &self.claim {
            None => out.push_str("null"),
            Some(c) => {
                let fields: [(&str, &str); 9] = [
                    ("id", &c.id),
                    ("speaker", &c.speaker),
                    ("speaker_role", &c.speaker_role),
                    ("text", &c.text),
                    ("quote", &c.quote),
                    ("source", &c.source),
                    ("document", &c.document),
                    ("date", &c.date),
                    ("place", &c.place),
                ];
                for (i, (k, v)) in fields.iter().enumerate() {
                    out.push(if i == 0 { '{' } else { ',' });
                    write_str(out, k);
                    out.push(':');
                    write_str(out, v);
                }
                out.push_str(",\"quote_start\":");
                num(out, c.quote_start);
                out.push_str(",\"quote_end\":");
                num(out, c.quote_end);
                out.push('}');
            }
        }
        out.push_str(",\"attributed_to\":");
        match &self.attributed_to {
            None => out.push_str("null"),
            Some(a) => write_str(out, a),
        }
        out.push_str(",\"explanation\":");
        write_str(out, &self.explanation);
        out.push_str(",\"lang\":");
        write_str(out, self.lang.as_str());
        out.push_str(",\"start\":");
        num(out, self.start);
        out.push_str(",\"end\":");
        num(out, self.end);
        out.push_str(",\"truncated\":");
        out.push_str(if self.truncated { "true" } else { "false" });
        out.push_str(",\"parts\":[");
        for (i, p) in self.parts.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            p.write_json(out);
        }
        out.push_str("]}");
    }
}
