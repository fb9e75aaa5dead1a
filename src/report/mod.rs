//! Reporters: the same [`Analysis`](crate::Analysis) rendered as a table for
//! people, as versioned JSON for scripts, and as the score's arithmetic for
//! `--explain`. Reporters only format; every number was computed upstream.

pub mod csv;
pub mod explain;
pub mod json;
pub mod table;

use crate::model::HitKind;
use crate::{Analysis, TermResult};
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

/// The advice for a term found only as an alias or variant.
pub(crate) fn advice(t: &TermResult) -> Option<String> {
    match t.kind? {
        HitKind::Alias | HitKind::Variant => Some(format!(
            "also write the exact phrase \"{}\": many ATS searches match it verbatim",
            t.term
        )),
        HitKind::Typo => Some(format!("fix the spelling: \"{}\"", t.term)),
        HitKind::Exact => None,
    }
}

/// Terms found in any tier (typos included: they are shown so they get fixed).
pub(crate) fn matched(a: &Analysis) -> impl Iterator<Item = &TermResult> {
    a.terms.iter().filter(|t| t.kind.is_some())
}

/// Terms that earn nothing, most valuable first.
pub(crate) fn missing(a: &Analysis) -> Vec<&TermResult> {
    let mut out: Vec<&TermResult> = a.terms.iter().filter(|t| t.credit == 0.0).collect();
    out.sort_by(|x, y| {
        y.gain
            .total_cmp(&x.gain)
            .then(y.weight.total_cmp(&x.weight))
    });
    out
}

/// A table in the house style, wrapped to `width` columns.
pub(crate) fn new_table(width: u16, header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(header.to_vec());
    t
}

/// Greedy word wrap to `width` columns, each line prefixed with `indent`.
pub(crate) fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::from(indent);
    for word in text.split_whitespace() {
        if line.len() > indent.len() && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(indent);
        }
        if line.len() > indent.len() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if line.len() > indent.len() {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// One line of a batch ranking: enough to rank and triage, nothing more, so
/// a batch of thousands holds only these in memory.
#[derive(Debug, Clone)]
pub struct Summary {
    pub path: String,
    /// `Err(message)` when the file could not be scored.
    pub outcome: std::result::Result<Scored, String>,
}

#[derive(Debug, Clone)]
pub struct Scored {
    pub score: u32,
    pub matched: usize,
    pub terms: usize,
    /// The most valuable missing terms, best first.
    pub top_missing: Vec<String>,
    pub warnings: usize,
}

impl Scored {
    /// The summary of one analysis, with up to `top` missing terms.
    pub fn of(a: &Analysis, top: usize) -> Scored {
        Scored {
            score: a.breakdown.score,
            matched: a.terms.iter().filter(|t| t.credit > 0.0).count(),
            terms: a.terms.len(),
            top_missing: missing(a)
                .into_iter()
                .filter(|t| t.gain > 0.0)
                .take(top)
                .map(|t| t.term.clone())
                .collect(),
            warnings: a.findings.len(),
        }
    }
}

impl Summary {
    pub fn of(path: &str, result: &crate::error::Result<Analysis>) -> Summary {
        Summary {
            path: path.to_string(),
            outcome: match result {
                Ok(a) => Ok(Scored::of(a, 3)),
                Err(e) => Err(e.to_string()),
            },
        }
    }
}
