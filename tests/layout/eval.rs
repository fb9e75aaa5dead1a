//! The labeled layout set (`fixtures/layout/`): every document scored
//! through the real binary and compared with labels written before the tool
//! was run on it. Shared by the test that asserts the targets
//! (`tests/cli/layout.rs`) and the report `examples/layout_eval.rs`, which
//! also measures an older binary for before/after tables.
//!
//! Documents: the producer matrix's 139 PDFs (labels per source in
//! `fixtures/layout/labels/`, theme heading words in `producers.yaml`) and
//! the renderings of `fixtures/layout/sources/*.yaml` listed in
//! `fixtures/layout/manifest.tsv`.
//!
//! Measures:
//! - headings: a found heading is right when its title equals a labeled one
//!   (case and spacing ignored, each labeled heading used once); precision
//!   over found headings, recall over labeled ones, kind right over matches;
//! - contact: per kind, the share of documents having it on which it was
//!   found (phones compared by their digits); every found phone that is no
//!   labeled phone is a false phone;
//! - warnings: per id, fired, right (fired and expected), false (fired, not
//!   expected) and missed (expected, not fired), where expected is the
//!   source's label plus what the rendering itself causes (the manifest's
//!   `expect`, or `multi-column` for a two-column matrix rendering).
//!   Writing tips are left out: they have their own labeled set.

#![allow(dead_code)]

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Split {
    Tuned,
    HeldOut,
}

impl Split {
    pub fn as_str(self) -> &'static str {
        match self {
            Split::Tuned => "tuned",
            Split::HeldOut => "held-out",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Labels {
    pub email: Option<String>,
    #[serde(default)]
    pub phones: Vec<String>,
    pub linkedin: Option<String>,
    pub github: Option<String>,
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// A source of `fixtures/layout/sources/`: the resume and its labels.
#[derive(Debug, Deserialize)]
struct Source {
    split: Split,
    role: String,
    sections: Vec<SourceSection>,
    labels: Labels,
}

#[derive(Debug, Deserialize)]
struct SourceSection {
    heading: String,
    kind: String,
}

/// Labels of a producer-matrix source (`fixtures/layout/labels/`).
#[derive(Debug, Deserialize)]
struct MatrixLabels {
    split: Split,
    role: String,
    headings: Vec<(String, String)>,
    labels: Labels,
}

/// One document to score, with everything it is expected to show.
#[derive(Debug, Clone)]
pub struct Doc {
    pub file: PathBuf,
    pub stem: String,
    pub producer: String,
    pub split: Split,
    pub role: String,
    /// (title, kind) of every section heading as printed.
    pub headings: Vec<(String, String)>,
    pub labels: Labels,
    /// Warning ids that must fire: the source's plus the rendering's.
    pub expected: BTreeSet<String>,
}

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn yaml<T: for<'de> Deserialize<'de>>(path: &Path) -> T {
    serde_saphyr::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Rows of a tab-separated manifest with a header line, as column maps.
fn tsv(path: &Path) -> Vec<HashMap<String, String>> {
    let text = read(path);
    let mut lines = text.lines();
    let header: Vec<String> = lines
        .next()
        .unwrap_or_default()
        .split('\t')
        .map(str::to_string)
        .collect();
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            header
                .iter()
                .cloned()
                .zip(l.split('\t').map(str::to_string))
                .collect()
        })
        .collect()
}

fn stem_of(source: &str) -> String {
    Path::new(source)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string()
}

/// Every labeled document.
pub fn documents() -> Vec<Doc> {
    let root = root();
    let mut docs = Vec::new();
    let renames: BTreeMap<String, BTreeMap<String, Option<String>>> =
        yaml(&root.join("layout/labels/producers.yaml"));
    let matrix = root.join("producers");
    for row in tsv(&matrix.join("manifest.tsv")) {
        let stem = stem_of(&row["source"]);
        let labels: MatrixLabels = yaml(&root.join(format!("layout/labels/{stem}.yaml")));
        let producer = row["producer"].clone();
        let notes = row.get("notes").cloned().unwrap_or_default();
        let absent: BTreeSet<String> = notes
            .split(';')
            .filter_map(|p| p.trim().strip_prefix("absent:"))
            .flat_map(|l| l.split_whitespace().map(|w| w.to_lowercase()))
            .collect();
        let rename = renames.get(&producer);
        let headings = labels
            .headings
            .iter()
            .filter_map(|(title, kind)| match rename.and_then(|r| r.get(title)) {
                Some(None) => None,
                Some(Some(new)) => Some((new.clone(), kind.clone())),
                None => Some((title.clone(), kind.clone())),
            })
            .collect();
        // Contact data a theme does not print is not expected.
        let mut l = labels.labels.clone();
        let shown = |v: &Option<String>| v.clone().filter(|v| !absent.contains(&v.to_lowercase()));
        l.linkedin = shown(&l.linkedin);
        l.github = shown(&l.github);
        let mut expected: BTreeSet<String> = l.warnings.iter().cloned().collect();
        if row.get("layout").is_some_and(|v| v == "two-column") {
            expected.insert("multi-column".into());
        }
        docs.push(Doc {
            file: matrix.join(&row["file"]),
            stem,
            producer,
            split: labels.split,
            role: labels.role,
            headings,
            labels: l,
            expected,
        });
    }
    let layout = root.join("layout");
    let manifest = layout.join("manifest.tsv");
    if manifest.exists() {
        let mut sources: BTreeMap<String, Source> = BTreeMap::new();
        for row in tsv(&manifest) {
            let stem = stem_of(&row["source"]);
            let src = sources
                .entry(stem.clone())
                .or_insert_with(|| yaml(&layout.join(&row["source"])));
            let mut expected: BTreeSet<String> = src.labels.warnings.iter().cloned().collect();
            expected.extend(
                row.get("expect")
                    .map(String::as_str)
                    .unwrap_or("-")
                    .split(',')
                    .map(str::trim)
                    .filter(|w| !w.is_empty() && *w != "-")
                    .map(str::to_string),
            );
            docs.push(Doc {
                file: layout.join(&row["file"]),
                stem,
                producer: row["producer"].clone(),
                split: src.split,
                role: src.role.clone(),
                headings: src
                    .sections
                    .iter()
                    .map(|s| (s.heading.clone(), s.kind.clone()))
                    .collect(),
                labels: src.labels.clone(),
                expected,
            });
        }
    }
    docs
}

/// What the tool reported for one document.
#[derive(Debug, Default, Clone)]
pub struct Found {
    pub error: Option<String>,
    pub headings: Vec<(String, String)>,
    /// (kind, value) of every contact item.
    pub contact: Vec<(String, String)>,
    pub warnings: BTreeSet<String>,
}

/// Score every document with `bin`, one batch per role.
pub fn run(bin: &Path, docs: &[Doc]) -> Vec<Found> {
    let mut by_role: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        by_role.entry(&d.role).or_default().push(i);
    }
    let mut found = vec![Found::default(); docs.len()];
    for (role, idx) in by_role {
        // Batches of 60: a failing file must not hide the others' rows.
        for chunk in idx.chunks(60) {
            let out = Command::new(bin)
                .args(["-c", "generic", "-r", role, "--format", "json"])
                .args(chunk.iter().map(|&i| &docs[i].file))
                .output()
                .unwrap_or_else(|e| panic!("cannot run {}: {e}", bin.display()));
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
                panic!(
                    "{role}: not JSON ({e}): {}",
                    String::from_utf8_lossy(&out.stderr)
                )
            });
            let reports = match v {
                serde_json::Value::Array(a) => a,
                one => vec![one],
            };
            for report in reports {
                let path = report["input"]["path"].as_str().unwrap_or_default();
                let Some(&i) = chunk.iter().find(|&&i| docs[i].file == Path::new(path)) else {
                    panic!("{role}: report for unknown file {path}");
                };
                found[i] = parse(&report);
            }
        }
    }
    found
}

fn parse(report: &serde_json::Value) -> Found {
    let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    if let Some(e) = report.get("error") {
        return Found {
            error: Some(e.to_string()),
            ..Found::default()
        };
    }
    let list = |key: &str| report[key].as_array().cloned().unwrap_or_default();
    Found {
        error: None,
        headings: list("sections")
            .iter()
            .filter(|s| !(s["kind"] == "header" && s["title"] == ""))
            .map(|x| (s(&x["title"]), s(&x["kind"])))
            .collect(),
        contact: list("contact")
            .iter()
            .map(|x| (s(&x["kind"]), s(&x["value"])))
            .collect(),
        // Writing tips are about the words, not the layout; these labels
        // predate them, and `fixtures/tips/` measures them instead.
        warnings: list("warnings")
            .iter()
            .filter(|w| w["category"] != "writing")
            .map(|w| s(&w["id"]))
            .collect(),
    }
}

fn heading_key(t: &str) -> String {
    t.trim_end_matches(':')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// The same number, allowing for a country code one side adds ("+1 415…"
/// for "(415)…", as some templates rewrite numbers).
fn same_phone(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 6 && long.ends_with(short) && long.len() - short.len() <= 3
}

/// A profile URL compared without scheme, `www.` and trailing slash.
fn url_key(s: &str) -> String {
    let s = s.trim().to_lowercase();
    let s = s
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.");
    s.trim_end_matches('/').to_string()
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Count {
    pub found: usize,
    pub of: usize,
}

impl Count {
    pub fn rate(self) -> f64 {
        if self.of == 0 {
            1.0
        } else {
            self.found as f64 / self.of as f64
        }
    }
}

#[derive(Debug, Default, Clone, Copy)]
pub struct WarningTally {
    pub fired: usize,
    pub right: usize,
    pub wrong: usize,
    pub missed: usize,
}

impl WarningTally {
    pub fn false_rate(self) -> f64 {
        if self.fired == 0 {
            0.0
        } else {
            self.wrong as f64 / self.fired as f64
        }
    }
}

/// The measures over a set of documents, with every miss named.
#[derive(Debug, Default)]
pub struct Report {
    pub documents: usize,
    pub errors: Vec<String>,
    pub headings_found: usize,
    pub headings_right: usize,
    pub headings_labeled: usize,
    pub headings_recalled: usize,
    pub kinds_right: usize,
    pub email: Count,
    pub phone: Count,
    pub linkedin: Count,
    pub github: Count,
    pub false_phones: usize,
    pub warnings: BTreeMap<String, WarningTally>,
    /// One line per wrong or missed item, for the test's failure message.
    pub misses: Vec<String>,
}

impl Report {
    pub fn precision(&self) -> f64 {
        ratio(self.headings_right, self.headings_found)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.headings_recalled, self.headings_labeled)
    }
    pub fn kind_right(&self) -> f64 {
        ratio(self.kinds_right, self.headings_right)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Compare what was found with the labels, over the documents `keep` picks.
pub fn tally(docs: &[Doc], found: &[Found], keep: impl Fn(&Doc) -> bool) -> Report {
    let mut r = Report::default();
    for (d, f) in docs.iter().zip(found) {
        if !keep(d) {
            continue;
        }
        r.documents += 1;
        let name = d
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(e) = &f.error {
            r.errors.push(format!("{name}: {e}"));
            continue;
        }
        // Headings.
        let mut unused: Vec<&(String, String)> = d.headings.iter().collect();
        r.headings_labeled += d.headings.len();
        r.headings_found += f.headings.len();
        for (title, kind) in &f.headings {
            let key = heading_key(title);
            match unused.iter().position(|(t, _)| heading_key(t) == key) {
                Some(i) => {
                    let (_, want) = unused.remove(i);
                    r.headings_right += 1;
                    r.headings_recalled += 1;
                    if want == kind {
                        r.kinds_right += 1;
                    } else {
                        r.misses.push(format!(
                            "{name}: heading {title:?} is {kind}, labeled {want}"
                        ));
                    }
                }
                None => r
                    .misses
                    .push(format!("{name}: not a heading: {title:?} ({kind})")),
            }
        }
        for (t, _) in unused {
            r.misses.push(format!("{name}: heading missed: {t:?}"));
        }
        // Contact data.
        let values = |kind: &str| -> Vec<&str> {
            f.contact
                .iter()
                .filter(|(k, _)| k == kind)
                .map(|(_, v)| v.as_str())
                .collect()
        };
        if let Some(email) = &d.labels.email {
            r.email.of += 1;
            if values("email")
                .iter()
                .any(|v| v.eq_ignore_ascii_case(email))
            {
                r.email.found += 1;
            } else {
                r.misses.push(format!("{name}: email missed: {email}"));
            }
        }
        let labeled: Vec<String> = d.labels.phones.iter().map(|p| digits(p)).collect();
        let phones: Vec<String> = values("phone").iter().map(|p| digits(p)).collect();
        if !labeled.is_empty() {
            r.phone.of += 1;
            if labeled
                .iter()
                .all(|p| phones.iter().any(|q| same_phone(p, q)))
            {
                r.phone.found += 1;
            } else {
                r.misses.push(format!(
                    "{name}: phone missed: {:?}, found {:?}",
                    d.labels.phones,
                    values("phone")
                ));
            }
        }
        for (p, shown) in phones.iter().zip(values("phone")) {
            if !labeled.iter().any(|q| same_phone(p, q)) {
                r.false_phones += 1;
                r.misses.push(format!("{name}: false phone: {shown:?}"));
            }
        }
        for (kind, want, count) in [
            ("linkedin", &d.labels.linkedin, &mut r.linkedin),
            ("github", &d.labels.github, &mut r.github),
        ] {
            if let Some(want) = want {
                count.of += 1;
                if values(kind).iter().any(|v| url_key(v) == url_key(want)) {
                    count.found += 1;
                } else {
                    r.misses.push(format!("{name}: {kind} missed: {want}"));
                }
            }
        }
        // Warnings.
        for id in f.warnings.union(&d.expected) {
            let t = r.warnings.entry(id.clone()).or_default();
            match (f.warnings.contains(id), d.expected.contains(id)) {
                (true, true) => {
                    t.fired += 1;
                    t.right += 1;
                }
                (true, false) => {
                    t.fired += 1;
                    t.wrong += 1;
                    r.misses.push(format!("{name}: false warning {id}"));
                }
                (false, true) => {
                    t.missed += 1;
                    r.misses.push(format!("{name}: warning missed {id}"));
                }
                (false, false) => {}
            }
        }
    }
    r
}

/// The report as Markdown: the headline measures, then one row per warning.
pub fn markdown(title: &str, r: &Report) -> String {
    let mut s = format!(
        "### {title} ({} documents)\n\n\
         | measure | value |\n|---|---|\n\
         | headings precision | {:.3} ({}/{}) |\n\
         | headings recall | {:.3} ({}/{}) |\n\
         | heading kind right | {:.3} ({}/{}) |\n\
         | email found | {:.3} ({}/{}) |\n\
         | phone found | {:.3} ({}/{}) |\n\
         | LinkedIn found | {:.3} ({}/{}) |\n\
         | GitHub found | {:.3} ({}/{}) |\n\
         | false phones | {} |\n\
         | files not read | {} |\n\n\
         | warning | fired | right | false | missed |\n|---|---|---|---|---|\n",
        r.documents,
        r.precision(),
        r.headings_right,
        r.headings_found,
        r.recall(),
        r.headings_recalled,
        r.headings_labeled,
        r.kind_right(),
        r.kinds_right,
        r.headings_right,
        r.email.rate(),
        r.email.found,
        r.email.of,
        r.phone.rate(),
        r.phone.found,
        r.phone.of,
        r.linkedin.rate(),
        r.linkedin.found,
        r.linkedin.of,
        r.github.rate(),
        r.github.found,
        r.github.of,
        r.false_phones,
        r.errors.len(),
    );
    for (id, t) in &r.warnings {
        s.push_str(&format!(
            "| {id} | {} | {} | {} | {} |\n",
            t.fired, t.right, t.wrong, t.missed
        ));
    }
    s
}
