//! The `fonte` command line: check selections, scan articles, list claims.
//!
//! ```text
//! fonte check [--lang it|en] [TEXT...]   one JSON result (TEXT or standard input)
//! fonte check --lines [--lang it|en]     one selection per input line, JSON Lines out
//! fonte scan [--lang it|en] FILE         every matching sentence of a .txt/.html article
//! fonte claims [--jsonld] [--lang it|en] the bundled claims, as a table or ClaimReview JSON-LD
//! fonte pack [--document FILE] BUNDLE    a JSON claims bundle, validated, as the pack the widget loads
//! ```
//!
//! Exit status: 0 on success, 1 when a file or standard input can't be read
//! or a bundle breaks a rule, 2 on bad usage.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::{BufRead, Read, Write};

    use fonte::{Bundle, Lang, Matcher};

    const USAGE: &str = "usage: fonte check [--lang it|en] [--lines] [TEXT...]
       fonte scan [--lang it|en] FILE
       fonte claims [--jsonld] [--lang it|en]
       fonte pack [--document FILE] BUNDLE.json";

    /// Options shared by the subcommands.
    #[derive(Default)]
    struct Opts {
        lang: Option<Lang>,
        lines: bool,
        jsonld: bool,
        document: Option<String>,
        rest: Vec<String>,
    }

    fn parse(args: &[String]) -> Result<Opts, String> {
        let mut opts = Opts::default();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--lang" => {
                    let v = it.next().ok_or("--lang needs a value: it or en")?;
                    opts.lang = Some(
                        Lang::parse(v).ok_or(format!("unknown language {v:?}: use it or en"))?,
                    );
                }
                "--lines" => opts.lines = true,
                "--jsonld" => opts.jsonld = true,
                "--document" => {
                    let v = it.next().ok_or("--document needs a FILE")?;
                    opts.document = Some(v.clone());
                }
                "--" => opts.rest.extend(it.by_ref().cloned()),
                s if s.starts_with("--") => return Err(format!("unknown option {s}")),
                _ => opts.rest.push(a.clone()),
            }
        }
        Ok(opts)
    }

    /// Runs the command line; returns the exit status.
    pub fn run(args: Vec<String>) -> i32 {
        let Some((cmd, rest)) = args.split_first() else {
            eprintln!("{USAGE}");
            return 2;
        };
        let opts = match parse(rest) {
            Ok(o) => o,
            Err(e) => {
                eprintln!("fonte: {e}\n{USAGE}");
                return 2;
            }
        };
        let result = match cmd.as_str() {
            "check" => check(&opts),
            "scan" => scan(&opts),
            "claims" => claims(&opts),
            "pack" => pack(&opts),
            "-h" | "--help" | "help" => {
                println!("{USAGE}");
                Ok(())
            }
            "-V" | "--version" => {
                println!("fonte {}", env!("CARGO_PKG_VERSION"));
                Ok(())
            }
            other => Err(Failure::Usage(format!("unknown command {other:?}"))),
        };
        match result {
            Ok(()) => 0,
            Err(Failure::Usage(e)) => {
                eprintln!("fonte: {e}\n{USAGE}");
                2
            }
            Err(Failure::Io(e)) => {
                eprintln!("fonte: {e}");
                1
            }
        }
    }

    enum Failure {
        Usage(String),
        Io(String),
    }

    fn write_out(s: &str) -> Result<(), Failure> {
        let mut out = std::io::stdout().lock();
        // A closed pipe (`fonte ... | head`) is not an error worth reporting.
        let _ = out.write_all(s.as_bytes());
        Ok(())
    }

    fn read_file(path: &str) -> Result<String, Failure> {
        let bytes =
            std::fs::read(path).map_err(|e| Failure::Io(format!("cannot read {path}: {e}")))?;
        String::from_utf8(bytes).map_err(|_| Failure::Io(format!("{path} is not valid UTF-8")))
    }

    fn read_stdin() -> Result<String, Failure> {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::Io(format!("cannot read standard input: {e}")))?;
        String::from_utf8(bytes)
            .map_err(|_| Failure::Io("standard input is not valid UTF-8".to_owned()))
    }

    fn json<T: serde::Serialize>(value: &T, pretty: bool) -> String {
        let s = if pretty {
            serde_json::to_string_pretty(value)
        } else {
            serde_json::to_string(value)
        };
        s.expect("results serialize to JSON")
    }

    fn check(opts: &Opts) -> Result<(), Failure> {
        if opts.jsonld {
            return Err(Failure::Usage(
                "--jsonld is an option of `fonte claims`".into(),
            ));
        }
        let matcher = Matcher::bundled();
        if opts.lines {
            if !opts.rest.is_empty() {
                return Err(Failure::Usage(
                    "--lines reads standard input, not arguments".into(),
                ));
            }
            let stdin = std::io::stdin();
            let mut out = String::new();
            for (n, line) in stdin.lock().split(b'\n').enumerate() {
                let line =
                    line.map_err(|e| Failure::Io(format!("cannot read standard input: {e}")))?;
                let line = String::from_utf8(line).map_err(|_| {
                    Failure::Io(format!(
                        "line {} of standard input is not valid UTF-8",
                        n + 1
                    ))
                })?;
                let line = line.strip_suffix('\r').unwrap_or(&line);
                out.push_str(&json(&matcher.check_in(line, opts.lang), false));
                out.push('\n');
                if out.len() > 1 << 16 {
                    write_out(&out)?;
                    out.clear();
                }
            }
            return write_out(&out);
        }
        let text = if opts.rest.is_empty() {
            read_stdin()?
        } else {
            opts.rest.join(" ")
        };
        let result = matcher.check_in(&text, opts.lang);
        write_out(&(json(&result, true) + "\n"))
    }

    fn scan(opts: &Opts) -> Result<(), Failure> {
        let [path] = opts.rest.as_slice() else {
            return Err(Failure::Usage("scan needs exactly one FILE".into()));
        };
        let source = read_file(path)?;
        let lower = path.to_ascii_lowercase();
        let is_html = lower.ends_with(".html") || lower.ends_with(".htm");
        let matcher = Matcher::bundled();
        let mut out = String::new();
        for finding in fonte::scan::scan(&matcher, &source, is_html, opts.lang) {
            out.push_str(&json(&finding, false));
            out.push('\n');
        }
        write_out(&out)
    }

    fn claims(opts: &Opts) -> Result<(), Failure> {
        if opts.lines || !opts.rest.is_empty() {
            return Err(Failure::Usage(
                "claims takes only --jsonld and --lang".into(),
            ));
        }
        let bundle = Bundle::bundled();
        if opts.jsonld {
            let value = match opts.lang {
                Some(lang) => fonte::claimreview::claim_reviews_in(&bundle, lang),
                None => fonte::claimreview::claim_reviews(&bundle),
            };
            write_out(&(json(&value, true) + "\n"))
        } else {
            write_out(&bundle.table(opts.lang.unwrap_or(Lang::En)))
        }
    }

    /// Reads a JSON bundle (with `--document`, the text of its source
    /// document, against which every quote is then checked), applies every
    /// rule, and writes the pack the widget loads (`data-claims`).
    fn pack(opts: &Opts) -> Result<(), Failure> {
        if opts.lines || opts.jsonld || opts.lang.is_some() {
            return Err(Failure::Usage("pack takes only --document".into()));
        }
        let [path] = opts.rest.as_slice() else {
            return Err(Failure::Usage("pack needs exactly one BUNDLE.json".into()));
        };
        let invalid = |e: fonte::claims::BundleError| Failure::Io(format!("{path}: {e}"));
        let mut bundle = Bundle::from_json(&read_file(path)?).map_err(invalid)?;
        if let Some(document) = &opts.document {
            bundle.document.text = Some(read_file(document)?);
        }
        write_out(&fonte::pack::write(&bundle).map_err(invalid)?)
    }
}
