//! The human report: tables (comfy-table) that fit the terminal, 80 columns
//! when the width is unknown (pipes, CI logs).

use super::{matched, missing, new_table as table, wrap};
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
            let snippet = term.evidence.as_ref().map_or(String::new(), |e| {
                around(&e.snippet, term.found.as_deref().unwrap_or(&term.term), 34)
            });
            t.add_row(vec![term.term.clone(), how, line, snippet]);
        }
        let _ = writeln!(out, "{t}");
        let partial: Vec<String> = found
            .iter()
            .filter(|t| matches!(t.kind, Some(HitKind::Alias | HitKind::Variant)))
            .map(|t| format!("\"{}\"", t.term))
            .collect();
        if !partial.is_empty() {
            let text = format!(
                "Partial credit for aliases and variants: many ATS searches match the exact phrase only, so also write {}.",
                partial.join(", ")
            );
            out.push_str(&wrap(&text, usize::from(width), "  "));
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

    let of = |cats: &[&str]| -> Vec<&Finding> {
        a.findings
            .iter()
            .filter(|f| cats.contains(&f.category.as_str()))
            .collect()
    };
    let groups = [
        ("Mistakes to fix", of(&["mistake", "check"])),
        ("What an ATS may not read", of(&["parse"])),
        ("Tips", of(&["tip"])),
    ];
    for (title, list) in groups {
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

/// The part of `snippet` around `needle`, at most `max` characters, so the
/// evidence column stays one or two lines in an 80-column terminal.
fn around(snippet: &str, needle: &str, max: usize) -> String {
    let chars: Vec<char> = snippet.chars().collect();
    if chars.len() <= max {
        return snippet.to_string();
    }
    let lower = snippet.to_lowercase();
    let at = lower
        .find(&needle.to_lowercase())
        .filter(|_| lower.len() == snippet.len())
        .map_or(0, |b| snippet[..b].chars().count());
    let start = at.saturating_sub(max / 3).min(chars.len() - max);
    let end = start + max;
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(
        chars[start..end]
            .iter()
            .skip_while(|c| start > 0 && **c == '…'),
    );
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// The batch ranking: best score first, files that failed at the end.
pub fn ranking(rows: &mut [super::Summary], width: u16) -> String {
    rows.sort_by(|a, b| match (&a.outcome, &b.outcome) {
        (Ok(x), Ok(y)) => y.score.cmp(&x.score).then(a.path.cmp(&b.path)),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(_), Err(_)) => a.path.cmp(&b.path),
    });
    let mut t = table(width, &["#", "Score", "Resume", "Add first", "Warnings"]);
    let mut failed = 0;
    for (i, row) in rows.iter().enumerate() {
        match &row.outcome {
            Ok(s) => {
                t.add_row(vec![
                    (i + 1).to_string(),
                    s.score.to_string(),
                    row.path.clone(),
                    s.top_missing.join(", "),
                    s.warnings.to_string(),
                ]);
            }
            Err(message) => {
                failed += 1;
                // The message starts with the path, already in its own column.
                let message = message
                    .strip_prefix(&format!("{}: ", row.path))
                    .unwrap_or(message);
                t.add_row(vec![
                    "-".to_string(),
                    "error".to_string(),
                    row.path.clone(),
                    message.to_string(),
                    String::new(),
                ]);
            }
        }
    }
    if let Some(col) = t.column_mut(2) {
        col.set_constraint(comfy_table::ColumnConstraint::LowerBoundary(
            comfy_table::Width::Percentage(35),
        ));
    }
    let mut out = format!("{t}\n");
    let _ = writeln!(out, "{} scored, {failed} failed.", rows.len() - failed);
    out
}

#[cfg(test)]
mod tests {
    use super::around;

    #[test]
    fn around_keeps_the_needle() {
        let s = "Languages and Runtimes: Swift, Objective-C, C++, Python, Java, Go, Node.js";
        let cut = around(s, "Java", 30);
        assert!(cut.contains("Java"), "{cut}");
        assert!(cut.chars().count() <= 32);
        assert_eq!(around("short", "x", 30), "short");
    }
}
