//! Reading a job posting: its title, company, place, the part each sentence
//! belongs to (required, preferred, or only mentioned), the years and degree
//! it asks for, its certifications and the skills it names, each with the
//! posting line that says so.
//!
//! Postings come pasted from LinkedIn, Greenhouse, Lever, Workday and
//! careers pages, so nothing here relies on one layout: labels ("Job title:",
//! "Location:") win, then the shape of the first lines, then sentences ("we
//! are hiring a …").

use super::taxonomy::{self, Skill};
use crate::matcher::Hit;
use crate::model::Span;
use crate::normalize::{Normalized, normalize};
use crate::rules::degree::{self, DegreeLevel};
use regex_lite::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// Which part of a posting a sentence belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    Required,
    Preferred,
    /// Named outside the asks: responsibilities, the team, the product.
    Mentioned,
}

impl Part {
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Required => "required",
            Part::Preferred => "preferred",
            Part::Mentioned => "mentioned",
        }
    }
}

/// Where a posting works: remote, hybrid or on site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Workplace {
    Remote,
    Hybrid,
    Onsite,
}

/// A fact read from the posting, with the line that says it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Said<T> {
    pub value: T,
    /// 1-based line of the posting.
    pub line: usize,
    /// That line, trimmed.
    pub text: String,
}

/// The degree a posting asks for: the lowest level that satisfies it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DegreeAsk {
    pub level: DegreeLevel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Asked among the requirements (even "or equivalent experience"),
    /// not only preferred.
    pub required: bool,
}

/// A skill the posting names.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AskedSkill {
    /// As the posting writes it: the phrase its ATS will search.
    pub term: String,
    pub category: String,
    /// The strongest part that names it.
    pub part: Part,
    pub mentions: usize,
    /// Years the posting asks of this skill ("3+ years of Python").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<u32>,
    /// Where the posting first names it in that part.
    pub line: usize,
    pub text: String,
}

/// What a posting asks for.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Posting {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Said<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<Said<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Said<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workplace: Option<Said<Workplace>>,
    /// Minimum overall years of experience.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<Said<u32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub degree: Option<Said<DegreeAsk>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certifications: Vec<Said<String>>,
    /// Technical skills, required first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<AskedSkill>,
    /// Soft skills (communication, mentoring), reported apart.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub soft_skills: Vec<AskedSkill>,
    /// Skills asked as alternatives ("Java, Ruby, or Go"): any one of each
    /// list answers the ask.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Vec<String>>,
}

impl Posting {
    /// Technical skills, then soft skills: the order of `Parsed::skills`.
    pub fn all_skills(&self) -> impl Iterator<Item = &AskedSkill> {
        self.skills.iter().chain(&self.soft_skills)
    }
}

/// A parsed posting and the taxonomy skill behind each asked skill (in the
/// order of `posting.skills` then `posting.soft_skills`).
pub struct Parsed {
    pub posting: Posting,
    pub skills: Vec<Skill>,
}

const REQUIRED: &[&str] = &[
    "requirements",
    "required",
    "required qualifications",
    "required skills",
    "required experience",
    "required skills and experience",
    "minimum qualifications",
    "minimum requirements",
    "basic qualifications",
    "qualifications",
    "key qualifications",
    "your qualifications",
    "must have",
    "must haves",
    "must-have",
    "must-haves",
    "what you'll need",
    "what you will need",
    "what you need",
    "what you need to succeed",
    "what we need",
    "you have",
    "you bring",
    "you might be a fit if",
    "what we're looking for",
    "what we are looking for",
    "who we're looking for",
    "who we are looking for",
    "skills and experience",
    "skills & experience",
    "experience and skills",
    "skills and qualifications",
    "skills & qualifications",
    "knowledge, skills and abilities",
    "who you are",
    "about you",
    "your experience",
    "your background",
    "your profile",
    "profile",
    "what you bring",
    "what you'll bring",
    "what you will bring",
    "key skills",
    "skills",
    "technical skills",
    "technical requirements",
    "essential",
    "essential skills",
    "essential criteria",
    "job requirements",
    "education and experience",
    "experience",
];
const PREFERRED: &[&str] = &[
    "nice to have",
    "nice-to-have",
    "nice to haves",
    "nice-to-haves",
    "preferred qualifications",
    "preferred",
    "preferred skills",
    "preferred experience",
    "additional qualifications",
    "desired skills",
    "desired qualifications",
    "desired",
    "bonus",
    "bonus points",
    "bonus points if you have",
    "pluses",
    "plus",
    "extra credit",
    "good to have",
    "ideally",
    "desirable",
    "desirable skills",
    "even better",
    "it's a plus",
    "bonus if you have",
    "nice-to-have skills",
    "nice to have skills",
    "good to have skills",
    "assets",
    "asset qualifications",
    "extra points",
    "extra points if you have",
];
const OTHER: &[&str] = &[
    "responsibilities",
    "key responsibilities",
    "job responsibilities",
    "your responsibilities",
    "duties",
    "what you'll do",
    "what you will do",
    "what you'll be doing",
    "what you will be doing",
    "in this role you will",
    "in this role, you will",
    "about the role",
    "about the job",
    "about the position",
    "the role",
    "the opportunity",
    "job description",
    "job summary",
    "position summary",
    "overview",
    "role overview",
    "about us",
    "about the team",
    "about the company",
    "who we are",
    "benefits",
    "perks",
    "perks and benefits",
    "benefits and perks",
    "what we offer",
    "compensation",
    "salary",
    "pay range",
    "why join us",
    "our team",
    "the team",
    "your impact",
    "day to day",
    "a day in the life",
    "how to apply",
    "equal opportunity",
    "our stack",
    "tech stack",
    "our tech stack",
    "supplemental questions",
    "screening questions",
    "application questions",
];

/// Whether `key` is one of `list`'s headings. The lists write some
/// headings with hyphens ("must-have"); the key has spaces for them.
fn in_list(list: &[&str], key: &str) -> bool {
    list.iter().any(|l| {
        l.len() == key.len()
            && l.bytes()
                .zip(key.bytes())
                .all(|(a, b)| a == b || (a == b'-' && b == b' '))
    })
}

/// A heading's words as the lists write them: lower case, without the
/// marks around them, straight apostrophes, hyphens as spaces.
fn heading_key(head: &str) -> String {
    head.trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .to_lowercase()
        .replace('’', "'")
        .replace('-', " ")
}

/// Whether a line is nothing but a heading from the lists ("Your
/// profile", "Requirements"): its words are the posting's structure, not
/// skills ("profile" is no profiling).
fn bare_heading(line: &str) -> bool {
    let key = heading_key(line);
    !key.is_empty()
        && [PREFERRED, REQUIRED, OTHER]
            .iter()
            .any(|l| in_list(l, &key))
}

/// Words of an application form's fields.
const FORM_FIELDS: &[&str] = &[
    "address", "city", "country", "cv", "e-mail", "email", "name", "phone", "resume", "résumé",
];

/// The part a heading opens, and whether the line holds more text after
/// the heading ("Minimum qualifications: BS in …").
fn heading(line: &str) -> Option<Part> {
    // "It's a bonus if..." trails off into the list it opens.
    let trimmed = line
        .trim()
        .trim_start_matches(['#', '*', '=', '-', '•'])
        .trim_end_matches("...")
        .trim_end_matches('…')
        .trim();
    // An application form's first required field ("First Name *",
    // "Email *") opens the form: "LinkedIn Profile" and "GitHub or
    // portfolio URL" after it are boxes to fill, not asks.
    if let Some(label) = trimmed.strip_suffix('*') {
        let label = label.trim().to_lowercase();
        let field = label.split_whitespace().count() <= 5
            && label.split_whitespace().any(|w| FORM_FIELDS.contains(&w));
        if field {
            return Some(Part::Mentioned);
        }
    }
    // An item of a numbered list ("3. You have shipped…", "b) Python") is
    // an ask, never a heading.
    if list_mark(trimmed.split_whitespace().next().unwrap_or(""), &['.', ')'])
        && trimmed.split_whitespace().count() > 2
    {
        return None;
    }
    let (head, inline) = match trimmed.split_once(':') {
        Some((h, rest)) => (h, !rest.trim().is_empty()),
        None => (trimmed, false),
    };
    let key = heading_key(head);
    let words = key.split_whitespace().count();
    // A heading line is short; one that ends with ':' may run longer
    // ("Things that would make us very happy, though none is required:").
    let most = if !inline && trimmed.ends_with(':') {
        14
    } else {
        10
    };
    if key.is_empty() || words > most || (!inline && trimmed.ends_with('.')) {
        return None;
    }
    // An inline one must end its label with ':'.
    if !inline && trimmed.split_whitespace().count() > most {
        return None;
    }
    let is = |list: &[&str]| in_list(list, &key);
    if is(PREFERRED) {
        return Some(Part::Preferred);
    } else if is(REQUIRED) {
        return Some(Part::Required);
    } else if is(OTHER) || key.starts_with("about ") {
        return Some(Part::Mentioned);
    }
    // A short line of its own, not a bullet, in other words ("It would be
    // great if you also have", "How we work").
    let bullet = line.trim_start().starts_with(['•', '-', '*', '·', '–']);
    if bullet || inline || words > most {
        return None;
    }
    // "We'd love to hear from you if you have:" invites the asks that
    // follow; it is no "we'd love it if you also had".
    let invitation = key.contains("hear from you");
    if (PREFERRED_CUE.is_match(&key) || PREFERRED_HEADING_CUE.is_match(&key)) && !invitation {
        Some(Part::Preferred)
    } else if key.split_whitespace().any(|w| w == "description") {
        // "Description & Requirements" opens prose about the company and
        // the job; the asks in it are found by their own words, as in a
        // posting without headings.
        Some(Part::Mentioned)
    } else if REQUIRED_HEADING.is_match(&key) {
        Some(Part::Required)
    } else if (OTHER_HEADING.is_match(&key)
        // Not a title with its team after a dash ("Senior iOS Engineer -
        // Careem Pay").
        && !(trimmed.contains(" - ") && ROLE_NOUN.is_match(&key)))
        // "Tools on your bench", "Our stack", but not a title's "Test
        // Tools" or "Full Stack".
        || (!ROLE_NOUN.is_match(&key)
            && key
                .split_whitespace()
                .any(|w| matches!(w, "tools" | "stack" | "tooling")))
    {
        Some(Part::Mentioned)
    } else {
        None
    }
}

/// How a heading line of its own says "nice to have" in other words
/// ("Additionally, we'd love it if you have", "Extra points for").
static PREFERRED_HEADING_CUE: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&[
        "would be great",
        "great if",
        "bonus",
        "would love",
        "we'd love",
        "love it if",
        "love to see",
        "extra credit",
        "brownie points",
        "stand out",
        "set you apart",
        "sets you apart",
        "helpful",
        "also nice",
        "extras",
        "useful",
        "would help",
        "advantage",
        "nice",
        "in your favour",
        "in your favor",
        "impress",
        "handy",
        "not essential",
        "surprise",
        "strengthen",
        "valued",
        "smile",
        "extra points",
        "icing",
        // "Things that would make us very happy, though none is required".
        "happy",
        "happier",
        "none is required",
        "none are required",
        "none of these is required",
        "none of these are required",
        // Nordic postings' "Meritorious" / "Meriting" ("Meriterande").
        "merit*",
        // "great to have" itself is a PREFERRED_CUE, which headings are
        // checked against as well.
        "great to haves",
    ])
});

static REQUIRED_HEADING: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&[
        "requirement",
        "requirements",
        "qualification",
        "qualifications",
        "must have",
        "must haves",
        "what you need",
        "what we need",
        "what we expect",
        "what you'll need",
        "what you will need",
        "you'll need",
        "you will need",
        "need to have",
        "you have",
        "you bring",
        "you are",
        "you'll have",
        "looking for",
        "what we expect",
        "skills",
        "expertise",
        "experience you",
        "should have",
        "you should",
        "thrive",
        "fit if",
        "counting on",
        "count on",
        "we need",
        "you'll bring",
        "you will bring",
        "definitely need",
        "minimum",
        "professional knowledge",
        "technical knowledge",
        "knowledge and experience",
        "be successful",
        "demonstrate",
        // "Our ideal candidate will have", "The ideal candidate".
        "ideal candidate",
        "ideal candidates",
    ])
});
static OTHER_HEADING: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&[
        "responsibilit*",
        "tasks",
        "duties",
        "what you'll do",
        "what you will do",
        "you will",
        "you'll",
        "about",
        "benefit",
        "benefits",
        "perks",
        "compensation",
        "salary",
        "pay",
        "how we work",
        "what we offer",
        "why",
        "our",
        "the team",
        "the role",
        "the opportunity",
        "mission",
        "culture",
        "life at",
        "equal",
        "diversity",
        "location",
        "where you'll be",
        "how we",
        "the tools",
        "our tools",
        "our tooling",
        "tools we use",
        "the stack",
        "company profile",
        "show less",
        "show more",
        "set alert",
        "good to know",
        "toolbox",
        "apply",
        "additional information",
        "purpose",
        // The steps of applying: "A system design conversation with
        // Katarzyna" is an interview, not an ask.
        "recruitment process",
        "recruiting process",
        "hiring process",
        "interview process",
        "application process",
        "selection process",
        "next steps",
        "what to expect",
        "what happens next",
    ])
});

/// Literal phrases matched on word boundaries, any ASCII case; a phrase
/// ending in `*` is a prefix ("proficien*": proficient, proficiency). The
/// cue lists are checked on every sentence, where a regex cost more than
/// reading the rest of the posting.
struct Phrases {
    words: crate::rules::Triggers,
    prefix: Vec<bool>,
}

impl Phrases {
    fn new(list: &[&str]) -> Phrases {
        let words: Vec<&str> = list.iter().map(|p| p.trim_end_matches('*')).collect();
        Phrases {
            words: crate::rules::Triggers::new(&words, true).starting_words(),
            prefix: list.iter().map(|p| p.ends_with('*')).collect(),
        }
    }

    fn is_match(&self, text: &str) -> bool {
        let word = |c: char| c.is_alphanumeric();
        self.words.find_all(text).any(|m| {
            let before_ok = !text[..m.start].chars().next_back().is_some_and(word);
            let after_ok = self.prefix[m.word] || !text[m.end..].chars().next().is_some_and(word);
            before_ok && after_ok
        })
    }
}

/// Words in a sentence that make its asks preferred, wherever it stands.
static PREFERRED_CUE: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&[
        "a plus",
        "a real plus",
        "a big plus",
        "a huge plus",
        "a definite plus",
        "a strong plus",
        "a nice plus",
        "huge plus",
        "big plus",
        "pluses",
        "an advantage",
        "bonus",
        "nice to have",
        "nice-to-have",
        "preferred",
        "preferably",
        "ideally",
        "desirable",
        "desired",
        "advantageous",
        "good to have",
        "would be great",
        "is helpful",
        "are helpful",
        "not required",
        "not a requirement",
        "even better",
        "a real advantage",
        "a big advantage",
        "a great advantage",
        "a huge advantage",
        "a strong advantage",
        "a definite advantage",
        "a distinct advantage",
        "an added advantage",
        "an asset",
        "meritorious",
        "a merit",
        "beneficial",
        "highly regarded",
        "great to have",
        "great-to-have",
    ])
});

/// "We use Snowflake", "we run on GKE", "Our platform runs on AWS": a
/// sentence about the team's own stack names tools, it does not ask for
/// them, even in a list of requirements ("Experience with a cloud
/// warehouse; we use Snowflake"). A sentence that opens with "Our" and
/// has an ask's words ("Our ideal candidate has experience with…") asks.
fn describes_team(sentence: &str) -> bool {
    let words: Vec<String> = sentence
        .split_whitespace()
        .skip_while(|w| !w.contains(char::is_alphanumeric))
        .take(8)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .to_lowercase()
                .replace('’', "'")
        })
        .collect();
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    if matches!(
        w.as_slice(),
        ["we", "use" | "run" | "rely", ..]
            | ["we're", "using" | "running", ..]
            | ["we", "currently", "use" | "run", ..]
            | ["for", "context", ..]
    ) || (w.first() == Some(&"our") && !ASK_CUE.is_match(sentence))
    {
        return true;
    }
    // "Inside the team we plan in Jira", "For context: we train on our
    // own cluster": the team at work, after a short opening, in a
    // sentence that neither asks nor speaks to the candidate.
    let at_work = w.windows(3).take(5).any(|v| {
        v[0] == "we"
            && (TEAM_VERBS.contains(&v[1])
                || (matches!(v[1], "currently" | "mostly" | "mainly" | "also" | "all")
                    && TEAM_VERBS.contains(&v[2])))
    });
    at_work
        && !ASK_CUE.is_match(sentence)
        && !sentence
            .split(|c: char| !c.is_alphanumeric())
            .any(|t| t.eq_ignore_ascii_case("you") || t.eq_ignore_ascii_case("your"))
}

/// What a team does with its own tools ("we plan in Jira", "we deploy
/// with Spinnaker"); "we need", "we value" and "we'd love" ask instead.
const TEAM_VERBS: &[&str] = &[
    "use",
    "run",
    "rely",
    "plan",
    "track",
    "write",
    "deploy",
    "build",
    "keep",
    "ship",
    "host",
    "store",
    "train",
    "serve",
    "manage",
    "develop",
    "test",
    "monitor",
    "package",
    "schedule",
    "code",
    "release",
    "orchestrate",
    "automate",
];

/// Words that make a sentence an ask, in a posting without headings.
static ASK_CUE: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&[
        "experience with",
        "experience in",
        "experience using",
        "experience building",
        "experience developing",
        "experience designing",
        "experience working",
        "proficien*",
        "knowledge of",
        "familiar*",
        "expertise",
        "expert in",
        "strong background",
        "strong understanding",
        "strong skills",
        "strong command",
        "strong knowledge",
        "strong experience",
        "you have",
        "you've",
        "you bring",
        "you know",
        "you should",
        "need you to",
        "like you to bring",
        "like you to have",
        "want you to have",
        "expect you to",
        "comfortable in",
        "we need",
        "you need",
        "you'll need",
        "know your way",
        "must",
        "required",
        "require",
        "requires",
        "solid understanding",
        "hands-on",
        "comfortable with",
        "fluen*",
        "background in",
        "understanding of",
        "years of",
        "degree in",
        "qualification",
        "qualifications",
    ])
});

/// Sentence spans of the posting with their parts.
fn sentence_parts(norm: &Normalized) -> Vec<(Span, Part)> {
    let text = &norm.text;
    let mut out = Vec::new();
    let mut part = Part::Mentioned;
    let mut any_required_heading = false;
    let mut offset = 0;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut filled = true;
    for (n, line) in lines.iter().enumerate() {
        let start = offset;
        offset += line.len();
        let head = marked_heading(&lines, n).unwrap_or(line);
        let opens = heading(head).or_else(|| {
            // A heading right under another ("Your skills" then "We
            // imagine that you:") leads into the same list.
            (filled && unknown_heading(head))
                .then(|| part_by_items(head, &lines[n + 1..], part))
                .flatten()
        });
        if let Some(p) = opens {
            part = p;
            any_required_heading |= p == Part::Required;
            filled = false;
        } else if !line.trim().is_empty() {
            filled = true;
        }
        // Sentences: split at ". " or "; " inside the line.
        let mut s = 0;
        let bytes = line.as_bytes();
        for i in 0..bytes.len() {
            let end_here = (bytes[i] == b'.' || bytes[i] == b';' || bytes[i] == b'!')
                && bytes.get(i + 1).is_some_and(|b| *b == b' ')
                && (bytes
                    .get(i.wrapping_sub(1))
                    .is_some_and(|b| b.is_ascii_lowercase() || *b == b')')
                    || ends_name(&line[s..i], &line[i + 1..]));
            if end_here || i + 1 == bytes.len() {
                let e = i + 1;
                if e > s {
                    out.push((Span::new(start + s, start + e), part));
                }
                s = e;
            }
        }
    }
    // "… and microcontrollers, ideally ARM Cortex-M": only the clause
    // after the comma is preferred.
    let mut split = Vec::with_capacity(out.len());
    for (span, part) in out {
        let sentence = &text[span.start..span.end];
        let lower = sentence.to_lowercase();
        let cue = ["ideally", "preferably", "bonus if", "plus if", "better if"]
            .iter()
            .any(|w| lower.contains(w));
        // The pattern only where a cue word is: it is compiled and run
        // for those sentences alone.
        match cue.then(|| CLAUSE_CUE.find(sentence)).flatten() {
            Some(m) if m.start() > 0 => {
                // "…CATIA V5 experience, preferably in automotive, with
                // strong skills in Part Design": the aside ends where the
                // sentence goes back to the ask.
                let back = CLAUSE_BACK
                    .find(&sentence[m.end()..])
                    .map_or(sentence.len(), |b| m.end() + b.start());
                carve(&mut split, span, part, (m.start(), back), Part::Preferred);
            }
            _ => split.push((span, part)),
        }
    }
    // "…on an HPC cluster (we use SLURM) or in the cloud": the brackets
    // describe the team's stack inside an ask.
    let mut out = Vec::with_capacity(split.len());
    for (span, part) in split {
        match (part != Part::Mentioned)
            .then(|| team_aside(&text[span.start..span.end]))
            .flatten()
        {
            Some(inner) => carve(&mut out, span, part, inner, Part::Mentioned),
            None => out.push((span, part)),
        }
    }
    for (span, part) in &mut out {
        let sentence = &text[span.start..span.end];
        if describes_team(sentence) {
            *part = Part::Mentioned;
        } else if *part != Part::Preferred && PREFERRED_CUE.is_match(sentence) {
            *part = Part::Preferred;
        } else if *part == Part::Mentioned
            && !any_required_heading
            && (ASK_CUE.is_match(sentence) || describes_candidate(sentence))
        {
            *part = Part::Required;
        }
    }
    out
}

/// "■ Preferred skills", a blank line, then "- Istio" or prose: a mark
/// set before a heading, which the normalizer wrote as a bullet. It stands
/// alone, and what follows it is not a list with the same mark.
fn marked_heading<'a>(lines: &[&'a str], n: usize) -> Option<&'a str> {
    let text = lines[n].trim_start().strip_prefix('•')?;
    let blank = |i: usize| lines.get(i).is_none_or(|l| l.trim().is_empty());
    let next = lines[n + 1..].iter().find(|l| !l.trim().is_empty())?;
    (n > 0 && blank(n - 1) && blank(n + 1) && !next.trim_start().starts_with('•')).then_some(text)
}

/// The text of a bulleted or numbered item ("• Go", "- Go", "3. Go").
fn item(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix(['•', '-', '*', '·', '–', '○', '▪', '◦', '●', '►'])
    {
        return Some(rest.trim());
    }
    let first = t.split_whitespace().next()?;
    (list_mark(first, &['.', ')']) && first.len() < t.trim_end().len())
        .then(|| t[first.len()..].trim())
}

/// A line set like a heading that no cue list knows ("Where you'd shine",
/// "Processes"): short, on its own, opening with a capital, with no end of
/// a sentence and no text after a colon.
fn unknown_heading(line: &str) -> bool {
    let t = line.trim();
    t.starts_with(|c: char| c.is_uppercase())
        && t.split_whitespace().count() <= 10
        && item(line).is_none()
        && !t.ends_with(['.', '!', '?', ';', ','])
        && t.split_once(':')
            .is_none_or(|(_, rest)| rest.trim().is_empty())
}

/// What the lines under a heading read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    /// Duties ("Design the payments API", "You will own…") or the team's
    /// own ways ("We plan in Jira").
    Job,
    /// What the candidate brings ("3+ years of Go", "Strong SQL", "You
    /// have run Kubernetes", "Shipped a Rust service").
    Asks,
    /// Some asks, or bare names ("Docker and Kubernetes").
    Unclear,
    /// Prose with no ask in it ("The SDK is built with CMake, code review
    /// happens in GitHub").
    Plain,
}

/// Verbs a duty opens with, in the imperative or the third person
/// ("Design…", "Designs…"). The base forms; "-s" and "-es" are tried too.
const DUTY_VERBS: &[&str] = &[
    "act",
    "administer",
    "advise",
    "align",
    "analyse",
    "analyze",
    "architect",
    "assess",
    "assist",
    "automate",
    "build",
    "calibrate",
    "champion",
    "coach",
    "collaborate",
    "communicate",
    "conduct",
    "configure",
    "contribute",
    "coordinate",
    "create",
    "debug",
    "define",
    "deliver",
    "deploy",
    "design",
    "detect",
    "develop",
    "diagnose",
    "document",
    "drive",
    "edit",
    "engage",
    "ensure",
    "establish",
    "evaluate",
    "execute",
    "facilitate",
    "guide",
    "handle",
    "help",
    "identify",
    "implement",
    "improve",
    "influence",
    "install",
    "instrument",
    "integrate",
    "investigate",
    "join",
    "keep",
    "launch",
    "lead",
    "maintain",
    "manage",
    "measure",
    "mentor",
    "migrate",
    "model",
    "monitor",
    "operate",
    "optimise",
    "optimize",
    "own",
    "partner",
    "participate",
    "perform",
    "plan",
    "prepare",
    "present",
    "prioritise",
    "prioritize",
    "produce",
    "provide",
    "publish",
    "report",
    "represent",
    "research",
    "resolve",
    "respond",
    "review",
    "run",
    "scale",
    "secure",
    "serve",
    "set",
    "shape",
    "ship",
    "spend",
    "support",
    "take",
    "test",
    "track",
    "train",
    "translate",
    "triage",
    "troubleshoot",
    "tune",
    "update",
    "validate",
    "verify",
    "work",
    "write",
];

/// Words an ask opens with ("Strong…", "Experience…", "Have shipped…",
/// "Bachelor's…"), besides the ask cues anywhere in it.
const ASK_START: &[&str] = &[
    "a",
    "ability",
    "able",
    "advanced",
    "an",
    "are",
    "at",
    "background",
    "bachelor",
    "bachelor's",
    "basic",
    "bring",
    "built",
    "can",
    "certification",
    "certified",
    "comfort",
    "comfortable",
    "deep",
    "degree",
    "demonstrated",
    "done",
    "excellent",
    "experience",
    "experienced",
    "expert",
    "expertise",
    "exposure",
    "extensive",
    "familiarity",
    "familiar",
    "fluency",
    "fluent",
    "good",
    "great",
    "hands-on",
    "has",
    "have",
    "hold",
    "knowledge",
    "know",
    "led",
    "master's",
    "minimum",
    "possess",
    "practical",
    "previous",
    "prior",
    "proficiency",
    "proficient",
    "professional",
    "proven",
    "relevant",
    "run",
    "skilled",
    "solid",
    "some",
    "strong",
    "thorough",
    "track",
    "understanding",
    "working",
    "written",
];

fn duty_verb(word: &str) -> bool {
    [Some(word), word.strip_suffix('s'), word.strip_suffix("es")]
        .into_iter()
        .flatten()
        .any(|w| DUTY_VERBS.contains(&w))
}

/// Reads the lines under a heading: most of them duties or the team's ways
/// make a part about the job; a third of them asks, a part of asks. A past
/// participle opens an ask ("Worked with…", "Shipped…": "if you have").
fn block(items: &[&str]) -> Block {
    let (mut job, mut asks) = (0, 0);
    for item in items {
        let mut words = item.split_whitespace().map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
                .to_lowercase()
                .replace('’', "'")
        });
        let first = words.next().unwrap_or_default();
        let second = words.next().unwrap_or_default();
        // "You will own…", "You design…": duties; "You have…": an ask.
        let you_will = (first == "you"
            && (matches!(second.as_str(), "will" | "'ll") || duty_verb(&second)))
            || first == "you'll";
        if duty_verb(&first) || you_will || describes_team(item) {
            job += 1;
        } else if ASK_START.contains(&first.as_str())
            || (first.len() > 4 && first.ends_with("ed"))
            || first.starts_with(|c: char| c.is_ascii_digit())
            || ASK_CUE.is_match(item)
            || PREFERRED_CUE.is_match(item)
            || describes_candidate(item)
        {
            asks += 1;
        }
    }
    if job * 2 > items.len() {
        Block::Job
    } else if asks * 3 >= items.len() {
        Block::Asks
    } else if asks == 0 && items.iter().all(|i| i.split_whitespace().count() > 12) {
        Block::Plain
    } else {
        Block::Unclear
    }
}

/// The part an unknown heading opens, read from the lines under it, up to
/// the next heading.
/// - Duties or the team's ways: the job, no asks. Prose with no ask in it
///   ends a list of asks too ("The tools around you").
/// - Asks after a part about the job: the required ones. A second list of
///   asks right after the required one, under a heading that speaks to the
///   reader ("Where you'd shine"), is the preferred one; under a bare noun
///   ("Tooling", "Languages") it goes on with the part before.
/// - Asks or bare names after the required list, under a heading in the
///   conditional, with a denial or "also" ("What would set you apart",
///   "Handy, but not essential"): preferred.
fn part_by_items(line: &str, rest: &[&str], part: Part) -> Option<Part> {
    let lines = rest.iter().skip_while(|l| l.trim().is_empty());
    // A list: the items right under the heading. Prose: its lines up to
    // the next heading, read only for whether any of it asks.
    let mut items: Vec<&str> = lines
        .clone()
        .take_while(|l| l.trim().is_empty() || item(l).is_some())
        .filter_map(|l| item(l))
        .filter(|i| !i.is_empty())
        .collect();
    let list = items.len() >= 2;
    if !list {
        items = lines
            .take_while(|l| l.trim().is_empty() || (!unknown_heading(l) && heading(l).is_none()))
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .collect();
    }
    if items.is_empty() {
        return None;
    }
    let words: Vec<String> = line
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect();
    let speaks = words.iter().any(|w| {
        w.starts_with("you")
            || matches!(
                w.as_str(),
                "we" | "we'd" | "we're" | "we'll" | "us" | "our" | "if" | "would" | "could"
            )
    });
    // "What would set you apart", "Handy, but not essential", "Also
    // useful": the conditional, a denial or "also" after the required list.
    let conditional = words.iter().any(|w| {
        matches!(w.as_str(), "would" | "could" | "might" | "not" | "also") || w.ends_with("'d")
    });
    match (block(&items), part) {
        (Block::Plain, Part::Required | Part::Preferred) => Some(Part::Mentioned),
        _ if !list => None,
        (Block::Job, _) => Some(Part::Mentioned),
        (Block::Asks, Part::Required) if speaks || conditional => Some(Part::Preferred),
        (Block::Unclear, Part::Required) if conditional => Some(Part::Preferred),
        (Block::Asks, Part::Mentioned) => Some(Part::Required),
        _ => None,
    }
}

/// "… using Git and CI/CD. Experience with Terraform is a plus": a sentence
/// may end in a name written in capitals or with a number, where the next
/// one opens with a capital; "B.S. Degree", "U.S. Citizens" and "No. 5"
/// do not end one.
fn ends_name(before: &str, after: &str) -> bool {
    let word = before.rsplit(' ').next().unwrap_or("");
    word.len() >= 2
        && !word.contains('.')
        && word.ends_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())
        && after
            .trim_start()
            .starts_with(|c: char| c.is_ascii_uppercase())
}

/// A list's mark ("3.", "b)", "iv."): up to three letters or digits and
/// one of `ends`.
fn list_mark(word: &str, ends: &[char]) -> bool {
    let mark = word.trim_end_matches(ends);
    word.len() > mark.len()
        && !mark.is_empty()
        && mark.len() <= 3
        && mark.chars().all(|c| c.is_alphanumeric())
}

/// "You write Go", "You have run Kubernetes": a sentence about the
/// candidate in the present is an ask; "You will share the on-call" is
/// the job.
fn describes_candidate(sentence: &str) -> bool {
    // After a list mark: "4. You understand…", "b) You have…".
    let mut words = sentence
        .split_whitespace()
        .skip_while(|w| list_mark(w, &['.', ')', ':']) || !w.contains(char::is_alphanumeric))
        .map(|w| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
                .replace('’', "'")
        });
    match (words.next().as_deref(), words.next().as_deref()) {
        (Some("you"), Some(next)) => !matches!(
            next,
            "will" | "would" | "can" | "may" | "get" | "join" | "work" | "report"
        ),
        (Some("you've" | "you're"), _) => true,
        _ => false,
    }
}

/// A preferred clause inside a required sentence.
static CLAUSE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rules::fixed(
        r"(?i)[,(]\s*(?:and\s+)?(?:ideally|preferably|bonus if|a plus if|even better if)\b",
    )
});

/// Pushes `span` cut in three: the bytes `inner` (from the span's start)
/// in `inner_part`, what stands before and after them in `part`.
fn carve(
    out: &mut Vec<(Span, Part)>,
    span: Span,
    part: Part,
    (a, b): (usize, usize),
    inner_part: Part,
) {
    if a > 0 {
        out.push((Span::new(span.start, span.start + a), part));
    }
    out.push((Span::new(span.start + a, span.start + b), inner_part));
    if span.start + b < span.end {
        out.push((Span::new(span.start + b, span.end), part));
    }
}

/// The bytes of "(we use SLURM)" in a sentence: brackets that open with
/// "we" and a verb of the team at work.
fn team_aside(sentence: &str) -> Option<(usize, usize)> {
    let open = sentence.find("(we ")?;
    let close = open + sentence[open..].find(')')? + 1;
    let mut words = sentence[open + 4..close - 1].split_whitespace();
    let verb = words.next()?.to_lowercase();
    let verb = if matches!(verb.as_str(), "currently" | "mostly" | "mainly" | "also") {
        words.next()?.to_lowercase()
    } else {
        verb
    };
    TEAM_VERBS.contains(&verb.as_str()).then_some((open, close))
}

/// Where a preferred aside ([`CLAUSE_CUE`]) gives way to the ask again:
/// ", with strong skills in", ", as well as", ", and experience with".
static CLAUSE_BACK: LazyLock<Regex> = LazyLock::new(|| {
    crate::rules::fixed(
        r"(?i),\s*(?:with|as well as|including|and (?:experience|knowledge|strong|solid|good|proven|familiarity|expertise))\b",
    )
});

fn part_at(parts: &[(Span, Part)], at: usize) -> Part {
    let i = parts
        .partition_point(|(s, _)| s.start <= at)
        .saturating_sub(1);
    parts.get(i).map_or(Part::Mentioned, |(_, p)| *p)
}

fn sentence_at(parts: &[(Span, Part)], at: usize) -> Span {
    let i = parts
        .partition_point(|(s, _)| s.start <= at)
        .saturating_sub(1);
    parts.get(i).map_or(Span::new(at, at), |(s, _)| *s)
}

/// The line of the posting at `at`, for evidence: its number and text.
fn said<T>(norm: &Normalized, at: usize, value: T) -> Said<T> {
    let (s, e) = norm.line_bounds(at);
    let mut text: String = norm.text[s..e].trim().to_string();
    if text.chars().count() > 160 {
        text = text.chars().take(157).collect::<String>() + "…";
    }
    Said {
        value,
        line: norm.raw_line(at),
        text,
    }
}

/// Words that end a job title.
static ROLE_NOUN: LazyLock<Phrases> = LazyLock::new(|| {
    let words = [
        "engineer",
        "engineering manager",
        "developer",
        "programmer",
        "scientist",
        "analyst",
        "architect",
        "designer",
        "administrator",
        "specialist",
        "consultant",
        "manager",
        "lead",
        "intern",
        "internship",
        "trainee",
        // CERN's "Technical Student", Germany's "Working Student"; not a
        // careers site's "Students & graduates".
        "technical student",
        "working student",
        "student assistant",
        "student worker",
        "researcher",
        "technician",
        "tester",
        "sre",
        "sdet",
        "devops",
        "director",
        "head of",
        "co-op",
        "apprentice",
        "associate",
        "officer",
        "coordinator",
        "supervisor",
        "graduate program",
        "graduate programme",
        "representative",
        "assistant",
        "accountant",
        "bookkeeper",
        "operator",
        "planner",
        "estimator",
        "machinist",
        "chemist",
        "recruiter",
        "advisor",
        "adviser",
        "controller",
        "instructor",
        "teacher",
        "trainer",
        "nurse",
        "pharmacist",
        "therapist",
        "surveyor",
        "inspector",
        "mechanic",
        "electrician",
        "writer",
        "editor",
        "modeller",
        "modeler",
        "geologist",
        "hydrologist",
        "statistician",
        "actuary",
        "physicist",
        "mathematician",
        "economist",
        "auditor",
        "strategist",
        "technologist",
        "drafter",
        "draftsperson",
        "product owner",
        "scrum master",
    ];
    let plurals: Vec<String> = words.iter().map(|w| format!("{w}s")).collect();
    let all: Vec<&str> = words
        .iter()
        .copied()
        .chain(plurals.iter().map(String::as_str))
        .collect();
    Phrases::new(&all)
});

/// The words a title field is labeled with, in the languages postings
/// come in ("Job title:", "Stillingstittel:", "Intitulé du poste:"). Each
/// is an alternative of [`TITLE_LABEL`] and, by its first word, the cheap
/// test of whether a line may hold one.
const TITLE_FIELDS: &[&str] = &[
    "job title",
    "position title",
    "title",
    "position",
    "role",
    "job",
    "vacancy",
    "opening",
    "stillingstittel",
    "stillingsbetegnelse",
    "stilling",
    "befattning",
    "stellenbezeichnung",
    "jobtitel",
    "functietitel",
    "functie",
    "intitulé du poste",
    "intitule du poste",
    "titre du poste",
    "poste",
    "puesto",
    "cargo",
];

static TITLE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let fields: Vec<String> = TITLE_FIELDS
        .iter()
        .map(|f| f.replace(' ', r"\s+"))
        .collect();
    crate::rules::fixed(&format!(
        r"(?i)^\s*(?:{})\s*[:\-–]\s*(\S.{{1,100}})$",
        fields.join("|")
    ))
});

static HIRING_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rules::fixed(
        r"(?:(?:(?i:looking for|hiring|seeking|searching for|in search of)\s+(?i:an?\s+)?|\b[Aa]s an?\s+|(?i:join (?:us|our team) as)\s+(?i:an?\s+)?)(?:(?i:talented|experienced|passionate|motivated|skilled|curious)\s+)?)((?:[A-Z][\w/+#.-]*,?\s+){0,5}?[A-Z][\w/+#.-]*(?:\s+(?:Engineer|Developer|Scientist|Analyst|Architect|Manager|Designer|Administrator|Specialist|Intern)s?))",
    )
});

/// Words that open a line of a posting that is not its title.
const NOT_TITLE: &[&str] = &[
    "about",
    "job description",
    "full job description",
    "description",
    "overview",
    "apply",
    "save",
    "share",
    "posted",
    "easy apply",
    "company",
    "location",
    "department",
    "team",
    "employment type",
    "job type",
    "salary",
    "compensation",
    "requisition",
    "req",
    "job id",
];

/// Whether `line` opens with one of [`NOT_TITLE`] as whole words.
fn opens_not_title(line: &str) -> bool {
    let bytes = line.as_bytes();
    NOT_TITLE.iter().any(|w| {
        bytes
            .get(..w.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(w.as_bytes()))
            && !crate::matcher::literals::word_byte(bytes, w.len())
    })
}

/// The dashes that set a title's team, place or intake apart from the role.
const TITLE_DASHES: [&str; 3] = [" - ", " – ", " — "];

/// A job title without what job boards add around it: a location or
/// workplace after a dash, bar or in brackets, a requisition number.
fn clean_title(t: &str) -> String {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        crate::rules::fixed(
            r"(?i)^(?:join\s+.{1,40}?\s+as\s+an?\s+|we'?re hiring:?\s+(?:an?\s+)?|now hiring:?\s+|hiring:?\s+)",
        )
    });
    // German postings mark titles for all genders: "(f/m/d)", "(m/w/d)".
    static GENDERS: LazyLock<Regex> = LazyLock::new(|| {
        crate::rules::fixed(r"(?i)\s*\((?:[fmwdx]\s*/\s*){1,3}[fmwdx]\)|\s*\(all genders\)")
    });
    // "Search Results | Salesforce Developer" (a careers site's page
    // title): the part that names a role, when the first does not.
    let t = match t
        .split(" | ")
        .enumerate()
        .find(|(_, part)| ROLE_NOUN.is_match(part))
    {
        Some((k, part)) if k > 0 => part,
        _ => t,
    };
    let t = GENDERS.replace_all(t.trim(), "");
    let t = LEAD.replace(t.trim(), "");
    let mut t = t
        .trim()
        .trim_matches(['*', '#', '"', '“', '”'])
        .trim()
        .to_string();
    // A requisition number glued on by the careers site: "…(Privileged
    // Access)-2700451".
    if let Some((head, number)) = t.rsplit_once('-')
        && number.len() >= 5
        && number.bytes().all(|b| b.is_ascii_digit())
        && !head.ends_with(' ')
    {
        t = head.to_string();
    }
    static TAIL: LazyLock<Regex> = LazyLock::new(|| {
        crate::rules::fixed(
            r"(?i)\s*(?:\((?:[^)]*(?:remote|hybrid|on-?site|office|\d{4,}|req|[A-Z][a-z]+, [A-Z]{2})[^)]*)\)|\s[-–—|·@]\s[^()]*(?:remote|hybrid|on-?site|office|[A-Za-z]+, [A-Za-z]+|req\w*\s*#?\d+|\d{4,})[^()]*|\s\|\s.*)$",
        )
    });
    for _ in 0..2 {
        let cut = TAIL.replace(&t, "").trim().to_string();
        let tail = t.strip_prefix(cut.as_str()).unwrap_or("");
        if cut.is_empty() || names_a_specialty(tail) || names_an_intake(tail) {
            break;
        }
        if cut == t {
            // "Senior Engineer - NY", "Analyst - Austin TX": a region's code
            // ends the title. The code is looked up in the regions' list, in
            // its case, so "- Trendyol Go" or "- AI" stays the team's name.
            if let Some((head, tail)) = [" - ", " – ", " — ", " | ", " · ", " @ "]
                .iter()
                .filter_map(|d| t.rsplit_once(d))
                .max_by_key(|(head, _)| head.len())
                && tail.split_whitespace().count() <= 4
                && tail
                    .rsplit([' ', ','])
                    .next()
                    .is_some_and(crate::matcher::names::region_code)
            {
                t = head.trim().to_string();
            }
            break;
        }
        if !ROLE_NOUN.is_match(&cut) && ROLE_NOUN.is_match(&t) {
            // The cut took the role with it: keep the parts up to the one
            // that names it ("Summer 2027 - Software Engineering Intern -
            // 90518802 - Washington").
            let parts: Vec<&str> = t.split(" - ").collect();
            if let Some(k) = parts.iter().position(|p| ROLE_NOUN.is_match(p)) {
                t = parts[..=k].join(" - ");
            }
            break;
        }
        t = cut;
    }
    t.trim_end_matches([',', '-', '–', ':']).trim().to_string()
}

/// A title's tail that names a specialty, not a place: "- NLP, Regulatory
/// Documents", "- ML, Search Ranking". An acronym of three to five capitals,
/// a comma, then words in Title case; a place's tail is "Austin, TX" or
/// "London, United Kingdom".
/// " - Summer 2027", " - September 2027 Intake", "(January 2027
/// Intake)": which cohort of a graduate or intern programme, part of the
/// title as the posting names it, not a date the board added.
fn names_an_intake(tail: &str) -> bool {
    const WHEN: &[&str] = &[
        "intake",
        "cohort",
        "summer",
        "winter",
        "spring",
        "fall",
        "autumn",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let words: Vec<String> = tail
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let year =
        |w: &String| w.len() == 4 && w.starts_with("20") && w.bytes().all(|b| b.is_ascii_digit());
    (2..=4).contains(&words.len())
        && words.iter().filter(|w| year(w)).count() == 1
        && words.iter().any(|w| WHEN.contains(&w.as_str()))
        && words.iter().all(|w| year(w) || WHEN.contains(&w.as_str()))
}

fn names_a_specialty(tail: &str) -> bool {
    let Some(rest) = TITLE_DASHES.iter().find_map(|d| tail.strip_prefix(d)) else {
        return false;
    };
    let Some((acronym, words)) = rest.split_once(", ") else {
        return false;
    };
    (3..=5).contains(&acronym.len())
        && acronym.bytes().all(|b| b.is_ascii_uppercase())
        && !words.is_empty()
        && words.split(' ').all(|w| {
            let mut c = w.chars();
            c.next().is_some_and(char::is_uppercase) && c.all(char::is_lowercase)
        })
}

/// A careers site's navigation ("Ørsted careers › Search jobs › Data
/// Engineer"): the page's place, not its title.
fn breadcrumbs(line: &str) -> bool {
    // A site's menu ends with its account links: "… Life at Telstra Sign
    // in", "… Services Login Register".
    let lower = line.trim_end().to_ascii_lowercase();
    line.contains(['›', '»'])
        || line.contains(" > ")
        || line.matches(" / ").count() >= 2
        || ["sign in", "log in", "login", "register", "sign up"]
            .iter()
            .any(|w| lower.ends_with(w) && lower.len() > w.len() + 1)
}

/// A site's menu pasted as one line, its items apart by runs of spaces
/// that normalizing made single: "JetBrains    Developer Tools   Team
/// Tools   Education   Store". `start` is the line's offset in `norm.text`.
fn menu(norm: &Normalized, start: usize, line: &str) -> bool {
    let wide = line
        .match_indices(' ')
        .filter(|&(i, _)| {
            let at = start + i;
            norm.raw_offset(at + 1).saturating_sub(norm.raw_offset(at)) >= 3
        })
        .count();
    wide >= 3
}

/// "Geographer", "Hydrologist", "Statistician": a short line in capitals
/// that ends in a word for a person's trade, for a title no role word
/// names.
fn names_a_trade(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let last = words
        .last()
        .map(|w| w.to_ascii_lowercase())
        .unwrap_or_default();
    (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && last.len() > 5
        && ["er", "or", "ist", "ian"].iter().any(|e| last.ends_with(e))
        && !opens_not_title(line)
        && heading(line).is_none()
}

fn looks_like_title(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=12).contains(&words)
        && !line.trim_end().ends_with('.')
        && ROLE_NOUN.is_match(line)
        && !opens_not_title(line.trim())
        && !line.contains("http")
        && !line.contains('@')
}

/// The title and where it is written (skills named in it are the job's
/// name, not asks: "Java Developer").
fn find_title(norm: &Normalized) -> Option<(Said<String>, Span)> {
    let text = &norm.text;
    let mut offset = 0;
    let mut first_lines = Vec::new();
    // A headline that reads as a title, on the posting's first line, is the
    // title the page shows: a "Job Title:" further down is most often an
    // HR classification ("Application Programmer/Analyst Intermediate"
    // under "Front End Web Developer") or the headline cut short.
    let first = text
        .split_inclusive('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line))
        })
        .find(|&(at, l)| !l.trim().is_empty() && !breadcrumbs(l.trim()) && !menu(norm, at, l));
    if let Some((start, line)) = first {
        let l = line.trim();
        if heading(l).is_none() && looks_like_title(l) && !TITLE_LABEL.is_match(l) {
            let t = clean_title(l);
            if !t.is_empty() {
                let span = Span::new(start, start + line.trim_end().len());
                return Some((said(norm, start, t), span));
            }
        }
    }
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let labelled = {
            let l = line.trim_start().to_lowercase();
            TITLE_FIELDS
                .iter()
                .any(|f| l.starts_with(f.split(' ').next().unwrap_or(f)))
        };
        // The label's words first: the pattern is compiled and run only
        // for a line that may hold one.
        if labelled && let Some(c) = TITLE_LABEL.captures(line.trim_end()) {
            let t = clean_title(&c[1]);
            // "Position: Permanent, full-time" is the kind of contract;
            // a label that is not "title" must name a role.
            let names_role = line.to_lowercase().contains("title") || ROLE_NOUN.is_match(&t);
            if !t.is_empty() && names_role {
                // The field cut short of a headline above it: "Position:
                // Senior Machine Learning Engineer" under "Senior Machine
                // Learning Engineer – Crop Nutrition Recommendations". The
                // headline names the team too, as the page shows it.
                let headline = first_lines.iter().find_map(|&(at, l): &(usize, &str)| {
                    let rest = l.strip_prefix(t.as_str())?;
                    let longer = clean_title(l);
                    (TITLE_DASHES.iter().any(|d| rest.starts_with(d)) && longer.len() > t.len())
                        .then(|| (said(norm, at, longer), Span::new(at, at + l.len())))
                });
                if headline.is_some() {
                    return headline;
                }
                let span = Span::new(start, start + line.len());
                return Some((said(norm, start, t), span));
            }
        }
        if !line.trim().is_empty()
            && !breadcrumbs(line.trim())
            && !menu(norm, start, line)
            && first_lines.len() < 8
        {
            first_lines.push((start, line.trim()));
        }
    }
    for (start, line) in &first_lines {
        if heading(line).is_some() {
            // "About the job" (LinkedIn): the title is above it, or not here.
            if heading(line) != Some(Part::Mentioned)
                || !line.to_lowercase().starts_with("about the job")
            {
                continue;
            }
        }
        if looks_like_title(line) {
            let t = clean_title(line);
            if !t.is_empty() {
                return Some((said(norm, *start, t), Span::new(*start, start + line.len())));
            }
        }
    }
    HIRING_SENTENCE
        .captures(text)
        .and_then(|c| c.get(1))
        .map(|m| {
            let span = Span::new(m.start(), m.end());
            (said(norm, m.start(), clean_title(m.as_str())), span)
        })
        .or_else(|| {
            let (start, line) = first_lines.iter().find(|(_, l)| names_a_trade(l))?;
            let span = Span::new(*start, start + line.len());
            Some((said(norm, *start, line.to_string()), span))
        })
}

static COMPANY_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    crate::rules::fixed(
        r"(?im)^\s*(?:company|company name|employer|organi[sz]ation|hiring company)\s*:\s*(\S.{0,80}?)\s*$",
    )
});
static COMPANY_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rules::fixed(
        r"(?m)(?:^About ([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})\s*:?\s*$|\b(?:At|Join) ([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}),? (?:we|you)\b|^([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}) (?:is|are) (?:hiring|looking|seeking|a |an |the |building|on a mission))",
    )
});

fn find_company(norm: &Normalized, title: Option<&Said<String>>) -> Option<Said<String>> {
    let text = &norm.text;
    static LABEL_WORDS: LazyLock<crate::rules::Triggers> = LazyLock::new(|| {
        crate::rules::Triggers::new(&["company", "employer", "organi", "hiring"], true)
    });
    let labels: String = crate::rules::lines_with(text, &LABEL_WORDS)
        .map(|(_, l)| l)
        .collect();
    if let Some(c) = COMPANY_LABEL.captures(&labels) {
        let m = c.get(1)?;
        let at = text.find(m.as_str()).unwrap_or(0);
        return Some(said(norm, at, m.as_str().trim().to_string()));
    }
    const NOT: &[&str] = &[
        "the", "us", "you", "our", "this", "the job", "the role", "the team", "we", "your",
    ];
    // Lines that could introduce the company: "About X", "At X, we",
    // "Join X", "X is hiring".
    let candidates = text.split_inclusive('\n').scan(0, |o, l| {
        let at = *o;
        *o += l.len();
        Some((at, l))
    });
    let sentences = candidates.filter(|(_, l)| {
        let t = l.trim_start();
        t.starts_with("About ") || l.contains("At ") || l.contains("Join ") || {
            let head: String = t.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
            head.contains(" is ") || head.contains(" are ")
        }
    });
    for (at, line) in sentences {
        let Some(c) = COMPANY_SENTENCE.captures(line) else {
            continue;
        };
        if let Some(m) = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3)) {
            let name = m.as_str().trim();
            let lower = name.to_lowercase();
            if NOT
                .iter()
                .any(|n| lower == *n || lower.starts_with(&format!("{n} ")))
            {
                continue;
            }
            return Some(said(norm, at + m.start(), name.to_string()));
        }
    }
    // LinkedIn and Indeed: the line after the title names the company,
    // often with the place after "·" or "|".
    let title = title?;
    let mut lines = text.lines().skip_while(|l| l.trim() != title.text).skip(1);
    let next = lines.find(|l| !l.trim().is_empty())?;
    let name = next.split(['·', '|', '•']).next()?.trim();
    let words = name.split_whitespace().count();
    if (1..=4).contains(&words)
        && name.starts_with(|c: char| c.is_uppercase())
        && !name.contains(',')
        && !ROLE_NOUN.is_match(name)
        && heading(name).is_none()
        && !WORKPLACE.is_match(&name.to_lowercase())
    {
        let at = text.find(name)?;
        return Some(said(norm, at, name.to_string()));
    }
    None
}

static LOCATION_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    crate::rules::fixed(
        r"(?im)^\s*(?:location|locations|job location|office|based in|work location)\s*:\s*(\S.{0,80}?)\s*$",
    )
});
static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rules::fixed(
        r"\b([A-Z][a-zA-Z.]+(?:[ -][A-Z][a-zA-Z.]+)*, (?:[A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)*))\b",
    )
});
/// Where the work is done, matched on lower-cased text.
static WORKPLACE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rules::fixed(
        r"\b(hybrid|fully remote|remote[- ]first|remote(?:\s+(?:sensing|control|access|monitoring|support|desktop))?|on-?site|in[- ]office|in the office)\b",
    )
});

fn find_location(norm: &Normalized) -> Option<Said<String>> {
    let text = &norm.text;
    static WORDS: LazyLock<crate::rules::Triggers> =
        LazyLock::new(|| crate::rules::Triggers::new(&["location", "office", "based in"], true));
    for (at, line) in crate::rules::lines_with(text, &WORDS) {
        if let Some(m) = LOCATION_LABEL.captures(line).and_then(|c| c.get(1)) {
            return Some(said(norm, at + m.start(), m.as_str().to_string()));
        }
    }
    // A place in the first lines ("Seattle, WA", "London, United Kingdom").
    let head_end = text
        .match_indices('\n')
        .nth(6)
        .map_or(text.len(), |(i, _)| i);
    PLACE
        .find(&text[..head_end])
        .map(|m| said(norm, m.start(), m.as_str().to_string()))
}

fn find_workplace(norm: &Normalized) -> Option<Said<Workplace>> {
    let text = &norm.lower;
    let mut best: Option<Said<Workplace>> = None;
    static WORDS: LazyLock<crate::rules::Triggers> = LazyLock::new(|| {
        crate::rules::Triggers::new(&["hybrid", "remote", "site", "office"], true)
    });
    let found = crate::rules::windows_with(text, &WORDS, 12, 40)
        .into_iter()
        .flat_map(|(at, line)| {
            WORKPLACE
                .find_iter(line)
                .map(move |m| (at + m.start(), m.as_str().to_string()))
                .collect::<Vec<_>>()
        });
    for (start, w) in found {
        // "remote sensing", "remote access": not where the job is done.
        if w.starts_with("remote ") {
            continue;
        }
        let kind = if w.contains("hybrid") {
            Workplace::Hybrid
        } else if w.contains("remote") {
            Workplace::Remote
        } else {
            Workplace::Onsite
        };
        let rank = |k: Workplace| match k {
            Workplace::Hybrid => 3,
            Workplace::Remote => 2,
            Workplace::Onsite => 1,
        };
        if best.as_ref().is_none_or(|b| rank(kind) > rank(b.value)) {
            best = Some(said(norm, start, kind));
        }
    }
    best
}

/// A statement of years, matched on lower-cased text: without case
/// folding the pattern is smaller to compile and faster to run. The
/// second form puts the number in brackets after a vague count: "a few
/// years (think 3 or more)".
static YEARS: LazyLock<Regex> = LazyLock::new(|| {
    crate::rules::fixed(
        r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)(?:\s*\(\d{1,2}\))?\s*(?:\+|-?plus\b|or more\b)?(?:\s*(?:-|–|—|to|and)\s*(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten))?\s*\+?\s*(?:years?|yrs?)\b(?:'|’)?(?:\s+(?:or more|or longer|and above|plus)\b)?|\b(?:a few|several|some|a couple of)\s+years?\s*\((?:think|say|ideally|roughly|about|around|at least|usually|typically|~)?\s*(?P<m>\d{1,2})\s*(?:\+|or more|plus)?\)",
    )
});

fn number(word: &str) -> Option<u32> {
    word.parse().ok().or(match word.to_lowercase().as_str() {
        "one" => Some(1),
        "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        "six" => Some(6),
        "seven" => Some(7),
        "eight" => Some(8),
        "nine" => Some(9),
        "ten" => Some(10),
        "twelve" => Some(12),
        "fifteen" => Some(15),
        _ => None,
    })
}

/// Words between "N years" and what they are of, read past to find
/// whether a skill follows ("3+ years of hands-on experience with Go").
const YEARS_FILLER: &[&str] = &[
    "of",
    "experience",
    "with",
    "in",
    "using",
    "working",
    "writing",
    "hands-on",
    "hands",
    "on",
    "practical",
    "production",
    "commercial",
    "professional",
    "proven",
    "demonstrated",
    "solid",
    "strong",
    "relevant",
    "programming",
    "coding",
    "developing",
    "development",
    "building",
    "and/or",
    "the",
    "a",
];

/// Categories of skill that name a whole line of work ("software
/// engineering", "backend development"): years of them are years of
/// experience overall.
fn is_discipline(skill: &Skill, written: &str) -> bool {
    skill.category == "practice" || (written.contains(' ') && written == written.to_lowercase())
}

/// A tool rather than a line of work: "experience in Python" is years of
/// Python, "experience in SRE" years of work.
fn is_tool(skill: &Skill) -> bool {
    matches!(
        skill.category.as_str(),
        "language"
            | "framework"
            | "library"
            | "database"
            | "frontend"
            | "mobile"
            | "cloud"
            | "tool"
            | "testing"
            | "protocol"
            | "os"
            | "listed"
    )
}

/// Years asked: overall (the first statement among the requirements, else
/// anywhere), and per skill.
///
/// `subject` is what the title says the job is about ("qa automation" for a
/// QA Automation Engineer): years of it are years of the job itself, so
/// overall as well as the skill's.
fn find_years(
    norm: &Normalized,
    parts: &[(Span, Part)],
    hits: &[(usize, Span)],
    skills: &[Skill],
    subject: Option<&str>,
) -> Years {
    let text = &norm.text;
    let lower = &norm.lower;
    let mut overall: Vec<(Part, Said<u32>)> = Vec::new();
    let mut lines_of_work = Vec::new();
    let mut per_skill = Vec::new();
    let mut labelled: Option<Said<u32>> = None;
    let mut of_a_skill: Vec<Said<u32>> = Vec::new();
    let mut instead_of_degree: Option<(Part, Said<u32>)> = None;
    static WORDS: LazyLock<crate::rules::Triggers> =
        LazyLock::new(|| crate::rules::Triggers::new(&["year", "yr"], true));
    let statements = crate::rules::windows_with(lower, &WORDS, 40, 30)
        .into_iter()
        .flat_map(|(at, line)| {
            YEARS
                .captures_iter(line)
                .filter_map(|c| {
                    let m = c.get(0)?;
                    let n = c
                        .name("n")
                        .or(c.name("m"))
                        .and_then(|n| number(n.as_str()))?;
                    Some((at + m.start(), at + m.end(), n))
                })
                .collect::<Vec<_>>()
        });
    let statements: Vec<(usize, usize, u32)> = statements.collect();
    for (k, &(m_start, m_end, n)) in statements.iter().enumerate() {
        let m = Span::new(m_start, m_end);
        // "3+ years of Python and 2+ years of Go": the next statement of
        // years starts the next skill's clause.
        let next_statement = statements.get(k + 1).map_or(usize::MAX, |s| s.0);
        if n == 0 || n > 25 {
            continue;
        }
        let sentence = sentence_at(parts, m.start);
        let part = part_at(parts, m.start);
        let before = &lower[sentence.start..m.start];
        let after = &lower[m.end..sentence.end.max(m.end)];
        // "founded 10 years ago", "within 2 years", "after one year":
        // not experience.
        let ago = after.trim_start().starts_with("ago")
            || after.trim_start().starts_with("old")
            || after.trim_start().starts_with("degree")
            || after.trim_start().starts_with("college")
            || after.trim_start().starts_with("university")
            || [
                "within",
                "after",
                "every",
                "for over",
                "for more than",
                "over the past",
                "in the last",
                "for the past",
                "up to",
            ]
            .iter()
            .any(|w| before.trim_end().ends_with(w));
        // "two years of undergraduate study", "4 years of college": years
        // of school, not of work.
        let schooling = after
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .find(|w| !matches!(*w, "of" | "full-time" | "full" | "time" | "completed" | ""))
            .is_some_and(|w| {
                [
                    "undergraduate",
                    "graduate",
                    "college",
                    "university",
                    "study",
                    "studies",
                    "coursework",
                    "school",
                    "schooling",
                    "education",
                    "post-secondary",
                    "postsecondary",
                ]
                .contains(&w)
            });
        // Preferred years never make the minimum.
        if ago || schooling || part == Part::Preferred {
            continue;
        }
        // "have worked as a data engineer for three years or more".
        // "You've been building data pipelines professionally for
        // three-plus years".
        let worked_for = before.trim_end().ends_with(" for")
            && [
                "worked",
                "working as",
                "been a",
                "been an",
                "served as",
                "you've been",
                "you have been",
            ]
            .iter()
            .any(|w| before.contains(w));
        // "4 years supporting an ERP system", "3 years leading teams".
        let doing = after.split_whitespace().next().is_some_and(|w| {
            w.len() > 5
                && w.ends_with("ing")
                && !["during", "following", "starting", "beginning", "remaining"].contains(&w)
        });
        // "Solid experience building Android apps; we imagine around 5
        // years or more": the item's own line says what the years are of.
        let line_start = lower[..m.start].rfind('\n').map_or(0, |i| i + 1);
        let says_experience = after.contains("experience")
            || before.contains("experience")
            || lower[line_start..m.start].contains("experience")
            || worked_for
            || doing
            || matches!(
                after.split_whitespace().next(),
                Some(
                    "of" | "in"
                        | "with"
                        | "building"
                        | "working"
                        | "developing"
                        | "designing"
                        | "writing"
                        | "professional"
                        | "industry"
                        | "hands-on"
                        | "relevant"
                )
            );
        if !says_experience {
            continue;
        }
        // "Experience Range: 4 to 8 years", "Experience: 5+ years" (as
        // Indian job boards lay out a posting): the overall years, stated
        // as such, whatever else the posting counts.
        let before_line = before.rsplit('\n').next().unwrap_or(before).trim_end();
        if before_line.ends_with(':')
            && before_line.contains("experience")
            && after.trim().trim_matches(['.', ')']).is_empty()
        {
            labelled = Some(said(norm, m.start, n));
            continue;
        }
        // The first word after the filler: a skill starting there makes
        // these the skill's years.
        let mut at = m.end;
        // "experience in SRE": a line of work; "experience with Spark" or
        // "in Python": a tool.
        let mut via_in = false;
        for word in after.split_inclusive(char::is_whitespace) {
            let w = word
                .trim()
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '/');
            if w.is_empty() || YEARS_FILLER.contains(&w) {
                via_in |= w == "in";
                at += word.len();
            } else {
                break;
            }
        }
        let clause_end = text[m.end..sentence.end.max(m.end)]
            .find([';', '('])
            .map_or(sentence.end.max(m.end), |i| m.end + i)
            .min(next_statement.max(m.end));
        // The skills in the clause (hits are sorted by start).
        let from = hits.partition_point(|(_, s)| s.start < at.saturating_sub(1));
        let to = hits
            .partition_point(|(_, s)| s.start < clause_end)
            .max(from);
        let clause = &hits[from..to];
        // "experience in PACS administration, imaging IT support or
        // clinical application support": areas of work, one of them a
        // tool's; the years are the whole job's.
        let areas = via_in && {
            let words = &text[at.min(clause_end)..clause_end];
            words
                .split([',', '/'])
                .flat_map(|item| item.split(" or "))
                .map(str::trim)
                .filter(|item| item.chars().any(char::is_alphabetic))
                .any(|item| {
                    let item_at = item.as_ptr() as usize - words.as_ptr() as usize + at;
                    !clause
                        .iter()
                        .any(|(_, sp)| sp.start >= item_at && sp.start < item_at + item.len())
                })
        };
        match clause.first() {
            Some((skill, span))
                if span.start <= at + 1
                    && !areas
                    && !is_discipline(&skills[*skill], &text[span.start..span.end])
                    && (!via_in || is_tool(&skills[*skill])) =>
            {
                for (s, span) in clause {
                    if !is_discipline(&skills[*s], &text[span.start..span.end]) {
                        per_skill.push((*s, n));
                    }
                }
                let written = text[span.start..span.end]
                    .to_lowercase()
                    .replace(['-', '_'], " ");
                if subject.is_some_and(|own| own == written) {
                    overall.push((part, said(norm, m.start, n)));
                } else if part == Part::Required {
                    of_a_skill.push(said(norm, m.start, n));
                }
            }
            first => {
                // "5+ years of experience in data engineering or backend
                // engineering": the lines of work say what the years are
                // of; they are not asked for apart.
                if let Some((skill, span)) = first
                    && span.start <= at + 1
                {
                    lines_of_work.extend(
                        clause
                            .iter()
                            .filter(|(s, sp)| is_discipline(&skills[*s], &text[sp.start..sp.end]))
                            .map(|(s, _)| *s),
                    );
                    lines_of_work.push(*skill);
                }
                // "A Bachelor's degree …, OR four years of experience": the
                // years stand in for the degree; they are the overall ask
                // only if nothing else is.
                let mut lead = before.trim_end();
                for filler in [
                    "a minimum of",
                    "minimum of",
                    "minimum",
                    "at least",
                    "a total of",
                ] {
                    lead = lead.strip_suffix(filler).unwrap_or(lead).trim_end();
                }
                let for_degree = (["degree", "bachelor", "diploma"]
                    .iter()
                    .any(|w| before.contains(w))
                    && (lead.ends_with(" or") || lead.ends_with(",or")))
                    || ["in lieu of", "instead of a degree", "without a degree"]
                        .iter()
                        .any(|w| before.contains(w));
                if for_degree {
                    instead_of_degree.get_or_insert((part, said(norm, m.start, n)));
                } else {
                    overall.push((part, said(norm, m.start, n)))
                }
            }
        }
    }
    overall.extend(instead_of_degree);
    // "At least five years of hands-on CATIA V5 experience" as the one
    // statement of years a posting makes: the years it asks for overall.
    // Two such statements ("2 years of Kubernetes… 3 years of Terraform")
    // leave the overall years unsaid.
    let pick = labelled.or_else(|| {
        overall
            .iter()
            .find(|(p, _)| *p == Part::Required)
            .or_else(|| overall.first())
            .map(|(_, s)| s.clone())
            .or_else(|| (of_a_skill.len() == 1).then(|| of_a_skill.remove(0)))
    });
    Years {
        overall: pick,
        per_skill,
        lines_of_work,
    }
}

/// The years a posting asks.
struct Years {
    /// Minimum overall years.
    overall: Option<Said<u32>>,
    /// (skill, years) for "3+ years of Terraform".
    per_skill: Vec<(usize, u32)>,
    /// Skills named as what overall years are of ("experience in data
    /// engineering").
    lines_of_work: Vec<usize>,
}

/// Sentences about who uses or backs the company, or whom it sells to,
/// serves or houses: the names in them are customers, partners, investors
/// and tenants.
const CUSTOMER_WORDS: &[&str] = &[
    "customers include",
    "clients include",
    "partners include",
    "investors include",
    "trusted by",
    "used by",
    "customers such as",
    "clients such as",
    "customers like",
    "clients like",
    "brands like",
    "brands such as",
    "companies like",
    "companies such as",
    "teams at",
    "our customers are",
    "our clients are",
    "partner for",
    "partner to",
    "partner of",
    "partners with",
    "partnered with",
    "partnership with",
    "a former",
    "formerly at",
    "previously at",
    "founded by",
    "founded the company",
    "co-founded",
    "acquired by",
    "tenants",
    "sell into",
    "sells into",
    "selling into",
    "sell to",
    "sells to",
    "has served",
    "have served",
];

/// Sentences about the equipment and training a new hire gets: the
/// software named in them comes installed or is taught, it is not asked
/// for ("a company tablet with Excel preinstalled", "your laptop comes
/// with Adobe Acrobat Reader", "ICH-GCP training is provided").
const EQUIPMENT_WORDS: &[&str] = &[
    "preinstalled",
    "pre-installed",
    "already installed",
    "welcome kit",
    "comes with",
    "company phone",
    "company laptop",
    "company tablet",
    "receive a laptop",
    "receives a laptop",
    "your laptop",
    "already set up",
    "set up for you",
    "is provided",
    "are provided",
    "will be provided",
    "we provide",
    "we'll provide",
    "we will provide",
    "new hires get",
    "new hires receive",
    "new starter gets",
    "new starters get",
    "new joiners get",
    "new joiners receive",
];

/// Sentences about how to apply: the formats and tools they name are
/// how to send the application ("share your portfolio as a OneDrive
/// link", "shortlisted candidates present in PowerPoint or Keynote").
const APPLYING_WORDS: &[&str] = &[
    "shortlisted",
    "short-listed",
    "when applying",
    "when you apply",
    "please submit",
    "please send",
    "please share",
    "please upload",
    "please attach",
    "send your cv",
    "send your resume",
    "with your application",
    "cover letter",
];

/// Customers', equipment and applying sentences, found in one pass per
/// sentence: the skills they name are no asks.
static NOT_AN_ASK_CUE: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::new(&[CUSTOMER_WORDS, EQUIPMENT_WORDS, APPLYING_WORDS].concat()));

static NOT_REQUIRED: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&[
        "not required",
        "not necessary",
        "not needed",
        "not a requirement",
        "optional",
        "no degree",
        "not mandatory",
        "not essential",
        "not compulsory",
        "don't expect",
        "do not expect",
        // "Education may be substituted for specialized experience":
        // a route to qualify, as US federal postings write it.
        "substitut*",
    ])
});

/// Words that call a degree welcome: beside "not required" it is still
/// asked, as a plus.
static A_PLUS: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(&[
        "welcome",
        "valued",
        "a plus",
        "nice to have",
        "nice-to-have",
        "desirable",
        "an advantage",
        "advantageous",
        "a bonus",
        "beneficial",
        "preferred",
        "appreciated",
    ])
});

/// The degree the posting asks: the lowest level named among the
/// requirements, else among the preferred qualifications.
fn find_degree(
    norm: &Normalized,
    parts: &[(Span, Part)],
    mentions: &[degree::Mention],
) -> Option<Said<DegreeAsk>> {
    let mut best: Option<(bool, Said<DegreeAsk>)> = None;
    // "Engineers without a degree who can show equivalent experience are
    // welcome": the degree named elsewhere stands, as with "or equivalent
    // experience", and no lower level is asked.
    // "A Bachelor's degree and 8 years…; OR 11 years without a degree":
    // the same, on one line.
    let equivalent = |m: &degree::Mention| {
        let sentence = sentence_at(parts, m.span.start);
        let (line_start, line_end) = norm.line_bounds(m.span.start);
        m.level == DegreeLevel::None
            && (norm.lower[sentence.start..sentence.end.max(m.span.end)].contains("equivalent")
                || mentions.iter().any(|o| {
                    o.level != DegreeLevel::None
                        && o.span.start >= line_start
                        && o.span.end <= line_end
                }))
    };
    let named = mentions
        .iter()
        .any(|m| m.level != DegreeLevel::None && !equivalent(m));
    let experience_instead = named && mentions.iter().any(equivalent);
    for m in mentions {
        if named && equivalent(m) {
            continue;
        }
        let required = part_at(parts, m.span.start) != Part::Preferred;
        // "A degree is not required": no degree is asked. "A degree … is
        // welcome but not essential" still names the degree the posting
        // would like: it is asked, as a plus.
        let sentence = sentence_at(parts, m.span.start);
        let words = &norm.text[sentence.start..sentence.end.max(m.span.end)];
        let not_required = NOT_REQUIRED.is_match(words);
        let said_optional = not_required && !A_PLUS.is_match(words);
        let required = required && !not_required;
        let ask = DegreeAsk {
            level: if said_optional {
                DegreeLevel::None
            } else {
                m.level
            },
            field: m.field.clone(),
            required,
        };
        let better = match &best {
            None => true,
            Some((r, b)) => (required && !r) || (required == *r && m.level < b.value.level),
        };
        if better {
            best = Some((required, said(norm, m.span.start, ask)));
        }
    }
    best.map(|(_, mut s)| {
        s.value.required &= !experience_instead;
        s
    })
}

static CERTIFICATION: LazyLock<Regex> = LazyLock::new(|| {
    crate::rules::fixed(
        r"\b(CISSP|CISM|CISA|CEH|OSCP|OSWE|OSEP|OSCE3?|CCSP|CCSK|GIAC(?: [A-Z][A-Za-z]+)*(?: \([A-Z]{3,5}\))?|GPEN|GCIH|GSEC|GCFA|GREM|GWAPT|CompTIA (?:Security|Network|A|Linux|CySA|PenTest|Cloud|Server)\+|Security\+|Network\+|CySA\+|PenTest\+|CKA|CKAD|CKS|PMP|CSM|CSPO|PSM(?: I{1,3})?|SAFe(?: Agilist)?|ITIL(?: v?[34](?: Foundation)?| Foundation| certifi(?:ed|cation))|CCNA|CCNP|CCIE|RHCE|RHCSA|ISTQB(?: (?:Foundation|Advanced|Agile|Test)(?: [A-Z][a-z]+)*)?|AWS Certified(?: [A-Z][A-Za-z]*)+(?: [-–] (?:Associate|Professional|Specialty))?|Microsoft Certified:(?: [A-Z][A-Za-z]*)+|Azure (?:Administrator|Developer|Solutions Architect|Security Engineer|Data Engineer|AI Engineer) (?:Associate|Expert)|(?:Google )?(?:Cloud )?(?:Certified )?Professional (?:Cloud|Data|Machine Learning|Security)(?: [A-Z][a-z]+)*|Certified Kubernetes (?:Administrator|Application Developer|Security Specialist)|Certified (?:Information|Ethical|Cloud|Scrum)(?: [A-Z][a-z]+)+|Salesforce Certified(?: [A-Z][A-Za-z]*)+|(?:HashiCorp Certified:? )?Terraform Associate|Six Sigma(?: (?:Green|Black) Belt)?|CASP\+|JNCI[ASP](?:-[A-Z][A-Za-z]+)?|PCNSE|CRISC|CSSLP|CIPP(?:/(?:E|US|C|A))?|CIPM|CIPT|CFA(?: Level I{1,3})?|Chartered Financial Analyst|FRM|Certified Public Accountant|CPA(?: licen[cs]e| certification| designation| qualification)|CPA(?: or |/| / )(?:CA|ACCA|CFA|CMA)\b|ACCA|RHIA|RHIT|Certified (?:Professional Coder|Coding Specialist)|FCAS|(?:Fellow|Associate) of the (?:Society of Actuaries|Casualty Actuarial Society|Institute and Faculty of Actuaries)|Series (?:7|63|65|66)\b|(?:licensed )?Professional Engineer(?: \(PE\))?|GISP|CAPM|PMI-ACP|CBAP)",
    )
});

/// Every certification named, with its span. The trigger words are the
/// certifications' own first words ("Security+", not "+"; "Professional
/// Cloud", not "Professional "), so the pattern is compiled only for a
/// posting that may name one: "5+ years" and "professional experience"
/// are in most postings.
fn certification_spans(text: &str) -> Vec<(Span, String)> {
    static WORDS: LazyLock<crate::rules::Triggers> = LazyLock::new(|| {
        crate::rules::Triggers::new(
            &[
                "CISSP",
                "CISM",
                "CISA",
                "CEH",
                "OSC",
                "OSW",
                "OSE",
                "CCSP",
                "CCSK",
                "GIAC",
                "GPEN",
                "GCIH",
                "GSEC",
                "GCFA",
                "GREM",
                "GWAPT",
                "CompTIA",
                "Security+",
                "Network+",
                "CySA+",
                "PenTest+",
                "CKA",
                "CKS",
                "PMP",
                "CSM",
                "CSPO",
                "PSM",
                "SAFe",
                "ITIL",
                "CCNA",
                "CCNP",
                "CCIE",
                "RHCE",
                "RHCSA",
                "ISTQB",
                "Certified",
                "Azure Administrator",
                "Azure Developer",
                "Azure Solutions Architect",
                "Azure Security Engineer",
                "Azure Data Engineer",
                "Azure AI Engineer",
                "Professional Cloud",
                "Professional Data",
                "Professional Machine Learning",
                "Professional Security",
                "Terraform Associate",
                "Six Sigma",
                "CASP+",
                "JNCI",
                "PCNSE",
                "CRISC",
                "CSSLP",
                "CIPP",
                "CIPM",
                "CIPT",
                "CFA",
                "Chartered Financial",
                "FRM",
                "CPA",
                "ACCA",
                "RHIA",
                "RHIT",
                "FCAS",
                "Fellow of the",
                "Associate of the",
                "Series",
                "Professional Engineer",
                "GISP",
                "CAPM",
                "PMI-ACP",
                "CBAP",
            ],
            false,
        )
    });
    crate::rules::windows_with(text, &WORDS, 30, 90)
        .into_iter()
        .flat_map(|(at, line)| {
            CERTIFICATION
                .find_iter(line)
                .map(|m| {
                    (
                        Span::new(at + m.start(), at + m.end()),
                        m.as_str().trim().to_string(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The certifications named, each once: a name written again, or its
/// abbreviation in parentheses right after it ("Certified Kubernetes
/// Administrator (CKA)"), is the same certification.
fn find_certifications(norm: &Normalized, spans: &[(Span, String)]) -> Vec<Said<String>> {
    let mut out: Vec<Said<String>> = Vec::new();
    let mut previous_end = None;
    for (span, name) in spans {
        let abbreviation = previous_end.is_some_and(|end: usize| {
            norm.text
                .get(end..span.start)
                .is_some_and(|between| between.trim() == "(")
                && norm.text[span.end..].starts_with(')')
        });
        previous_end = Some(span.end);
        if !abbreviation && !out.iter().any(|c| c.value.eq_ignore_ascii_case(name)) {
            out.push(said(norm, span.start, name.clone()));
        }
    }
    out
}

/// Lists of skills a sentence asks as alternatives: names side by side
/// joined by "or", "and/or" or a slash ("Java, Ruby, or Go", "Python/Go"),
/// each list in one part. A list joined only by commas or "and" asks for
/// all of them.
fn find_alternatives(
    text: &str,
    parts: &[(Span, Part)],
    hits: &[(usize, Span)],
    asked: &[AskedSkill],
    skills: &[Skill],
) -> Vec<Vec<String>> {
    let mut sorted: Vec<(usize, Span)> = hits
        .iter()
        .copied()
        .filter(|(s, _)| !skills[*s].is_soft())
        .collect();
    sorted.sort_by_key(|(_, span)| span.start);
    let mut lists: Vec<Vec<usize>> = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let mut has_or = false;
    let mut close = |run: &mut Vec<usize>, has_or: &mut bool| {
        run.dedup();
        if *has_or && run.len() >= 2 {
            lists.push(std::mem::take(run));
        }
        run.clear();
        *has_or = false;
    };
    for (k, &(skill, span)) in sorted.iter().enumerate() {
        if let Some(&(prev, prev_span)) = k.checked_sub(1).and_then(|p| sorted.get(p))
            && prev_span.end <= span.start
        {
            let gap = text[prev_span.end..span.start].trim().to_lowercase();
            let same_sentence =
                sentence_at(parts, prev_span.start) == sentence_at(parts, span.start);
            let joined = same_sentence
                && matches!(
                    gap.as_str(),
                    "," | "or" | ", or" | "/" | "and/or" | ", and/or" | "or even" | ", or even"
                );
            if joined && prev != skill {
                if run.is_empty() {
                    run.push(prev);
                }
                run.push(skill);
                has_or |= gap.contains("or") || gap == "/";
                continue;
            }
        }
        close(&mut run, &mut has_or);
    }
    close(&mut run, &mut has_or);
    let mut used = std::collections::HashSet::new();
    lists
        .into_iter()
        .filter(|list| {
            let part = asked[list[0]].part;
            list.iter().all(|&s| asked[s].part == part) && list.iter().all(|s| used.insert(*s))
        })
        .map(|list| list.into_iter().map(|s| asked[s].term.clone()).collect())
        .collect()
}

/// Read a posting.
pub fn parse(text: &str) -> Parsed {
    let norm = normalize(text);
    // The skills and what stands around them are read apart, so the two
    // halves run side by side: a run with `--jd` waits on this before it
    // can score the resume.
    let (around, found) = std::thread::scope(|s| {
        // If the system will not start a thread, read both here.
        let reading = std::thread::Builder::new().spawn_scoped(s, || read_around_skills(&norm));
        let found = taxonomy::find(&norm);
        let around = match reading {
            Ok(thread) => thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => read_around_skills(&norm),
        };
        (around, found)
    });
    assemble(&norm, around, found)
}

/// Where a list of fields of study that starts before `from` ends:
/// "in Data Science, Machine Learning, or Computer Engineering" names
/// three fields, none of them an ask. An item continues the list when it
/// is a short name in Title case; "and 3+ years of Java" or "with strong
/// Go" ends it.
fn more_fields(text: &str, from: usize) -> usize {
    let mut end = from;
    loop {
        let rest = &text[end..];
        let Some(sep) = [", or ", ", and ", ", ", " or ", " and ", " / ", "/"]
            .iter()
            .find(|sep| rest.starts_with(**sep))
        else {
            return end;
        };
        let item_from = end + sep.len();
        // The item is a run of capitalized words ("Computer Engineering",
        // "Science and Technology"); what follows must end it, so "Go
        // experience" is no field.
        let mut len = 0;
        let mut named = 0;
        let mut ended = true;
        // A list of fields ends with its line: the next bullet's words in
        // Title case ("Hands-on HPLC") are no field.
        let line_end = text[item_from..]
            .find('\n')
            .map_or(text.len(), |i| item_from + i);
        for word in text[item_from..line_end].split_inclusive(' ') {
            let w = word.trim_end().trim_end_matches([',', '.', ';', ')', '/']);
            if w.starts_with(char::is_uppercase) || (named > 0 && matches!(w, "of" | "&")) {
                named += 1;
                len += w.len();
                if w.len() < word.trim_end().len() || named > 4 {
                    break;
                }
                len += word.len() - w.len();
            } else {
                ended = w.is_empty()
                    || matches!(
                        w,
                        "or" | "and"
                            | "with"
                            | "plus"
                            | "related"
                            | "preferred"
                            | "required"
                            | "degree"
                            | "is"
                            | "are"
                            | "a"
                            | "an"
                            | "preferably"
                            | "ideally"
                    );
                break;
            }
        }
        if named == 0 || !ended {
            return end;
        }
        let item = &text[item_from..item_from + len];
        end = item_from + item.trim_end().len();
    }
}

/// What a posting says besides its skills, read while they are found.
struct Around {
    parts: Vec<(Span, Part)>,
    /// Where a skill is no ask: certifications, fields of study, sentences
    /// about customers.
    not_asks: Vec<Span>,
    title: Option<(Said<String>, Span)>,
    posting: Posting,
}

fn read_around_skills(norm: &Normalized) -> Around {
    let parts = sentence_parts(norm);
    let named = certification_spans(&norm.text);
    let certifications = find_certifications(norm, &named);
    // Not asks: certifications ("AWS Certified Solutions Architect"),
    // fields of study ("MS in Data Science"), and sentences about the
    // company's customers and partners ("Our customers include Stripe").
    let mut cert_spans: Vec<Span> = named.iter().map(|(s, _)| *s).collect();
    let degrees = degree::mentions(&norm.text);
    for m in &degrees {
        // "BFA or MFA in Graphic Design": the degree's own letters are no
        // skill (multi-factor authentication) either.
        cert_spans.push(m.span);
        if let Some(field) = &m.field
            && let Some(i) = norm.text[m.span.end..].find(field.as_str())
        {
            let start = m.span.end + i;
            let end = more_fields(&norm.text, start + field.len());
            cert_spans.push(Span::new(start, end));
        }
    }
    // Clause by clause: "SAS programming for Phase II trials; ICH-GCP
    // training is provided" asks for SAS and hands out the training, and
    // "Editors grade in DaVinci Resolve, and shortlisted applicants…" asks
    // for DaVinci Resolve. A comma before "and" that closes a list ("a
    // tablet, a headset, and an Office 365 account") ends no clause.
    for (span, _) in &parts {
        let sentence = &norm.text[span.start..span.end];
        let mut cuts: Vec<usize> = Vec::new();
        for (i, c) in sentence.char_indices() {
            let from = cuts.last().copied().unwrap_or(0);
            let joins = c == ','
                && [" and ", " but "]
                    .iter()
                    .any(|j| sentence[i + 1..].starts_with(j))
                && !sentence[from..i].contains(',');
            if c == ';' || joins {
                cuts.push(i + 1);
            }
        }
        cuts.push(sentence.len());
        let mut start = 0;
        for end in cuts {
            let clause = &sentence[start..end];
            if NOT_AN_ASK_CUE.is_match(clause) && !ASK_CUE.is_match(clause) {
                cert_spans.push(Span::new(span.start + start, span.start + end));
            }
            start = end;
        }
    }
    let title = find_title(norm);
    let company = find_company(norm, title.as_ref().map(|(t, _)| t));
    let posting = Posting {
        company,
        location: find_location(norm),
        workplace: find_workplace(norm),
        degree: find_degree(norm, &parts, &degrees),
        certifications,
        ..Posting::default()
    };
    Around {
        parts,
        not_asks: cert_spans,
        title,
        posting,
    }
}

/// The line of work a title names, as a skill would name it: "Senior
/// Site Reliability Engineer" is site reliability engineering (and SRE),
/// "Data Scientist II" data science. A posting names its own field in
/// passing ("As an SRE you will…", "5 years in data engineering"); that is
/// the job, not a skill it asks for. Only the whole title counts, so
/// "Machine Learning Engineer" leaves machine learning an ask.
fn fields_of_title(title: &str) -> Vec<String> {
    let Some((rest, fields)) = title_subject(title) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for field in fields {
        let mut name = rest.to_vec();
        name.push((*field).to_string());
        if name.len() > 2 {
            out.push(name.iter().filter_map(|w| w.chars().next()).collect());
        }
        out.push(name.join(" "));
    }
    out
}

/// The words of a title before its role noun, lower-cased and without
/// seniority ("Senior QA Automation Engineer (SSr)": "qa", "automation"),
/// with the names of the role noun's line of work ("engineering").
fn title_subject(title: &str) -> Option<(Vec<String>, &'static [&'static str])> {
    const SENIORITY: &[&str] = &[
        "senior",
        "sr",
        "staff",
        "principal",
        "lead",
        "junior",
        "jr",
        "associate",
        "intern",
        "i",
        "ii",
        "iii",
        "iv",
        "v",
        "head",
        "chief",
        "new",
        "grad",
        "graduate",
        "entry",
        "level",
        "entry-level",
        "mid-level",
        "mid",
        "distinguished",
    ];
    const FIELDS: &[(&str, &[&str])] = &[
        ("engineer", &["engineering"]),
        ("developer", &["development"]),
        ("scientist", &["science"]),
        ("analyst", &["analysis", "analytics"]),
        ("architect", &["architecture"]),
        ("administrator", &["administration"]),
        ("designer", &["design"]),
        ("tester", &["testing"]),
        ("coordinator", &["coordination"]),
        ("consultant", &["consulting"]),
        ("specialist", &[]),
        ("technician", &[]),
    ];
    // "Senior Android Engineer - GoPay Merchant": the team after a dash.
    let head = title.split([',', '(', '|', '/']).next().unwrap_or("");
    let head = TITLE_DASHES
        .iter()
        .fold(head, |h, dash| h.split(dash).next().unwrap_or(h));
    let words: Vec<String> = head
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && !SENIORITY.contains(&w.as_str()))
        .collect();
    let (last, rest) = words.split_last()?;
    let (_, fields) = FIELDS
        .iter()
        .find(|(role, _)| last.trim_end_matches('s') == *role)?;
    Some((rest.to_vec(), fields))
}

/// Whether a skill read from the posting is the role's own field.
fn names_field(field: &str, wording: &str, skill: &Skill) -> bool {
    let key = |s: &str| s.to_lowercase().replace(['-', '_'], " ");
    [wording, skill.term.as_str()]
        .iter()
        .any(|w| key(w).split_whitespace().collect::<Vec<_>>().join(" ") == field)
}

/// Weighs the skills found against the rest of the posting: which are
/// asks, in which part, with how many years, and which are alternatives.
fn assemble(norm: &Normalized, around: Around, mut found: Vec<(Skill, Vec<Hit>)>) -> Parsed {
    let Around {
        parts,
        not_asks: cert_spans,
        title,
        mut posting,
    } = around;
    let title_span = title.as_ref().map(|(_, s)| *s);
    let role_fields = title
        .as_ref()
        .map(|(t, _)| fields_of_title(&t.value))
        .unwrap_or_default();
    let subject = title
        .as_ref()
        .and_then(|(t, _)| title_subject(&t.value))
        .map(|(words, _)| words.join(" "))
        .filter(|w| !w.is_empty());
    // "Spring" inside "Spring Boot", "TCP" inside "TCP/IP": the longer
    // name is the ask.
    // By start, so each hit is compared only with those that can hold it
    // (starting at most the longest span before it): a pairwise check was
    // quadratic on a long posting.
    let mut all: Vec<(usize, Span)> = found
        .iter()
        .enumerate()
        .flat_map(|(i, (_, hits))| hits.iter().map(move |h| (i, h.span)))
        .collect();
    all.sort_by_key(|(_, s)| s.start);
    let longest = all.iter().map(|(_, s)| s.end - s.start).max().unwrap_or(0);
    for (i, (_, hits)) in found.iter_mut().enumerate() {
        hits.retain(|h| {
            let from = all.partition_point(|(_, g)| g.start + longest < h.span.start);
            let to = all.partition_point(|(_, g)| g.start <= h.span.start);
            !all[from..to].iter().any(|(j, g)| {
                *j != i
                    && g.start <= h.span.start
                    && h.span.end <= g.end
                    && g.end - g.start > h.span.end - h.span.start
            })
        });
    }
    let mut skills = Vec::new();
    let mut hits: Vec<(usize, Span)> = Vec::new();
    let mut asked = Vec::new();
    for (skill, skill_hits) in found {
        // A skill named only inside a certification ("AWS Certified
        // Solutions Architect") is the certification's, not an ask.
        let kept: Vec<&Hit> = skill_hits
            .iter()
            .filter(|h| {
                !cert_spans
                    .iter()
                    .any(|c| c.start <= h.span.start && h.span.end <= c.end)
            })
            .filter(|h| !title_span.is_some_and(|t| t.start <= h.span.start && h.span.end <= t.end))
            .filter(|h| {
                let (start, end) = norm.line_bounds(h.span.start);
                !bare_heading(&norm.text[start..end])
            })
            .collect();
        if kept.is_empty() {
            continue;
        }
        // The posting's own wording, the most frequent form (the first on
        // a tie), is the phrase its ATS will search.
        let mut forms: Vec<(String, usize, usize)> = Vec::new();
        for h in &kept {
            let form = norm.text[h.span.start..h.span.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            match forms.iter_mut().find(|(f, _, _)| *f == form) {
                Some(f) => f.1 += 1,
                None => forms.push((form, 1, h.span.start)),
            }
        }
        forms.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        let part = kept
            .iter()
            .map(|h| part_at(&parts, h.span.start))
            .min()
            .unwrap_or(Part::Mentioned);
        let first = kept
            .iter()
            .find(|h| part_at(&parts, h.span.start) == part)
            .map_or(0, |h| h.span.start);
        let evidence = said(norm, first, ());
        let wording = forms
            .first()
            .map(|f| f.0.clone())
            .unwrap_or_else(|| skill.term.clone());
        // The company's own name ("Shopify", "GitLab") and job titles
        // ("Data Engineer") are not skills it asks for.
        let is_company = posting
            .company
            .as_ref()
            .is_some_and(|c| c.value.eq_ignore_ascii_case(&wording));
        let last_word = wording.rsplit(' ').next().unwrap_or("").to_lowercase();
        // A product named for a role keeps its name as the taxonomy writes
        // it, capitalized ("Altium Designer", "AWS Secrets Manager"); a line
        // of work's alias that is a title is written in lower case ("data
        // engineer").
        let product = std::iter::once(&skill.term)
            .chain(&skill.aliases)
            .chain(&skill.aliases_case_sensitive)
            .any(|n| n.eq_ignore_ascii_case(&wording) && n.starts_with(char::is_uppercase));
        let is_title = !product
            && wording.contains(' ')
            && matches!(
                last_word.trim_end_matches('s'),
                "engineer"
                    | "developer"
                    | "scientist"
                    | "analyst"
                    | "architect"
                    | "designer"
                    | "administrator"
                    | "manager"
            );
        if is_company || is_title || role_fields.iter().any(|f| names_field(f, &wording, &skill)) {
            continue;
        }
        // Two taxonomy skills read from the same words are one ask.
        if let Some(j) = asked
            .iter()
            .position(|a: &AskedSkill| a.term.eq_ignore_ascii_case(&wording))
        {
            asked[j].part = asked[j].part.min(part);
            hits.extend(kept.iter().map(|h| (j, h.span)));
            continue;
        }
        hits.extend(kept.iter().map(|h| (skills.len(), h.span)));
        asked.push(AskedSkill {
            term: wording,
            category: skill.category.clone(),
            part,
            mentions: kept.len(),
            years: None,
            line: evidence.line,
            text: evidence.text,
        });
        skills.push(skill);
    }
    // Names the taxonomy lacks, listed beside the skills it knows.
    let known: Vec<Span> = all.iter().map(|(_, s)| *s).collect();
    let anchors: Vec<Span> = hits
        .iter()
        .filter(|(i, _)| !skills[*i].is_soft())
        .map(|(_, s)| *s)
        .collect();
    // Standards named by their codes ("IEC 61000-4-2"), asked or not.
    let codes = super::listed::standards(&norm.text);
    for (sentence, part) in parts.iter().filter(|(_, p)| *p != Part::Mentioned) {
        let inside_sentence = |a: &Span| sentence.start <= a.start && a.end <= sentence.end;
        let here: Vec<Span> = anchors
            .iter()
            .filter(|a| inside_sentence(a))
            .copied()
            .collect();
        let mut names = if here.is_empty() {
            Vec::new()
        } else {
            super::listed::beside_known(&norm.text, *sentence, &here, &known)
        };
        let overlaps = |c: &Span, others: &[Span]| others.iter().any(|k| k.overlaps(c));
        let coded: Vec<Span> = codes
            .iter()
            .filter(|c| inside_sentence(c) && !overlaps(c, &known) && !overlaps(c, &names))
            .copied()
            .collect();
        names.extend(coded);
        for name in names {
            let wording = norm.text[name.start..name.end].to_string();
            let inside = |c: &Span| c.start <= name.start && name.end <= c.end;
            // A name the taxonomy knows was left unread here on purpose
            // (a place, an ordinary word); a certification's or the
            // company's own name is no ask.
            if cert_spans.iter().any(inside)
                || title_span.as_ref().is_some_and(inside)
                || taxonomy::knows(&wording)
                || posting
                    .company
                    .as_ref()
                    .is_some_and(|c| c.value.to_lowercase().contains(&wording.to_lowercase()))
            {
                continue;
            }
            match asked
                .iter()
                .position(|a: &AskedSkill| a.term.eq_ignore_ascii_case(&wording))
            {
                Some(j) => {
                    asked[j].part = asked[j].part.min(*part);
                    asked[j].mentions += 1;
                    hits.push((j, name));
                }
                None => {
                    let evidence = said(norm, name.start, ());
                    hits.push((skills.len(), name));
                    skills.push(Skill::listed(&wording));
                    asked.push(AskedSkill {
                        term: wording,
                        category: "listed".to_string(),
                        part: *part,
                        mentions: 1,
                        years: None,
                        line: evidence.line,
                        text: evidence.text,
                    });
                }
            }
        }
    }
    hits.sort_by_key(|(_, s)| s.start);
    let Years {
        overall: years,
        per_skill,
        lines_of_work,
    } = find_years(norm, &parts, &hits, &skills, subject.as_deref());
    for (s, n) in per_skill {
        let y = &mut asked[s].years;
        *y = Some(y.map_or(n, |old| old.max(n)));
    }
    posting.alternatives = find_alternatives(&norm.text, &parts, &hits, &asked, &skills);
    posting.title = title.map(|(t, _)| t);
    posting.years = years;
    // Technical skills first, by part; the soft ones apart.
    // A line of work named only as what the years are of is no ask.
    let mut order: Vec<usize> = (0..asked.len())
        .filter(|i| !(lines_of_work.contains(i) && asked[*i].mentions == 1))
        .collect();
    order.sort_by_key(|&i| (skills[i].is_soft(), asked[i].part, asked[i].line));
    let mut ordered = Vec::new();
    let mut taken: Vec<Option<AskedSkill>> = asked.into_iter().map(Some).collect();
    for i in order {
        if let Some(a) = taken[i].take() {
            if skills[i].is_soft() {
                posting.soft_skills.push(a);
            } else {
                posting.skills.push(a);
            }
            ordered.push(skills[i].clone());
        }
    }
    Parsed {
        posting,
        skills: ordered,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        for re in [
            &CLAUSE_CUE,
            &CLAUSE_BACK,
            &TITLE_LABEL,
            &HIRING_SENTENCE,
            &COMPANY_LABEL,
            &COMPANY_SENTENCE,
            &LOCATION_LABEL,
            &PLACE,
            &WORKPLACE,
            &YEARS,
            &CERTIFICATION,
        ] {
            LazyLock::force(re);
        }
        LazyLock::force(&PREFERRED_CUE);
        LazyLock::force(&PREFERRED_HEADING_CUE);
        LazyLock::force(&REQUIRED_HEADING);
        LazyLock::force(&ROLE_NOUN);
        LazyLock::force(&OTHER_HEADING);
        LazyLock::force(&ASK_CUE);
        LazyLock::force(&NOT_REQUIRED);
        LazyLock::force(&NOT_AN_ASK_CUE);
    }

    /// Certifications of finance, privacy and networking are read as
    /// certifications; "ITIL processes" and a marketing team's "CPA" are
    /// no certification.
    #[test]
    fn certifications_of_other_fields() {
        let names = |text: &str| -> Vec<String> {
            certification_spans(text)
                .into_iter()
                .map(|(_, n)| n)
                .collect()
        };
        assert_eq!(
            names("CFA Level II or FRM; CIPP/E a plus; Series 7 required; JNCIP-SP"),
            ["CFA Level II", "FRM", "CIPP/E", "Series 7", "JNCIP-SP"]
        );
        assert_eq!(names("A CPA license, or CPA/CA"), ["CPA license", "CPA/CA"]);
        assert!(names("An understanding of ITIL incident processes").is_empty());
        assert!(names("Our marketing team tracks CPA and ROAS").is_empty());
        assert_eq!(
            names("ITIL 4 Foundation certification"),
            ["ITIL 4 Foundation"]
        );
    }

    #[test]
    fn a_sentence_about_the_candidate_is_an_ask_after_a_list_mark() {
        assert!(describes_candidate("4. You understand Kotlin Flow"));
        assert!(describes_candidate("b) You have shipped Go services"));
        assert!(describes_candidate("• You write Rust"));
        assert!(!describes_candidate(
            "2. You will join the on-call rotation"
        ));
        assert!(!describes_candidate("We use Go"));
    }

    #[test]
    fn a_list_of_fields_of_study_ends_where_asks_begin() {
        let text = "in Data Science, Machine Learning, or Computer Engineering.";
        let from = "in Data Science".len();
        assert_eq!(&text[..more_fields(text, from)], &text[..text.len() - 1]);
        let text = "in Computer Science and 3+ years of Java";
        assert_eq!(
            more_fields(text, "in Computer Science".len()),
            "in Computer Science".len()
        );
        let text = "in Physics, Go experience a plus";
        assert_eq!(more_fields(text, "in Physics".len()), "in Physics".len());
        let text = "in Statistics or Quality Assurance\n- Hands-on HPLC work";
        assert_eq!(
            &text[..more_fields(text, "in Statistics".len())],
            "in Statistics or Quality Assurance"
        );
        let text = "in Statistics/Economics with SQL";
        assert_eq!(
            &text[..more_fields(text, "in Statistics".len())],
            "in Statistics/Economics"
        );
    }

    #[test]
    fn a_title_names_its_own_field() {
        assert_eq!(
            fields_of_title("Senior Site Reliability Engineer, Production"),
            ["sre", "site reliability engineering"]
        );
        assert_eq!(fields_of_title("Data Engineer (L5)"), ["data engineering"]);
        assert_eq!(
            fields_of_title("Data Analyst II"),
            ["data analysis", "data analytics"]
        );
        assert!(fields_of_title("Backend Developer").contains(&"backend development".to_string()));
        // The whole title only: machine learning stays an ask.
        assert_eq!(
            fields_of_title("Machine Learning Engineer"),
            ["mle", "machine learning engineering"]
        );
        assert!(fields_of_title("Head of Data").is_empty());
    }

    #[test]
    fn products_named_for_a_role_are_skills() {
        let p = parse(
            "PCB Designer\n\nRequirements\n- PCB layout in Altium Designer\n\
             - Secrets kept in AWS Secrets Manager\n- Work beside our data engineers\n",
        )
        .posting;
        let terms: Vec<&str> = p.skills.iter().map(|s| s.term.as_str()).collect();
        assert!(terms.contains(&"Altium Designer"), "{terms:?}");
        assert!(terms.contains(&"AWS Secrets Manager"), "{terms:?}");
        assert!(
            !terms
                .iter()
                .any(|t| t.to_lowercase().starts_with("data engineer")),
            "{terms:?}"
        );
    }

    #[test]
    fn title_fields_in_other_languages_and_an_ideal_candidate() {
        let p = parse(
            "NAV\n\nStillingstittel: Senior Frontend Developer\nSted: Oslo\n\n\
             Our ideal candidate will have\n- Experience with Siemens Questa or ModelSim\n",
        )
        .posting;
        assert_eq!(
            p.title.map(|t| t.value).as_deref(),
            Some("Senior Frontend Developer")
        );
        assert!(
            p.skills.iter().all(|s| s.part == Part::Required),
            "{:?}",
            p.skills
        );
    }

    #[test]
    fn standards_by_code_and_degrees_as_europe_writes_them() {
        let p = parse(
            "Reliability Engineer\n\nRequirements\n\
             - You apply IEC 60068-2 for environmental testing and IEC 61000-4-2 for ESD.\n\
             - Bachelor in Electrical Engineering or similar.\n\
             - Extend phishing-resistant MFA (FIDO2 keys) to all staff.\n\n\
             About us\nOur plant is ISO 14001 certified since 2019.\n",
        )
        .posting;
        let asked: Vec<(&str, Part)> = p.skills.iter().map(|s| (s.term.as_str(), s.part)).collect();
        assert!(
            asked.contains(&("IEC 60068-2", Part::Required)),
            "{asked:?}"
        );
        assert!(
            asked.contains(&("IEC 61000-4-2", Part::Required)),
            "{asked:?}"
        );
        assert!(
            asked
                .iter()
                .all(|(t, part)| !t.contains("14001") || *part == Part::Mentioned),
            "{asked:?}"
        );
        let degree = p.degree.map(|d| d.value);
        assert_eq!(
            degree.as_ref().map(|d| d.level),
            Some(DegreeLevel::Bachelor)
        );
        // "valued but not essential": the degree is asked, as a plus.
        let p = parse(
            "Security Engineer\n\nRequirements\n- Okta and Entra ID\n\
             - Tertiary qualifications in computer science are valued but not essential.\n",
        )
        .posting;
        let degree = p.degree.map(|d| d.value).unwrap();
        assert_eq!(
            (degree.level, degree.required),
            (DegreeLevel::Bachelor, false)
        );
        // "not required" alone: no degree is asked.
        let p = parse(
            "Security Engineer\n\nRequirements\n- Okta and Entra ID\n\
             - A degree is not required.\n",
        )
        .posting;
        assert_eq!(p.degree.map(|d| d.value.level), Some(DegreeLevel::None));
    }

    #[test]
    fn how_to_apply_is_no_ask() {
        let p = parse(
            "Video Editor\n\nRequirements\n\
             - Editors cut and grade in DaVinci Resolve, and shortlisted applicants present in Keynote.\n\
             - Please share your reel as a OneDrive or Dropbox link.\n\
             - Our catering has served Atlassian, HubSpot, and Twilio.\n",
        )
        .posting;
        let terms: Vec<&str> = p.skills.iter().map(|s| s.term.as_str()).collect();
        assert!(terms.contains(&"DaVinci Resolve"), "{terms:?}");
        for not_asked in ["Keynote", "OneDrive", "Dropbox"] {
            assert!(!terms.contains(&not_asked), "{terms:?}");
        }
    }

    #[test]
    fn a_menu_on_one_line_is_no_title() {
        let p = parse(
            "JetBrains    Developer Tools   Team Tools   Education   Store\n\
             Careers › Jobs › Machine Learning\n\n\
             Machine Learning Engineer (Code Completion)\n\nRequirements\n- Python\n",
        )
        .posting;
        assert_eq!(
            p.title.map(|t| t.value).as_deref(),
            Some("Machine Learning Engineer (Code Completion)")
        );
        // A student's post is a role; a menu's "Students & graduates" is not.
        let p = parse(
            "Acme Careers\nJobs   Students & Graduates   Professionals   FAQ\n\n\
             Technical Student - Accelerator Controls\n\nRequirements\n- Python\n",
        )
        .posting;
        assert_eq!(
            p.title.map(|t| t.value).as_deref(),
            Some("Technical Student - Accelerator Controls")
        );
    }

    #[test]
    fn a_title_field_cut_short_of_the_headline_above_it() {
        let p = parse(
            "Yara International\n\nSenior Machine Learning Engineer – Crop Nutrition\n\n\
             Position:  Senior Machine Learning Engineer\nLocation: Oslo, Norway\n\n\
             Requirements\n- Python\n",
        )
        .posting;
        assert_eq!(
            p.title.map(|t| t.value).as_deref(),
            Some("Senior Machine Learning Engineer - Crop Nutrition")
        );
        // A field that names another role keeps its own words.
        let p = parse(
            "Acme\n\nData Engineer – Wind Operations\n\nJob title: Data Analyst\n\n\
             Requirements\n- Python\n",
        )
        .posting;
        assert_eq!(p.title.map(|t| t.value).as_deref(), Some("Data Analyst"));
    }

    #[test]
    fn titles_without_what_job_boards_add() {
        assert_eq!(
            clean_title("Senior Cloud Security Engineer (f/m/d)"),
            "Senior Cloud Security Engineer"
        );
        assert_eq!(
            clean_title("JOIN TARGET AS A DATA ENGINEER"),
            "DATA ENGINEER"
        );
        assert_eq!(clean_title("Backend Engineer - Remote"), "Backend Engineer");
        assert_eq!(clean_title("Backend Engineer - NY"), "Backend Engineer");
        assert_eq!(clean_title("Data Analyst - Austin TX"), "Data Analyst");
        // A team's name that ends in two letters is no region's code, nor
        // is a word ending in accented letters.
        assert_eq!(
            clean_title("Senior iOS Engineer - Trendyol Go"),
            "Senior iOS Engineer - Trendyol Go"
        );
        assert_eq!(
            clean_title("Senior Backend Developer - Mercado Envíos"),
            "Senior Backend Developer - Mercado Envíos"
        );
        assert_eq!(clean_title("Data Engineer - AI"), "Data Engineer - AI");
        assert_eq!(
            clean_title("Software Engineer, Backend"),
            "Software Engineer, Backend"
        );
    }

    #[test]
    fn a_posting_read_whole() {
        let p = parse(
            "Job Title: Data Engineer\nLocation: Austin, TX (Hybrid)\nCompany: Acme Corp\n\n\
             Requirements\n- 3-5 years of experience in data engineering\n\
             - Python or Scala, and SQL\n- BS/MS in Computer Science\n\
             - AWS Certified Data Engineer a plus\n",
        )
        .posting;
        assert_eq!(p.title.unwrap().value, "Data Engineer");
        assert_eq!(p.company.unwrap().value, "Acme Corp");
        assert_eq!(p.workplace.unwrap().value, Workplace::Hybrid);
        assert_eq!(p.years.unwrap().value, 3);
        assert_eq!(p.degree.unwrap().value.level, DegreeLevel::Bachelor);
        assert_eq!(p.alternatives, [["Python", "Scala"]]);
        assert_eq!(p.certifications.len(), 1);
    }

    /// Found by the fourth set's first run (`fixtures/jd/fourth-first-run.txt`):
    /// a "You'll need to have" list is required, "between 3 and 5 years" is
    /// 3, and a degree the posting does not expect is none.
    #[test]
    fn need_to_have_lists_year_ranges_in_words_and_unexpected_degrees() {
        let p = parse(
            "Software Engineer\n\nYou'll need to have:\n- Experience with Java or Python\n\n\
             We'd love to see:\n- Kafka\n",
        )
        .posting;
        let java = p.skills.iter().find(|s| s.term == "Java").unwrap();
        assert_eq!(java.part, Part::Required);
        let p =
            parse("Requirements\n- Between 3 and 5 years of professional experience\n- Selenium\n")
                .posting;
        assert_eq!(p.years.unwrap().value, 3);
        let p = parse(
            "Requirements\n- Go and Kafka\n\nWe don't expect a computer science degree or an MBA.\n",
        )
        .posting;
        assert_eq!(p.degree.unwrap().value.level, DegreeLevel::None);
    }

    /// Found by the schema review: each skill keeps its own years, and a
    /// certification's abbreviation after it is the same certification.
    #[test]
    fn years_per_skill_and_abbreviated_certifications() {
        let p = parse(
            "Backend Engineer\n\nRequirements\n- 3+ years of Python and 2+ years of Go\n\
             - Certified Kubernetes Administrator (CKA) required\n",
        )
        .posting;
        let years = |term: &str| {
            p.skills
                .iter()
                .find(|s| s.term == term)
                .and_then(|s| s.years)
        };
        assert_eq!((years("Python"), years("Go")), (Some(3), Some(2)));
        let certs: Vec<&str> = p.certifications.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(certs, ["Certified Kubernetes Administrator"]);
    }

    /// Found by the fourth set's first run: the team's own stack is no
    /// ask, "a real advantage" softens, years of the title's own subject
    /// are years overall, and the page's headline beats an HR title.
    #[test]
    fn team_stack_advantages_title_subject_and_headline() {
        let p = parse(
            "Data Engineer\n\nRequirements\n- Experience with a cloud warehouse; we use Snowflake and dbt.\n\
             - Python and SQL\n- Familiarity with BigQuery would be a real advantage.\n",
        )
        .posting;
        let part = |term: &str| p.skills.iter().find(|s| s.term == term).map(|s| s.part);
        assert_eq!(part("Snowflake"), Some(Part::Mentioned));
        assert_eq!(part("Python"), Some(Part::Required));
        assert_eq!(part("BigQuery"), Some(Part::Preferred));
        let p = parse(
            "QA Automation Engineer (SSr)\n\nMust:\n\
             - Between 3 and 5 years of experience in QA automation.\n- Selenium and Java\n",
        )
        .posting;
        assert_eq!(p.years.unwrap().value, 3);
        let p = parse(
            "Front End Web Developer - Student Life\nJob Detail\n\
             Job Title: Application Programmer/Analyst Intermediate\n\nRequired\n- React\n",
        )
        .posting;
        assert_eq!(
            p.title.unwrap().value,
            "Front End Web Developer - Student Life"
        );
        let p =
            parse("Job Title: Software Engineer III - Java Backend\nRequired\n- Java\n").posting;
        assert_eq!(
            p.title.unwrap().value,
            "Software Engineer III - Java Backend"
        );
    }

    /// Found by the fifth set's first run: a careers site's breadcrumbs
    /// and page title are no job title, "worked as … for three years" is
    /// experience, and engineers "without a degree" welcomed beside a named
    /// degree leave that degree asked, not required.
    #[test]
    fn breadcrumbs_page_titles_worked_for_and_equivalent_experience() {
        let p = parse(
            "Acme careers  ›  Search jobs  ›  Data Engineer\n\nData Engineer - Wind Operations\n\n\
             Requirements\n- have worked as a data engineer for three years or more\n- Python\n",
        )
        .posting;
        assert_eq!(p.title.unwrap().value, "Data Engineer - Wind Operations");
        assert_eq!(p.years.unwrap().value, 3);
        let p = parse(
            "Acme Careers\n\nSearch Results | Salesforce Developer\n\nRequirements\n- Apex\n",
        )
        .posting;
        assert_eq!(p.title.unwrap().value, "Salesforce Developer");
        let p = parse(
            "Summer 2027 - Software Engineering Intern - 90518802 - Washington\n\n\
             Requirements\n- Java\n",
        )
        .posting;
        assert_eq!(
            p.title.unwrap().value,
            "Summer 2027 - Software Engineering Intern"
        );
        let p = parse("SDET\n\nWhat we need from you\n\n1. Solid Python\n2. Jenkins\n").posting;
        let python = p.skills.iter().find(|s| s.term == "Python").unwrap();
        assert_eq!(python.part, Part::Required);
        let p = parse(
            "Backend Engineer\n\nRequirements\n- A BSc or MSc in Computer Science. Engineers without a \
             degree who can show equivalent experience are welcome.\n- Java\n",
        )
        .posting;
        let degree = p.degree.unwrap().value;
        assert_eq!(
            (degree.level, degree.required),
            (DegreeLevel::Bachelor, false)
        );
    }

    /// A heading that opens a description ("Description & Requirements")
    /// leaves its prose about the company unasked; the asks after it are
    /// still asks. Names of tenants and of whom the company sells to are
    /// customers, not skills.
    #[test]
    fn description_headings_and_tenants() {
        let p = parse(
            "Platform Engineer\n\nDescription & Requirements\n\nOur analysts live in the Acme \
             Console and our trading tools, built on PostgreSQL.\n\nYou'll need to have:\n- Python\n",
        )
        .posting;
        let postgres = p.skills.iter().find(|s| s.term == "PostgreSQL").unwrap();
        assert_eq!(postgres.part, Part::Mentioned);
        let python = p.skills.iter().find(|s| s.term == "Python").unwrap();
        assert_eq!(python.part, Part::Required);
        let p = parse("Leasing Agent\n\nOur tenants include Databricks and Twilio.\n").posting;
        assert!(p.skills.is_empty(), "{:?}", p.skills);
        // Software that comes with the equipment is no ask; asked, it is.
        let p = parse(
            "Site Lead\n\nEvery site lead gets a company laptop with Tableau preinstalled.\n",
        )
        .posting;
        assert!(p.skills.is_empty(), "{:?}", p.skills);
        let p =
            parse("Analyst\n\nExperience with Tableau is required; your laptop comes with it.\n")
                .posting;
        assert_eq!(p.skills.len(), 1, "{:?}", p.skills);
    }

    /// A sentence may end in a name in capitals ("… Git and CI/CD.
    /// Experience with Terraform is a plus"), so the next one's "a plus" stays
    /// its own; "we would expect you to have" asks; years of school are no
    /// years of work.
    #[test]
    fn sentences_ending_in_capitals_expectations_and_school_years() {
        let p = parse(
            "Data Engineer\n\nYou should have shipped code with Git and CI/CD. Experience with \
             Terraform is a plus. We would expect you to have worked with FreeRTOS.\n",
        )
        .posting;
        let part = |term: &str| p.skills.iter().find(|s| s.term == term).unwrap().part;
        assert_eq!(part("CI/CD"), Part::Required);
        assert_eq!(part("Terraform"), Part::Preferred);
        assert_eq!(part("FreeRTOS"), Part::Required);
        let p = parse(
            "Software Engineering Intern\n\nRequirements\n- Completed two years of undergraduate \
             study in computer science\n- Java\n",
        )
        .posting;
        assert!(p.years.is_none(), "{:?}", p.years);
        let p = parse("Nurse Informaticist\n\nRequirements\n- B.S. Nursing. U.S. Citizens only.\n")
            .posting;
        assert!(p.skills.is_empty(), "{:?}", p.skills);
    }

    /// Found by the eighth set's first run: headings in other words than
    /// the lists have. None of these lines is a heading in a title.
    #[test]
    fn headings_in_other_words() {
        for line in [
            "Nice if you also have",
            "It counts in your favour if you have",
            "You'd impress us with",
            "Handy, but not essential",
            "Added advantage:",
            "Where You'd Surprise Us",
            "Would strengthen your application",
            "Additionally valued",
            "What would make us smile:",
            "Suma puntos / Extra points",
            "Icing on the cake:",
            "Things That Would Help You Hit the Ground Running",
        ] {
            assert_eq!(heading(line), Some(Part::Preferred), "{line}");
        }
        for line in [
            "You should have",
            "You'll thrive here if you",
            "What we're counting on",
            "The foundation we need",
            "You'll Bring",
            "You'll definitely need",
        ] {
            assert_eq!(heading(line), Some(Part::Required), "{line}");
        }
        for line in [
            "How we build",
            "The tools around you",
            "Company profile",
            "Show less",
            "Good To Know",
            "Tools on your bench",
            "Apply for this Job",
        ] {
            assert_eq!(heading(line), Some(Part::Mentioned), "{line}");
        }
        for line in [
            "Senior iOS Engineer - Careem Pay",
            "Software Engineer, Full Stack",
            "QA Automation Engineer - Test Tools",
            "3. You have shipped production UI with Jetpack Compose",
        ] {
            assert_eq!(heading(line), None, "{line}");
        }
    }

    /// The team at work after a short opening is no ask; a sentence that
    /// asks, or speaks to the candidate, is not the team's.
    #[test]
    fn the_team_at_work_is_no_ask() {
        assert!(describes_team(
            "Inside the team we plan in Jira, write in Confluence, and keep every rule in GitHub."
        ));
        assert!(describes_team(
            "For context: we train on our own GPU cluster scheduled with Slurm."
        ));
        assert!(!describes_team("We need someone who knows Kafka."));
        assert!(!describes_team(
            "Together we build with Go, and you will learn Rust."
        ));
    }

    /// Years written as the eighth set wrote them; a title's team after a
    /// dash leaves its subject ("Android"), so its years are overall.
    #[test]
    fn years_in_areas_of_work_and_years_instead_of_a_degree() {
        let p = parse(
            "Imaging Analyst\n\nQualifications\n\
             - Minimum two (2) years of experience in PACS administration, imaging IT support or clinical application support.\n\
             - Bachelor's degree in information technology, OR four (4) years of experience in a related field.\n",
        )
        .posting;
        assert_eq!(p.years.map(|y| y.value), Some(2));
        // Alone, the years that stand in for a degree are still the ask.
        let p = parse(
            "Analyst\n\nQualifications\n- A bachelor's degree or four years of experience in IT support.\n",
        )
        .posting;
        assert_eq!(p.years.map(|y| y.value), Some(4));
        let p = parse(
            "Engineer\n\nQualifications\n- Bachelor's degree in Electrical Engineering or Computer Science \
             and a minimum of 4 years of prior relevant experience. In lieu of a degree, a minimum of 8 years \
             of prior related experience.\n",
        )
        .posting;
        assert_eq!(p.years.map(|y| y.value), Some(4));
    }

    #[test]
    fn years_in_other_words() {
        let years = |text: &str| parse(text).posting.years.map(|y| y.value);
        assert_eq!(
            years(
                "Data Engineer\n\nWho you are\n\
                 - You've been building data pipelines for three-plus years\n"
            ),
            Some(3)
        );
        assert_eq!(
            years(
                "Business Systems Analyst\n\nRequirements\n\
                 - Four or more years supporting an ERP system\n"
            ),
            Some(4)
        );
        assert_eq!(
            years("BIM Coordinator\n\nYou'll need\n- Three years or more working in a BIM role\n"),
            Some(3)
        );
        assert_eq!(
            years(
                "ML Engineer\n\nAbout you\n\
                 - A few years (think 3 or more) of writing production code in Python\n"
            ),
            Some(3)
        );
        assert_eq!(
            years(
                "Senior Android Engineer - GoPay Merchant\n\nRequirements\n\
                 - 4+ years of professional Android development\n"
            ),
            Some(4)
        );
        assert_eq!(
            years(
                "Data Engineer\n\nRequirements\n- Python\n\nAbout us\n\
                 We were founded ten years ago, growing for 5 years.\n"
            ),
            None
        );
    }

    /// "Position: Permanent, full-time" is the contract, not the title;
    /// "Jobs / Technology / SRE II" is the site's navigation; "Bluetooth LE
    /// Audio" after the dash is the team, not a state; a requisition
    /// number glued on is no part of the title; an intake is.
    #[test]
    fn titles_past_contracts_navigation_and_two_capitals() {
        let title = |text: &str| parse(text).posting.title.unwrap().value;
        assert_eq!(
            title(
                "Nordic\nCareers > Jobs > Firmware Engineer\n\
                 Firmware Engineer – Bluetooth LE Audio\nPosition: Permanent, full-time\n"
            ),
            "Firmware Engineer - Bluetooth LE Audio"
        );
        assert_eq!(
            title(
                "Grab\nJobs / Technology / Site Reliability Engineer II\n\n\
                 Site Reliability Engineer II\n"
            ),
            "Site Reliability Engineer II"
        );
        assert_eq!(title("BIM Coordinator\nSkanska UK\n"), "BIM Coordinator");
        assert_eq!(
            title("Engineer, Identity & Access Management (Privileged Access)-2700451\n"),
            "Engineer, Identity & Access Management (Privileged Access)"
        );
        assert_eq!(
            title("Backend Engineer - Remote, US\n\nRequirements\n- Go\n"),
            "Backend Engineer"
        );
        assert_eq!(
            title(
                "Telstra Careers   Search jobs   Graduates & Interns   Sign in\n\n\
                 2027 Telstra Graduate Program - Cyber Security\n"
            ),
            "2027 Telstra Graduate Program - Cyber Security"
        );
        assert_eq!(
            title("Careem\nView website\n\nSenior iOS Engineer - Careem Pay\n"),
            "Senior iOS Engineer - Careem Pay"
        );
        assert_eq!(
            title("Skip to main content\n\nGeographer\nDepartment of the Interior\n"),
            "Geographer"
        );
        // A programme's intake is part of its title; a board's date is not.
        assert_eq!(
            title(
                "Graduate Trainee - IT Support (January 2027 Intake)
Nairobi, Kenya
"
            ),
            "Graduate Trainee - IT Support (January 2027 Intake)"
        );
        assert_eq!(
            title(
                "Graduate Software Engineer - September 2027 Intake
"
            ),
            "Graduate Software Engineer - September 2027 Intake"
        );
        assert_eq!(
            title(
                "Data Engineer - Posted 2026-11-30
"
            ),
            "Data Engineer"
        );
    }

    /// "Portable C" and "modern C" name the language; "Grade C" does not.
    #[test]
    fn portable_c_is_the_language() {
        let terms = |text: &str| -> Vec<String> {
            parse(text)
                .posting
                .skills
                .into_iter()
                .map(|s| s.term)
                .collect()
        };
        assert!(
            terms("Firmware Engineer\n\nRequirements\n- You write clean, portable C\n")
                .contains(&"C".to_string())
        );
        assert!(
            !terms("Technician\n\nRequirements\n- A Grade C in maths\n").contains(&"C".to_string())
        );
    }

    /// A degree that may stand in for experience, as US federal postings
    /// offer it, is no degree asked.
    #[test]
    fn years_without_a_degree_on_the_degree_line_make_it_optional() {
        let degree = parse(
            "Staff SRE\n\nBasic Qualifications\n• A Bachelor's degree and at least 8 years of \
             relevant work experience; or a PhD and at least 3 years; OR at least 11 years of \
             relevant work experience without a degree\n",
        )
        .posting
        .degree
        .unwrap()
        .value;
        assert_eq!(degree.level, DegreeLevel::Bachelor);
        assert!(!degree.required);
    }

    #[test]
    fn a_degree_that_substitutes_for_experience_is_not_asked() {
        let p = parse(
            "IT Specialist\n\nRequirements\n- One year of specialized experience with Windows\n\n\
             Education\nEducation may be substituted for specialized experience: a Ph.D. or \
             equivalent doctoral degree in a related field.\n",
        )
        .posting;
        assert_eq!(p.degree.map(|d| d.value.level), Some(DegreeLevel::None));
    }

    /// Each term's part as the posting is read.
    fn assert_parts(text: &str, expected: &[(&str, Part)]) {
        let p = parse(text).posting;
        for (term, part) in expected {
            let found = p.skills.iter().find(|s| s.term == *term);
            assert_eq!(found.map(|s| s.part), Some(*part), "{term}");
        }
    }

    /// Found by the fifteenth set's first run.
    #[test]
    fn a_modeller_and_an_aside_that_comes_back_with_including() {
        let p = parse(
            "SEEK    Job search   Profile   Sign in\n\nIntermediate Hydraulic Modeller – \
             Stormwater & Flood\nStantec New Zealand\n\nRequirements\n- Hands-on \
             experience with a SIEM, ideally Microsoft Sentinel, including writing your own \
             queries in KQL\n",
        )
        .posting;
        assert_eq!(
            p.title.map(|t| t.value).as_deref(),
            Some("Intermediate Hydraulic Modeller - Stormwater & Flood")
        );
        let part = |t: &str| p.skills.iter().find(|s| s.term == t).map(|s| s.part);
        assert_eq!(part("Microsoft Sentinel"), Some(Part::Preferred));
        assert_eq!(part("KQL"), Some(Part::Required));
    }

    /// Found by the fourteenth set's first run.
    #[test]
    fn headings_that_run_long_trail_off_or_are_a_form() {
        assert_parts(
            "ML Engineer\n\nAbout you\n\n- Solid hands-on PyTorch\n\nThings that would make \
             us very happy, though none is required:\n\n- You have contributed to vLLM\n\n\
             You're a great fit if...\n\n- You run Kubernetes\n\nIt's a bonus if...\n\n- \
             You've worked with Storybook\n",
            &[
                ("PyTorch", Part::Required),
                ("vLLM", Part::Preferred),
                ("Kubernetes", Part::Required),
                ("Storybook", Part::Preferred),
            ],
        );
        let p = parse(
            "iOS Engineer\n\nYour profile\n\n- Swift and SwiftUI\n\nFirst Name *\nEmail *\n\
             LinkedIn Profile\nGitHub or portfolio URL\n\nSupplemental Questions\n01. Which \
             operating systems have you supported? (Windows 11, macOS, ChromeOS)\n",
        )
        .posting;
        let part = |t: &str| p.skills.iter().find(|s| s.term == t).map(|s| s.part);
        assert_eq!(part("SwiftUI"), Some(Part::Required));
        assert_eq!(part("GitHub"), Some(Part::Mentioned));
        assert_eq!(part("macOS"), Some(Part::Mentioned));
        // The heading is structure; the form's "LinkedIn Profile" a box.
        assert!(
            !p.skills
                .iter()
                .any(|s| s.term.eq_ignore_ascii_case("profile") && s.part != Part::Mentioned)
        );
    }

    #[test]
    fn a_heading_after_a_square_mark() {
        assert_parts(
            "SRE\n\n■ Required skills\n\n- Experience with Kubernetes.\n\n■ Preferred skills \
             and experience\n\n- Experience with Istio.\n\n■ Tools we use\n\nDatadog for \
             metrics.\n\n• Terraform\n\n• Python\n",
            &[
                ("Kubernetes", Part::Required),
                ("Istio", Part::Preferred),
                ("Datadog", Part::Mentioned),
            ],
        );
    }

    #[test]
    fn unknown_headings_are_read_by_their_items() {
        assert_parts(
            "Backend Engineer\nAcme Payments\n\nWhat your week looks like\n- Design the ledger \
             API with Kafka\n- Build services in Python\n\nThe toolkit you'd come in with\n- 4+ \
             years of Python\n- Strong PostgreSQL\n- Experience with Terraform\n\nWhere you'd \
             shine even more\n- Experience with Kubernetes\n- Knowledge of Redis\n",
            &[
                ("Kafka", Part::Mentioned),
                ("Python", Part::Required),
                ("PostgreSQL", Part::Required),
                ("Terraform", Part::Required),
                ("Kubernetes", Part::Preferred),
                ("Redis", Part::Preferred),
            ],
        );
    }

    #[test]
    fn a_heading_under_a_heading_and_a_noun_heading_go_on_with_its_part() {
        assert_parts(
            "Data Engineer\n\nYour experience and skills\n\nWe imagine that you:\n- have three \
             years of Python\n- know Databricks well\n\nPipelines\n- Experience with dbt\n- \
             Knowledge of Apache Airflow\n\nA normal week\n- Own the Kafka ingestion\n- \
             Maintain Redshift models\n",
            &[
                ("Python", Part::Required),
                ("Databricks", Part::Required),
                ("dbt", Part::Required),
                ("Apache Airflow", Part::Required),
                ("Kafka", Part::Mentioned),
                ("Redshift", Part::Mentioned),
            ],
        );
    }

    /// "Meritorious", as Nordic postings head their extras, opens the
    /// preferred part after prose; an aside after "preferably" ends where
    /// the sentence goes back to the ask; a clause handing out training
    /// names no ask, and the clause before it still does.
    #[test]
    fn meritorious_extras_and_training_provided() {
        assert_parts(
            "CAD Engineer\n\nWhat you'll bring\n- Five years of CATIA V5\n\nDo you fit the \
             profile? You like to understand why a model is slow before you fix it, and you \
             enjoy teaching others.\n\nMeritorious\n- Experience with Siemens NX\n",
            &[("CATIA", Part::Required), ("Siemens NX", Part::Preferred)],
        );
        assert_parts(
            "CAD Engineer\n\nRequirements\n- Five years of CATIA V5, preferably in the \
             automotive industry or with Siemens NX, with strong skills in Part Design\n",
            &[
                ("Siemens NX", Part::Preferred),
                ("Part Design", Part::Required),
            ],
        );
        let p = parse(
            "Statistical Programmer\n\nRequirements\n- SAS programming for Phase II trials; \
             ICH-GCP training is provided during onboarding.\n",
        )
        .posting;
        let terms: Vec<&str> = p.skills.iter().map(|s| s.term.as_str()).collect();
        assert!(terms.contains(&"SAS"), "{terms:?}");
        assert_parts(
            "Bioinformatician\n\nRequirements\n- Comfortable on Linux and on an HPC cluster \
             (we use Slurm) or in the cloud\n",
            &[("Linux", Part::Required), ("Slurm", Part::Mentioned)],
        );
        assert!(!terms.contains(&"Good Clinical Practice"), "{terms:?}");
    }

    /// Found by the seventh set's first run: "Useful extras" opens the
    /// preferred part; "Our data platform runs on AWS" describes the
    /// company's stack even inside the requirements.
    #[test]
    fn useful_extras_and_our_stack() {
        assert_parts(
            "Data Scientist\n\nWhat you'll bring\n- Python and SQL\n- Our platform runs on AWS \
             and our teams use Snowflake daily.\n\nUseful extras\n- Databricks\n",
            &[
                ("Python", Part::Required),
                ("AWS", Part::Mentioned),
                ("Snowflake", Part::Mentioned),
                ("Databricks", Part::Preferred),
            ],
        );
    }

    /// "NLP, Regulatory Documents" after a title's dash is the team's
    /// specialty, kept; "Austin, TX" and "London, United Kingdom" are
    /// places, cut.
    #[test]
    fn a_specialty_after_the_dash_is_no_place() {
        let title = |text: &str| parse(text).posting.title.unwrap().value;
        assert_eq!(
            title(
                "Machine Learning Engineer - NLP, Regulatory Documents\n\nRequirements\n- Python\n"
            ),
            "Machine Learning Engineer - NLP, Regulatory Documents"
        );
        assert_eq!(
            title("Backend Engineer - Austin, TX\n\nRequirements\n- Go\n"),
            "Backend Engineer"
        );
        assert_eq!(
            title("Data Engineer - London, United Kingdom\n\nRequirements\n- SQL\n"),
            "Data Engineer"
        );
    }
}
