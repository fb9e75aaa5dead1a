//! Per-stage benchmarks (divan): extract (PDF, DOCX), normalize, match (the
//! Apple profile and a 150-term profile), rules, the whole pipeline after
//! extraction, and profile loading. Each benchmark checks its answer once
//! before timing it. Run with `cargo bench --bench stages`; numbers and
//! commands are recorded in BENCHMARKS.md.

use ats_score::extract::Limits;
use ats_score::matcher::Hit;
use ats_score::model::{Evidence, HitKind, Span};
use ats_score::normalize::{Normalized, normalize};
use ats_score::profile::{self, CompiledProfile, Profile};
use ats_score::{Scorer, extract, rules, sections};
use divan::{Bencher, black_box};
use std::collections::HashMap;

fn main() {
    divan::main();
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn apple() -> Profile {
    profile::resolve("apple", "backend").unwrap()
}

fn bench150() -> Profile {
    let path = format!(
        "{}/benches/profiles/bench-150.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    profile::load_file(std::path::Path::new(&path)).unwrap()
}

fn strong_text() -> Normalized {
    normalize(&String::from_utf8(fixture("resumes/strong.txt")).unwrap())
}

#[divan::bench(args = ["strong.pdf", "weak.pdf", "traps.pdf"])]
fn extract_pdf(bencher: Bencher, name: &str) {
    bench_extract(bencher, name);
}

#[divan::bench(args = ["strong.docx", "weak.docx"])]
fn extract_docx(bencher: Bencher, name: &str) {
    bench_extract(bencher, name);
}

/// Reads one shipped resume, checks the text came out, then times extraction.
fn bench_extract(bencher: Bencher, name: &str) {
    let bytes = fixture(&format!("resumes/{name}"));
    assert!(
        extract::extract(name, &bytes, None, &Limits::default())
            .unwrap()
            .text
            .contains("EXPERIENCE")
    );
    bencher.bench_local(|| {
        extract::extract(name, black_box(&bytes), None, &Limits::default()).unwrap()
    });
}

#[divan::bench]
fn normalize_text(bencher: Bencher) {
    let raw = String::from_utf8(fixture("resumes/strong.txt")).unwrap();
    assert!(normalize(&raw).text.contains("Kubernetes"));
    bencher.bench_local(|| normalize(black_box(&raw)));
}

#[divan::bench]
fn sections_detect(bencher: Bencher) {
    let norm = strong_text();
    assert!(sections::detect(&norm).len() >= 5);
    bencher.bench_local(|| sections::detect(black_box(&norm)));
}

#[divan::bench(args = ["apple/backend", "bench/150-terms"])]
fn match_terms(bencher: Bencher, which: &str) {
    let p = if which == "apple/backend" {
        apple()
    } else {
        bench150()
    };
    let compiled = CompiledProfile::new(p);
    let matcher = compiled.matcher();
    let norm = strong_text();
    let found = matcher.find(&norm);
    assert!(found.iter().any(|h| h.kind == HitKind::Exact));
    bencher.bench_local(|| matcher.find(black_box(&norm)));
}

#[divan::bench]
fn rules_apple(bencher: Bencher) {
    let compiled = CompiledProfile::new(apple());
    let (p, matcher) = (compiled.profile(), compiled.matcher());
    let norm = normalize(&String::from_utf8(fixture("resumes/weak.txt")).unwrap());
    let secs = sections::detect(&norm);
    let mut hits: HashMap<String, Vec<Hit>> = HashMap::new();
    for h in matcher.find(&norm) {
        if h.kind != HitKind::Typo {
            let key = matcher.specs()[h.phrase].text.to_lowercase();
            hits.entry(key).or_default().push(h);
        }
    }
    let evidence = |s: Span| Evidence {
        line: norm.raw_line(s.start),
        page: None,
        section: String::new(),
        snippet: String::new(),
    };
    let ctx = rules::Context {
        norm: &norm,
        sections: &secs,
        hits,
        evidence: &evidence,
        today: 2026 * 12 + 11,
    };
    let run = || {
        p.rules
            .iter()
            .filter(|r| rules::evaluate(&r.check, &ctx).fired)
            .count()
    };
    assert!(run() >= 5, "the weak resume fires most rules");
    bencher.bench_local(run);
}

#[divan::bench(args = ["strong.txt", "weak.txt"])]
fn pipeline_after_extract(bencher: Bencher, name: &str) {
    let scorer = Scorer::new(apple());
    let bytes = fixture(&format!("resumes/{name}"));
    let extracted = extract::extract(name, &bytes, None, &Limits::default()).unwrap();
    assert!(scorer.score_text(name, &extracted).breakdown.score > 0);
    bencher.bench_local(|| scorer.score_text(name, &extracted));
}

#[divan::bench]
fn end_to_end_pdf(bencher: Bencher) {
    let scorer = Scorer::new(apple());
    let bytes = fixture("resumes/strong.pdf");
    assert_eq!(
        scorer
            .score_bytes("strong.pdf", &bytes)
            .unwrap()
            .breakdown
            .score,
        100
    );
    bencher.bench_local(|| scorer.score_bytes("strong.pdf", black_box(&bytes)).unwrap());
}

#[divan::bench]
fn load_and_compile_profile(bencher: Bencher) {
    assert_eq!(apple().id, "apple/backend");
    bencher.bench_local(|| Scorer::new(profile::resolve("apple", "backend").unwrap()));
}

/// A whole run after reading the file, as the command does it: make and
/// compile the profile, then score. With a built-in profile, and with a
/// job posting (issue 17: at most 1.2 times the profile run).
#[divan::bench(args = ["apple/backend", "p01-stripe-backend-engineer", "p04-shopify-senior-frontend-developer", "q09-gitlab-sre"])]
fn run_profile_or_posting(bencher: Bencher, which: &str) {
    let bytes = fixture("resumes/strong.txt");
    let extracted = extract::extract("strong.txt", &bytes, None, &Limits::default()).unwrap();
    let posting = (!which.contains('/')).then(|| fixture(&format!("jd/postings/{which}.txt")));
    let make = || match &posting {
        None => profile::resolve("apple", "backend").unwrap(),
        Some(text) => ats_score::jd::profile(which, std::str::from_utf8(text).unwrap()).unwrap(),
    };
    assert!(
        Scorer::new(make())
            .score_text("strong.txt", &extracted)
            .breakdown
            .score
            > 0
    );
    bencher.bench_local(|| Scorer::new(make()).score_text("strong.txt", black_box(&extracted)));
}
