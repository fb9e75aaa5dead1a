//! The accuracy harness, shared by `cargo run --release --example eval`
//! (which prints the full report) and the test suite (which asserts the
//! targets). It scores every labeled resume in `tests/eval/` in each of its
//! renderings, runs every trap case, and compares our PDF text against
//! pdftotext's, which is used here as a yardstick and never by the tool.

#![allow(dead_code)]

use ats_score::Scorer;
use ats_score::extract::{Limits, extract};
use ats_score::model::HitKind;
use ats_score::normalize::normalize;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A label file: what is truly on one resume, term by term.
#[derive(Debug, Deserialize)]
pub struct Labels {
    pub resume: String,
    pub terms: BTreeMap<String, String>,
}

/// Whether a label or a prediction means "the term is on the resume":
/// exact, alias or variant. Typos are not: an ATS search misses them.
pub fn present(kind: &str) -> bool {
    matches!(kind, "exact" | "alias" | "variant")
}

/// Counts for one term (or overall).
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub tn: usize,
    /// Present in both, with the same tier.
    pub same_tier: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: &Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.tn += o.tn;
        self.same_tier += o.same_tier;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// One disagreement between the labels and the tool.
#[derive(Debug, Clone)]
pub struct Miss {
    pub file: String,
    pub term: String,
    pub label: String,
    pub predicted: String,
}

#[derive(Debug, Default)]
pub struct KeywordReport {
    pub files: usize,
    pub overall: Counts,
    pub per_term: BTreeMap<String, Counts>,
    pub misses: Vec<Miss>,
}

/// The text of a source resume without its front matter.
pub fn strip_front_matter(text: &str) -> &str {
    if let Some(rest) = text.strip_prefix("---\n")
        && let Some(end) = rest.find("\n---\n")
    {
        return &rest[end + 5..];
    }
    text
}

fn apple() -> Scorer {
    Scorer::new(ats_score::profile::resolve("apple", "backend").unwrap())
}

/// Score every rendering of every labeled resume against the labels.
pub fn keywords() -> KeywordReport {
    let dir = root().join("tests/eval");
    let scorer = apple();
    let mut report = KeywordReport::default();
    let mut labels: Vec<PathBuf> = std::fs::read_dir(dir.join("labels"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    labels.sort();
    for path in labels {
        let text = std::fs::read_to_string(&path).unwrap();
        let l: Labels =
            serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for ext in ["txt", "pdf", "docx"] {
            let file = dir.join("resumes").join(format!("{}.{ext}", l.resume));
            let Ok(bytes) = std::fs::read(&file) else {
                continue;
            };
            let bytes = if ext == "txt" {
                strip_front_matter(&String::from_utf8(bytes).unwrap())
                    .as_bytes()
                    .to_vec()
            } else {
                bytes
            };
            let name = file.strip_prefix(root()).unwrap().display().to_string();
            let a = scorer
                .score_bytes(&name, &bytes)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            report.files += 1;
            let predicted: HashMap<&str, Option<HitKind>> =
                a.terms.iter().map(|t| (t.term.as_str(), t.kind)).collect();
            for (term, label) in &l.terms {
                let kind = predicted
                    .get(term.as_str())
                    .unwrap_or_else(|| panic!("{}: unknown term {term}", path.display()));
                let got = kind.map_or("absent", HitKind::as_str);
                let mut c = Counts::default();
                match (present(label), present(got)) {
                    (true, true) => {
                        c.tp = 1;
                        c.same_tier = usize::from(label == got);
                    }
                    (false, true) => c.fp = 1,
                    (true, false) => c.fn_ = 1,
                    (false, false) => c.tn = 1,
                }
                if present(label) != present(got) || (label == "typo") != (got == "typo") {
                    report.misses.push(Miss {
                        file: name.clone(),
                        term: term.clone(),
                        label: label.clone(),
                        predicted: got.to_string(),
                    });
                }
                report.overall.add(&c);
                report.per_term.entry(term.clone()).or_default().add(&c);
            }
        }
    }
    report
}

/// A short text and the profile terms it must (and must only) match.
#[derive(Debug, Deserialize)]
pub struct Trap {
    pub profile: String,
    pub text: String,
    pub expect: Vec<String>,
}

#[derive(Debug)]
pub struct TrapFailure {
    pub text: String,
    pub profile: String,
    pub false_hits: Vec<String>,
    pub missed: Vec<String>,
}

/// Run every trap case; return the cases and the failures.
pub fn traps() -> (usize, Vec<TrapFailure>) {
    let text = std::fs::read_to_string(root().join("tests/eval/traps.yaml")).unwrap();
    let cases: Vec<Trap> = serde_saphyr::from_str(&text).unwrap();
    let mut scorers: HashMap<String, Scorer> = HashMap::new();
    let mut failures = Vec::new();
    for case in &cases {
        let scorer = scorers.entry(case.profile.clone()).or_insert_with(|| {
            let profile = if case.profile.ends_with(".yaml") {
                ats_score::profile::load_file(&root().join(&case.profile)).unwrap()
            } else {
                let (c, r) = case.profile.split_once('/').unwrap();
                ats_score::profile::resolve(c, r).unwrap()
            };
            Scorer::new(profile)
        });
        let a = scorer
            .score_bytes("trap.txt", case.text.as_bytes())
            .unwrap();
        let found: Vec<String> = a
            .terms
            .iter()
            .filter(|t| t.kind.is_some_and(|k| k != HitKind::Typo))
            .map(|t| t.term.clone())
            .collect();
        let false_hits: Vec<String> = found
            .iter()
            .filter(|t| !case.expect.contains(t))
            .cloned()
            .collect();
        let missed: Vec<String> = case
            .expect
            .iter()
            .filter(|t| !found.contains(t))
            .cloned()
            .collect();
        if !false_hits.is_empty() || !missed.is_empty() {
            failures.push(TrapFailure {
                text: case.text.clone(),
                profile: case.profile.clone(),
                false_hits,
                missed,
            });
        }
    }
    (cases.len(), failures)
}

/// Extraction quality of one PDF against pdftotext.
#[derive(Debug, Clone)]
pub struct PdfQuality {
    pub file: String,
    pub reference_words: usize,
    /// Share of pdftotext's words that our text has too (as a multiset).
    pub word_recall: f64,
    /// Two neighbouring reference words that we return as one token.
    pub glued: usize,
    pub glued_rate: f64,
}

/// Words of a text after our normalization (ligatures unfolded, hyphenation
/// joined), lower-cased, with punctuation at their ends trimmed.
fn words(text: &str) -> Vec<String> {
    normalize(text)
        .lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Where the stored pdftotext output of a PDF lives: the tests compare
/// against these files, so neither CI nor a contributor needs poppler; the
/// eval example refreshes them (`--refresh-references`) where pdftotext is
/// installed.
pub fn reference_path(pdf: &Path) -> PathBuf {
    let rel = pdf
        .strip_prefix(root())
        .unwrap_or(pdf)
        .display()
        .to_string();
    root()
        .join("tests/eval/pdftotext")
        .join(rel.replace('/', "__").replace(".pdf", ".txt"))
}

/// Run pdftotext on every PDF and store its output; returns the version.
pub fn refresh_references() -> String {
    std::fs::create_dir_all(root().join("tests/eval/pdftotext")).unwrap();
    for pdf in all_pdfs() {
        let text = pdftotext(&pdf).expect("pdftotext (poppler-utils) must be installed");
        std::fs::write(reference_path(&pdf), text).unwrap();
    }
    let out = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .next()
        .unwrap_or("")
        .to_string()
}

/// pdftotext's text of a PDF, or `None` when pdftotext is not installed.
pub fn pdftotext(path: &Path) -> Option<String> {
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Compare our extraction of `path` with pdftotext's stored output.
pub fn pdf_quality(path: &Path) -> Option<PdfQuality> {
    let reference = std::fs::read_to_string(reference_path(path)).ok()?;
    let bytes = std::fs::read(path).unwrap();
    let ours = extract("q.pdf", &bytes, None, &Limits::default())
        .ok()?
        .text;
    let (r, o) = (words(&reference), words(&ours));
    let mut pool: HashMap<&str, usize> = HashMap::new();
    for w in &o {
        *pool.entry(w.as_str()).or_default() += 1;
    }
    let mut found = 0;
    for w in &r {
        if let Some(n) = pool.get_mut(w.as_str())
            && *n > 0
        {
            *n -= 1;
            found += 1;
        }
    }
    let ours_set: std::collections::HashSet<&str> = o.iter().map(String::as_str).collect();
    let ref_set: std::collections::HashSet<&str> = r.iter().map(String::as_str).collect();
    let glued = r
        .windows(2)
        .filter(|w| {
            let joined = format!("{}{}", w[0], w[1]);
            ours_set.contains(joined.as_str()) && !ref_set.contains(joined.as_str())
        })
        .count();
    Some(PdfQuality {
        file: path
            .strip_prefix(root())
            .unwrap_or(path)
            .display()
            .to_string(),
        reference_words: r.len(),
        word_recall: ratio(found, r.len()),
        glued,
        glued_rate: glued as f64 / r.len().max(1) as f64,
    })
}

/// Every PDF of the eval set and the fixtures.
pub fn all_pdfs() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in [
        "tests/eval/resumes",
        "fixtures/resumes",
        "fixtures/structure",
    ] {
        if let Ok(entries) = std::fs::read_dir(root().join(dir)) {
            out.extend(
                entries
                    .map(|e| e.unwrap().path())
                    .filter(|p| p.extension().is_some_and(|e| e == "pdf")),
            );
        }
    }
    out.sort();
    out
}

/// Reading order of a two-column PDF: the share of the source text's
/// neighbouring word pairs that are still neighbours in our text (and in
/// pdftotext's). Columns read one after the other keep nearly all pairs;
/// lines interleaved across columns break them.
#[derive(Debug, Clone)]
pub struct Order {
    pub file: String,
    pub ours: f64,
    pub pdftotext: f64,
}

fn pair_recall(source: &[String], other: &[String]) -> f64 {
    let mut pool: HashMap<(&str, &str), usize> = HashMap::new();
    for w in other.windows(2) {
        *pool.entry((w[0].as_str(), w[1].as_str())).or_default() += 1;
    }
    let mut kept = 0;
    for w in source.windows(2) {
        if let Some(n) = pool.get_mut(&(w[0].as_str(), w[1].as_str()))
            && *n > 0
        {
            *n -= 1;
            kept += 1;
        }
    }
    ratio(kept, source.len().saturating_sub(1))
}

/// The reading order of every two-column PDF in the eval set.
pub fn column_order() -> Vec<Order> {
    let dir = root().join("tests/eval/resumes");
    let mut out = Vec::new();
    let mut sources: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    sources.sort();
    for src in sources {
        let text = std::fs::read_to_string(&src).unwrap();
        let pdf = src.with_extension("pdf");
        if !text.contains("layout: two-column") || !pdf.exists() {
            continue;
        }
        let source = words(strip_front_matter(&text));
        let ours = extract(
            "o.pdf",
            &std::fs::read(&pdf).unwrap(),
            None,
            &Limits::default(),
        )
        .unwrap()
        .text;
        let reference = std::fs::read_to_string(reference_path(&pdf)).unwrap_or_default();
        out.push(Order {
            file: pdf.strip_prefix(root()).unwrap().display().to_string(),
            ours: pair_recall(&source, &words(&ours)),
            pdftotext: pair_recall(&source, &words(&reference)),
        });
    }
    out
}
