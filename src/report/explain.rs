//! `--explain`: the score's arithmetic for this resume, step by step, so two
//! people can agree on why it got the number it got.

use super::{new_table, wrap};
use crate::Analysis;
use crate::profile::Profile;
use std::fmt::Write;

pub fn render(a: &Analysis, profile: &Profile, width: u16) -> String {
    let b = &a.breakdown;
    let s = &profile.scoring;
    let mut out = String::new();
    let titles: Vec<String> = a
        .sections
        .iter()
        .map(|s| {
            let title = if s.title.is_empty() {
                "(top)"
            } else {
                &s.title
            };
            format!("{} \"{title}\" line {}", s.kind.as_str(), s.line)
        })
        .collect();
    out.push_str(&wrap(
        &format!("Sections found: {}.", titles.join("; ")),
        usize::from(width),
        "",
    ));
    let contact: Vec<String> = a
        .contact
        .items()
        .zip(&a.contact_at)
        .map(|((kind, item), (line, place))| {
            let place = match (item.link_page, place) {
                (Some(page), _) => format!(", only as a link on page {page}"),
                (None, Some(p)) => format!(", in a {}", p.as_str()),
                (None, None) => String::new(),
            };
            format!("{kind} {} (line {line}{place})", item.value)
        })
        .collect();
    out.push_str(&wrap(
        &format!(
            "Contact data: {}.",
            if contact.is_empty() {
                "none".to_string()
            } else {
                contact.join("; ")
            }
        ),
        usize::from(width),
        "",
    ));
    let _ = writeln!(out, "\nHow the score was computed");
    let _ = writeln!(
        out,
        "\nTerm credit: exact 1, alias {}, variant {}, typo or absent 0.",
        s.alias_credit, s.variant_credit
    );
    let _ = writeln!(
        out,
        "Group credit: best `count` terms (or all) of weight × credit ÷ their weights."
    );
    let mut t = new_table(
        width,
        &["Group", "Weight", "Terms (weight: credit)", "Credit"],
    );
    for (i, g) in profile.groups.iter().enumerate() {
        let terms: Vec<String> = a
            .terms
            .iter()
            .filter(|t| t.group == i)
            .map(|t| format!("{} ({}: {})", t.term, t.weight, t.credit))
            .collect();
        let mut name = g.name.clone();
        if let Some(c) = g.count {
            let _ = write!(name, " (best {c})");
        }
        t.add_row(vec![
            name,
            format!("{}", g.weight),
            terms.join(", "),
            format!("{:.3}", b.groups[i]),
        ]);
    }
    let _ = writeln!(out, "{t}");
    out.push_str(&wrap(
        &format!(
            "Keywords: K = Σ weight × credit ÷ Σ weight = {:.2} ÷ {} = {:.4}; {:.1} × {:.4} = {:.2} points",
            b.keyword_weight.0, b.keyword_weight.1, b.keywords.credit, b.keywords.max, b.keywords.credit, b.keywords.points
        ),
        usize::from(width),
        "",
    ));

    let mut t = new_table(width, &["Rule", "Weight", "Result", "Why"]);
    for r in &a.rules {
        t.add_row(vec![
            format!("{} ({})", r.id, r.category.as_str()),
            format!("{}", r.weight),
            if r.fired { "fired" } else { "passed" }.to_string(),
            r.reason.clone(),
        ]);
    }
    let _ = writeln!(out, "\n{t}");
    let full_at = profile.scoring.full_rules_at;
    let fit = if full_at > 0.0 {
        format!(
            "F = min(1, K ÷ {full_at}) = {:.4} (rule points follow fit: a resume without this role's keywords earns little for avoiding its mistakes)",
            b.fit
        )
    } else {
        "F = 1 (full_rules_at is 0)".to_string()
    };
    out.push_str(&wrap(
        &format!(
            "Rules: R = weight of rules passed ÷ all = {} ÷ {} = {:.4}; {fit}; {:.1} × {:.4} × {:.4} = {:.2} points",
            b.rule_weight.0, b.rule_weight.1, b.rules.credit, b.rules.max, b.rules.credit, b.fit, b.rules.points
        ),
        usize::from(width),
        "",
    ));
    let _ = writeln!(
        out,
        "\nScore = {:.2} + {:.2} = {:.2}, rounded: {}",
        b.keywords.points, b.rules.points, b.exact, b.score
    );
    let parse: Vec<&str> = a
        .findings
        .iter()
        .filter(|f| !f.category.is_rule())
        .map(|f| f.id.as_str())
        .collect();
    out.push_str(&wrap(
        &format!(
            "Built-in checks (parsing, integrity, misspellings) add no penalty of their own (a misspelled term simply earns nothing, hidden text is left out before matching); fired here: {}.",
            if parse.is_empty() { "none".to_string() } else { parse.join(", ") }
        ),
        usize::from(width),
        "",
    ));
    out
}
