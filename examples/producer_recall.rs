//! Word recall of PDF text extraction over real-world producers.
//!
//! Reads `fixtures/producers/manifest.tsv` (one row per PDF, rendered by
//! `fixtures/producers/build.sh` from the ground-truth texts in
//! `fixtures/producers/sources/`), extracts every PDF with the crate's own
//! extractor and with plain `pdf_extract::extract_text_from_mem`, and compares
//! each with the source text.
//!
//! Both sides are tokenized the same way: NFKC, ligature characters mapped to
//! letters, split on whitespace, leading and trailing punctuation stripped,
//! lowercased; empty tokens dropped. Metrics, as fractions of source tokens:
//!
//! - recall: multiset recall of source tokens among extracted tokens;
//! - split: source tokens missing from the extraction that appear there as two
//!   adjacent tokens whose concatenation equals them ("softwa re", "on- call");
//! - glued: extra extracted tokens that equal the concatenation of 2 to 4
//!   adjacent source tokens ("workflowsimple");
//! - order: of adjacent source pairs (a, b) both found in the extraction, the
//!   fraction where b comes after a. The k-th occurrence of a token in the
//!   source is aligned with its k-th occurrence in the extraction.
//!
//! Run: `cargo run --release --example producer_recall` (add `--tsv` for
//! tab-separated output, `--files` to also print one row per PDF, `--missing`
//! to list on stderr the source tokens each extraction lacks).

use std::collections::BTreeMap;

use ats_score::extract::{Limits, extract};

#[path = "../tests/producers/recall.rs"]
mod recall;

use recall::{Metrics, Row, counts, measure, read_manifest, root, source_tokens, tokens};

/// The sources kept out of tuning: 05 and 06.
fn is_holdout(source: &str) -> bool {
    let name = source.rsplit('/').next().unwrap_or(source);
    name.starts_with("05-") || name.starts_with("06-")
}

fn crate_text(name: &str, bytes: &[u8]) -> String {
    match extract(name, bytes, None, &Limits::default()) {
        Ok(x) => x.text,
        Err(e) => {
            eprintln!("ats-score extract failed on {name}: {e}");
            String::new()
        }
    }
}

fn plain_text(name: &str, bytes: &[u8]) -> String {
    match std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes)) {
        Ok(Ok(t)) => t,
        Ok(Err(e)) => {
            eprintln!("pdf-extract failed on {name}: {e}");
            String::new()
        }
        Err(_) => {
            eprintln!("pdf-extract panicked on {name}");
            String::new()
        }
    }
}

/// Source tokens the extraction lacks (multiset), for `--missing`.
fn print_missing(extractor: &str, file: &str, source: &[String], got: &[String]) {
    let mut left = counts(got);
    let mut missing = Vec::new();
    for t in source {
        match left.get_mut(t.as_str()) {
            Some(c) if *c > 0 => *c -= 1,
            _ => missing.push(t.as_str()),
        }
    }
    if !missing.is_empty() {
        eprintln!(
            "{extractor} {file}: {} missing: {}",
            missing.len(),
            missing
                .iter()
                .take(25)
                .copied()
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
}

const EXTRACTORS: [&str; 2] = ["ats-score", "pdf-extract"];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let tsv = args.iter().any(|a| a == "--tsv");
    let per_file = args.iter().any(|a| a == "--files");
    let show_missing = args.iter().any(|a| a == "--missing");
    // `--set tune` measures the sources the extractor was tuned on (01-04),
    // `--set holdout` the ones kept untouched while tuning (05-06).
    let set = args
        .iter()
        .position(|a| a == "--set")
        .and_then(|i| args.get(i + 1))
        .map(String::as_str);
    let dir = root();
    let rows: Vec<Row> = read_manifest(&dir)
        .into_iter()
        .filter(|r| match set {
            Some("tune") => !is_holdout(&r.source),
            Some("holdout") => is_holdout(&r.source),
            _ => true,
        })
        .collect();
    // Quiet the default panic message; panics are reported per file.
    std::panic::set_hook(Box::new(|_| {}));

    // (extractor, producer) -> (sum, files); per-file results in order.
    let mut by_producer: BTreeMap<(usize, String), (Metrics, usize)> = BTreeMap::new();
    let mut overall = [(Metrics::default(), 0usize); 2];
    let mut files: Vec<(usize, &Row, Metrics)> = Vec::new();
    for row in &rows {
        let source = source_tokens(&dir, row);
        let pdf_path = dir.join(&row.file);
        let bytes = std::fs::read(&pdf_path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", pdf_path.display()));
        let texts = [crate_text(&row.file, &bytes), plain_text(&row.file, &bytes)];
        for (x, text) in texts.iter().enumerate() {
            let got = tokens(text);
            if show_missing {
                print_missing(EXTRACTORS[x], &row.file, &source, &got);
            }
            let m = measure(&source, &got);
            let e = by_producer
                .entry((x, row.producer.clone()))
                .or_insert((Metrics::default(), 0));
            e.0.add(&m);
            e.1 += 1;
            overall[x].0.add(&m);
            overall[x].1 += 1;
            files.push((x, row, m));
        }
    }

    if tsv {
        println!("level\textractor\tproducer\tfile\tfiles\trecall\tsplit\tglued\torder");
        let line = |level: &str, x: usize, producer: &str, file: &str, n: usize, m: &Metrics| {
            println!(
                "{level}\t{}\t{producer}\t{file}\t{n}\t{:.4}\t{:.4}\t{:.4}\t{:.4}",
                EXTRACTORS[x], m.recall, m.split, m.glued, m.order
            );
        };
        if per_file {
            for (x, row, m) in &files {
                line("file", *x, &row.producer, &row.file, 1, m);
            }
        }
        for ((x, producer), (sum, n)) in &by_producer {
            line("producer", *x, producer, "", *n, &sum.scaled(*n));
        }
        for (x, (sum, n)) in overall.iter().enumerate() {
            line("all", x, "", "", *n, &sum.scaled(*n));
        }
        return;
    }

    if per_file {
        for (x, name) in EXTRACTORS.iter().enumerate() {
            println!("Per PDF, extractor: {name}");
            println!("| {:<62} | recall | split  | glued  | order  |", "file");
            println!("|{:-<64}|--------|--------|--------|--------|", "");
            for (_, row, m) in files.iter().filter(|f| f.0 == x) {
                println!(
                    "| {:<62} | {:.4} | {:.4} | {:.4} | {:.4} |",
                    row.file, m.recall, m.split, m.glued, m.order
                );
            }
            println!();
        }
    }
    for (x, name) in EXTRACTORS.iter().enumerate() {
        println!("Extractor: {name}");
        println!("| producer          | files | recall | split  | glued  | order  |");
        println!("|-------------------|------:|-------:|-------:|-------:|-------:|");
        for ((_, producer), (sum, n)) in by_producer.iter().filter(|(k, _)| k.0 == x) {
            let m = sum.scaled(*n);
            println!(
                "| {producer:<17} | {n:>5} | {:.4} | {:.4} | {:.4} | {:.4} |",
                m.recall, m.split, m.glued, m.order
            );
        }
        let (sum, n) = overall[x];
        let m = sum.scaled(n);
        println!(
            "| {:<17} | {n:>5} | {:.4} | {:.4} | {:.4} | {:.4} |",
            "all", m.recall, m.split, m.glued, m.order
        );
        println!();
    }
}
