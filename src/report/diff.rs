//! `ats-score diff old new`: what changed between two versions of a resume,
//! scored against the same profile: the score and its parts, each keyword
//! whose tier changed, and the warnings fixed or introduced.

use super::{Paint, new_table};
use crate::Analysis;
use crate::model::HitKind;
use serde::Serialize;
use std::fmt::Write;

#[derive(Debug, Serialize)]
pub struct Diff {
    pub schema_version: u32,
    pub old: Side,
    pub new: Side,
    pub score_change: i64,
    /// Terms whose tier changed (`null` is absent).
    pub terms: Vec<TermChange>,
    /// Warning ids present before and gone now.
    pub fixed: Vec<WarningRef>,
    /// Warning ids new in this version.
    pub introduced: Vec<WarningRef>,
}

#[derive(Debug, Serialize)]
pub struct Side {
    pub path: String,
    pub score: u32,
    pub keywords: f64,
    pub rules: f64,
}

#[derive(Debug, Serialize)]
pub struct TermChange {
    pub term: String,
    pub before: Option<&'static str>,
    pub after: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct WarningRef {
    pub id: String,
    pub message: String,
}

fn side(a: &Analysis) -> Side {
    let r2 = |x: f64| (x * 100.0).round() / 100.0;
    Side {
        path: a.input.clone(),
        score: a.breakdown.score,
        keywords: r2(a.breakdown.keywords.points),
        rules: r2(a.breakdown.rules.points),
    }
}

/// Compare two analyses made with the same profile.
pub fn compare(old: &Analysis, new: &Analysis) -> Diff {
    let terms = old
        .terms
        .iter()
        .zip(&new.terms)
        .filter(|(o, n)| o.kind != n.kind)
        .map(|(o, n)| TermChange {
            term: n.term.clone(),
            before: o.kind.map(HitKind::as_str),
            after: n.kind.map(HitKind::as_str),
        })
        .collect();
    let key = |f: &crate::model::Finding| (f.id.to_string(), f.message.clone());
    let before: Vec<_> = old.findings.iter().map(key).collect();
    let after: Vec<_> = new.findings.iter().map(key).collect();
    let refs = |list: &[(String, String)], other: &[(String, String)]| {
        list.iter()
            .filter(|k| !other.contains(k))
            .map(|(id, message)| WarningRef {
                id: id.clone(),
                message: message.clone(),
            })
            .collect()
    };
    Diff {
        schema_version: super::json::SCHEMA_VERSION,
        old: side(old),
        new: side(new),
        score_change: i64::from(new.breakdown.score) - i64::from(old.breakdown.score),
        terms,
        fixed: refs(&before, &after),
        introduced: refs(&after, &before),
    }
}

pub fn render_json(d: &Diff) -> String {
    let mut s = serde_json::to_string_pretty(d).expect("diff serializes");
    s.push('\n');
    s
}

pub fn render(d: &Diff, width: u16, paint: Paint) -> String {
    let mut out = String::new();
    let change = match d.score_change {
        c if c > 0 => paint.good(&format!("+{c}")),
        c if c < 0 => paint.bad(&c.to_string()),
        _ => "no change".to_string(),
    };
    let _ = writeln!(
        out,
        "{}  {} → {}  ({change})",
        paint.bold("SCORE"),
        d.old.score,
        d.new.score
    );
    let _ = writeln!(out, "  old: {}\n  new: {}", d.old.path, d.new.path);
    let _ = writeln!(
        out,
        "  keywords {:.1} → {:.1} · rules {:.1} → {:.1}",
        d.old.keywords, d.new.keywords, d.old.rules, d.new.rules
    );
    let _ = writeln!(
        out,
        "\n{}",
        paint.bold(&format!("Keywords that changed: {}", d.terms.len()))
    );
    if !d.terms.is_empty() {
        let mut t = new_table(width, &["Term", "Before", "After"]);
        for c in &d.terms {
            t.add_row(vec![
                c.term.clone(),
                c.before.unwrap_or("absent").to_string(),
                c.after.unwrap_or("absent").to_string(),
            ]);
        }
        let _ = writeln!(out, "{t}");
    }
    for (title, list) in [
        ("Warnings fixed", &d.fixed),
        ("New warnings", &d.introduced),
    ] {
        let _ = writeln!(out, "\n{}", paint.bold(&format!("{title}: {}", list.len())));
        for w in list.iter() {
            out.push_str(&super::wrap(
                &format!("- {} ({})", w.message, w.id),
                usize::from(width),
                "  ",
            ));
        }
    }
    out
}
