//! Reading real PDFs: every resume of the producer matrix
//! (`fixtures/producers/`, rendered by TeX, Typst, Chromium, LibreOffice,
//! WeasyPrint, ReportLab, fpdf2, groff, enscript and pandoc) read through
//! `ats-score extract` against its source text, with the targets of the
//! issue asserted per producer; the profile keywords of the source found in
//! every rendering; no integrity warning on any of these clean documents.

use super::ats;
use std::collections::{BTreeMap, BTreeSet};

#[path = "../producers/recall.rs"]
mod recall;

use recall::{Metrics, measure, read_manifest, root, source_tokens, tokens};

/// The text `ats-score extract` reads from `path`.
fn extracted(path: &std::path::Path) -> String {
    let out = ats().arg("extract").arg(path).output().unwrap();
    assert!(
        out.status.success(),
        "{}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_producer_is_read_as_written() {
    let dir = root();
    let rows = read_manifest(&dir);
    assert!(rows.len() >= 90, "{} PDFs", rows.len());
    let mut by_producer: BTreeMap<&str, (Metrics, usize)> = BTreeMap::new();
    for row in &rows {
        let got = tokens(&extracted(&dir.join(&row.file)));
        let m = measure(&source_tokens(&dir, row), &got);
        let e = by_producer.entry(&row.producer).or_default();
        e.0.add(&m);
        e.1 += 1;
    }
    assert!(by_producer.len() >= 10, "{} producers", by_producer.len());
    let mut failures = Vec::new();
    for (producer, (sum, n)) in &by_producer {
        let m = sum.scaled(*n);
        let line = format!(
            "{producer}: recall {:.4}, split {:.4}, glued {:.4}, order {:.4} ({n} files)",
            m.recall, m.split, m.glued, m.order
        );
        if m.recall < 0.99 || m.split > 0.002 || m.glued > 0.002 || m.order < 0.97 {
            failures.push(line);
        }
    }
    assert!(
        failures.is_empty(),
        "below target:\n{}",
        failures.join("\n")
    );
}

/// The base role each source resume is written for.
fn role(source: &str) -> &'static str {
    match source.rsplit('/').next().unwrap_or("") {
        s if s.contains("backend") || s.contains("career") => "backend",
        s if s.contains("frontend") => "frontend",
        s if s.contains("datasci") => "data-scientist",
        s if s.contains("sre") => "devops-sre",
        s if s.contains("ios") => "ios",
        other => panic!("no role for {other}"),
    }
}

/// Terms found (in any tier but typo), and the warnings no clean rendering
/// may get: integrity warnings, `little-text` (these files hold no images
/// or scans; a short last page is the resume running over) and
/// `unusual-headings` (the sources use standard headings only).
fn scored(path: &std::path::Path, role: &str) -> (BTreeSet<String>, Vec<String>) {
    let out = ats()
        .arg(path)
        .args(["-c", "generic", "-r", role, "--format", "json"])
        .output()
        .unwrap();
    let r: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let terms = r["matches"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["fuzzy"] != "typo")
        .map(|m| m["term"].as_str().unwrap().to_string())
        .collect();
    let integrity = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| {
            w["category"] == "integrity"
                || w["id"] == "little-text"
                || w["id"] == "unusual-headings"
        })
        .map(|w| format!("{}: {}", w["id"], w["message"]))
        .collect();
    (terms, integrity)
}

#[test]
fn keywords_of_the_source_are_found_in_every_rendering() {
    let dir = root();
    let rows = read_manifest(&dir);
    let mut expected: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut problems = Vec::new();
    for row in &rows {
        let role = role(&row.source);
        let want = expected
            .entry(row.source.clone())
            .or_insert_with(|| scored(&dir.join(&row.source), role).0);
        assert!(want.len() >= 5, "{}: {want:?}", row.source);
        let (found, integrity) = scored(&dir.join(&row.file), role);
        let lost: Vec<&String> = want
            .iter()
            .filter(|t| !found.contains(*t))
            .filter(|t| !row.absent.iter().any(|a| tokens(t).contains(a)))
            .collect();
        if !lost.is_empty() {
            problems.push(format!("{}: keywords lost: {lost:?}", row.file));
        }
        if !integrity.is_empty() {
            problems.push(format!(
                "{}: warnings a clean file must not get: {integrity:?}",
                row.file
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Found on LaTeX resumes: T1-encoded fonts without cm-super become Type3
/// bitmap fonts without ToUnicode, and their ligatures read as accents
/// ("˝exible") and their glyph widths a tenth of the real ones, which
/// joined double letters ("˝tnes").
#[test]
fn tex_bitmap_fonts_keep_their_ligatures() {
    let text = extracted(std::path::Path::new(
        "fixtures/fonts/t1-bitmap-ligatures.pdf",
    ));
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.starts_with(
            "Flexible fitness, Scientific office work: affluent and efficient \u{201C}quoted\u{201D} \u{2013} en\u{2014}"
        ),
        "{text}"
    );
}
