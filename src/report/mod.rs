//! Reporters: the same [`Analysis`](crate::Analysis) rendered as a table for
//! people, as versioned JSON for scripts, and as the score's arithmetic for
//! `--explain`. Reporters only format; every number was computed upstream.

pub mod csv;
pub mod diff;
pub mod escape;
pub mod explain;
pub mod extract;
pub mod fit;
pub mod html;
pub mod json;
pub mod markdown;
pub mod match_rate;
pub mod table;

use crate::model::{Category, Finding, HitKind};
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

/// A missing term worth adding, or a set of alternatives any one of which
/// is (AWS, Google Cloud, Azure for "any one cloud"): one edit, with the
/// points it adds.
pub(crate) struct Addition<'a> {
    /// Best first; more than one for alternatives.
    pub terms: Vec<&'a TermResult>,
    pub gain: f64,
    pub group: usize,
}

impl Addition<'_> {
    /// The terms, joined by `sep` ("AWS or Google Cloud or Azure").
    pub fn names(&self, sep: &str) -> String {
        self.terms
            .iter()
            .map(|t| t.term.as_str())
            .collect::<Vec<_>>()
            .join(sep)
    }
}

/// The missing terms worth adding, alternatives as one, most valuable first:
/// the gains listed add up, where a list per term would count "any one of
/// three" three times.
pub(crate) fn additions(a: &Analysis) -> Vec<Addition<'_>> {
    let mut out: Vec<Addition<'_>> = Vec::new();
    for t in missing(a).into_iter().filter(|t| t.gain > 0.0) {
        if !t.one_of.is_empty()
            && let Some(set) = out.iter_mut().find(|x| x.terms[0].one_of == t.one_of)
        {
            set.terms.push(t);
            continue;
        }
        out.push(Addition {
            terms: vec![t],
            gain: t.gain,
            group: t.group,
        });
    }
    out
}

/// A table in the house style, wrapped to `width` columns.
pub fn new_table(width: u16, header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(header.to_vec());
    t
}

/// Greedy word wrap to `width` terminal columns, each line prefixed with
/// `indent`. Widths are display widths: a CJK character takes two columns,
/// a combining accent none, so wrapped lines fit the terminal.
pub(crate) fn wrap(text: &str, width: usize, indent: &str) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut out = String::new();
    let mut line = String::from(indent);
    for word in text.split_whitespace() {
        if line.len() > indent.len() && line.width() + 1 + word.width() > width {
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
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    pub path: String,
    /// `Err(message)` when the file could not be scored.
    pub outcome: std::result::Result<Scored, String>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
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
            top_missing: additions(a)
                .into_iter()
                .take(top)
                .map(|add| add.names(" or "))
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

/// Colors for people: each method wraps text in ANSI styles when enabled and
/// returns it unchanged otherwise, so the same code renders both.
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    pub on: bool,
}

impl Paint {
    fn apply(self, style: anstyle::Style, text: &str) -> String {
        if self.on {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }

    fn fg(self, color: anstyle::AnsiColor, text: &str) -> String {
        self.apply(anstyle::Style::new().fg_color(Some(color.into())), text)
    }

    pub fn bold(self, text: &str) -> String {
        self.apply(anstyle::Style::new().bold(), text)
    }

    pub fn dim(self, text: &str) -> String {
        self.apply(anstyle::Style::new().dimmed(), text)
    }

    pub fn good(self, text: &str) -> String {
        self.fg(anstyle::AnsiColor::Green, text)
    }

    pub fn fair(self, text: &str) -> String {
        self.fg(anstyle::AnsiColor::Yellow, text)
    }

    pub fn bad(self, text: &str) -> String {
        self.fg(anstyle::AnsiColor::Red, text)
    }

    /// Text colored by how good a 0–1 fraction is.
    pub fn by_fraction(self, fraction: f64, text: &str) -> String {
        match band(fraction) {
            Band::Strong => self.good(text),
            Band::Fair => self.fair(text),
            Band::Weak => self.bad(text),
        }
    }
}

/// The verdict bands of the score (and of any 0–1 fraction).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    Strong,
    Fair,
    Weak,
}

pub fn band(fraction: f64) -> Band {
    if fraction >= 0.8 {
        Band::Strong
    } else if fraction >= 0.6 {
        Band::Fair
    } else {
        Band::Weak
    }
}

impl Band {
    pub fn as_str(self) -> &'static str {
        match self {
            Band::Strong => "strong",
            Band::Fair => "fair",
            Band::Weak => "weak",
        }
    }
}

/// A bar of `width` cells filled to `fraction`.
pub fn gauge(fraction: f64, width: usize) -> String {
    let filled = (fraction.clamp(0.0, 1.0) * width as f64).round() as usize;
    "\u{2588}".repeat(filled) + &"\u{2591}".repeat(width - filled)
}

/// One edit that would raise the score, and by how much.
#[derive(Debug, Clone)]
pub struct Edit {
    pub what: String,
    pub gain: f64,
}

/// The edits that raise the score most: writing a missing or partial term
/// exactly, or fixing a fired rule, best first.
pub fn next_edits(a: &Analysis, n: usize) -> Vec<Edit> {
    let sets: Vec<Addition<'_>> = additions(a)
        .into_iter()
        .filter(|add| add.terms.len() > 1)
        .collect();
    let in_sets: Vec<&str> = sets
        .iter()
        .flat_map(|add| add.terms.iter().map(|t| t.term.as_str()))
        .collect();
    let mut edits: Vec<Edit> = sets
        .iter()
        .map(|add| Edit {
            what: format!(
                "Add one of {} (if true of you)",
                crate::rules::list_or(
                    &add.terms
                        .iter()
                        .map(|t| t.term.as_str())
                        .collect::<Vec<_>>()
                )
            ),
            gain: add.gain,
        })
        .collect();
    edits.extend(
        a.terms
            .iter()
            .filter(|t| t.gain > 0.0 && !(t.credit == 0.0 && in_sets.contains(&t.term.as_str())))
            .map(|t| Edit {
                what: match (t.kind, t.found.as_deref()) {
                    (Some(HitKind::Alias | HitKind::Variant), Some(found)) => {
                        format!("Write \"{}\" where you wrote \"{found}\"", t.term)
                    }
                    (Some(HitKind::Typo), Some(found)) => {
                        format!("Correct \"{found}\" to \"{}\"", t.term)
                    }
                    _ => format!("Add \"{}\" (if true of you)", t.term),
                },
                gain: t.gain,
            }),
    );
    edits.extend(a.findings.iter().filter_map(|f| {
        let gain = a.cost(f);
        (gain > 0.0).then(|| Edit {
            what: format!("{}: {}", f.message, f.fix),
            gain,
        })
    }));
    edits.sort_by(|x, y| y.gain.total_cmp(&x.gain));
    edits.truncate(n);
    edits
}

/// The lists every report shows findings in, in this order. Each category
/// belongs to exactly one list, by an exhaustive match, so a new category
/// cannot silently drop out of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingGroup {
    /// Hidden, planted or garbled text: what a reader would not see or trust.
    Integrity,
    /// The profile's mistakes and misspelled keywords.
    Mistakes,
    /// What an ATS may not read.
    Unreadable,
    /// The profile's strategy tips.
    Tips,
    /// Clichés, weak openings and inflated verbs: for the human reader.
    Writing,
}

impl FindingGroup {
    pub const ALL: [FindingGroup; 5] = [
        FindingGroup::Integrity,
        FindingGroup::Mistakes,
        FindingGroup::Unreadable,
        FindingGroup::Tips,
        FindingGroup::Writing,
    ];

    /// The list a finding of category `c` is shown in.
    pub fn of(c: Category) -> FindingGroup {
        match c {
            Category::Integrity => FindingGroup::Integrity,
            Category::Mistake | Category::Check => FindingGroup::Mistakes,
            Category::Parse => FindingGroup::Unreadable,
            Category::Tip => FindingGroup::Tips,
            Category::Writing => FindingGroup::Writing,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            FindingGroup::Integrity => "Integrity problems",
            FindingGroup::Mistakes => "Mistakes to fix",
            FindingGroup::Unreadable => "What an ATS may not read",
            FindingGroup::Tips => "Strategy tips",
            FindingGroup::Writing => "Writing tips",
        }
    }
}

/// The findings of `group` with the points each costs, most costly first,
/// then most severe.
pub fn findings_in(a: &Analysis, group: FindingGroup) -> Vec<(&Finding, f64)> {
    let mut list: Vec<(&Finding, f64)> = a
        .findings
        .iter()
        .filter(|f| FindingGroup::of(f.category) == group)
        .map(|f| (f, a.cost(f)))
        .collect();
    list.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.severity.cmp(&y.0.severity)));
    list
}

/// One list of findings as a report shows it.
pub struct FindingList<'a> {
    pub group: FindingGroup,
    pub findings: Vec<(&'a Finding, f64)>,
    /// Points the list's findings cost together.
    pub cost: f64,
}

impl FindingList<'_> {
    /// The list's title with what it costs: "Strategy tips: 6.0 points",
    /// so a reader sees where the points go whatever the list is called;
    /// lists that never cost points say "not scored".
    pub fn title(&self) -> String {
        let name = self.group.title();
        if self.cost > 0.0 {
            format!("{name}: {:.1} points", self.cost)
        } else if matches!(self.group, FindingGroup::Mistakes | FindingGroup::Tips) {
            name.to_string()
        } else {
            format!("{name}: not scored")
        }
    }
}

/// The finding lists in the order every report shows them: integrity
/// problems first when there are any (a reader must trust the file before
/// its score), then the lists that cost points, most costly first, then
/// the rest in their fixed order. A strategy tip can cost more than a
/// mistake, so order by cost rather than by name.
pub fn finding_lists(a: &Analysis) -> Vec<FindingList<'_>> {
    let mut lists: Vec<FindingList> = FindingGroup::ALL
        .into_iter()
        .map(|group| {
            let findings = findings_in(a, group);
            // A fold from +0.0: `sum` starts at -0.0, which sorts apart.
            let cost = findings.iter().fold(0.0, |sum, (_, c)| sum + c);
            FindingList {
                group,
                findings,
                cost,
            }
        })
        .filter(|l| !(l.findings.is_empty() && l.group == FindingGroup::Integrity))
        .collect();
    // A stable sort keeps the fixed order among lists of equal cost.
    lists.sort_by(|x, y| {
        let first = |l: &FindingList| l.group != FindingGroup::Integrity;
        first(x).cmp(&first(y)).then(y.cost.total_cmp(&x.cost))
    });
    lists
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_counts_display_width() {
        // Each CJK character is two columns wide: "工程师 后端" is 6
        // characters but 11 columns, so it does not fit in 10.
        assert_eq!(wrap("工程师 后端", 10, ""), "工程师\n后端\n");
        assert_eq!(wrap("abc de", 10, ""), "abc de\n");
        assert_eq!(wrap("a b c", 3, "  "), "  a\n  b\n  c\n");
        assert_eq!(wrap("ab cd", 80, ""), "ab cd\n");
    }

    #[test]
    fn every_category_has_one_group() {
        for c in Category::ALL {
            assert!(FindingGroup::ALL.contains(&FindingGroup::of(c)));
        }
    }
}
