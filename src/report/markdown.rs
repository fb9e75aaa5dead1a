//! Markdown: the report to paste into a document, an issue or a pull
//! request. Same facts as the human report, as GitHub-flavored tables.

use super::{additions, band, finding_lists, matched, next_edits};
use crate::Analysis;
use crate::model::HitKind;
use crate::profile::Profile;
use std::fmt::Write;

/// Escape text for a Markdown table cell or list item.
fn md(text: &str) -> String {
    super::escape::escape(&text.replace('\n', " "))
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('`', "\\`")
        .replace('*', "\\*")
        .replace('_', "\\_")
        .replace('<', "&lt;")
        // Link and image syntax: `![](https://…)` from a resume must not
        // become a tracking image in a pull request. Without a bracket
        // there is no link, so parentheses can stay as they read.
        .replace('[', "\\[")
        .replace(']', "\\]")
        .replace('!', "\\!")
}

/// The report; `explain` is the `--explain` text, added as its last
/// section in a text block (its tables are drawn with box characters).
pub fn render(a: &Analysis, profile: &Profile, explain: Option<&str>) -> String {
    let b = &a.breakdown;
    let mut out = String::new();
    let verdict = band(f64::from(b.score) / 100.0).as_str();
    let _ = writeln!(out, "# ATS score: {}/100 ({verdict})\n", b.score);
    let _ = writeln!(
        out,
        "**{}** · {} (`{}`) · read as {}, {} words\n",
        md(&a.input),
        md(&profile.name),
        profile.id,
        a.format.as_str().to_uppercase(),
        a.stats.words
    );
    let _ = writeln!(out, "| Part | Points | Of |\n| --- | ---: | ---: |");
    let _ = writeln!(
        out,
        "| Keywords | {:.1} | {:.0} |",
        b.keywords.points, b.keywords.max
    );
    let _ = writeln!(
        out,
        "| Rules | {:.1} | {:.0} |",
        b.rules.points, b.rules.max
    );

    if let (Some(rate), Some(posting)) =
        (super::match_rate::of(a, profile), profile.posting.as_ref())
    {
        let _ = writeln!(out, "\n## Match rate against the job posting\n");
        let _ = writeln!(out, "| Part | Result |\n| --- | --- |");
        for (label, text) in super::match_rate::lines(&rate, posting) {
            let _ = writeln!(out, "| {label} | {} |", md(&text).replace('|', "\\|"));
        }
    }

    let edits = next_edits(a, 3);
    if !edits.is_empty() {
        let _ = writeln!(out, "\n## Next edits that raise your score most\n");
        for (i, e) in edits.iter().enumerate() {
            let _ = writeln!(out, "{}. {} (**+{:.1}**)", i + 1, md(&e.what), e.gain);
        }
    }

    let _ = writeln!(out, "\n## Matched keywords\n");
    let _ = writeln!(
        out,
        "| Skill group | Term | How | Line | Evidence |\n| --- | --- | --- | ---: | --- |"
    );
    for t in matched(a) {
        let how = match t.kind {
            Some(HitKind::Exact) | None => "exact".to_string(),
            Some(k) => format!("{}: {}", k.as_str(), t.found.as_deref().unwrap_or("")),
        };
        let (line, snippet) = t
            .evidence
            .as_ref()
            .map_or((String::new(), String::new()), |e| {
                (e.line.to_string(), e.snippet.clone())
            });
        let _ = writeln!(
            out,
            "| {} | {} | {} | {line} | {} |",
            md(&profile.groups[t.group].name),
            md(&t.term),
            md(&how),
            md(&snippet)
        );
    }

    let valuable = additions(a);
    let _ = writeln!(out, "\n## Missing keywords\n");
    if valuable.is_empty() {
        let _ = writeln!(out, "None.");
    } else {
        let _ = writeln!(out, "| Skill group | Term | Adds |\n| --- | --- | ---: |");
        for add in valuable {
            let name = if add.terms.len() > 1 {
                format!("one of: {}", add.names(", "))
            } else {
                add.names("")
            };
            let _ = writeln!(
                out,
                "| {} | {} | +{:.1} |",
                md(&profile.groups[add.group].name),
                md(&name),
                add.gain
            );
        }
    }

    for l in finding_lists(a) {
        let _ = writeln!(out, "\n## {}\n", l.title());
        let list = l.findings;
        if list.is_empty() {
            let _ = writeln!(out, "None.");
            continue;
        }
        for (f, points) in list {
            let cost = if points > 0.0 {
                format!(", -{points:.1} pts")
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "- **{}** `{}`{cost}: {} *Fix:* {}",
                f.severity.as_str(),
                f.id,
                md(&f.message),
                md(&f.fix)
            );
            for e in &f.evidence {
                let _ = writeln!(out, "  - line {}: {}", e.line, md(&e.snippet));
            }
        }
    }
    if let Some(text) = explain {
        let _ = write!(
            out,
            "\n## How the score was computed\n\n```text\n{}```\n",
            text.replace("```", "'''")
        );
    }
    out
}
