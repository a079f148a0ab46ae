//! `fonte::stem` gives the same stems as `rust-stemmers` 1.2, the crate it
//! replaces, on every word Fonte ships (claims, lexicon, report, test
//! sets, README, demo pages), on forms built from every suffix of both
//! algorithms, and on seeded pseudo-random words.
//!
//! The suffix lists below are the `among` tables of rust-stemmers'
//! generated code, copied from it, not from `src/stem.rs`: a suffix missing
//! there shows up here.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;

use rust_stemmers::{Algorithm, Stemmer};

mod common;
use common::Lcg;

const IT_PRONOUNS: &str = "la cela gliela mela tela vela le cele gliele mele tele vele ne cene \
    gliene mene sene tene vene ci li celi glieli meli teli veli gli mi si ti vi lo celo glielo \
    melo telo velo";
const IT_BEFORE_PRONOUN: &str = "ando endo ar er ir";
const IT_STANDARD: &str = "ica osa ista anza ice atrice iche abile ibile ose ante mente iste \
    anze ici atrici ichi abili ibili ismi osi anti isti ico ismo oso istà istè istì logia logie \
    iva ive ivi ivo enza enze usione uzione usioni uzioni azione atore azioni atori amente \
    amenti imenti amento imento ità";
const IT_VERB: &str = "isca enda ata ita uta ava eva iva erebbe irebbe isce ende are ere ire \
    asse ate avate evate ivate ete erete irete ite ereste ireste ute erai irai isci endi erei \
    irei assi ati iti eresti iresti uti avi evi ivi isco ando endo iamo avamo evamo ivamo eremo \
    iremo assimo ammo emmo eremmo iremmo immo ano iscano avano evano ivano eranno iranno ono \
    iscono arono erono irono erebbero irebbero assero essero issero ato ito uto avo evo ivo ar \
    ir erà irà erò irò";
const IT_AFTER_STANDARD: &str = "ic abil os iv at ativ icat ivat";
const IT_VOWEL: &str = "a e i o u à è ì ò ù ia ie io h ch gh chi ghi";

const EN_STEP1A: &str = "' 's' 's ied s ies sses ss us";
const EN_STEP1B: &str = "ed eed ing edly eedly ingly";
const EN_STEP1B_STEMS: &str = "bb dd ff gg bl mm nn pp rr at tt iz";
const EN_STEP2: &str = "anci enci ogi li bli abli alli fulli lessli ousli entli aliti biliti \
    iviti tional ational alism ation ization izer ator iveness fulness ousness";
const EN_STEP3: &str = "icate ative alize iciti ical tional ational ful ness";
const EN_STEP4: &str = "ic ance ence able ible ate ive ize iti al ism ion er ous ant ent \
    ment ement";
const EN_STEP5: &str = "e l ll y";
const EN_EXCEPTIONS: &str = "skis skies dying lying tying idly gently ugly early only singly \
    sky news howe atlas cosmos bias andes succeed proceed exceed canning inning earring \
    herring outing arsenal arsenic communism community generate general generously";
const EN_LI: &str = "c d e g h k m n r t l s b";

fn words(list: &str) -> impl Iterator<Item = &str> {
    list.split_whitespace()
}

/// Picks and words from the seeded generator: the same on every run.
impl Lcg {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn word(&mut self, letters: &[char], max_len: usize) -> String {
        let len = 1 + self.below(max_len);
        (0..len)
            .map(|_| letters[self.below(letters.len())])
            .collect()
    }
}

/// The words of the files Fonte ships and tests on: as Fonte tokenizes
/// them, and as raw lowercase words (accents, apostrophes and all).
fn shipped_words(out: &mut BTreeSet<String>) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![
        root.join("data/claims.json"),
        root.join("data/lexicon.json"),
        root.join("README.md"),
    ];
    for (dir, ext) in [
        ("data/source", "txt"),
        ("tests/data", "jsonl"),
        ("www", "html"),
    ] {
        for entry in std::fs::read_dir(root.join(dir)).expect("directory should exist") {
            let path = entry.expect("directory should list").path();
            if path.extension().is_some_and(|e| e == ext) {
                files.push(path);
            }
        }
    }
    for path in &files {
        let text = std::fs::read_to_string(path).expect("shipped file should be UTF-8");
        for token in fonte::normalize::tokenize(&text) {
            out.insert(token.text);
        }
        let lower = text.to_lowercase();
        let raw = lower.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'));
        for word in raw.filter(|w| !w.is_empty()) {
            out.insert(word.to_owned());
            out.insert(word.replace('\u{2019}', "'"));
        }
    }
    files.len()
}

/// Stems with every suffix of the Italian algorithm's steps, alone, after
/// the suffixes the steps remove next, and before attached pronouns.
fn italian_forms(out: &mut BTreeSet<String>) {
    let stems = [
        "", "a", "b", "ab", "ba", "qu", "c", "g", "port", "parl", "cant", "and", "ved", "fin",
        "gener", "nazion", "realizz", "aiu", "noi", "guai", "quiet", "acqu", "ciel", "pag", "luc",
        "sc", "abb", "oper", "ide", "ieri", "uov", "ia", "ua", "aeio", "ruin", "pol", "amic",
        "sicur", "pres", "ragù", "città", "perché", "sé", "piú", "èra", "àut", "oú",
    ];
    let suffixes: Vec<&str> = words(IT_STANDARD)
        .chain(words(IT_VERB))
        .chain(words(IT_VOWEL))
        .chain(words(IT_PRONOUNS))
        .chain([""])
        .collect();
    let mids: Vec<&str> = words(IT_AFTER_STANDARD).chain([""]).collect();
    for stem in stems {
        for mid in &mids {
            for suffix in &suffixes {
                out.insert(format!("{stem}{mid}{suffix}"));
            }
        }
        for before in words(IT_BEFORE_PRONOUN).chain(["are", "ere", "ire", "a", "i"]) {
            for pronoun in words(IT_PRONOUNS) {
                out.insert(format!("{stem}{before}{pronoun}"));
            }
        }
    }
    // `u` and `i` between vowels, after `q`, at the edges.
    for w in [
        "aiuola",
        "guaio",
        "quieto",
        "aiuto",
        "iuta",
        "uia",
        "aui",
        "qua",
        "qui",
        "quo",
        "aqua",
        "acquaio",
        "aiuiu",
        "eui",
        "uu",
        "ii",
        "iuiu",
        "noia",
        "buio",
        "cuoio",
        "tuoi",
        "suoi",
        "quadri",
        "squilibrio",
        "piuma",
        "aúa",
        "aía",
        "éu",
        "uéu",
        "chiacchiere",
        "ghiaccio",
    ] {
        out.insert(w.to_owned());
    }
}

/// Stems with every suffix of the English algorithm's steps, alone and
/// followed by the inflections step 1 removes first.
fn english_forms(out: &mut BTreeSet<String>) {
    let stems = [
        "", "a", "b", "ab", "sk", "gener", "commun", "arsen", "happ", "hop", "tap", "fil", "run",
        "lov", "bu", "sa", "pla", "cr", "ski", "tr", "deci", "nation", "rel", "condit", "valen",
        "hes", "dig", "cont", "adopt", "effect", "reduc", "allow", "fix", "sew", "yo", "y", "ey",
        "ti", "kn", "irr", "cal", "fal", "sens", "formal", "electr", "hope", "control", "bak", "'",
        "'y", "oy", "yay", "bey", "æ", "naï", "x",
    ];
    let suffixes: Vec<&str> = words(EN_STEP1A)
        .chain(words(EN_STEP1B))
        .chain(words(EN_STEP1B_STEMS))
        .chain(words(EN_STEP2))
        .chain(words(EN_STEP3))
        .chain(words(EN_STEP4))
        .chain(words(EN_STEP5))
        .chain([""])
        .collect();
    let inflections = [
        "", "s", "es", "ed", "ing", "ly", "'s", "'", "'s'", "ness", "er", "e", "y", "ies",
    ];
    for stem in stems {
        for suffix in &suffixes {
            for inflection in inflections {
                out.insert(format!("{stem}{suffix}{inflection}"));
            }
        }
        for li in words(EN_LI) {
            out.insert(format!("{stem}{li}li"));
        }
    }
    for w in words(EN_EXCEPTIONS) {
        for form in [
            w.to_owned(),
            format!("{w}s"),
            format!("{w}'s"),
            format!("x{w}"),
            format!("'{w}"),
            format!("{w}ly"),
        ] {
            out.insert(form);
        }
    }
    for w in [
        "yes", "yoyo", "sayings", "enjoying", "yaying", "ayy", "byy", "'yes", "y'all", "'''", "o'",
        "'a'", "rhythm", "cry", "by", "say", "boy", "toy", "happy", "sky's", "dying's",
    ] {
        out.insert(w.to_owned());
    }
}

/// Every word of one, two and three letters over a small alphabet of
/// vowels, the letters the rules name, and the marks.
fn short_words(out: &mut BTreeSet<String>) {
    let letters: Vec<char> = "aeiouybcdlnst'qhàèéùìò".chars().collect();
    for &a in &letters {
        out.insert(a.to_string());
        for &b in &letters {
            out.insert(format!("{a}{b}"));
            for &c in &letters {
                out.insert(format!("{a}{b}{c}"));
            }
        }
    }
}

/// Seeded pseudo-random words: free letter strings, and random stems with
/// random suffixes from the tables.
fn random_words(out: &mut BTreeSet<String>) {
    let mut rng = Lcg(0x5eed_f047e);
    let it_letters: Vec<char> = "aaeeiioouuàèéìòùbccdfgghlmnpqrrssttvz".chars().collect();
    let en_letters: Vec<char> = "aaeeiioouuyybcdefghijklmnopqrstuvwxyz'".chars().collect();
    let it_suffixes: Vec<&str> = words(IT_STANDARD)
        .chain(words(IT_VERB))
        .chain(words(IT_VOWEL))
        .chain(words(IT_AFTER_STANDARD))
        .collect();
    let it_pronouns: Vec<&str> = words(IT_PRONOUNS).chain(words(IT_BEFORE_PRONOUN)).collect();
    let en_suffixes: Vec<&str> = words(EN_STEP1A)
        .chain(words(EN_STEP1B))
        .chain(words(EN_STEP2))
        .chain(words(EN_STEP3))
        .chain(words(EN_STEP4))
        .chain(words(EN_STEP5))
        .collect();
    for _ in 0..6000 {
        out.insert(rng.word(&it_letters, 14));
        out.insert(rng.word(&en_letters, 14));
        let stem = rng.word(&it_letters, 6);
        let (a, b) = (rng.pick(&it_suffixes), rng.pick(&it_pronouns));
        out.insert(format!("{stem}{a}"));
        out.insert(format!("{stem}{a}{b}"));
        let stem = rng.word(&en_letters, 6);
        let (a, b) = (rng.pick(&en_suffixes), rng.pick(&en_suffixes));
        out.insert(format!("{stem}{a}"));
        out.insert(format!("{stem}{a}{b}"));
    }
}

/// Words Fonte's tokenizer never produces, for robustness: other scripts,
/// ASCII capitals, digits, combining marks, separators.
fn odd_words(out: &mut BTreeSet<String>) {
    for w in [
        "ωμέγα",
        "москва",
        "日本語",
        "straße",
        "naïve",
        "a\u{301}",
        "x2y",
        "2026",
        "ｆｕｌｌ",
        "Yes",
        "YY",
        "QUI",
        "Iuta",
        "AIUOLA",
        "sKIS",
        "ÀÉÌ",
        "ﬁne",
        "e\u{300}",
        "🙂",
        "a🙂i",
        "ǎǐǒ",
        "ĳ",
        "\u{0}",
        " ",
        "-",
        "ma-ma",
        "abbandonò",
        "perché",
        "così",
        "più",
    ] {
        out.insert(w.to_owned());
    }
}

#[test]
fn stems_equal_rust_stemmers() {
    let mut all = BTreeSet::new();
    let files = shipped_words(&mut all);
    let shipped = all.len();
    italian_forms(&mut all);
    english_forms(&mut all);
    short_words(&mut all);
    random_words(&mut all);
    odd_words(&mut all);

    let italian = Stemmer::create(Algorithm::Italian);
    let english = Stemmer::create(Algorithm::English);
    let mut wrong = Vec::new();
    // Fonte's words are lowercase; on ASCII capitals (the odd words only)
    // fonte::stem lowers its whole stem, rust-stemmers only its own marks.
    let expect = |stem: std::borrow::Cow<str>, w: &str| {
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            stem.to_ascii_lowercase()
        } else {
            stem.into_owned()
        }
    };
    for w in &all {
        let (expected, got) = (expect(italian.stem(w), w), fonte::stem::italian(w));
        if expected != got {
            wrong.push(format!(
                "italian {w:?}: rust-stemmers {expected:?}, fonte {got:?}"
            ));
        }
        let (expected, got) = (expect(english.stem(w), w), fonte::stem::english(w));
        if expected != got {
            wrong.push(format!(
                "english {w:?}: rust-stemmers {expected:?}, fonte {got:?}"
            ));
        }
    }
    println!(
        "compared {} words ({shipped} from {files} shipped files) in both languages",
        all.len()
    );
    assert!(
        wrong.is_empty(),
        "{} stems differ, first ones:\n{}",
        wrong.len(),
        wrong[..wrong.len().min(40)].join("\n")
    );
}

/// The stems Fonte's matching relies on, spelled out.
#[test]
fn known_stems() {
    for (word, stem) in [
        ("rassicurazione", "rassicur"),
        ("annunciato", "annunc"),
        ("annuncia", "annunc"),
        ("garanzie", "garanz"),
        ("portandolo", "port"),
        ("città", "citt"),
    ] {
        assert_eq!(fonte::stem::italian(word), stem, "italian {word}");
    }
    for (word, stem) in [
        ("guarantees", "guarante"),
        ("guaranteed", "guarante"),
        ("skies", "sky"),
        ("dying", "die"),
        ("news", "news"),
        ("generously", "generous"),
        ("hopping", "hop"),
        ("hoped", "hope"),
    ] {
        assert_eq!(fonte::stem::english(word), stem, "english {word}");
    }
}
