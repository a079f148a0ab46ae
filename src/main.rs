//! The `fonte` command line: check selections, scan articles, list claims.

fn main() {
    eprintln!("fonte: not yet implemented");
    std::process::exit(2);
}
