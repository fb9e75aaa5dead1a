//! The human report: tables (comfy-table) that fit the terminal, 80 columns
//! when the width is unknown (pipes, CI logs), colored only when asked.

use super::{
    Paint, additions, band, finding_lists, gauge, matched, missing, new_table as table, next_edits,
    wrap,
};
use crate::Analysis;
use crate::model::{Finding, HitKind};
use crate::profile::Profile;
use comfy_table::Cell;
use std::fmt::Write;

/// A cell's style in a drawn table, when it has one.
type CellStyle = Option<anstyle::Style>;

fn color(c: anstyle::AnsiColor) -> CellStyle {
    Some(anstyle::Style::new().fg_color(Some(c.into())))
}

/// Paint the cells of a drawn table. comfy-table draws plain text, so it
/// needs no terminal backend and measures widths without escape codes;
/// `style` chooses each row's cell styles from the row's text, or returns
/// None for a line that continues the row above (a wrapped cell), which
/// keeps that row's styles.
fn paint_cells(
    drawn: &str,
    paint: Paint,
    style: impl Fn(&[&str]) -> Option<Vec<CellStyle>>,
) -> String {
    if !paint.on {
        return drawn.to_string();
    }
    let mut current: Vec<CellStyle> = Vec::new();
    let mut lines = Vec::new();
    for line in drawn.lines() {
        let Some(inner) = line
            .strip_prefix('│')
            .and_then(|l| l.strip_suffix('│'))
            .filter(|l| l.contains('┆'))
        else {
            lines.push(line.to_string());
            continue;
        };
        let parts: Vec<&str> = inner.split('┆').collect();
        let texts: Vec<&str> = parts.iter().map(|p| p.trim()).collect();
        if let Some(styles) = style(&texts) {
            current = styles;
        }
        let mut out = String::from("│");
        for (k, (part, text)) in parts.iter().zip(&texts).enumerate() {
            if k > 0 {
                out.push('┆');
            }
            match current.get(k).copied().flatten() {
                Some(st) if !text.is_empty() => {
                    let at = part.find(text).unwrap_or(0);
                    out.push_str(&part[..at]);
                    out.push_str(&paint.apply(st, text));
                    out.push_str(&part[at + text.len()..]);
                }
                _ => out.push_str(part),
            }
        }
        out.push('│');
        lines.push(out);
    }
    lines.join("\n")
}

/// How a match was found, as the matched-keywords table writes it.
fn kind_text(kind: Option<HitKind>, found: &str) -> String {
    match kind {
        Some(HitKind::Exact) | None => "exact".to_string(),
        Some(k) => format!("{}: {found}", k.as_str()),
    }
}

/// The matched-keywords table's styles: a group's row in bold, and the
/// "How" of a term green, amber or red by its tier.
fn matched_styles(cells: &[&str]) -> Option<Vec<CellStyle>> {
    use anstyle::AnsiColor::{Green, Red, Yellow};
    let how = *cells.get(1)?;
    if how.is_empty() {
        return None;
    }
    Some(if how.ends_with('%') {
        vec![Some(anstyle::Style::new().bold())]
    } else if how == "exact" {
        vec![None, color(Green)]
    } else if how.starts_with("typo") {
        vec![None, color(Red)]
    } else if how.starts_with("alias") || how.starts_with("variant") {
        vec![None, color(Yellow)]
    } else {
        Vec::new()
    })
}

fn severity_text(f: &Finding, points: f64) -> String {
    let mut text = f.severity.as_str().to_string();
    if points > 0.0 {
        let _ = write!(text, "\n-{points:.1} pts");
    }
    text
}

/// A findings table's styles: the level by severity, with its points.
fn severity_styles(cells: &[&str]) -> Option<Vec<CellStyle>> {
    use anstyle::AnsiColor::{Cyan, Red, Yellow};
    Some(match *cells.first()? {
        "error" => vec![color(Red)],
        "warning" => vec![color(Yellow)],
        "info" => vec![color(Cyan)],
        level if level.is_empty() || level.ends_with(" pts") => return None,
        _ => Vec::new(),
    })
}

/// Render the report at `width` columns.
pub fn render(a: &Analysis, profile: &Profile, width: u16, paint: Paint) -> String {
    let mut out = String::new();
    let b = &a.breakdown;
    let w = usize::from(width);
    let pages = a
        .stats
        .pages
        .map(|p| format!("{p} page{}, ", if p == 1 { "" } else { "s" }))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{}  ·  {} ({})",
        paint.bold(&a.input),
        profile.name,
        profile.id
    );
    let _ = writeln!(
        out,
        "{}",
        paint.dim(&format!(
            "read as {}: {pages}{} words, {} sections found",
            a.format.as_str().to_uppercase(),
            a.stats.words,
            a.sections.len()
        ))
    );

    // Score, verdict and gauges.
    let fraction = f64::from(b.score) / 100.0;
    let verdict = band(fraction).as_str().to_uppercase();
    let _ = writeln!(
        out,
        "\n{}  {}",
        paint.bold(&format!("SCORE {}/100 · {verdict}", b.score)),
        paint.by_fraction(fraction, &gauge(fraction, 20))
    );
    for (name, part) in [("keywords", &b.keywords), ("rules", &b.rules)] {
        let _ = writeln!(
            out,
            "  {name:<9}{:>5.1}/{:<3.0} {}",
            part.points,
            part.max,
            paint.by_fraction(part.credit, &gauge(part.credit, 20))
        );
    }

    // Against a job posting: the match rate, as the scanners report it.
    if let (Some(rate), Some(posting)) =
        (super::match_rate::of(a, profile), profile.posting.as_ref())
    {
        out.push('\n');
        out.push_str(&paint_rate(
            &super::match_rate::render(&rate, posting, w),
            paint,
        ));
    }

    // The edits worth making first.
    let edits = next_edits(a, 3);
    if !edits.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            paint.bold("Next edits that raise your score most")
        );
        for (i, e) in edits.iter().enumerate() {
            let line = format!(
                "{}. {} ({})",
                i + 1,
                e.what,
                paint.good(&format!("+{:.1}", e.gain))
            );
            out.push_str(&wrap(&line, w, "  "));
        }
    }

    // Matched keywords, grouped by skill group.
    let found: Vec<_> = matched(a).collect();
    let counted = found.iter().filter(|t| t.credit > 0.0).count();
    let _ = writeln!(
        out,
        "\n{}",
        paint.bold(&format!(
            "Matched keywords: {counted} of {} terms",
            a.terms.len()
        ))
    );
    if found.is_empty() {
        let _ = writeln!(out, "  none");
    } else {
        let mut t = table(width, &["Skill group / term", "How", "Line", "Evidence"]);
        for (g, group) in profile.groups.iter().enumerate() {
            let in_group: Vec<_> = found.iter().filter(|t| t.group == g).collect();
            if in_group.is_empty() {
                continue;
            }
            let credit = b.groups.get(g).copied().unwrap_or(0.0);
            t.add_row(vec![
                Cell::new(&group.name),
                Cell::new(format!("{:.0}%", credit * 100.0)),
                Cell::new(""),
                Cell::new(""),
            ]);
            for term in in_group {
                let line = term
                    .evidence
                    .as_ref()
                    .map_or(String::new(), |e| e.line.to_string());
                let snippet = term.evidence.as_ref().map_or(String::new(), |e| {
                    around(
                        &e.snippet,
                        term.found.as_deref().unwrap_or(&term.term),
                        evidence_chars(width),
                    )
                });
                t.add_row(vec![
                    Cell::new(format!("  {}", term.term)),
                    Cell::new(kind_text(term.kind, term.found.as_deref().unwrap_or(""))),
                    Cell::new(line),
                    Cell::new(snippet),
                ]);
            }
        }
        let _ = writeln!(
            out,
            "{}",
            paint_cells(&t.to_string(), paint, matched_styles)
        );
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
            out.push_str(&wrap(&text, w, "  "));
        }
    }

    // Missing keywords, grouped by skill group.
    let missing = missing(a);
    let covered: Vec<&&crate::TermResult> = missing.iter().filter(|t| t.gain == 0.0).collect();
    let valuable = additions(a);
    let _ = writeln!(out, "\n{}", paint.bold("Missing keywords"));
    if valuable.is_empty() {
        let _ = writeln!(out, "  none");
    } else {
        let mut t = table(width, &["Skill group / term", "Adds"]);
        for (g, group) in profile.groups.iter().enumerate() {
            // Already best first.
            let in_group: Vec<_> = valuable.iter().filter(|add| add.group == g).collect();
            if in_group.is_empty() {
                continue;
            }
            t.add_row(vec![Cell::new(&group.name), Cell::new("")]);
            for add in in_group {
                let adds = Cell::new(format!("+{:.1}", add.gain));
                let name = if add.terms.len() > 1 {
                    format!("  one of: {}", add.names(", "))
                } else {
                    format!("  {}", add.names(""))
                };
                t.add_row(vec![Cell::new(name), adds]);
            }
        }
        let _ = writeln!(
            out,
            "{}",
            paint_cells(&t.to_string(), paint, |cells| {
                let adds = cells.get(1).is_some_and(|a| a.starts_with('+'));
                Some(vec![
                    None,
                    if adds {
                        color(anstyle::AnsiColor::Green)
                    } else {
                        None
                    },
                ])
            })
        );
    }
    if !covered.is_empty() {
        let names: Vec<&str> = covered.iter().map(|t| t.term.as_str()).collect();
        let text = format!(
            "Not needed (another term of their group counts): {}",
            names.join(", ")
        );
        out.push_str(&wrap(&text, w, "  "));
    }

    // Warnings, the lists that cost most first. An empty integrity list is
    // no news; the others say "none" so the reader knows they were checked.
    for l in finding_lists(a) {
        let _ = writeln!(
            out,
            "\n{}",
            paint.bold(&format!("{} ({} found)", l.title(), l.findings.len()))
        );
        let list = l.findings;
        if list.is_empty() {
            continue;
        }
        let mut t = table(width, &["Level", "What and how to fix it"]);
        for (f, points) in list {
            let mut cell = format!("{} [{}]\nFix: {}", f.message, f.id, f.fix);
            for e in &f.evidence {
                let _ = write!(cell, "\nline {}: {}", e.line, e.snippet);
            }
            t.add_row(vec![Cell::new(severity_text(f, points)), Cell::new(cell)]);
        }
        let _ = writeln!(
            out,
            "{}",
            paint_cells(&t.to_string(), paint, severity_styles)
        );
    }
    let _ = writeln!(
        out,
        "\n{}",
        paint.dim("Run with --explain to see how the score was computed.")
    );
    out
}

/// The part of `snippet` around `needle`, at most `max` characters, cut
/// between words and never inside the needle, so the evidence column stays
/// one or two lines and still shows the word it is evidence for.
fn around(snippet: &str, needle: &str, max: usize) -> String {
    let chars: Vec<char> = snippet.chars().collect();
    if chars.len() <= max {
        return snippet.to_string();
    }
    // Find the needle character by character, ignoring case, so the
    // position is in characters whatever lower-casing does to byte lengths.
    let fold = |c: char| c.to_lowercase().next().unwrap_or(c);
    let needle: Vec<char> = needle.chars().map(fold).collect();
    let at = (0..chars.len().saturating_sub(needle.len()) + 1).find(|&i| {
        needle
            .iter()
            .enumerate()
            .all(|(k, &c)| chars.get(i + k).is_some_and(|&h| fold(h) == c))
    });
    let (at, len) = at.map_or((0, 0), |at| (at, needle.len()));
    let (start, end) = crate::evidence::window(&chars, at, len, max);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(
        chars[start..end]
            .iter()
            .skip_while(|c| start > 0 && **c == '…'),
    );
    if end < chars.len() && !out.ends_with('…') {
        out.push('…');
    }
    out
}

/// Characters of evidence the matched-keywords table shows at `width`
/// columns: what the other three columns leave (34 at 80 columns).
fn evidence_chars(width: u16) -> usize {
    usize::from(width).saturating_sub(46).clamp(24, 120)
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

/// The match-rate block with its title in bold and its marks in colour.
fn paint_rate(block: &str, paint: Paint) -> String {
    let mut out = String::new();
    for (i, line) in block.lines().enumerate() {
        let line = if i == 0 {
            paint.bold(line)
        } else {
            line.replace('✓', &paint.good("✓"))
                .replace('✗', &paint.bad("✗"))
        };
        out.push_str(&line);
        out.push('\n');
    }
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
        // Found by review: characters whose lower case changes byte length.
        let s =
            "\u{1e9e}\u{2014}Python and lots of other things here to make the line long \u{130} ok";
        assert!(around(s, "Python", 20).contains("Python"));
    }

    #[test]
    fn around_cuts_between_words() {
        let s = "Frontend: React, Next.js, TypeScript, Redux, Tailwind CSS, Storybook, Jest";
        let cut = around(s, "Tailwind CSS", 30);
        assert!(cut.contains("Tailwind CSS"), "{cut}");
        let words: Vec<&str> = s.split(' ').collect();
        for w in cut.trim_matches('…').split(' ') {
            assert!(words.contains(&w), "{w:?} cut in {cut:?}");
        }
    }
}
