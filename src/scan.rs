//! The publisher's pre-publication check: every sentence of an article that
//! matches a claim, with its position in the file.

use serde::Serialize;

use crate::matcher::Matcher;
use crate::verdict::{CheckResult, Lang, Verdict};

/// A sentence of the article that states, misattributes or contradicts a claim.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// 1-based line of the sentence's first character in the file.
    pub line: usize,
    /// 1-based column (in characters) of that character.
    pub column: usize,
    /// Offset of the sentence in the file (Unicode scalar values).
    pub start: usize,
    /// End of the sentence in the file (Unicode scalar values).
    pub end: usize,
    /// The sentence as the reader sees it.
    pub text: String,
    /// The check result for the sentence.
    pub result: CheckResult,
}

/// Tags whose content a reader never sees.
const HIDDEN: [&str; 5] = ["script", "style", "noscript", "template", "head"];
/// Tags that end a line of text.
const BLOCKS: [&str; 24] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "figcaption",
    "td",
    "th",
    "tr",
    "title",
    "aside",
    "nav",
];

/// The visible text of an HTML document, with, for every char of the text,
/// the offset (in chars) of the char of the source it came from.
///
/// A small, forgiving extractor for articles, not a full HTML parser: tags
/// are dropped, block tags become line breaks, hidden elements are skipped,
/// and the common character references are decoded.
pub fn html_to_text(html: &str) -> (String, Vec<usize>) {
    let chars: Vec<char> = html.chars().collect();
    let mut text = String::new();
    let mut map = Vec::new();
    let mut hidden: Option<String> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '<' {
            let close = chars[i..].iter().position(|&c| c == '>').map(|p| i + p);
            let Some(close) = close else { break };
            let inner: String = chars[i + 1..close].iter().collect();
            let is_end = inner.starts_with('/');
            let name: String = inner
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            match &hidden {
                Some(h) if is_end && *h == name => hidden = None,
                Some(_) => {}
                None if !is_end && HIDDEN.contains(&name.as_str()) && !inner.ends_with('/') => {
                    hidden = Some(name.clone())
                }
                None => {
                    if BLOCKS.contains(&name.as_str()) {
                        text.push('\n');
                        map.push(i);
                    }
                }
            }
            i = close + 1;
            continue;
        }
        if hidden.is_some() {
            i += 1;
            continue;
        }
        if c == '&' {
            let end = chars[i..]
                .iter()
                .take(12)
                .position(|&c| c == ';')
                .map(|p| i + p);
            if let Some(end) = end {
                let entity: String = chars[i + 1..end].iter().collect();
                if let Some(decoded) = decode_entity(&entity) {
                    text.push(decoded);
                    map.push(i);
                    i = end + 1;
                    continue;
                }
            }
        }
        text.push(if c == '\n' || c == '\r' || c == '\t' {
            ' '
        } else {
            c
        });
        map.push(i);
        i += 1;
    }
    (text, map)
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "laquo" => '«',
        "raquo" => '»',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "egrave" => 'è',
        "eacute" => 'é',
        "agrave" => 'à',
        "igrave" => 'ì',
        "ograve" => 'ò',
        "ugrave" => 'ù',
        _ => return None,
    })
}

/// Checks every sentence of `source` (plain text, or HTML when `is_html`)
/// and returns those that match a claim, in order.
pub fn scan(matcher: &Matcher, source: &str, is_html: bool, lang: Option<Lang>) -> Vec<Finding> {
    let (text, map) = if is_html {
        html_to_text(source)
    } else {
        (source.to_owned(), (0..source.chars().count()).collect())
    };
    let source_chars: Vec<char> = source.chars().collect();
    let text_chars: Vec<char> = text.chars().collect();
    let mut findings = Vec::new();
    for (s, e) in matcher.sentences(&text) {
        let sentence: String = text_chars[s..e].iter().collect();
        let result = matcher.check_in(&sentence, lang);
        if result.verdict == Verdict::NoMatch {
            continue;
        }
        let start = map[s];
        let end = map[e - 1] + 1;
        let (line, column) = line_column(&source_chars, start);
        findings.push(Finding {
            line,
            column,
            start,
            end,
            text: sentence,
            result,
        });
    }
    findings
}

fn line_column(chars: &[char], offset: usize) -> (usize, usize) {
    let before = &chars[..offset.min(chars.len())];
    let line = before.iter().filter(|&&c| c == '\n').count() + 1;
    let column = before.iter().rev().take_while(|&&c| c != '\n').count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_visible_text_with_offsets() {
        let html = "<html><head><title>T</title></head><body><p>Ciao&nbsp;<b>mondo</b> &amp; c.</p><script>x()</script><p>Due</p></body></html>";
        let (text, map) = html_to_text(html);
        assert_eq!(text.trim(), "Ciao\u{a0}mondo & c.\n\nDue");
        let chars: Vec<char> = html.chars().collect();
        let m = text.chars().position(|c| c == 'm').unwrap();
        assert_eq!(chars[map[m]], 'm');
    }

    #[test]
    fn reports_lines_and_columns() {
        let chars: Vec<char> = "ab\ncd".chars().collect();
        assert_eq!(line_column(&chars, 0), (1, 1));
        assert_eq!(line_column(&chars, 4), (2, 2));
    }
}
