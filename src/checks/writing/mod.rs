//! Writing tips: clichés, weak openings and inflated verbs.
//!
//! An ATS does not mind them, but the recruiter who reads what it ranked
//! does, and the paid scanners flag them, so a user expects them here too.
//! They cost no points (the score measures what an ATS reads). A tip is
//! worth showing only when a careful coach would agree, so every trigger
//! carries the guards that keep its literal and technical senses quiet
//! ("dynamic programming", "GPU utilization", "a leveraged buyout",
//! "Rockstar Games"); `fixtures/tips/` holds the labeled lines, tuned and
//! held out, that `tests/cli/tips.rs` measures them on.
//!
//! A profile turns them off like any check: `checks: {disable: [cliche,
//! weak-opening, inflated-verb]}`.

mod lists;
mod tense;

use super::{Input, raw_evidence};
use crate::model::{CheckId, Finding, Severity};
use lists::{CLICHES, INFLATED, OPENING_PREFIX, OPENINGS, Phrase};
use tense::{past_of_base, past_of_gerund};

/// A word of a line: its byte range in the line and its lower case.
struct Word {
    start: usize,
    end: usize,
    lower: String,
}

/// A line cut into words, with what lies between them.
struct Line<'a> {
    text: &'a str,
    words: Vec<Word>,
    all_caps: bool,
}

const QUOTES: &[char] = &['"', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}', '\''];

impl<'a> Line<'a> {
    fn new(text: &'a str) -> Line<'a> {
        let mut words = Vec::new();
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            if c.is_alphanumeric() {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                words.push(Word {
                    start: s,
                    end: i,
                    lower: text[s..i].to_lowercase(),
                });
            }
        }
        let letters = text.chars().filter(|c| c.is_alphabetic());
        let (upper, all) = letters.fold((0, 0), |(u, a), c| {
            (u + usize::from(c.is_uppercase()), a + 1)
        });
        Line {
            text,
            words,
            all_caps: all >= 4 && upper * 10 >= all * 9,
        }
    }

    /// The text between word `i - 1` (or the line start) and word `i`.
    fn gap_before(&self, i: usize) -> &'a str {
        let from = if i == 0 { 0 } else { self.words[i - 1].end };
        &self.text[from..self.words[i].start]
    }

    /// The text after word `i`, up to the next word (or the line end).
    fn gap_after(&self, i: usize) -> &'a str {
        let to = self.words.get(i + 1).map_or(self.text.len(), |w| w.start);
        &self.text[self.words[i].end..to]
    }

    /// Whether word `i` opens a clause: the line's first word, or the first
    /// after a sentence end, a semicolon, a colon, a bar, a bullet or a
    /// dash set off by spaces.
    fn opens_clause(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        let gap = self.gap_before(i);
        let ends_with_space = gap.ends_with(char::is_whitespace);
        gap.contains(['.', ';', '!', '?']) && ends_with_space
            || gap.contains([':', '|', '•', '·', '▪', '◦', '–', '—'])
            || (gap.contains('-') && gap.starts_with(char::is_whitespace) && ends_with_space)
    }

    /// Whether word `i` opens a clause or an item of a list.
    fn opens_item(&self, i: usize) -> bool {
        self.opens_clause(i) || self.gap_before(i).contains([',', '(', '/', '&'])
    }

    fn capitalized(&self, i: usize) -> bool {
        self.text[self.words[i].start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }

    /// Whether words `i..i + n` follow each other with only spaces or
    /// hyphens between them.
    fn joined(&self, i: usize, n: usize) -> bool {
        (i + 1..i + n).all(|k| {
            self.gap_before(k)
                .chars()
                .all(|c| c == ' ' || c == '-' || c == '\u{2010}' || c == '\u{2011}')
        })
    }

    /// Whether `phrase` matches at word `i`, guards included.
    fn matches(&self, i: usize, phrase: &Phrase) -> bool {
        let n = phrase.words.len();
        if i + n > self.words.len()
            || !phrase
                .words
                .iter()
                .zip(&self.words[i..])
                .all(|(w, word)| *w == word.lower)
            || !self.joined(i, n)
        {
            return false;
        }
        if i > 0
            && !self.opens_clause(i)
            && phrase
                .not_before
                .contains(&self.words[i - 1].lower.as_str())
        {
            return false;
        }
        let after = || {
            self.words[i + n..]
                .iter()
                .take(phrase.after_reach)
                .map(|w| w.lower.as_str())
        };
        if after().any(|w| phrase.not_after.contains(&w)) {
            return false;
        }
        if !phrase.needs_after.is_empty() && !after().any(|w| phrase.needs_after.contains(&w)) {
            return false;
        }
        if !phrase.needs_before.is_empty() {
            let mut k = i;
            let mut found = false;
            while k > 0 && i - k < 4 && !self.opens_clause(k) {
                k -= 1;
                found |= phrase.needs_before.contains(&self.words[k].lower.as_str());
            }
            if !found {
                return false;
            }
        }
        !self.quoted(i, n)
    }

    /// Whether words `i..i + n` stand in quotes: a title or product name.
    fn quoted(&self, i: usize, n: usize) -> bool {
        self.gap_before(i).ends_with(QUOTES) || self.gap_after(i + n - 1).starts_with(QUOTES)
    }

    /// Whether the words `i..i + n` read as part of a name rather than as
    /// self-description: capitalized in the middle of a clause ("the
    /// Synergy SIS", "CMake and Ninja", "Won Best in Class"), or a one-word
    /// trigger capitalized before another capital ("Rockstar Games", "Guru
    /// Nanak"). Lines in capitals have no such signal.
    fn in_name(&self, i: usize, n: usize) -> bool {
        if self.all_caps || !self.capitalized(i) {
            return false;
        }
        let words_capitalized = (i..i + n).all(|k| {
            k == i
                || self.gap_before(k).contains('-')
                || self.words[k].lower.len() <= 3
                || self.capitalized(k)
        });
        let mid_clause = !self.opens_item(i) && words_capitalized;
        let before_capital = n == 1
            && self.words.get(i + 1).is_some_and(|_| {
                self.gap_before(i + 1).chars().all(char::is_whitespace) && self.capitalized(i + 1)
            });
        mid_clause || before_capital
    }
}

/// One tip on one line.
struct Tip {
    /// Byte offset of the trigger in the raw text.
    at: usize,
    /// The trigger as written.
    written: String,
    /// The line rewritten, when one can be made.
    rewrite: Option<String>,
    /// What to write instead, for a cliché.
    instead: &'static str,
}

pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    let raw = &input.extracted.text;
    let mut cliches = Vec::new();
    let mut openings = Vec::new();
    let mut inflated = Vec::new();
    let mut offset = 0;
    for text in raw.split('\n') {
        let line = Line::new(text);
        find_cliches(&line, offset, &mut cliches);
        find_openings(&line, offset, &mut openings);
        find_inflated(&line, offset, &mut inflated);
        offset += text.len() + 1;
    }
    report(
        input,
        out,
        CheckId::Cliche,
        &cliches,
        "Clichés a reader cannot check",
        "Cut them, and show the trait with a fact instead",
    );
    report(
        input,
        out,
        CheckId::WeakOpening,
        &openings,
        "Lines that open with filler, hiding what you did",
        "Start with the verb for what you did, and its result",
    );
    report(
        input,
        out,
        CheckId::InflatedVerb,
        &inflated,
        "Inflated verbs where a plain one says the same",
        "Use the plain word",
    );
}

/// The words a phrase of a list can start with: most words of a resume
/// start none, and are passed over with one lookup (a hostile 8 MB text
/// is all words).
type Starts = std::sync::LazyLock<std::collections::HashSet<&'static str>>;

static CLICHE_STARTS: Starts =
    std::sync::LazyLock::new(|| CLICHES.iter().map(|p| p.words[0]).collect());
static INFLATED_STARTS: Starts =
    std::sync::LazyLock::new(|| INFLATED.iter().map(|p| p.words[0]).collect());

fn first_word(starts: &Starts, line: &Line, i: usize) -> bool {
    starts.contains(line.words[i].lower.as_str())
}

fn find_cliches(line: &Line, offset: usize, out: &mut Vec<Tip>) {
    let mut i = 0;
    while i < line.words.len() {
        let hit = first_word(&CLICHE_STARTS, line, i)
            .then(|| CLICHES.iter().find(|c| line.matches(i, c)))
            .flatten();
        match hit {
            Some(c) if !line.in_name(i, c.words.len()) => {
                let n = c.words.len();
                out.push(Tip {
                    at: offset + line.words[i].start,
                    written: line.text[line.words[i].start..line.words[i + n - 1].end].to_string(),
                    rewrite: None,
                    instead: c.instead,
                });
                i += n;
            }
            Some(c) => i += c.words.len(),
            None => i += 1,
        }
    }
}

fn find_openings(line: &Line, offset: usize, out: &mut Vec<Tip>) {
    for start in (0..line.words.len()).filter(|&i| line.opens_clause(i)) {
        // Skip "I was", "My" and the like, within the clause.
        let mut i = start;
        while i < line.words.len()
            && i - start < 3
            && OPENING_PREFIX.contains(&line.words[i].lower.as_str())
            && (i == start || !line.opens_clause(i))
        {
            i += 1;
        }
        for at in std::iter::once(start).chain((i != start).then_some(i)) {
            if let Some(o) = OPENINGS.iter().find(|o| opening_at(line, at, o)) {
                let n = o.words.len();
                out.push(Tip {
                    at: offset + line.words[start].start,
                    written: line.text[line.words[start].start..line.words[at + n - 1].end]
                        .to_string(),
                    rewrite: rewrite_opening(line, start, at + n),
                    instead: o.instead,
                });
                break;
            }
        }
    }
}

/// Whether opening `o` is at word `i`. "Duties" alone counts before a
/// colon; "helped" alone counts unless a number of people follows ("Helped
/// 40 customers migrate": helping them was the work).
fn opening_at(line: &Line, i: usize, o: &Phrase) -> bool {
    if !line.matches(i, o) {
        return false;
    }
    let next = line.words.get(i + o.words.len());
    match o.words {
        ["helped"] => next.is_some_and(|w| !w.lower.starts_with(|c: char| c.is_ascii_digit())),
        ["worked", "on"] => next.is_some(),
        ["duties"] | ["responsibilities"] => line.gap_after(i).trim_start().starts_with(':'),
        _ => true,
    }
}

fn find_inflated(line: &Line, offset: usize, out: &mut Vec<Tip>) {
    let mut i = 0;
    while i < line.words.len() {
        let hit = first_word(&INFLATED_STARTS, line, i)
            .then(|| INFLATED.iter().find(|v| line.matches(i, v)))
            .flatten();
        let Some(v) = hit else {
            i += 1;
            continue;
        };
        let n = v.words.len();
        // A capitalized verb mid-clause names something ("Endeavor Health").
        if !(line.capitalized(i) && !line.opens_item(i) && !line.all_caps) {
            let (s, e) = (line.words[i].start, line.words[i + n - 1].end);
            let plain = match_case(&line.text[s..e], v.instead);
            let rewritten = format!("{}{plain}{}", &line.text[..s], &line.text[e..]);
            out.push(Tip {
                at: offset + s,
                written: line.text[s..e].to_string(),
                rewrite: Some(rewritten),
                instead: v.instead,
            });
        }
        i += n;
    }
}

/// `plain` in the case of `written`: capitals for capitals, a capital
/// first letter for one.
fn match_case(written: &str, plain: &str) -> String {
    let letters: Vec<char> = written.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        plain.to_uppercase()
    } else if letters.first().is_some_and(|c| c.is_uppercase()) {
        capitalize(plain)
    } else {
        plain.to_string()
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// The clause from word `start` rewritten to open with a verb: the filler
/// up to word `rest` dropped, and "managing" or "helped build" made
/// "Managed", "Built". None when the next word is no verb we can turn.
fn rewrite_opening(line: &Line, start: usize, rest: usize) -> Option<String> {
    let next = line.words.get(rest)?;
    let verb = if let Some(past) = past_of_gerund(&next.lower) {
        past
    } else if line.words[start..rest]
        .last()
        .is_some_and(|w| w.lower == "helped" || w.lower == "to")
        && line.words[start..rest].iter().any(|w| w.lower == "helped")
    {
        past_of_base(&next.lower)?
    } else {
        return None;
    };
    let verb = if line.all_caps {
        verb.to_uppercase()
    } else {
        capitalize(&verb)
    };
    let prefix = &line.text[..line.words[start].start];
    let tail = &line.text[next.end..];
    Some(format!("{prefix}{verb}{tail}"))
}
/// One finding for the tips of one kind: up to three examples named in the
/// message, up to three rewrites in the fix, evidence for each line.
fn report(input: &Input, out: &mut Vec<Finding>, id: CheckId, tips: &[Tip], what: &str, fix: &str) {
    if tips.is_empty() {
        return;
    }
    let line_of = |t: &Tip| input.norm.raw_line(input.norm.norm_offset(t.at));
    let mut named: Vec<String> = Vec::new();
    for t in tips {
        let example = format!("\"{}\" (line {})", t.written, line_of(t));
        if named.len() < 3
            && !named
                .iter()
                .any(|n| n.starts_with(&format!("\"{}\"", t.written)))
        {
            named.push(example);
        }
    }
    let mut advice: Vec<String> = Vec::new();
    for t in tips {
        if advice.len() == 3 {
            break;
        }
        if let Some(r) = &t.rewrite {
            advice.push(format!("line {}: \"{}\"", line_of(t), clip(r.trim())));
        } else if id == CheckId::Cliche {
            let a = format!("for \"{}\", {}", t.written.to_lowercase(), t.instead);
            if !advice.contains(&a) {
                advice.push(a);
            }
        }
    }
    let fix = if advice.is_empty() {
        format!("{fix}.")
    } else {
        format!("{fix}; e.g. {}", advice.join("; "))
    };
    out.push(Finding::check(
        id,
        Severity::Info,
        format!("{what}: {}", named.join(", ")),
        &fix,
        raw_evidence(input, tips.iter().map(|t| t.at)),
    ));
}

/// A rewrite cut to a readable length, between words.
fn clip(s: &str) -> String {
    const MAX: usize = 90;
    if s.chars().count() <= MAX {
        return s.to_string();
    }
    let cut: String = s.chars().take(MAX).collect();
    let cut = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CLEAN, Doc, assert_fires, assert_quiet};
    use super::*;

    fn with(line: &str) -> Doc {
        Doc::text(&CLEAN.replace(
            "- Built a billing service handling 4,000 requests per second.",
            line,
        ))
    }

    #[test]
    fn a_weak_opening_gets_a_rewrite() {
        let f = assert_fires(
            &with("- Responsible for managing accounts payable for 3 entities"),
            CheckId::WeakOpening,
        );
        assert!(
            f.fix
                .contains("\"- Managed accounts payable for 3 entities\""),
            "{}",
            f.fix
        );
        assert_eq!(f.evidence[0].line, 9, "{:?}", f.evidence);
        let f = assert_fires(
            &with("Helped build the React component library"),
            CheckId::WeakOpening,
        );
        assert!(
            f.fix.contains("\"Built the React component library\""),
            "{}",
            f.fix
        );
        assert_quiet(
            &with("Helped 40 customers migrate to Microsoft 365"),
            CheckId::WeakOpening,
        );
        assert_quiet(
            &with("Worked on-call one week in four"),
            CheckId::WeakOpening,
        );
        assert_quiet(
            &with("Found the cron job responsible for 70% of failures"),
            CheckId::WeakOpening,
        );
    }

    #[test]
    fn an_inflated_verb_gets_its_plain_word() {
        let f = assert_fires(
            &with("Utilized Python to automate reports"),
            CheckId::InflatedVerb,
        );
        assert!(
            f.fix.contains("\"Used Python to automate reports\""),
            "{}",
            f.fix
        );
        assert_quiet(
            &with("Raised GPU utilization from 40% to 85%"),
            CheckId::InflatedVerb,
        );
        assert_quiet(
            &with("Modeled a $600M leveraged buyout"),
            CheckId::InflatedVerb,
        );
    }

    #[test]
    fn cliches_but_not_names_or_terms_of_art() {
        let f = assert_fires(&with("Results-driven team player"), CheckId::Cliche);
        assert!(
            f.message.contains("\"Results-driven\" (line 9)"),
            "{}",
            f.message
        );
        for quiet in [
            "QA Tester, Rockstar Games",
            "Implemented dynamic programming solutions",
            "Administered the Synergy SIS for a school district",
            "Designed the logo for \"Team Player\", a sports app",
        ] {
            assert_quiet(&with(quiet), CheckId::Cliche);
        }
        // The clean resume has none of the three.
        for id in [CheckId::Cliche, CheckId::WeakOpening, CheckId::InflatedVerb] {
            assert_quiet(&Doc::text(CLEAN), id);
        }
    }

    #[test]
    fn past_tenses() {
        for (ing, past) in [
            ("managing", "managed"),
            ("planning", "planned"),
            ("building", "built"),
            ("writing", "wrote"),
            ("running", "ran"),
            ("studying", "studied"),
            ("onboarding", "onboarded"),
            ("overseeing", "oversaw"),
        ] {
            assert_eq!(past_of_gerund(ing).as_deref(), Some(past), "{ing}");
        }
        assert_eq!(past_of_gerund("string"), None);
        assert_eq!(past_of_base("ship").as_deref(), Some("shipped"));
        assert_eq!(past_of_base("migrate").as_deref(), Some("migrated"));
        assert_eq!(past_of_base("customers"), None);
    }
}
