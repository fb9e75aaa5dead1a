//! The human report: tables (comfy-table) that fit the terminal, 80 columns
//! when the width is unknown (pipes, CI logs).

use super::{advice, matched, missing, new_table as table};
use crate::Analysis;
use crate::model::{Finding, HitKind};
use crate::profile::Profile;
use std::fmt::Write;

fn verdict(score: u32) -> &'static str {
    match score {
        80.. => "strong",
        60..80 => "fair",
        _ => "weak",
    }
}

/// Render the report at `width` columns.
pub fn render(a: &Analysis, profile: &Profile, width: u16) -> String {
    let mut out = String::new();
    let b = &a.breakdown;
    let pages = a
        .stats
        .pages
        .map(|p| format!("{p} page{}, ", if p == 1 { "" } else { "s" }))
        .unwrap_or_default();
    let _ = writeln!(out, "{}  ·  {} ({})", a.input, profile.name, profile.id);
    let _ = writeln!(
        out,
        "read as {}: {pages}{} words, {} sections found",
        a.format.as_str().to_uppercase(),
        a.stats.words,
        a.sections.len()
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "SCORE {}/100 ({})   keywords {:.1}/{:.0} · rules {:.1}/{:.0}",
        b.score,
        verdict(b.score),
        b.keywords.points,
        b.keywords.max,
        b.rules.points,
        b.rules.max
    );

    let found: Vec<_> = matched(a).collect();
    let counted = found.iter().filter(|t| t.credit > 0.0).count();
    let _ = writeln!(
        out,
        "\nMatched keywords: {counted} of {} terms",
        a.terms.len()
    );
    if found.is_empty() {
        let _ = writeln!(out, "  none");
    } else {
        let mut t = table(width, &["Term", "How", "Line", "Evidence"]);
        for term in &found {
            let how = match term.kind {
                Some(HitKind::Exact) | None => "exact".to_string(),
                Some(k) => format!("{}: {}", k.as_str(), term.found.as_deref().unwrap_or("")),
            };
            let line = term
                .evidence
                .as_ref()
                .map_or(String::new(), |e| e.line.to_string());
            let snippet = term
                .evidence
                .as_ref()
                .map_or(String::new(), |e| e.snippet.clone());
            t.add_row(vec![term.term.clone(), how, line, snippet]);
        }
        let _ = writeln!(out, "{t}");
        let partial: Vec<_> = found
            .iter()
            .filter_map(|t| advice(t).map(|a| (t, a)))
            .collect();
        for (term, text) in partial {
            let _ = writeln!(out, "  • {}: {text}", term.term);
        }
    }

    let missing = missing(a);
    let (valuable, covered): (Vec<&crate::TermResult>, Vec<_>) =
        missing.iter().partition(|t| t.gain > 0.0);
    let _ = writeln!(out, "\nMissing keywords, most valuable first");
    if valuable.is_empty() {
        let _ = writeln!(out, "  none");
    } else {
        let mut t = table(width, &["Term", "Skill group", "Adds"]);
        for term in &valuable {
            t.add_row(vec![
                term.term.clone(),
                profile.groups[term.group].name.clone(),
                format!("+{:.1}", term.gain),
            ]);
        }
        let _ = writeln!(out, "{t}");
    }
    if !covered.is_empty() {
        let names: Vec<&str> = covered.iter().map(|t| t.term.as_str()).collect();
        let _ = writeln!(
            out,
            "  not needed (another term of their group counts): {}",
            names.join(", ")
        );
    }

    let (mistakes, tips): (Vec<&Finding>, Vec<&Finding>) =
        a.findings.iter().partition(|f| f.category != "tip");
    for (title, list) in [("Mistakes to fix", mistakes), ("Tips", tips)] {
        let _ = writeln!(out, "\n{title}: {}", list.len());
        if list.is_empty() {
            continue;
        }
        let mut t = table(width, &["Level", "What and how to fix it"]);
        for f in list {
            let mut cell = format!("{}\nFix: {}", f.message, f.fix);
            for e in &f.evidence {
                let _ = write!(cell, "\nline {}: {}", e.line, e.snippet);
            }
            t.add_row(vec![f.severity.as_str().to_string(), cell]);
        }
        let _ = writeln!(out, "{t}");
    }
    let _ = writeln!(
        out,
        "\nRun with --explain to see how the score was computed."
    );
    out
}
