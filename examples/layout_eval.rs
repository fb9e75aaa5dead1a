//! The labeled layout set measured with a given binary: headings, contact
//! data and every warning id, for the tuned part, the held-out part and all
//! documents (see `tests/layout/eval.rs` for the measures).
//!
//! Run: `cargo run --release --example layout_eval -- [--bin PATH] [--misses]`
//! (`--bin` defaults to `target/release/ats-score`; `--misses` lists every
//! wrong or missed item of the tuned part on stderr). An older binary gives the "before"
//! column: build an older commit and pass its binary.

#[path = "../tests/layout/eval.rs"]
mod eval;

use std::path::PathBuf;

fn main() {
    let mut bin = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/ats-score");
    let mut misses = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bin" => bin = args.next().map(PathBuf::from).unwrap_or(bin),
            "--misses" => misses = true,
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let docs = eval::documents();
    let found = eval::run(&bin, &docs);
    for (title, split) in [
        ("Tuned", Some(eval::Split::Tuned)),
        ("Held out", Some(eval::Split::HeldOut)),
        ("All", None),
    ] {
        let r = eval::tally(&docs, &found, |d| split.is_none_or(|s| d.split == s));
        println!("{}", eval::markdown(title, &r));
        // Only the tuned part's misses: the held-out part is measured, never
        // looked into while tuning.
        if misses
            && split
                == if std::env::var_os("LAYOUT_ALL_MISSES").is_some() {
                    None
                } else {
                    Some(eval::Split::Tuned)
                }
        {
            for m in &r.misses {
                eprintln!("{m}");
            }
            for e in &r.errors {
                eprintln!("error: {e}");
            }
        }
    }
}
