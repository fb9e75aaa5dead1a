//! `years`: how many years of experience the resume's dated roles add up
//! to, against the years a posting asks. Roles are read from the
//! experience sections only (education, projects and volunteering dates
//! are not work), overlapping roles count once, and "Present" is the month
//! the report is made for (`--as-of`, else this month).

use super::{Context, MAX_EVIDENCE, Measure, Outcome};
use crate::model::Span;
use crate::sections::SectionKind;
use regex_lite::Regex;
use std::sync::LazyLock;

/// A month, as months since year 0: `year * 12 + month - 1`.
pub type Month = i32;

/// This month, from the system clock (UTC).
pub fn this_month() -> Month {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    // Days to civil date (Howard Hinnant's algorithm).
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year * 12 + month - 1) as Month
}

/// `YYYY-MM` → a [`Month`].
pub fn parse_month(s: &str) -> Option<Month> {
    let (y, m) = s.trim().split_once('-')?;
    let (y, m): (i32, i32) = (y.parse().ok()?, m.parse().ok()?);
    ((1900..=2200).contains(&y) && (1..=12).contains(&m)).then_some(y * 12 + m - 1)
}

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
const SEASON: &str = r"(?:spring|summer|fall|autumn|winter)";

static DATE: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?:{MONTH},?\s+'?\d{{2,4}}|{SEASON},?\s+\d{{4}}|\d{{1,2}}\s*[/.-]\s*\d{{4}}|\d{{4}}\s*[/.-]\s*\d{{1,2}}\b|(?:19|20)\d{{2}})"
    )
});

/// A date range, matched on lower-cased text.
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    super::fixed(&format!(
        r"\b(?P<from>{date})\s*(?:-|–|—|−|to|until|till|through|thru)\s*(?P<to>{date}|present|current(?:ly)?|now|today|ongoing|date)\b",
        date = *DATE
    ))
});

static SEASON_ALONE: LazyLock<Regex> =
    LazyLock::new(|| super::fixed(&format!(r"\b{SEASON},?\s+(?:19|20)\d{{2}}\b")));

/// A date as a [`Month`]; `end` picks the month a bare year ends on for
/// the end of a range ("2016 – 2019" is three years: January to January).
fn month_of(s: &str, today: Month) -> Option<Month> {
    let l = s.trim().to_lowercase();
    if matches!(
        l.as_str(),
        "present" | "current" | "currently" | "now" | "today" | "ongoing" | "date"
    ) {
        return Some(today);
    }
    let digits: Vec<&str> = l
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| !d.is_empty())
        .collect();
    let word = l.trim_start_matches(|c: char| !c.is_alphabetic());
    let named = [
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("may", 5),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
        ("spring", 3),
        ("summer", 6),
        ("fall", 9),
        ("autumn", 9),
        ("winter", 12),
    ]
    .iter()
    .find(|(n, _)| word.starts_with(n))
    .map(|(_, m)| *m);
    let year = |d: &str| -> Option<i32> {
        let y: i32 = d.parse().ok()?;
        match d.len() {
            2 => Some(if y > 50 { 1900 + y } else { 2000 + y }),
            4 if (1950..=2100).contains(&y) => Some(y),
            _ => None,
        }
    };
    let (y, m) = match (named, digits.as_slice()) {
        (Some(m), [d]) => (year(d)?, m),
        (None, [d]) => (year(d)?, 1),
        (None, [a, b]) if a.len() == 4 => (year(a)?, b.parse().ok()?),
        (None, [a, b]) => (year(b)?, a.parse().ok()?),
        _ => return None,
    };
    (1..=12).contains(&m).then_some(y * 12 + m - 1)
}

/// Whether a line holds a year: four digits from 1950 to 2099 standing
/// alone, or an apostrophe and two ("Jan '19").
fn has_year(line: &str) -> bool {
    let b = line.as_bytes();
    (0..b.len()).any(|i| {
        let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
        let alone = |k: usize| !b.get(k).is_some_and(u8::is_ascii_digit);
        let four = (i == 0 || alone(i - 1))
            && (0..4).all(|k| digit(i + k))
            && alone(i + 4)
            && matches!(&b[i..i + 2], b"19" | b"20");
        let short = matches!(b[i], b'\'' | 0x99) && digit(i + 1) && digit(i + 2) && alone(i + 3);
        four || short
    })
}

/// A dated role: its months and where it is written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Role {
    pub from: Month,
    pub to: Month,
    pub span: Span,
}

/// The spans a resume's work history is in: its experience sections, or
/// (with none) everything outside education, projects and the like.
fn work_areas(ctx: &Context) -> Vec<Span> {
    let experience: Vec<Span> = ctx
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Experience)
        .map(|s| s.span)
        .collect();
    if !experience.is_empty() {
        return experience;
    }
    let not_work = |k: SectionKind| {
        matches!(
            k,
            SectionKind::Education
                | SectionKind::Projects
                | SectionKind::Volunteering
                | SectionKind::Awards
                | SectionKind::Publications
                | SectionKind::Certifications
                | SectionKind::Interests
                | SectionKind::References
        )
    };
    if ctx.sections.is_empty() {
        return vec![Span::new(0, ctx.norm.text.len())];
    }
    ctx.sections
        .iter()
        .filter(|s| !not_work(s.kind))
        .map(|s| s.span)
        .collect()
}

/// The dated roles of a resume.
pub fn roles(ctx: &Context) -> Vec<Role> {
    let mut out = Vec::new();
    for area in work_areas(ctx) {
        // The lower-cased text, whose offsets are the text's: the patterns
        // need no case folding, which made them several times bigger to
        // compile and slower to run.
        let part = &ctx.norm.lower[area.start..area.end];
        let mut taken: Vec<(usize, usize)> = Vec::new();
        // Only lines with a year can hold a date range: the regex is the
        // slowest part of reading a resume, and most lines with digits are
        // achievements ("3M users", "p99 120 ms").
        let dated: Vec<(usize, &str)> = part
            .split_inclusive('\n')
            .scan(0, |o, l| {
                let at = *o;
                *o += l.len();
                Some((at, l))
            })
            .filter(|(_, l)| has_year(l))
            .collect();
        let ranges = dated.iter().flat_map(|&(at, line)| {
            RANGE
                .captures_iter(line)
                .map(move |c| (at, c))
                .collect::<Vec<_>>()
        });
        for (at, c) in ranges {
            let (Some(m), Some(from), Some(to)) = (c.get(0), c.name("from"), c.name("to")) else {
                continue;
            };
            let (start, end) = (at + m.start(), at + m.end());
            taken.push((start, end));
            let (Some(from), Some(mut to)) = (
                month_of(from.as_str(), ctx.today),
                month_of(to.as_str(), ctx.today),
            ) else {
                continue;
            };
            to = to.min(ctx.today);
            if from > ctx.today || to < from || to - from > 50 * 12 {
                continue;
            }
            out.push(Role {
                from,
                to,
                span: Span::new(area.start + start, area.start + end),
            });
        }
        // "Summer 2022": a season's internship, three months.
        for m in SEASON_ALONE.find_iter(part) {
            if taken.iter().any(|&(s, e)| s <= m.start() && m.end() <= e) {
                continue;
            }
            if let Some(from) = month_of(m.as_str(), ctx.today).filter(|f| *f <= ctx.today) {
                out.push(Role {
                    from,
                    to: from + 3,
                    span: Span::new(area.start + m.start(), area.start + m.end()),
                });
            }
        }
    }
    out.sort_by_key(|r| (r.from, r.to));
    out
}

/// Months covered by `roles`, overlaps counted once.
pub fn months(roles: &[Role]) -> i32 {
    let mut total = 0;
    let mut current: Option<(Month, Month)> = None;
    for r in roles {
        match current {
            Some((s, e)) if r.from <= e => current = Some((s, e.max(r.to))),
            Some((s, e)) => {
                total += e - s;
                current = Some((r.from, r.to));
            }
            None => current = Some((r.from, r.to)),
        }
    }
    if let Some((s, e)) = current {
        total += e - s;
    }
    total
}

pub fn check(min: f64, ctx: &Context) -> Outcome {
    let roles = roles(ctx);
    let years = f64::from(months(&roles)) / 12.0;
    let evidence = ctx.evidence_for(roles.iter().map(|r| r.span), MAX_EVIDENCE);
    let found = (!roles.is_empty()).then_some((years * 10.0).round() / 10.0);
    let measure = Some(Measure::Years { asked: min, found });
    let (fired, reason) = match found {
        None => (
            true,
            format!("no dated roles were found in the experience section ({min} years asked)"),
        ),
        Some(y) if y + 1e-9 >= min => (
            false,
            format!(
                "{y:.1} years from {} dated role(s) (asked: {min})",
                roles.len()
            ),
        ),
        Some(y) => (
            true,
            format!(
                "{y:.1} years from {} dated role(s), below the {min} asked",
                roles.len()
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

    #[test]
    fn dates_in_many_styles() {
        let today = 2026 * 12 + 11;
        assert_eq!(month_of("Jan 2019", today), Some(2019 * 12));
        assert_eq!(month_of("03/2018", today), Some(2018 * 12 + 2));
        assert_eq!(month_of("2018-03", today), Some(2018 * 12 + 2));
        assert_eq!(month_of("Sept. 2015", today), Some(2015 * 12 + 8));
        assert_eq!(month_of("Present", today), Some(today));
        assert_eq!(month_of("Summer 2022", today), Some(2022 * 12 + 5));
        assert_eq!(month_of("2016", today), Some(2016 * 12));
        assert_eq!(parse_month("2026-12"), Some(today));
        assert!(has_year("Backend Engineer | Acme | 2019 – Present"));
        assert!(has_year("Jan '19 – now"));
        assert!(!has_year("Served 3M users at p99 120 ms, 12345 requests"));
        assert!(this_month() > 2025 * 12);
    }

    #[test]
    fn overlaps_count_once() {
        let r = |from, to| Role {
            from,
            to,
            span: Span::new(0, 0),
        };
        assert_eq!(months(&[r(0, 12), r(6, 24), r(30, 36)]), 30);
    }
}
