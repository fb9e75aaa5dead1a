//! `degree`: does the resume hold the degree a posting asks for? Also the
//! reading of degree mentions ("BS or MS in Computer Science", "B.Tech",
//! "MBA") that job-description mode uses on the posting.
//!
//! Abbreviations are what make this hard: "MS" is a degree in "BS/MS in
//! CS" but not in "MS Office" or "Jackson, MS", and "BA" is a degree but
//! also a company. They count only written in capitals and beside another
//! degree word, "in", "degree", a slash or a parenthesis.

use super::{Context, MAX_EVIDENCE, Measure, Outcome};
use crate::model::Span;
use crate::sections::SectionKind;
use regex_lite::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// Degree levels, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DegreeLevel {
    /// No degree (a high school diploma, a bootcamp, "no degree required").
    None,
    Associate,
    Bachelor,
    Master,
    Phd,
}

impl DegreeLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            DegreeLevel::None => "none",
            DegreeLevel::Associate => "associate",
            DegreeLevel::Bachelor => "bachelor",
            DegreeLevel::Master => "master",
            DegreeLevel::Phd => "phd",
        }
    }

    /// For messages: "a bachelor's degree".
    pub fn describe(self) -> &'static str {
        match self {
            DegreeLevel::None => "no degree",
            DegreeLevel::Associate => "an associate degree",
            DegreeLevel::Bachelor => "a bachelor's degree",
            DegreeLevel::Master => "a master's degree",
            DegreeLevel::Phd => "a PhD",
        }
    }
}

/// One degree named in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub level: DegreeLevel,
    pub field: Option<String>,
    pub span: Span,
}

static SPELLED: LazyLock<Regex> = LazyLock::new(|| {
    crate::rules::fixed(
        r"(?i)\b(?P<phd>ph\.?\s?d\b\.?|doctorate|doctoral degree|d\.\s?phil\b\.?)|\b(?P<master>master'?s|masters|master of|m\.\s?sc?\.|m\.\s?sc\b|msc|m\.\s?eng\b\.?|meng|m\.\s?tech\b\.?|mtech|mba|m\.b\.a\.|m\.\s?phil\b\.?|mphil|mca|mfa|m\.f\.a\.|mph|m\.p\.h\.|msn|mpa|mpp|m\.\s?a\.)|\b(?P<bachelor>bachelor'?s|bachelors|bachelor of|baccalaureate|b\.\s?sc?\.|b\.\s?sc\b|bsc|b\.\s?eng\b\.?|beng|b\.\s?tech\b\.?|btech|b\.\s?e\.|b\.\s?a\.|bfa|b\.f\.a\.|bba|b\.b\.a\.|bsn|b\.s\.n\.|undergraduate degree|(?:4|four)[- ]year degree|college degree|university degree)|\b(?P<associate>associate'?s? degree|associate's\b|associates degree|associate of (?:arts|science|applied science)|a\.\s?a\.\s?s\.|a\.\s?a\.|a\.\s?s\. degree|college diploma|(?:2|two)[- ]year degree)|\b(?P<none>no (?:college |university )?degree (?:is )?(?:required|needed|necessary)|degree (?:is )?not (?:required|needed|necessary)|without a (?:college |university )?degree|high school diploma|high-school diploma|\bged\b)",
    )
});

/// Capital abbreviations that are degrees only in a degree's company.
static ABBREV: LazyLock<Regex> =
    LazyLock::new(|| crate::rules::fixed(r"\b(BS|BA|MS|MA|AS|AA|AAS|PhD|BE|ME)\b"));

/// A generic "degree in X" that names no level: a bachelor's.
static GENERIC: LazyLock<Regex> =
    LazyLock::new(|| crate::rules::fixed(r"(?i)\b(degree)\s+(?:in|from)\b"));

const NOT_AFTER_MS: &[&str] = &[
    "office",
    "excel",
    "word",
    "teams",
    "access",
    "sql",
    "project",
    "visio",
    "outlook",
    "powerpoint",
    "dynamics",
    "azure",
    "windows",
    "paint",
    "dos",
    "edge",
];

/// Whether an abbreviation at `m` stands beside degree words.
fn abbreviation_is_degree(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    let after = text[end..].trim_start();
    let next = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    if NOT_AFTER_MS.contains(&next.as_str()) {
        return false;
    }
    // "Jackson, MS", "Boston, MA": a state after a city.
    if before.ends_with(',')
        && before[..before.len() - 1]
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && !before.to_lowercase().contains("degree")
    {
        let prev_word = before[..before.len() - 1]
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        if !ABBREV.is_match(prev_word) && !SPELLED.is_match(prev_word) {
            return false;
        }
    }
    let joined = before.ends_with('/')
        || after.starts_with('/')
        || after.starts_with('(')
        || after.starts_with(')')
        || before.ends_with('(')
        || after.starts_with(',') && ABBREV.is_match(after.get(1..12).unwrap_or(""));
    joined
        || matches!(
            next.as_str(),
            "in" | "degree" | "degrees" | "or" | "and" | "from" | "with" | "computer" | "cs"
        )
        || before.to_lowercase().ends_with(" or")
            && ABBREV.is_match(before.rsplit(' ').nth(1).unwrap_or(""))
        || after.is_empty() && before.is_empty()
}

/// Words that end a field of study.
const FIELD_STOP: &[&str] = &[
    "or",
    "and",
    "related",
    "equivalent",
    "with",
    "from",
    "preferred",
    "required",
    "plus",
    "is",
    "are",
    "a",
    "an",
    "the",
    "field",
    "fields",
    "discipline",
    "disciplines",
    "etc",
    "degree",
    "years",
    "year",
    "preferably",
    "ideally",
    "required",
    "at",
    "university",
    "college",
    "institute",
    "school",
    "expected",
    "graduated",
    "graduation",
    "minor",
    "honors",
    "honours",
    "summa",
    "magna",
    "cum",
    "gpa",
    "to",
    "as",
    "but",
    "while",
    "who",
    "which",
    "that",
];

/// The field named after a degree: "in Computer Science" (or "of
/// Engineering" when no "in" follows).
fn field_after(text: &str, end: usize) -> Option<String> {
    let rest = &text[end..];
    let stop = rest
        .find(['.', ';', '\n', '(', ')', '|', '·'])
        .unwrap_or(rest.len())
        .min(100);
    let mut stop = stop.min(rest.len());
    while !rest.is_char_boundary(stop) {
        stop -= 1;
    }
    let clause = &rest[..stop];
    let lower = clause.to_ascii_lowercase();
    let start = [" in ", " of "]
        .iter()
        .filter_map(|w| lower.find(w).map(|i| (i + w.len(), *w)))
        // Right after the degree ("BS in Physics", "Bachelor's degree in
        // Law", "Bachelor of Arts"), not "BS plus 2 years of SQL".
        .filter(|(i, w)| *i <= if *w == " of " { 4 } else { 30 })
        .filter(|(i, w)| {
            *w == " in "
                || ![
                    "science",
                    "arts",
                    "applied science",
                    "fine arts",
                    "business administration",
                ]
                .iter()
                .any(|g| lower[*i..].starts_with(g) && !lower[*i + g.len()..].starts_with(" in"))
        })
        .min_by_key(|(i, _)| *i)?
        .0;
    let words: Vec<&str> = clause[start..]
        .split([',', '/'])
        .next()?
        .split_whitespace()
        .take_while(|w| {
            let l = w.to_lowercase();
            let l = l.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
            !l.is_empty() && !FIELD_STOP.contains(&l) && !l.chars().all(|c| c.is_ascii_digit())
        })
        .take(5)
        .collect();
    // "of Science in Computer Science": the part after "in".
    let field = words.join(" ");
    let field = field.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
    (!field.is_empty() && field.len() > 1).then(|| field.to_string())
}

/// Words without which a line names no degree.
static DEGREE_WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    super::triggers(
        &[
            "degree",
            "bachelor",
            "master",
            "ph.",
            "phd",
            "ph d",
            "doctor",
            "d.phil",
            "b.s",
            "b.a",
            "b.e",
            "b.t",
            "b. s",
            "m.s",
            "m.a",
            "m.e",
            "m.t",
            "m.b",
            "m.p",
            "m. s",
            "bsc",
            "beng",
            "btech",
            "msc",
            "meng",
            "mtech",
            "mba",
            "mphil",
            "mca",
            "mfa",
            "m.f",
            "mph",
            "msn",
            "mpa",
            "mpp",
            "bfa",
            "b.f",
            "bba",
            "b.b",
            "bsn",
            "associate",
            "baccalaureate",
            "undergraduate",
            "diploma",
            "ged",
            "a.a.",
            "a.s.",
        ],
        true,
    )
});
static DEGREE_ABBREVIATIONS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    super::triggers(
        &["BS", "BA", "MS", "MA", "AS", "AA", "PhD", "BE", "ME"],
        false,
    )
});

/// Every degree a text names, in order.
pub fn mentions(text: &str) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut windows = super::windows_with(text, &DEGREE_WORDS, 40, 160);
    windows.extend(super::windows_with(text, &DEGREE_ABBREVIATIONS, 40, 160));
    windows.sort_by_key(|(at, _)| *at);
    for (at, window) in windows {
        for mut m in line_mentions(window) {
            m.span = Span::new(at + m.span.start, at + m.span.end);
            if !out
                .iter()
                .any(|o| o.span.start < m.span.end && m.span.start < o.span.end)
            {
                out.push(m);
            }
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

/// The degrees one line names.
fn line_mentions(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    for c in SPELLED.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let level = if c.name("phd").is_some() {
            DegreeLevel::Phd
        } else if c.name("master").is_some() {
            DegreeLevel::Master
        } else if c.name("bachelor").is_some() {
            DegreeLevel::Bachelor
        } else if c.name("associate").is_some() {
            DegreeLevel::Associate
        } else {
            DegreeLevel::None
        };
        out.push(Mention {
            level,
            field: (level != DegreeLevel::None)
                .then(|| field_after(text, m.end()))
                .flatten(),
            span: Span::new(m.start(), m.end()),
        });
    }
    for m in ABBREV.find_iter(text) {
        if out
            .iter()
            .any(|o| o.span.start <= m.start() && m.end() <= o.span.end)
        {
            continue;
        }
        if !abbreviation_is_degree(text, m.start(), m.end()) {
            continue;
        }
        let level = match m.as_str() {
            "PhD" => DegreeLevel::Phd,
            "MS" | "MA" | "ME" => DegreeLevel::Master,
            "BS" | "BA" | "BE" => DegreeLevel::Bachelor,
            _ => DegreeLevel::Associate,
        };
        out.push(Mention {
            level,
            field: field_after(text, m.end()),
            span: Span::new(m.start(), m.end()),
        });
    }
    // "A degree in Computer Science" with no level word in its sentence.
    for m in GENERIC.find_iter(text) {
        let line_start = text[..m.start()].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[m.end()..]
            .find('\n')
            .map_or(text.len(), |i| m.end() + i);
        let on_line = |o: &Mention| o.span.start >= line_start && o.span.end <= line_end;
        if out.iter().any(on_line) {
            continue;
        }
        out.push(Mention {
            level: DegreeLevel::Bachelor,
            field: field_after(text, m.start() + "degree".len()),
            span: Span::new(m.start(), m.end()),
        });
    }
    out.sort_by_key(|m| m.span.start);
    out
}

/// Lines that name a degree not (yet) held.
static UNFINISHED: LazyLock<Regex> = LazyLock::new(|| {
    crate::rules::fixed(
        r"(?i)\b(not completed|incomplete|in progress|expected|anticipated|candidate|pursuing|coursework (?:toward|towards|in)|currently enrolled|ongoing|did not complete|did not finish|without completing|withdrew|left the program|not awarded|dropped out|some college|partial)\b",
    )
});

/// The highest completed degree a resume names: in its Education section
/// when it has one, else anywhere. `None` when it names none.
pub fn highest(ctx: &Context) -> Option<(DegreeLevel, Span)> {
    let text = &ctx.norm.text;
    let education: Vec<Span> = ctx
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Education)
        .map(|s| s.span)
        .collect();
    let areas = if education.is_empty() {
        vec![Span::new(0, text.len())]
    } else {
        education
    };
    let mut best: Option<(DegreeLevel, Span)> = None;
    for area in areas {
        let part = &text[area.start..area.end];
        for m in mentions(part) {
            let span = Span::new(area.start + m.span.start, area.start + m.span.end);
            let (ls, le) = ctx.norm.line_bounds(span.start);
            if UNFINISHED.is_match(&text[ls..le]) {
                continue;
            }
            if best.is_none_or(|(l, _)| m.level > l) {
                best = Some((m.level, span));
            }
        }
    }
    best
}

pub fn check(level: DegreeLevel, ctx: &Context) -> Outcome {
    let found = highest(ctx);
    let held = found.map(|(l, _)| l);
    let evidence = found
        .map(|(_, s)| ctx.evidence_for([s], MAX_EVIDENCE))
        .unwrap_or_default();
    let measure = Some(Measure::Degree {
        asked: level,
        found: held,
    });
    let (fired, reason) = match held {
        Some(l) if l >= level => (
            false,
            format!(
                "the resume shows {} (asked: {})",
                l.describe(),
                level.describe()
            ),
        ),
        Some(l) => (
            true,
            format!(
                "the resume shows {}, below the {} asked",
                l.describe(),
                level
                    .describe()
                    .trim_start_matches("a ")
                    .trim_start_matches("an ")
            ),
        ),
        None if level == DegreeLevel::None => (false, "no degree is asked".to_string()),
        None => (
            true,
            format!(
                "no degree was found in the resume ({} asked)",
                level.describe()
            ),
        ),
    };
    Outcome {
        fired,
        reason,
        evidence,
        measure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(text: &str) -> Vec<DegreeLevel> {
        mentions(text).into_iter().map(|m| m.level).collect()
    }

    #[test]
    fn fields_after_any_letters_do_not_panic() {
        // Lower-casing "İ" changes its length; a cut at 100 bytes may fall
        // inside "ẞ". Both once panicked (found by fuzzing postings).
        mentions("BS and : İexperience in Physics");
        let long = format!("BS in {}ẞ and more", "x".repeat(92));
        mentions(&long);
        mentions(&format!("Master's degree in {}", "Ž".repeat(80)));
    }

    #[test]
    fn degree_words_and_abbreviations() {
        use DegreeLevel::*;
        assert_eq!(levels("BS or MS in Computer Science"), [Bachelor, Master]);
        assert_eq!(levels("B.S./M.S. in CS"), [Bachelor, Master]);
        assert_eq!(levels("Proficient in MS Office and Excel"), []);
        assert_eq!(levels("Our office in Jackson, MS is growing"), []);
        assert_eq!(levels("MBA preferred"), [Master]);
        assert_eq!(levels("Ph.D. in Physics"), [Phd]);
        assert_eq!(levels("B.Tech in Electronics"), [Bachelor]);
        assert_eq!(levels("High school diploma or GED"), [None, None]);
        assert_eq!(levels("A degree in Mathematics or similar"), [Bachelor]);
        assert_eq!(
            mentions("Bachelor's degree in Computer Science, Engineering, or equivalent")[0]
                .field
                .as_deref(),
            Some("Computer Science")
        );
        assert_eq!(
            mentions("Bachelor of Science in Computer Science")[0]
                .field
                .as_deref(),
            Some("Computer Science")
        );
    }
}
