//! `job_title`: does the resume name the posting's job title, or a close
//! variant, as its headline or as one of its job titles? Recruiters search
//! by title first, and the paid scanners report it apart.
//!
//! Titles are compared as sets of core words: seniority and level
//! ("Senior", "II") dropped, "Developer" read as "Engineer", "Back-end" as
//! "Backend", "SRE" as "Site Reliability Engineer". The resume's title must
//! hold every core word of the posting's; a specialty ("Backend") implies
//! "Software", so "Backend Developer" holds "Software Engineer, Backend".

use super::{Context, Measure, Outcome};
use crate::model::Span;
use crate::sections::SectionKind;

const DROP: &[&str] = &[
    "senior",
    "sr",
    "junior",
    "jr",
    "staff",
    "principal",
    "lead",
    "mid",
    "level",
    "entry",
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "1",
    "2",
    "3",
    "4",
    "l3",
    "l4",
    "l5",
    "l6",
    "the",
    "a",
    "an",
    "of",
    "and",
    "for",
    "in",
    "at",
    "remote",
    "hybrid",
    "f",
    "m",
    "d",
    "w",
    "x",
    "new",
    "grad",
    "graduate",
    "early",
    "career",
    "experienced",
    "chief",
];

/// Specialties that are kinds of software engineering.
const SOFTWARE_KINDS: &[&str] = &[
    "backend",
    "frontend",
    "fullstack",
    "web",
    "mobile",
    "ios",
    "android",
    "platform",
    "application",
    "applications",
    "systems",
    "embedded",
    "game",
    "gameplay",
    "api",
    "cloud",
    "infrastructure",
    "firmware",
    "java",
    "python",
    "go",
    "ruby",
    "net",
    "c++",
    "javascript",
];

/// The core words of a title.
pub fn core(title: &str) -> Vec<String> {
    let mut t = title.to_lowercase().replace(['’', '\''], "");
    for (from, to) in [
        ("back-end", "backend"),
        ("back end", "backend"),
        ("front-end", "frontend"),
        ("front end", "frontend"),
        ("full-stack", "fullstack"),
        ("full stack", "fullstack"),
        ("dev ops", "devops"),
        ("software development engineer in test", "sdet"),
        ("software development engineer", "software engineer"),
        ("machine learning", "ml"),
        ("artificial intelligence", "ai"),
        ("site reliability", "sre"),
        ("quality assurance", "qa"),
        ("user interface", "ui"),
    ] {
        t = t.replace(from, to);
    }
    let mut words: Vec<String> = Vec::new();
    for w in t.split(|c: char| !(c.is_alphanumeric() || c == '+' || c == '#')) {
        let w = match w {
            "developer" | "developers" | "dev" | "programmer" | "engineers" => "engineer",
            "engineering" => "engineer",
            "scientists" => "scientist",
            "swe" | "sde" => {
                words.push("software".into());
                "engineer"
            }
            other => other,
        };
        if w.is_empty() || DROP.contains(&w) {
            continue;
        }
        // "SRE" is a site reliability engineer: the role noun is implied.
        if w == "sre" {
            words.push("sre".into());
            words.push("engineer".into());
            continue;
        }
        words.push(w.to_string());
    }
    words.sort();
    words.dedup();
    words
}

/// Specialties that stay part of a title after a comma ("Software
/// Engineer, Backend"); other words there name a team ("Payments
/// Platform") and are optional.
const SPECIALTIES: &[&str] = &[
    "backend",
    "frontend",
    "fullstack",
    "ios",
    "android",
    "mobile",
    "web",
    "data",
    "ml",
    "ai",
    "security",
    "devops",
    "sre",
    "embedded",
    "game",
    "qa",
    "test",
    "cloud",
    "infrastructure",
    "firmware",
    "sdet",
];

/// Whether a resume title holds the posting title.
pub fn holds(resume: &str, posting: &str) -> bool {
    wanted(posting).is_some_and(|want| want_held(&want, &held(resume)))
}

/// The core words a resume title must hold to hold the posting title;
/// `None` when it has none.
fn wanted(posting: &str) -> Option<Vec<String>> {
    // Words in brackets are optional ("Software Engineer (Backend)").
    let unbracketed: String = {
        let mut out = String::new();
        let mut depth = 0;
        for c in posting.chars() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                _ if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    };
    let (head, team) = match unbracketed.split_once([',', '–', '—']) {
        Some((h, t)) => (h.to_string(), t.to_string()),
        None => match unbracketed.split_once(" - ") {
            Some((h, t)) => (h.to_string(), t.to_string()),
            None => (unbracketed.clone(), String::new()),
        },
    };
    let mut want = core(&head);
    want.extend(
        core(&team)
            .into_iter()
            .filter(|w| SPECIALTIES.contains(&w.as_str())),
    );
    (!want.is_empty()).then_some(want)
}

/// The core words a resume title holds.
fn held(resume: &str) -> Vec<String> {
    let mut have = core(resume);
    if have.iter().any(|w| SOFTWARE_KINDS.contains(&w.as_str())) {
        have.push("software".into());
    }
    have
}

fn want_held(want: &[String], have: &[String]) -> bool {
    want.iter().all(|w| have.contains(w))
}

/// Lines that may hold the resume's own titles: the first lines (the
/// headline under the name) and short lines of the experience sections.
fn title_lines(ctx: &Context) -> Vec<Span> {
    let text = &ctx.norm.text;
    let mut out = Vec::new();
    let first_section = ctx
        .sections
        .iter()
        .filter(|s| s.kind != SectionKind::Header)
        .map(|s| s.span.start)
        .min()
        .unwrap_or(text.len());
    let mut offset = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let span = Span::new(offset, offset + line.trim_end().len());
        offset += line.len();
        let in_head = span.start < first_section && n < 8;
        let in_work = ctx.sections.iter().any(|s| {
            matches!(s.kind, SectionKind::Experience | SectionKind::Summary)
                && s.span.start <= span.start
                && span.start < s.span.end
        });
        let short = line.split_whitespace().count() <= 16;
        if (in_head || in_work) && short && !line.trim().is_empty() {
            out.push(span);
        }
    }
    out
}

/// The pieces of a line that may be a title: split at the separators
/// resumes put between title, company and dates.
fn pieces(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in line.char_indices() {
        if matches!(c, '|' | '·' | '•' | '–' | '—' | ',' | '\t' | '@' | '/') {
            out.push((start, &line[start..i]));
            start = i + c.len_utf8();
        }
    }
    out.push((start, &line[start..]));
    // Whole lines too: "Senior Software Engineer, Backend" has a comma.
    out.push((0, line));
    out.into_iter().filter(|(_, p)| !p.trim().is_empty())
}

/// Where the resume names `titles` (any of them), if it does.
pub fn find(titles: &[String], ctx: &Context) -> Option<(Span, String)> {
    let text = &ctx.norm.text;
    // The posting's titles are read once, not once per resume line.
    let wants: Vec<Vec<String>> = titles.iter().filter_map(|t| wanted(t)).collect();
    if wants.is_empty() {
        return None;
    }
    for span in title_lines(ctx) {
        let line = &text[span.start..span.end];
        for (at, piece) in pieces(line) {
            if piece.split_whitespace().count() > 10 {
                continue;
            }
            let have = held(piece);
            if wants.iter().any(|want| want_held(want, &have)) {
                let start = span.start + at + (piece.len() - piece.trim_start().len());
                let found = piece.trim().to_string();
                return Some((Span::new(start, start + found.len()), found));
            }
        }
    }
    None
}

pub fn check(titles: &[String], ctx: &Context) -> Outcome {
    let found = find(titles, ctx);
    let asked = titles.first().cloned().unwrap_or_default();
    let evidence = found
        .as_ref()
        .map(|(s, _)| ctx.evidence_for([*s], 1))
        .unwrap_or_default();
    let (fired, reason) = match &found {
        Some((_, t)) => (
            false,
            format!("the resume names \"{t}\" (asked: \"{asked}\")"),
        ),
        None => (
            true,
            format!("neither the headline nor a job title of the resume names \"{asked}\""),
        ),
    };
    Outcome {
        fired,
        reason,
        evidence,
        measure: Some(Measure::Title {
            asked,
            found: found.map(|(_, t)| t),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_variants_hold_and_other_roles_do_not() {
        assert!(holds(
            "Backend Developer",
            "Senior Software Engineer, Backend"
        ));
        assert!(holds("Sr. Back-End Engineer", "Backend Engineer"));
        assert!(holds("Software Developer II", "Software Engineer"));
        assert!(holds("SRE", "Site Reliability Engineer"));
        assert!(holds("Android Engineer", "Software Engineer (Android)"));
        assert!(!holds("Data Engineer", "Software Engineer"));
        assert!(!holds("Data Analyst", "Data Engineer"));
        assert!(!holds("Software Engineer", "Backend Engineer"));
        assert!(!holds("Engineering Manager", "Software Engineer, iOS"));
        assert!(holds(
            "Backend engineer",
            "Backend Engineer, Payments Platform"
        ));
        assert!(!holds("Software Engineer", "Software Engineer, Backend"));
    }
}
