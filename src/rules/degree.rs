//! `degree`: does the resume hold the degree a posting asks for? Also the
//! reading of degree mentions ("BS or MS in Computer Science", "B.Tech",
//! "MBA") that job-description mode uses on the posting.
//!
//! Abbreviations are what make this hard: "MS" is a degree in "BS/MS in
//! CS" but not in "MS Office" or "Jackson, MS", and "BA" is a degree but
//! also a company. They count only written in capitals and beside another
//! degree word, "in", "degree", a slash or a parenthesis.

use super::{Context, MAX_EVIDENCE, Measure, Outcome};
use crate::matcher::literals::word_byte;
use crate::model::Span;
use crate::sections::SectionKind;
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

/// The spelled-out and dotted degree names, highest level first, each a
/// small pattern that [`match_pattern`] reads (any ASCII case): `_` is a
/// space or a line break, `x?` an optional character, `{a|b|}` a choice.
/// A `|` after the pattern means the name must end a word ("PhD", not
/// "PhDs"), as a name ending in a letter must; a `.` means a full stop
/// right after it belongs to it ("Ph.D.").
/// A name must start a word.
const SPELLED_NAMES: &[(DegreeLevel, &[&str])] = &[
    (
        DegreeLevel::Phd,
        &[
            "ph.?_?d|.",
            "doctorate",
            "doctoral degree",
            "d._?phil|.",
            "j.d.",
            // France's years after the baccalauréat: Bac+8 a doctorate,
            // Bac+5 a master's, Bac+3 a licence, Bac+2 a BTS or DUT.
            "bac_?+_?8|",
        ],
    ),
    (
        DegreeLevel::Master,
        &[
            "master'?s",
            "masters",
            "master of",
            "m._?s{c|}.",
            "m._?sc|",
            "msc",
            "m._?eng|.",
            "meng",
            "m._?tech|.",
            "mtech",
            "mba",
            "m.b.a.",
            "dipl.-ing.",
            "m._?phil|.",
            "mphil",
            "mca",
            "mfa",
            "m.f.a.",
            "mph",
            "m.p.h.",
            "msn",
            "mpa",
            "mpp",
            "m._?a.",
            "ll._?m.",
            "m._?pharm|.",
            "mpharm",
            "bac_?+_?5|",
        ],
    ),
    (
        DegreeLevel::Bachelor,
        &[
            "bachelor'?s",
            "bachelors",
            "bachelor of",
            "baccalaureate",
            "b._?s{c|}.",
            "b._?sc|",
            "bsc",
            "b._?eng|.",
            "beng",
            "b._?tech|.",
            "btech",
            "b._?e.",
            "b._?a.",
            "bfa",
            "b.f.a.",
            "bba",
            "b.b.a.",
            "bsn",
            "b.s.n.",
            "undergraduate degree",
            "{4|four}{-| }year degree",
            "college degree",
            "university degree",
            "b._?pharm|.",
            "bpharm",
            "tertiary qualification{s|}",
            "tertiary degree",
            // Before "diploma in": South Africa's NQF 7 advanced diploma and
            // the graduate diplomas sit at a bachelor's level.
            "advanced diploma",
            "postgraduate diploma",
            "graduate diploma",
            "bac_?+_?{3|4}|",
            // Spanish and Portuguese: "Licenciatura (titulado/a) in…",
            // "Bacharelado em…".
            "licenciatura|",
            "bacharelado|",
        ],
    ),
    (
        DegreeLevel::Associate,
        &[
            "associate'?s? degree",
            "associate's|",
            "associates degree",
            "associate of {arts|science|applied science}",
            "a._?a._?s.",
            "a._?a.",
            "a._?s. degree",
            "college diploma",
            "{2|two}{-| }year degree",
            "{2|two}{-| }year diploma",
            "hnd|",
            "hnc|",
            "higher national {diploma|certificate}",
            "diploma in",
            "{2|two} {completed |}years of post{-|}secondary",
            "bac_?+_?2|",
        ],
    ),
    (
        DegreeLevel::None,
        &[
            "no {college |university |}degree {is |}{required|needed|necessary}",
            "degree {is |}not {required|needed|necessary}",
            "without a {college |university |}degree",
            "high school diploma",
            "high-school diploma",
            "ged|",
        ],
    ),
];

/// Capital abbreviations that are degrees only in a degree's company.
const ABBREVIATIONS: &[(DegreeLevel, &[&str])] = &[
    (DegreeLevel::Bachelor, &["BS|", "BA|"]),
    (DegreeLevel::Master, &["MS|", "MA|"]),
    (DegreeLevel::Associate, &["AS|", "AA|", "AAS|"]),
    (DegreeLevel::Phd, &["PhD|"]),
    (DegreeLevel::Bachelor, &["BE|"]),
    (DegreeLevel::Master, &["ME|"]),
];

/// Where `pattern` (from `pi`) matches `text` from `ti`, trying its
/// choices in order as a regular expression would, and accepting only an
/// end that `accept` allows: the end of the match, or `None`. The patterns
/// are matched as they are, with nothing built first: compiling the
/// 970-character regular expression they replaced took a tenth of a
/// posting's reading on every run, and an automaton over their 250
/// spellings cost more to build than that.
fn match_pattern(
    pattern: &[u8],
    pi: usize,
    text: &[u8],
    ti: usize,
    case_insensitive: bool,
    accept: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let same = |a: u8, b: u8| a == b || (case_insensitive && a == b.to_ascii_lowercase());
    let Some(&unit) = pattern.get(pi) else {
        return accept(ti).then_some(ti);
    };
    if unit == b'{' {
        let close = pi + pattern[pi..].iter().position(|&c| c == b'}')?;
        for choice in pattern[pi + 1..close].split(|&c| c == b'|') {
            let fits = text.len() >= ti + choice.len()
                && choice.iter().zip(&text[ti..]).all(|(&p, &t)| same(p, t));
            if fits
                && let Some(end) = match_pattern(
                    pattern,
                    close + 1,
                    text,
                    ti + choice.len(),
                    case_insensitive,
                    accept,
                )
            {
                return Some(end);
            }
        }
        return None;
    }
    let optional = pattern.get(pi + 1) == Some(&b'?');
    let next = pi + 1 + usize::from(optional);
    let fits = text.get(ti).is_some_and(|&t| {
        if unit == b'_' {
            t == b' ' || t == b'\n'
        } else {
            same(unit, t)
        }
    });
    if fits && let Some(end) = match_pattern(pattern, next, text, ti + 1, case_insensitive, accept)
    {
        return Some(end);
    }
    if optional {
        return match_pattern(pattern, next, text, ti, case_insensitive, accept);
    }
    None
}

/// A table of degree names, read from [`SPELLED_NAMES`] or
/// [`ABBREVIATIONS`].
struct Names {
    table: &'static [(DegreeLevel, &'static [&'static str])],
    case_insensitive: bool,
}

impl Names {
    /// The names in `text`, left to right and not overlapping: at the
    /// first place where a name starts a word and ends as it must, the
    /// first name of the table that does so there.
    fn scan(&self, text: &str) -> Vec<(DegreeLevel, usize, usize)> {
        let bytes = text.as_bytes();
        let word = |at: usize| word_byte(bytes, at);
        let mut out = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            if !word(at) || (at > 0 && word(at - 1)) {
                at += 1;
                continue;
            }
            let found = self.table.iter().find_map(|&(level, patterns)| {
                patterns.iter().find_map(|pattern| {
                    let dot = pattern.ends_with("|.");
                    // A name that ends in a letter ends a word too: "BEng",
                    // not the start of "Bengaluru"; "MBA", not "Mbappé".
                    let word_end = dot
                        || pattern.ends_with('|')
                        || pattern.ends_with(|c: char| c.is_ascii_alphabetic());
                    let body = pattern.strip_suffix('.').filter(|_| dot).unwrap_or(pattern);
                    let body = body.strip_suffix('|').unwrap_or(body).as_bytes();
                    let accept = |end: usize| !word_end || !word(end);
                    let end = match_pattern(body, 0, bytes, at, self.case_insensitive, &accept)?;
                    let end = if dot && bytes.get(end) == Some(&b'.') {
                        end + 1
                    } else {
                        end
                    };
                    Some((level, end))
                })
            });
            match found {
                Some((level, end)) => {
                    out.push((level, at, end));
                    at = end;
                }
                None => at += 1,
            }
        }
        out
    }

    fn is_match(&self, text: &str) -> bool {
        !self.scan(text).is_empty()
    }
}

const SPELLED: Names = Names {
    table: SPELLED_NAMES,
    case_insensitive: true,
};
const ABBREV: Names = Names {
    table: ABBREVIATIONS,
    case_insensitive: false,
};

/// Words before "Master in" that make it a role, not a degree.
const MASTER_ROLES: &[&str] = &[
    "scrum", "quiz", "puppet", "ring", "grand", "web", "data", "dungeon", "toast", "zen", "chess",
    "kanban", "release", "build", "tool", "post", "harbour", "harbor", "station", "yard",
];

/// Where `word` stands in `lower` as whole words.
fn whole_words<'a>(lower: &'a str, word: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
    let bytes = lower.as_bytes();
    lower.match_indices(word).filter_map(move |(start, _)| {
        let end = start + word.len();
        let whole = (start == 0 || !word_byte(bytes, start - 1)) && !word_byte(bytes, end);
        whole.then_some((start, end))
    })
}

/// Degrees written without an ending, as much of Europe writes them
/// ("Bachelor in Computer Science", "completed studies (Bachelor or
/// Master)"), and schooling named in place of a degree ("higher technical
/// education (completed)"). The bare words are degrees only with a field
/// after them or another degree beside them: "Master data", "Scrum
/// Master" and "clients in higher education" are none.
fn bare_degrees(text: &str) -> Vec<(DegreeLevel, usize, usize)> {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let word_at = |i: usize| {
        let end = bytes[i..]
            .iter()
            .position(|&b| !b.is_ascii_alphanumeric())
            .map_or(lower.len(), |n| i + n);
        &lower[i..end]
    };
    let next_word = |end: usize| {
        let rest = &lower[end..];
        let gap = rest.len() - rest.trim_start_matches([' ', '/']).len();
        (end + gap < lower.len()).then(|| word_at(end + gap))
    };
    let prev_word = |start: usize| {
        lower[..start]
            .trim_end_matches([' ', '/'])
            .rsplit(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("")
    };
    let degree_word = |w: &str| {
        matches!(
            w,
            "bachelor" | "bachelors" | "master" | "masters" | "phd" | "msc" | "bsc" | "doctorate"
        )
    };
    let mut out = Vec::new();
    for (level, word) in [
        (DegreeLevel::Bachelor, "bachelor"),
        (DegreeLevel::Master, "master"),
    ] {
        for (start, end) in whole_words(&lower, word) {
            let joined = |w: &str| matches!(w, "or" | "and");
            let next = next_word(end).unwrap_or("");
            let after_next = |n: &str| {
                let at = lower[end..]
                    .find(n)
                    .map_or(lower.len(), |k| end + k + n.len());
                next_word(at).unwrap_or("")
            };
            let slash_after = lower[end..].trim_start().starts_with('/');
            let slash_before = lower[..start].trim_end().ends_with('/');
            let beside = (slash_after && degree_word(next))
                || (joined(next) && degree_word(after_next(next)))
                || (slash_before && degree_word(prev_word(start)))
                || (joined(prev_word(start)) && {
                    let before = lower[..start].trim_end();
                    let before = &before[..before.len() - prev_word(start).len()];
                    degree_word(prev_word(before.len()))
                });
            let with_field = next == "in"
                && !(word == "master" && MASTER_ROLES.contains(&prev_word(start)))
                && !matches!(after_next("in"), "" | "a" | "an" | "the" | "charge");
            if beside || with_field {
                out.push((level, start, end));
            }
        }
    }
    for phrase in [
        "higher technical education",
        "higher education",
        "university education",
        "university studies",
    ] {
        for (start, end) in whole_words(&lower, phrase) {
            let before: Vec<&str> = lower[..start]
                .rsplit(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .take(2)
                .collect();
            let after = lower[end..].trim_start();
            let completed = before.contains(&"completed")
                || after.starts_with("(completed")
                || after.starts_with(", completed");
            // "Higher education in engineering" opening an item, or held.
            let opens = !lower[lower[..start].rfind('\n').map_or(0, |n| n + 1)..start]
                .contains(|c: char| c.is_ascii_alphanumeric());
            let held = matches!(
                before.first().copied(),
                Some("a" | "have" | "has" | "hold" | "holds" | "with")
            );
            if completed || (next_word(end) == Some("in") && (opens || held)) {
                out.push((DegreeLevel::Bachelor, start, end));
            }
        }
    }
    out.sort_by_key(|&(_, start, _)| start);
    out
}

/// "degree in" or "degree from" (any case, any run of spaces between):
/// a generic degree that names no level, read as a bachelor's. Gives the
/// start of "degree" and the end of the match.
fn generic_degrees(text: &str) -> Vec<(usize, usize)> {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let word = |at: usize| word_byte(bytes, at);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = lower[from..].find("degree") {
        let start = from + i;
        from = start + "degree".len();
        if start > 0 && word(start - 1) {
            continue;
        }
        // "degrees in", and "degrees (NQF level 7) in".
        if bytes.get(from) == Some(&b's') {
            from += 1;
        }
        let spaces = |at: usize| {
            bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count()
        };
        let gap = spaces(from);
        if gap == 0 {
            continue;
        }
        let mut next = from + gap;
        if let Some(after) = after_aside(&lower, next) {
            next = after + spaces(after);
        }
        if let Some(w) = ["in", "from"]
            .iter()
            .find(|w| lower[next..].starts_with(**w) && !word(next + w.len()))
        {
            out.push((start, next + w.len()));
            from = next + w.len();
        }
    }
    out
}

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
    if after_a_name(text, start) {
        return false;
    }
    // "WCAG 2.1 AA", "Level AA": a conformance level, not a degree.
    let prev_word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    if prev_word.eq_ignore_ascii_case("level")
        || prev_word.eq_ignore_ascii_case("wcag")
        || (prev_word.contains('.') && prev_word.chars().all(|c| c.is_ascii_digit() || c == '.'))
    {
        return false;
    }
    // "EEO/AA", "AA/EOE": affirmative action beside equal opportunity.
    let equal_opportunity = |w: &str| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_uppercase();
        matches!(w.as_str(), "EEO" | "EOE" | "EO" | "EEOC")
    };
    if (before.ends_with('/') && equal_opportunity(prev_word))
        || after
            .strip_prefix('/')
            .is_some_and(|a| equal_opportunity(a.split(char::is_whitespace).next().unwrap_or("")))
    {
        return false;
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

/// Whether the name at `start` follows another name and a comma, with no
/// degree before: "Jackson, MS" (a state), "Maersk, MSC and CMA CGM" (a
/// company), not "BS, MS" or "degree: Bachelor's, MSc".
fn after_a_name(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    let Some(head) = before.strip_suffix(',') else {
        return false;
    };
    let prev_word = head.rsplit(char::is_whitespace).next().unwrap_or("");
    prev_word.starts_with(char::is_uppercase)
        && !before.to_lowercase().contains("degree")
        && !ABBREV.is_match(prev_word)
        && !SPELLED.is_match(prev_word)
}

/// Degrees' letters that also name a skill or a unit: multi-factor
/// authentication, megapascals, massively parallel processing, miles per
/// hour, the Microsoft network.
const SHARED_LETTERS: &[&str] = &["mfa", "mpa", "mpp", "mph", "msn", "mca"];

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

/// Where a short aside in brackets that opens at `at` ("(NQF level 7)")
/// ends, just past its ")".
fn after_aside(text: &str, at: usize) -> Option<usize> {
    let inside = text[at..].strip_prefix('(')?;
    let close = inside.find(')').filter(|&c| c < 40)?;
    Some(at + 1 + close + 1)
}

/// The field named after a degree: "in Computer Science" (or "of
/// Engineering" when no "in" follows).
fn field_after(text: &str, end: usize) -> Option<String> {
    // "National degrees (NQF level 7) in Computer Science": past a short
    // aside in brackets right after the degree.
    let skipped = end + (text.len() - end - text[end..].trim_start().len());
    let rest = &text[after_aside(text, skipped).unwrap_or(end)..];
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

/// Words without which a line names no degree; each starts a word of the
/// name, as every name of [`SPELLED_NAMES`] starts a word.
static DEGREE_WORDS: LazyLock<crate::rules::Triggers> = LazyLock::new(|| {
    super::Triggers::new(
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
            "dipl.",
            "ged",
            "a.a.",
            "a.s.",
            "ll.",
            "j.d.",
            "mpharm",
            "b.p",
            "bpharm",
            "tertiary",
            "hnd",
            "hnc",
            "post-secondary",
            "postsecondary",
            "bac+",
            "bac +",
            "licenciatura",
            "bacharelado",
            "higher technical",
            "higher education",
            "university education",
            "university studies",
        ],
        true,
    )
    .starting_words()
});
static DEGREE_ABBREVIATIONS: LazyLock<crate::rules::Triggers> = LazyLock::new(|| {
    super::Triggers::new(
        &["BS", "BA", "MS", "MA", "AS", "AA", "PhD", "BE", "ME"],
        false,
    )
    .starting_words()
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
    for (level, start, end) in SPELLED.scan(text) {
        // A name in capitals with no dots among other names ("Maersk, MSC
        // and CMA CGM") is a company, as a state is after a city.
        let written = &text[start..end];
        if !written.contains(['.', ' ']) && after_a_name(text, start) {
            continue;
        }
        // "Extend phishing-resistant MFA to all staff", "MPP databases",
        // "60 mph": letters a skill or a unit shares need a degree's
        // company ("an MFA in Poetry", "MPH or MPA").
        if SHARED_LETTERS.contains(&written.to_ascii_lowercase().as_str())
            && !crate::matcher::names::names_a_degree(text, Span::new(start, end), |_| false)
        {
            continue;
        }
        out.push(Mention {
            level,
            field: (level != DegreeLevel::None)
                .then(|| field_after(text, end))
                .flatten(),
            span: Span::new(start, end),
        });
    }
    for (_, start, end) in ABBREV.scan(text) {
        if out
            .iter()
            .any(|o| o.span.start <= start && end <= o.span.end)
        {
            continue;
        }
        if !abbreviation_is_degree(text, start, end) {
            continue;
        }
        let level = match &text[start..end] {
            "PhD" => DegreeLevel::Phd,
            "MS" | "MA" | "ME" => DegreeLevel::Master,
            "BS" | "BA" | "BE" => DegreeLevel::Bachelor,
            _ => DegreeLevel::Associate,
        };
        out.push(Mention {
            level,
            field: field_after(text, end),
            span: Span::new(start, end),
        });
    }
    for (level, start, end) in bare_degrees(text) {
        if out.iter().any(|o| o.span.overlaps(&Span::new(start, end))) {
            continue;
        }
        out.push(Mention {
            level,
            field: field_after(text, end),
            span: Span::new(start, end),
        });
    }
    // "A degree in Computer Science" with no level word in its sentence.
    for (start, end) in generic_degrees(text) {
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
        let on_line = |o: &Mention| o.span.start >= line_start && o.span.end <= line_end;
        if out.iter().any(on_line) {
            continue;
        }
        out.push(Mention {
            level: DegreeLevel::Bachelor,
            field: field_after(
                text,
                start
                    + "degree".len()
                    + usize::from(text[start + "degree".len()..].starts_with('s')),
            ),
            span: Span::new(start, end),
        });
    }
    // "University degree (Master's or Dipl.-Ing.)": the brackets say
    // which degree the generic one is.
    let said_in_brackets = |m: &Mention| {
        let written = text[m.span.start..m.span.end].to_ascii_lowercase();
        let after = &text[m.span.end..];
        let open = after.len() - after.trim_start_matches(' ').len();
        if !written.ends_with("degree") || !after[open..].starts_with('(') {
            return false;
        }
        let close = after.find(')').map_or(text.len(), |c| m.span.end + c);
        out.iter()
            .any(|o| o.span.start > m.span.end && o.span.end <= close && o.level != m.level)
    };
    let generic: Vec<bool> = out.iter().map(said_in_brackets).collect();
    let mut out: Vec<Mention> = out
        .into_iter()
        .zip(generic)
        .filter_map(|(m, g)| (!g).then_some(m))
        .collect();
    out.sort_by_key(|m| m.span.start);
    out
}

/// Lines that name a degree not (yet) held, as whole words.
static UNFINISHED: LazyLock<crate::rules::Triggers> = LazyLock::new(|| {
    crate::rules::Triggers::new(
        &[
            "not completed",
            "incomplete",
            "in progress",
            "expected",
            "anticipated",
            "candidate",
            "pursuing",
            "coursework toward",
            "coursework towards",
            "coursework in",
            "currently enrolled",
            "ongoing",
            "did not complete",
            "did not finish",
            "without completing",
            "withdrew",
            "left the program",
            "not awarded",
            "dropped out",
            "some college",
            "partial",
        ],
        true,
    )
    .starting_words()
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
            if UNFINISHED.has_whole(&text[ls..le]) {
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
        // Letters a skill or a unit shares are a degree only in a degree's
        // company.
        assert_eq!(
            levels("Extend phishing-resistant MFA (FIDO2 keys) to all staff."),
            []
        );
        assert_eq!(levels("Tune MPP databases; rated to 40 MPa at 60 mph."), []);
        assert_eq!(levels("An MFA in Creative Writing"), [Master]);
        assert_eq!(levels("An MPH or MPA is welcome."), [Master, Master]);
        assert_eq!(levels("Applicants must hold an MSN."), [Master]);
        // Degrees without an ending, and schooling in place of a degree.
        assert_eq!(
            levels("Bachelor in Computer Science or related"),
            [Bachelor]
        );
        assert_eq!(
            levels("Completed studies (Bachelor or Master) in physics"),
            [Bachelor, Master]
        );
        assert_eq!(
            levels("A Bachelor/Master in Informatics"),
            [Bachelor, Master]
        );
        assert_eq!(
            levels("Higher technical education (completed);"),
            [Bachelor]
        );
        assert_eq!(
            levels("Completed higher education in engineering"),
            [Bachelor]
        );
        assert_eq!(
            levels("Master data in SAP; a Scrum Master in two teams; clients in higher education"),
            []
        );
        assert_eq!(levels("We serve higher education in Norway."), []);
        assert_eq!(levels("Ph.D. in Physics"), [Phd]);
        assert_eq!(levels("B.Tech in Electronics"), [Bachelor]);
        assert_eq!(
            levels("An engineering degree (Bac+5) in computer science"),
            [Master]
        );
        assert_eq!(
            levels("Bac + 3 en informatique, ou Bac+2"),
            [Bachelor, Associate]
        );
        assert_eq!(levels("a bac+8 in chemistry"), [Phd]);
        assert_eq!(
            levels("Licenciatura (titulado/a) in Computer Science"),
            [Bachelor]
        );
        assert_eq!(levels("Bacharelado em Ciência da Computação"), [Bachelor]);
        assert_eq!(levels("High school diploma or GED"), [None, None]);
        assert_eq!(levels("Testing to WCAG 2.1 AA and Level AA"), []);
        assert_eq!(
            levels("U-M EEO/AA Statement. We are an AA/EOE employer."),
            []
        );
        assert_eq!(levels("carriers such as Maersk, MSC and CMA CGM"), []);
        assert_eq!(levels("BS, MSc or PhD in Physics"), [Bachelor, Master, Phd]);
        assert_eq!(levels("A degree in Mathematics or similar"), [Bachelor]);
        assert_eq!(levels("Teams in Tokyo and Bengaluru; Mbappé scored"), []);
        assert_eq!(
            levels("An HNC/HND or a degree in Civil Engineering"),
            [Associate, Associate]
        );
        assert_eq!(
            levels("M.Pharm in Pharmaceutical Analysis; a tertiary qualification"),
            [Master, Bachelor]
        );
        assert_eq!(
            levels("Completed university degree (Master's or Dipl.-Ing.) in physics"),
            [Master, Master]
        );
        assert_eq!(
            levels("A two-year diploma in GIS or a bachelor's degree in Geography"),
            [Associate, Bachelor]
        );
        assert_eq!(
            levels("A Bachelor's degree or a Higher National Diploma in IT; a Diploma in Nursing"),
            [Bachelor, Associate, Associate]
        );
        assert_eq!(
            levels("Two completed years of post-secondary education; an advanced diploma"),
            [Associate, Bachelor]
        );
        assert_eq!(
            mentions("Bachelor's degree in Computer Science, Engineering, or equivalent")[0]
                .field
                .as_deref(),
            Some("Computer Science")
        );
        let nqf = mentions("National 1st degrees (NQF level 7) in Computer Science or Statistics");
        assert_eq!(
            nqf.iter().find_map(|m| m.field.as_deref()),
            Some("Computer Science"),
            "{nqf:?}"
        );
        assert_eq!(
            mentions("Bachelor of Science in Computer Science")[0]
                .field
                .as_deref(),
            Some("Computer Science")
        );
    }

    /// The regular expressions the literal tables replaced, kept as their
    /// specification: on every fixture text, line and word, both must
    /// find the same names at the same places.
    #[test]
    fn the_names_find_what_the_old_patterns_found() {
        let spelled = regex_lite::Regex::new(
            r"(?i)\b(?P<phd>ph\.?\s?d\b\.?|doctorate\b|doctoral degree\b|d\.\s?phil\b\.?|j\.d\.|bac\s?\+\s?8\b)|\b(?P<master>master'?s\b|masters\b|master of\b|m\.\s?sc?\.|m\.\s?sc\b|msc\b|m\.\s?eng\b\.?|meng\b|m\.\s?tech\b\.?|mtech\b|mba\b|m\.b\.a\.|m\.\s?phil\b\.?|mphil\b|mca\b|mfa\b|m\.f\.a\.|mph\b|m\.p\.h\.|msn\b|mpa\b|mpp\b|m\.\s?a\.|ll\.\s?m\.|dipl\.-ing\.|m\.\s?pharm\b\.?|mpharm\b|bac\s?\+\s?5\b)|\b(?P<bachelor>bachelor'?s\b|bachelors\b|bachelor of\b|baccalaureate\b|b\.\s?sc?\.|b\.\s?sc\b|bsc\b|b\.\s?eng\b\.?|beng\b|b\.\s?tech\b\.?|btech\b|b\.\s?e\.|b\.\s?a\.|bfa\b|b\.f\.a\.|bba\b|b\.b\.a\.|bsn\b|b\.s\.n\.|undergraduate degree\b|(?:4|four)[- ]year degree\b|college degree\b|university degree\b|b\.\s?pharm\b\.?|bpharm\b|tertiary qualifications?\b|tertiary degree\b|advanced diploma\b|postgraduate diploma\b|graduate diploma\b|bac\s?\+\s?[34]\b|licenciatura\b|bacharelado\b)|\b(?P<associate>associate'?s? degree\b|associate's\b|associates degree\b|associate of (?:arts|science|applied science)\b|a\.\s?a\.\s?s\.|a\.\s?a\.|a\.\s?s\. degree\b|college diploma\b|(?:2|two)[- ]year degree\b|(?:2|two)[- ]year diploma\b|hnd\b|hnc\b|higher national (?:diploma|certificate)\b|diploma in\b|(?:2|two) (?:completed )?years of post-?secondary\b|bac\s?\+\s?2\b)|\b(?P<none>no (?:college |university )?degree (?:is )?(?:required|needed|necessary)\b|degree (?:is )?not (?:required|needed|necessary)\b|without a (?:college |university )?degree\b|high school diploma\b|high-school diploma\b|\bged\b)",
        )
        .unwrap();
        let abbrev = regex_lite::Regex::new(r"\b(BS|BA|MS|MA|AS|AA|AAS|PhD|BE|ME)\b").unwrap();
        let generic =
            regex_lite::Regex::new(r"(?i)\b(degrees?)\s+(?:\([^)]{0,39}\)\s*)?(?:in|from)\b")
                .unwrap();
        let old_spelled = |text: &str| -> Vec<(DegreeLevel, usize, usize)> {
            spelled
                .captures_iter(text)
                .map(|c| {
                    let m = c.get(0).unwrap();
                    let level = [
                        ("phd", DegreeLevel::Phd),
                        ("master", DegreeLevel::Master),
                        ("bachelor", DegreeLevel::Bachelor),
                        ("associate", DegreeLevel::Associate),
                    ]
                    .iter()
                    .find(|(g, _)| c.name(g).is_some())
                    .map_or(DegreeLevel::None, |(_, l)| *l);
                    (level, m.start(), m.end())
                })
                .collect()
        };
        let mut texts: Vec<String> = [
            "Ph.D. or PhD, ph d, Ph. D, PhDs, D.Phil. and D. Phil in Physics",
            "M.S. M. Sc. M.Sc M.Eng. MEng M.Tech M.B.A. MBAs M.Phil. M.A. Master's masters",
            "B.S. B.Sc. B. Sc B.Eng B.Tech. B.E. B.A. B.F.A. BSN B.S.N. 4-year degree four year degree",
            "Associate's degree, associates degree, associate's, Associate of Applied Science, A.A.S., A.A., A.S. degree",
            "2-year degree, college diploma; no college degree is required; degree not needed; GED; GEDs",
            "Teams in Tokyo and Bengaluru, an MBAs, a Dipl.-Ing. or a two-year diploma in GIS",
            "M.Pharm or B. Pharm., an HNC/HND, a tertiary qualification or tertiary degree; HNDs",
            "without a university degree, high-school diploma, high school diploma",
            "BS/MS, BA, AAS, AA, PhD, BE, ME, MSc, BSc., AS: BSc.",
            "a degree  in Math; degree from MIT; degree\nin CS; degreein; degree inside; degrees in",
            "Ph.\nD in Chemistry; M.\nS. in CS; master'degree; MASTER OF SCIENCE",
            "an LL.M. in taxation or a J.D.; LL. M.; JD; LLM; J.D",
            "a Higher National Certificate, a diploma inside, a Diploma in IT, diplomas in",
            "two completed years of postsecondary; 2 years of post-secondary; an Advanced Diploma",
            "a postgraduate diploma or graduate diploma; degrees (NQF level 7) in CS",
            "Bac+5, bac + 3, BAC+2, Bac +8, Bac+4; Bac+50, bac+",
            "Licenciatura, licenciaturas, Bacharelado; bacharelados",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for dir in [
            "fixtures/jd/postings",
            "fixtures/resumes",
            "fixtures/jd/ordinary",
        ] {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    texts.push(text);
                }
            }
        }
        let mut names = 0;
        for raw in &texts {
            let text = crate::normalize::normalize(raw).text;
            let pieces = std::iter::once(text.as_str())
                .chain(text.lines())
                .chain(text.split_whitespace());
            for piece in pieces {
                let old = old_spelled(piece);
                names += old.len();
                assert_eq!(SPELLED.scan(piece), old, "{piece:?}");
                let old: Vec<(usize, usize)> = abbrev
                    .find_iter(piece)
                    .map(|m| (m.start(), m.end()))
                    .collect();
                let new: Vec<(usize, usize)> =
                    ABBREV.scan(piece).iter().map(|&(_, s, e)| (s, e)).collect();
                assert_eq!(new, old, "{piece:?}");
                let old: Vec<(usize, usize)> = generic
                    .find_iter(piece)
                    .map(|m| (m.start(), m.end()))
                    .collect();
                assert_eq!(generic_degrees(piece), old, "{piece:?}");
            }
        }
        assert!(names > 500, "{names}");
    }
}
