//! `ats-score fit`: one resume's fit to every role as a ranked table or
//! JSON, and a batch as a resumes × roles matrix (CSV) or a table of each
//! resume's best roles.

use super::escape::escape;
use super::new_table;
use crate::fit::{self, RoleFit};
use serde::Serialize;
use std::fmt::Write;

/// Version of the fit JSON; bumped only when a field changes meaning.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    schema_version: u32,
    input: Input<'a>,
    /// The company whose profiles replaced base roles, if any.
    company: Option<&'a str>,
    /// The best role's id, or null when the resume fits no role (every
    /// score under `no_fit_below`).
    best: Option<&'a str>,
    no_fit_below: u32,
    roles: Vec<Role<'a>>,
}

#[derive(Serialize)]
struct Input<'a> {
    path: &'a str,
}

#[derive(Serialize)]
struct Role<'a> {
    id: &'a str,
    name: &'a str,
    score: u32,
    keywords_points: f64,
    rules_points: f64,
    matched: &'a [String],
    missing: Vec<Missing<'a>>,
}

#[derive(Serialize)]
struct Missing<'a> {
    term: &'a str,
    gain: f64,
}

fn r2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn report<'a>(path: &'a str, company: Option<&'a str>, fits: &'a [RoleFit]) -> Report<'a> {
    Report {
        schema_version: SCHEMA_VERSION,
        input: Input { path },
        company,
        best: fit::best(fits).map(|f| f.id.as_str()),
        no_fit_below: fit::NO_FIT,
        roles: fits
            .iter()
            .map(|f| Role {
                id: &f.id,
                name: &f.name,
                score: f.score,
                keywords_points: r2(f.keywords_points),
                rules_points: r2(f.rules_points),
                matched: &f.matched,
                missing: f
                    .missing
                    .iter()
                    .map(|(term, gain)| Missing {
                        term,
                        gain: r2(*gain),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// One resume as a JSON document (pretty) or line.
pub fn json(path: &str, company: Option<&str>, fits: &[RoleFit], pretty: bool) -> String {
    let mut s = super::json::to_string(&report(path, company, fits), pretty);
    s.push('\n');
    s
}

/// One resume's ranking, for people.
pub fn table(path: &str, company: Option<&str>, fits: &[RoleFit], width: u16) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  ·  fit to {} roles{}\n",
        escape(path),
        fits.len(),
        company.map_or(String::new(), |c| format!(
            " ({} profiles where it has one)",
            escape(c)
        ))
    );
    let mut t = new_table(
        width,
        &["#", "Role", "Score", "Top matched", "Top missing (+points)"],
    );
    for (i, f) in fits.iter().enumerate() {
        let missing: Vec<String> = f
            .missing
            .iter()
            .map(|(term, gain)| format!("{} (+{gain:.1})", escape(term)))
            .collect();
        let matched: Vec<String> = f.matched.iter().map(|m| escape(m).into_owned()).collect();
        t.add_row(vec![
            format!("{}", i + 1),
            format!("{}\n{}", escape(&f.name), escape(&f.id)),
            format!("{}", f.score),
            if matched.is_empty() {
                "—".into()
            } else {
                matched.join(", ")
            },
            missing.join(", "),
        ]);
    }
    let _ = writeln!(out, "{t}");
    match fit::best(fits) {
        Some(b) => {
            let _ = writeln!(
                out,
                "\nBest fit: {} ({}). The full report for it: ats-score {} -c {} -r {}",
                escape(&b.name),
                b.score,
                shell_word(&escape(path)),
                escape(b.id.split('/').next().unwrap_or("base")),
                escape(b.id.rsplit('/').next().unwrap_or(""))
            );
        }
        None => {
            let _ = writeln!(
                out,
                "\nNo role fits: every score is under {}. The resume names too few of any role's skills for an ATS search to find it.",
                fit::NO_FIT
            );
        }
    }
    out
}

/// `s` as one shell word: quoted when it holds anything but plain
/// characters.
fn shell_word(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || "-_./+:@%".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// The CSV header of a batch: path, best role, the highest score, one
/// column per role (in `columns` order), error.
pub fn csv_header(columns: &[&str]) -> String {
    let mut h: Vec<String> = ["path", "best", "best_score"].map(String::from).to_vec();
    h.extend(columns.iter().map(|c| c.to_string()));
    h.push("error".into());
    super::csv::row(&h)
}

/// One resume's CSV row: scores in `columns` order. `best` is empty when
/// the resume fits no role; `best_score` is still the highest score.
pub fn csv_row(path: &str, columns: &[&str], fits: &[RoleFit]) -> String {
    let mut row = vec![
        path.to_string(),
        fit::best(fits).map_or(String::new(), |b| b.id.clone()),
        fits.first().map_or(String::new(), |b| b.score.to_string()),
    ];
    for c in columns {
        row.push(
            fits.iter()
                .find(|f| f.id == *c)
                .map_or(String::new(), |f| f.score.to_string()),
        );
    }
    row.push(String::new());
    super::csv::row(&row)
}

/// A CSV row for a resume that could not be read.
pub fn csv_error(path: &str, columns: &[&str], message: &str) -> String {
    let mut row = vec![path.to_string(), String::new(), String::new()];
    row.extend(columns.iter().map(|_| String::new()));
    row.push(message.to_string());
    super::csv::row(&row)
}

/// One line of a batch's table: a resume's two best roles.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Row {
    pub path: String,
    /// (role name, score) of the best two roles; empty for an error.
    pub top: Vec<(String, u32)>,
    pub fits: bool,
    pub error: Option<String>,
}

impl Row {
    pub fn of(path: &str, fits: &[RoleFit]) -> Row {
        Row {
            path: path.to_string(),
            top: fits
                .iter()
                .take(2)
                .map(|f| (f.name.clone(), f.score))
                .collect(),
            fits: fit::best(fits).is_some(),
            error: None,
        }
    }
}

/// A batch's table, in input order.
pub fn batch_table(rows: &[Row], width: u16) -> String {
    let mut t = new_table(
        width,
        &["Resume", "Best role", "Score", "Next role", "Score"],
    );
    for r in rows {
        let cell = |i: usize| {
            r.top
                .get(i)
                .map(|(n, s)| (escape(n).into_owned(), s.to_string()))
        };
        let (best, best_score) = match (&r.error, cell(0)) {
            (Some(e), _) => (format!("error: {}", escape(e)), String::new()),
            (None, Some((n, s))) if r.fits => (n, s),
            (None, Some((n, s))) => (format!("none (closest: {n})"), s),
            (None, None) => (String::new(), String::new()),
        };
        let (next, next_score) = cell(1).unwrap_or_default();
        t.add_row(vec![
            escape(&r.path).into_owned(),
            best,
            best_score,
            next,
            next_score,
        ]);
    }
    format!("{t}\n")
}
