//! Whether a technology name that is also an ordinary word is used as the
//! technology where it was found.
//!
//! "Go", "Swift", "Ruby", "Spring", "Express", "Kafka" and "R" are skills
//! and also words and names: "a Go-getter", "Swift turnaround", "Ruby
//! Martinez (reference)", "Spring 2021", "Express Delivery Co.", "Kafka on
//! the Shore", "S. Annen, R.". A resume earns such a skill only where the
//! text around it is technical, as a reader would judge it:
//!
//! - **A list of skills**: an item of a line that lists other technical
//!   items ("Go, Python, SQL", "Helm | Argo CD"), or follows a skills
//!   label ("Languages: Go"), or sits in the Skills section.
//! - **Technical words nearby**: in the same sentence, within
//!   [`WINDOW`] words, a technical word that is not itself ambiguous: a
//!   taxonomy skill such as Kubernetes or PostgreSQL, another profile term,
//!   or a word such as "service", "API", "framework" or "programming".
//! - **Not a name**: a word glued to a capitalized word that is neither
//!   technical nor the start of the sentence ("Ruby Chen", "Taylor Swift",
//!   "Spring Semester") is a name, whatever is nearby.
//!
//! One-letter names ("R", "C") need more: a list, a language word right
//! next to them ("R packages", "embedded C", "C and C++"), or a preposition
//! before them in a technical sentence ("models in R with Stan").
//!
//! Which names need context is data: `taxonomy/ordinary-words.txt`, plus
//! every case-sensitive one-word term in Title case and every one-letter
//! term; a profile term can say `needs_context` either way.

use super::tokens::Token;
use crate::model::Span;

mod words {
    include!(concat!(env!("OUT_DIR"), "/ordinary_words.rs"));
}

/// How far, in words, technical evidence may sit from the name.
pub const WINDOW: usize = 10;

/// Whether a one-word form needs context: it is in the ordinary-word list,
/// or it is case-sensitive and written in Title case ("Combine") or is one
/// letter ("R").
pub fn ordinary_form(text: &str, case_sensitive: bool) -> bool {
    if text.contains(char::is_whitespace) || text.is_empty() {
        return false;
    }
    if is_ordinary(text) || text.chars().count() == 1 {
        return true;
    }
    let mut chars = text.chars();
    let first = chars.next().is_some_and(char::is_uppercase);
    let rest: Vec<char> = chars.collect();
    case_sensitive && first && rest.iter().all(|c| c.is_alphabetic() && c.is_lowercase())
}

/// The word (any case) is in `taxonomy/ordinary-words.txt`.
pub fn is_ordinary(word: &str) -> bool {
    words::ORDINARY_WORDS
        .binary_search(&word.to_lowercase().as_str())
        .is_ok()
}

/// Whether `found`, as the text writes it, is a product name that is also an
/// English word written all in lower case ("struts", "thrift", "excel"):
/// `taxonomy/lowercase-words.txt` and the ordinary words. Such a word is the
/// English word unless technical words are close ([`Context::supports_lowercase`]).
pub fn lowercase_word(found: &str) -> bool {
    // "the spring boot clearance": a name of English words in lower case
    // whose first word is an ordinary one reads as those words too, unless
    // a later word says what it is ("assembly language").
    if let Some((first, rest)) = found.split_once(' ') {
        return !rest.is_empty()
            && found.chars().all(|c| c.is_lowercase() || c == ' ')
            && words::ORDINARY_WORDS.binary_search(&first).is_ok()
            && rest
                .split(' ')
                .all(|w| CUES.binary_search(&w).is_err() && !LANGUAGE_CUES.contains(&w));
    }
    if found.is_empty() || found.chars().any(|c| !c.is_lowercase()) {
        return false;
    }
    let listed = |w: &str| {
        words::LOWERCASE_WORDS.binary_search(&w).is_ok()
            || words::ORDINARY_WORDS.binary_search(&w).is_ok()
    };
    listed(found) || found.strip_suffix('s').is_some_and(listed)
}

/// How far, in words, technical evidence may sit from a name written in
/// lower case that is also an English word.
pub const LOWERCASE_WINDOW: usize = 3;

/// Words before a lower-case word that make it a verb: "servers who excel",
/// "we react", "you'll spark".
const SUBJECTS: &[&str] = &[
    "can", "could", "i", "ll", "may", "might", "must", "should", "they", "we", "who", "will",
    "would", "you",
];

/// Words that make the text around them technical. Lower case; matched
/// against whole tokens.
const CUES: &[&str] = &[
    "algorithms",
    "api",
    "apis",
    "apk",
    "app",
    "application",
    "applications",
    "apps",
    "assertions",
    "async",
    "await",
    "backend",
    "batch",
    "binaries",
    "binary",
    "broker",
    "brokers",
    "caching",
    "callbacks",
    "chart",
    "charts",
    "cli",
    "cluster",
    "clusters",
    "code",
    "codebase",
    "codebases",
    "coding",
    "compile",
    "compiled",
    "compiler",
    "components",
    "concurrency",
    "configuration",
    "consumer",
    "consumers",
    "container",
    "containers",
    "cpu",
    "crate",
    "crates",
    "dags",
    "dashboards",
    "database",
    "databases",
    "dataframes",
    "deploy",
    "deployed",
    "deployment",
    "deployments",
    "developer",
    "developers",
    "embedded",
    "endpoint",
    "endpoints",
    "engineer",
    "engineers",
    "entities",
    "etl",
    "firmware",
    "flows",
    "framework",
    "frameworks",
    "frontend",
    "gem",
    "gems",
    "goroutines",
    "gpu",
    "hardening",
    "ingestion",
    "instrumentation",
    "jobs",
    "joins",
    "kernel",
    "kernels",
    "language",
    "languages",
    "latency",
    "libraries",
    "library",
    "memory",
    "microservice",
    "microservices",
    "middleware",
    "mocks",
    "modeling",
    "modelling",
    "module",
    "modules",
    "multithreading",
    "nodes",
    "orchestration",
    "package",
    "packages",
    "parser",
    "partition",
    "partitioned",
    "partitioning",
    "partitions",
    "pipeline",
    "pipelines",
    "playbooks",
    "plugin",
    "plugins",
    "producer",
    "proficiency",
    "proficient",
    "profiler",
    "profiling",
    "programming",
    "programs",
    "publishers",
    "queries",
    "query",
    "refactored",
    "regression",
    "rendering",
    "repo",
    "repository",
    "retries",
    "runtime",
    "schema",
    "script",
    "scripting",
    "scripts",
    "sdk",
    "sdks",
    "server",
    "serverless",
    "servers",
    "service",
    "services",
    "shaders",
    "skills",
    "software",
    "spa",
    "stack",
    "statistical",
    "streaming",
    "subscribers",
    "test",
    "tests",
    "threads",
    "throughput",
    "tooling",
    "topic",
    "topics",
    "visualization",
    "warehouse",
    "warehouses",
    "websocket",
    "websockets",
    "workflows",
    "workloads",
];

/// Words right next to a one-letter language name that make it the
/// language ("R packages", "embedded C"). A preposition ("in R") counts
/// only with technical words in the sentence too ("published in R.
/// Journal" has none).
const LANGUAGE_CUES: &[&str] = &[
    "ansi",
    "api",
    "bindings",
    "c++",
    "code",
    "codebase",
    "coding",
    "compiler",
    "cran",
    "developer",
    "developers",
    "dplyr",
    "embedded",
    "extension",
    "extensions",
    "firmware",
    "gcc",
    "ggplot2",
    "language",
    "libraries",
    "library",
    "markdown",
    "matlab",
    "modern",
    "package",
    "packages",
    "portable",
    "posix",
    "programmer",
    "programmers",
    "programming",
    "python",
    "rstudio",
    "sas",
    "scripts",
    "shiny",
    "spss",
    "stata",
    "tidyverse",
];

/// An ask and the words that link it to a technology: "experience
/// with", "knowledge of" ([`Context::asked_for`]).
const ASKS: &[(&str, &str)] = &[
    ("background", "in|with"),
    ("comfortable", "with"),
    ("experience", "with|in|using"),
    ("expertise", "in|with"),
    ("familiar", "with"),
    ("familiarity", "with"),
    ("fluency", "in|with"),
    ("fluent", "in|with"),
    ("knowledge", "of"),
    ("proficiency", "in|with"),
    ("proficient", "in|with"),
    ("skilled", "in|with"),
    ("skills", "in|with"),
    ("understanding", "of"),
];

/// Labels that start a line listing skills ("Languages: Go, Rust").
const LIST_LABELS: &[&str] = &[
    "backend",
    "cloud",
    "core",
    "data",
    "databases",
    "devops",
    "environment",
    "expertise",
    "frameworks",
    "frontend",
    "infrastructure",
    "languages",
    "libraries",
    "mobile",
    "platforms",
    "proficient",
    "programming",
    "skills",
    "stack",
    "technical",
    "technologies",
    "tech",
    "tools",
    "toolbox",
];

/// What the text around a name is made of, built once per resume.
pub struct Context<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// Places of technical words already found (profile terms that need
    /// no context), sorted by start.
    evidence: Vec<Span>,
    /// Spans that are lists of skills whatever their shape (the Skills
    /// section).
    lists: &'a [Span],
    /// The whole text is plainly about technology (at least
    /// [`TECHNICAL_RESUME`] different unambiguous technical words): a name
    /// there needs no technical word beside it, only to pass the checks
    /// for idioms, names and ordinary openings.
    technical_resume: bool,
    /// Per token: 0 not judged yet, 1 not technical, 2 technical.
    judged: Vec<std::cell::Cell<u8>>,
}

/// Different unambiguous technical words that make a whole text technical.
pub const TECHNICAL_RESUME: usize = 12;

impl<'a> Context<'a> {
    pub fn new(
        text: &'a str,
        toks: &'a [Token],
        mut evidence: Vec<Span>,
        lists: &'a [Span],
    ) -> Context<'a> {
        // Disjoint and sorted, so one binary search finds the span that
        // could hold a token.
        evidence.sort_by_key(|s| s.start);
        let mut merged: Vec<Span> = Vec::with_capacity(evidence.len());
        for s in evidence {
            match merged.last_mut() {
                Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
                _ => merged.push(s),
            }
        }
        let evidence = merged;
        let mut ctx = Context {
            text,
            toks,
            evidence,
            lists,
            technical_resume: false,
            judged: vec![std::cell::Cell::new(0); toks.len()],
        };
        let mut seen = std::collections::HashSet::new();
        for i in 0..toks.len() {
            let w = ctx.word(i);
            if ctx.technical_token(i)
                && seen.insert(w.to_lowercase())
                && seen.len() >= TECHNICAL_RESUME
            {
                ctx.technical_resume = true;
                break;
            }
        }
        ctx
    }

    /// The name's first and last tokens, unless it is plainly not the
    /// technology whatever is around it: inside a set phrase ("Rust Belt"),
    /// glued to an ordinary word ("Go-getter") or before a year ("Spring
    /// 2021").
    fn name_tokens(&self, span: Span) -> Option<(usize, usize)> {
        if self.in_set_phrase(span) {
            return None;
        }
        let at = self.token_at(span)?;
        let last = self.token_end(at, span);
        (!self.ordinary_compound(last) && !self.year_after(last)).then_some((at, last))
    }

    /// In the Skills section or an item of a skills line.
    fn listed(&self, span: Span) -> bool {
        self.lists
            .iter()
            .any(|l| l.start <= span.start && span.end <= l.end)
            || self.in_skill_list(span)
    }

    /// Whether the name at `span` is used as the technology.
    pub fn supports(&self, span: Span) -> bool {
        let Some((at, last)) = self.name_tokens(span) else {
            return false;
        };
        let one_letter = span.end - span.start == 1;
        if one_letter && self.initial(at, last) {
            return false;
        }
        if self.in_skill_phrase(at, last) || self.listed(span) {
            return true;
        }
        if self.looks_like_name(at, last) {
            return false;
        }
        if self.version_after(last)
            || (!one_letter && (self.asked_for(at, last) || self.programmed_in(at)))
        {
            return true;
        }
        if self.ordinary_opening(at, last) {
            return false;
        }
        if one_letter {
            return self.language_next_to(at, last)
                || self.programmed_in(at)
                || ((self.preposition_before(at)
                    || self.gap_after(last) == "-"
                    || self.skill_adjective_before(at))
                    && self.technical_near(at, last));
        }
        self.technical_resume || self.technical_near(at, last)
    }

    /// Whether a name written all in lower case that is also an English
    /// word ([`lowercase_word`]) is used as the product: in a list of
    /// skills, a longer skill name ("apache thrift") or before a version, or
    /// with a technical word within [`LOWERCASE_WINDOW`] words, and not as
    /// a verb after its subject ("servers who excel at"). A technical text
    /// around it is not enough: "thrift stores", "parquet flooring" and "a
    /// lisp" sit in sentences about code as easily as anywhere.
    pub fn supports_lowercase(&self, span: Span) -> bool {
        let Some((at, last)) = self.name_tokens(span) else {
            return false;
        };
        if self.in_skill_phrase(at, last) || self.listed(span) || self.version_after(last) {
            return true;
        }
        let verb = at > 0
            && !self.breaks_after(at - 1)
            && SUBJECTS.contains(&self.word(at - 1).to_lowercase().as_str());
        !verb && self.technical_within(at, last, LOWERCASE_WINDOW)
    }

    /// Part of a longer skill name of the taxonomy: "Apache Kafka", "Spring
    /// Boot", "Kafka Streams".
    fn in_skill_phrase(&self, at: usize, last: usize) -> bool {
        let joined = |a: usize, b: usize| {
            (a..b).all(|i| self.gap_after(i) == " ")
                && crate::sections::is_skill_name(&self.text[self.toks[a].start..self.toks[b].end])
        };
        (at > 0 && joined(at - 1, last)) || (last + 1 < self.toks.len() && joined(at, last + 1))
    }

    /// Inside a set phrase of `taxonomy/ordinary-words.txt` ("Rust Belt",
    /// "go-to", "Vitamin C").
    fn in_set_phrase(&self, span: Span) -> bool {
        // The phrases holding each word, once: most names are in none.
        static BY_WORD: std::sync::LazyLock<std::collections::HashMap<String, Vec<&'static str>>> =
            std::sync::LazyLock::new(|| {
                let mut map: std::collections::HashMap<String, Vec<&'static str>> =
                    std::collections::HashMap::new();
                for p in words::SET_PHRASES {
                    for w in p
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                    {
                        map.entry(w.to_string()).or_default().push(p);
                    }
                }
                map
            });
        let word = self.text[span.start..span.end].to_lowercase();
        let Some(phrases) = BY_WORD.get(&word) else {
            return false;
        };
        phrases.iter().any(|p| {
            p.match_indices(word.as_str()).any(|(off, _)| {
                let Some(start) = span.start.checked_sub(off) else {
                    return false;
                };
                let end = start + p.len();
                end <= self.text.len()
                    && self.text.is_char_boundary(start)
                    && self.text.is_char_boundary(end)
                    && self.text[start..end].to_lowercase() == **p
                    && super::on_boundary(self.text, start, end)
            })
        })
    }

    /// Glued by a hyphen to an ordinary word: "Go-getter", "Go-live"; not
    /// "Go-based", "Rust-native" or "Go-tooling".
    fn ordinary_compound(&self, last: usize) -> bool {
        if self.gap_after(last) != "-" || last + 1 >= self.toks.len() {
            return false;
        }
        let next = self.word(last + 1).to_lowercase();
        !HYPHEN_OK.contains(&next.as_str()) && !self.technical_token(last + 1)
    }

    /// Followed by a year: "Spring 2021", "Go 2019 conference".
    fn year_after(&self, last: usize) -> bool {
        last + 1 < self.toks.len() && self.gap_after(last) == " " && {
            let w = self.word(last + 1);
            w.len() == 4
                && (w.starts_with("19") || w.starts_with("20"))
                && w.bytes().all(|b| b.is_ascii_digit())
        }
    }

    /// The object of an ask that ends its item: "Experience with Rust",
    /// "Knowledge of Snowflake and dbt", "Proficiency in Swift, Kotlin".
    /// A lone bullet like that has no other technical word to lean on, yet
    /// nothing but the technology fits there; the name must end the item
    /// or go on into a list, so "Experience with Spring planting schedules"
    /// stays ordinary.
    fn asked_for(&self, at: usize, last: usize) -> bool {
        if at < 2 || self.breaks_after(at - 1) || self.breaks_after(at - 2) {
            return false;
        }
        let ends = last + 1 >= self.toks.len()
            || self.breaks_after(last)
            || self
                .gap_after(last)
                .trim_start()
                .starts_with([',', '/', '('])
            || matches!(self.word(last + 1), "and" | "or");
        if !ends {
            return false;
        }
        let ask = self.word(at - 2).to_lowercase();
        let link = self.word(at - 1).to_lowercase();
        ASKS.iter()
            .any(|&(a, l)| a == ask && l.split('|').any(|l| l == link))
    }

    /// Followed by a version: "Ruby 3.2", "Rails 7", "Swift 5.9".
    fn version_after(&self, last: usize) -> bool {
        if last + 1 >= self.toks.len() || self.gap_after(last) != " " {
            return false;
        }
        let w = self.word(last + 1);
        let digits = w.bytes().all(|b| b.is_ascii_digit());
        digits && (w.len() <= 2 || self.gap_after(last + 1).starts_with('.'))
    }

    /// A one-letter name used as an initial: "R. Patel", "John R. Smith".
    fn initial(&self, at: usize, last: usize) -> bool {
        let gap = self.gap_after(last);
        let capital_next = self
            .toks
            .get(last + 1)
            .is_some_and(|_| self.word(last + 1).starts_with(char::is_uppercase));
        gap.starts_with(". ") && capital_next
            || at > 0
                && self.gap_after(at - 1) == " "
                && gap.starts_with('.')
                && title_case(self.word(at - 1))
            || gap.starts_with(".,")
    }

    /// Opens its sentence before a lower-case word that is not technical,
    /// nor is the word after it: "Swift response to incidents", "Spark of
    /// curiosity", "Combine datasets from Postgres". Used as the technology,
    /// the name opens a sentence about itself: "Go services handling 20k
    /// rps", "Jest snapshot tests".
    fn ordinary_opening(&self, at: usize, last: usize) -> bool {
        if !self.starts_sentence(at) || last + 1 >= self.toks.len() || self.breaks_after(last) {
            return false;
        }
        let next = self.word(last + 1);
        if !next.starts_with(char::is_lowercase) || matches!(next, "and" | "or" | "on") {
            return false;
        }
        let technical = |i: usize| i < self.toks.len() && self.technical_token(i);
        !(technical(last + 1) || (!self.breaks_after(last + 1) && technical(last + 2)))
    }

    /// "in", "with", "using", "to", "of" right before the name.
    /// "You program in C", "code in R", "written in Elixir": a verb of
    /// programming and "in" right before the name.
    fn programmed_in(&self, at: usize) -> bool {
        at >= 2
            && !self.breaks_after(at - 1)
            && !self.breaks_after(at - 2)
            && self.word(at - 1).eq_ignore_ascii_case("in")
            && matches!(
                self.word(at - 2).to_lowercase().as_str(),
                "program"
                    | "programs"
                    | "programming"
                    | "code"
                    | "codes"
                    | "coded"
                    | "coding"
                    | "written"
                    | "write"
                    | "writes"
                    | "writing"
                    | "develop"
                    | "develops"
                    | "developing"
                    // "survey data in R", "analyses in Stata".
                    | "data"
                    | "analysis"
                    | "analyses"
                    | "analyze"
                    | "analyzed"
                    | "analyse"
                    | "analysed"
            )
    }

    fn preposition_before(&self, at: usize) -> bool {
        at > 0
            && !self.breaks_after(at - 1)
            && matches!(
                self.word(at - 1).to_lowercase().as_str(),
                "in" | "with" | "using" | "to" | "of" | "and" | "or"
            )
    }

    /// The token that starts at `span.start`.
    fn token_at(&self, span: Span) -> Option<usize> {
        let i = self.toks.partition_point(|t| t.start < span.start);
        (i < self.toks.len() && self.toks[i].start == span.start).then_some(i)
    }

    /// The last token inside `span`, from its first, `at`.
    fn token_end(&self, at: usize, span: Span) -> usize {
        let mut last = at;
        while last + 1 < self.toks.len() && self.toks[last + 1].end <= span.end {
            last += 1;
        }
        last
    }

    fn word(&self, i: usize) -> &str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }

    /// The text between token `i` and the next.
    fn gap_after(&self, i: usize) -> &str {
        let end = self.toks.get(i + 1).map_or(self.text.len(), |t| t.start);
        &self.text[self.toks[i].end..end]
    }

    /// Whether the gap after token `i` ends a sentence or an item: `.`,
    /// `!`, `?` or `;` (not after "Dr" or an initial), a blank line, a
    /// bar or bullet, or a new line that starts a bullet.
    fn breaks_after(&self, i: usize) -> bool {
        let gap = self.gap_after(i);
        let trimmed = gap.trim_end();
        let w = self.word(i);
        let abbreviation =
            w.chars().count() == 1 || ABBREVIATIONS.contains(&w.to_lowercase().as_str());
        gap.contains("\n\n")
            || trimmed.ends_with(['!', '?', ';'])
            || (trimmed.ends_with('.') && !abbreviation)
            || trimmed.contains(['•', '|'])
            || gap.contains('\n')
                && gap
                    .rsplit('\n')
                    .next()
                    .is_some_and(|l| l.trim_start().starts_with(['-', '*', '•', '–', '·']))
    }

    /// Whether token `i` starts its sentence: after a break, or first on
    /// a line unless the line before ends mid-sentence (a lower-case word:
    /// "raising the\nLighthouse score" is one sentence wrapped).
    fn starts_sentence(&self, i: usize) -> bool {
        if i == 0 || self.breaks_after(i - 1) {
            return true;
        }
        let gap = self.gap_after(i - 1);
        gap.contains('\n')
            && !(gap.trim().is_empty() && self.word(i - 1).starts_with(char::is_lowercase))
    }

    /// Whether token `i` is technical on its own: a cue word (not in Title
    /// case mid-sentence, where it names something: "Apostolic Library"),
    /// a taxonomy skill that is not ambiguous (alone or joined to the next
    /// word: "Socket.IO", "Objective-C"), a lowerCamel identifier
    /// ("flatMap"), or a place already found technical.
    fn technical_token(&self, i: usize) -> bool {
        // Every name looks at up to 2 × WINDOW words around it; each word
        // is judged once (a text of a million names once took 9 s).
        match self.judged[i].get() {
            1 => return false,
            2 => return true,
            _ => {}
        }
        let technical = self.judge_token(i);
        self.judged[i].set(1 + u8::from(technical));
        technical
    }

    fn judge_token(&self, i: usize) -> bool {
        let w = self.word(i);
        let lower = w.to_lowercase();
        if CUES.binary_search(&lower.as_str()).is_ok()
            && (!title_case(w) || self.starts_sentence(i))
        {
            return true;
        }
        // A skill's name, unless it is an English word in lower case:
        // "kudu" and "impala" make no product of each other.
        if !is_ordinary(w)
            && w.chars().count() > 1
            && !lowercase_word(w)
            && crate::sections::is_skill_name(w)
        {
            return true;
        }
        if i + 1 < self.toks.len() && matches!(self.gap_after(i), "." | "-" | "/") {
            let joined = &self.text[self.toks[i].start..self.toks[i + 1].end];
            if !is_ordinary(joined) && crate::sections::is_skill_name(joined) {
                return true;
            }
        }
        let mut chars = w.chars();
        if chars.next().is_some_and(char::is_lowercase) && chars.any(char::is_uppercase) {
            return true;
        }
        let t = self.toks[i];
        let k = self.evidence.partition_point(|s| s.end <= t.start);
        self.evidence
            .get(k)
            .is_some_and(|s| s.start <= t.start && t.end <= s.end)
    }

    /// Technical evidence within [`WINDOW`] words in the same sentence.
    fn technical_near(&self, at: usize, last: usize) -> bool {
        self.technical_within(at, last, WINDOW)
    }

    /// Technical evidence within `window` words in the same sentence.
    fn technical_within(&self, at: usize, last: usize, window: usize) -> bool {
        let mut i = at;
        for _ in 0..window {
            if i == 0 || self.breaks_after(i - 1) {
                break;
            }
            i -= 1;
            if self.technical_token(i) {
                return true;
            }
        }
        let mut j = last;
        for _ in 0..window {
            if j + 1 >= self.toks.len() || self.breaks_after(j) {
                break;
            }
            j += 1;
            if self.technical_token(j) {
                return true;
            }
        }
        false
    }

    /// A word that rates a skill right before the name: "Strong C, and
    /// modern C++". With technical words near, as for a preposition
    /// ("strong C grades" in a school report has none).
    fn skill_adjective_before(&self, at: usize) -> bool {
        at > 0
            && !self.breaks_after(at - 1)
            && matches!(
                self.word(at - 1).to_lowercase().as_str(),
                "strong" | "solid" | "fluent" | "expert" | "advanced" | "excellent"
            )
    }

    /// A language word right next to a one-letter name: one word either
    /// side, or two across "and"/"or" ("R and Python").
    fn language_next_to(&self, at: usize, last: usize) -> bool {
        let cue = |i: usize| {
            let w = self.word(i).to_lowercase();
            LANGUAGE_CUES.contains(&w.as_str())
        };
        let joined = |i: usize| matches!(self.word(i), "and" | "or" | "with");
        let before = at > 0 && !self.breaks_after(at - 1);
        let after = last + 1 < self.toks.len() && !self.breaks_after(last);
        (before && cue(at - 1))
            || (after && cue(last + 1))
            || (after
                && joined(last + 1)
                && last + 2 < self.toks.len()
                && !self.breaks_after(last + 1)
                && cue(last + 2))
            || (before && at >= 2 && joined(at - 1) && !self.breaks_after(at - 2) && cue(at - 2))
    }

    /// Glued to a capitalized word that is not technical: "Ruby Chen",
    /// "Taylor Swift", "Spring Semester". The word before counts only when
    /// it does not start the sentence ("Led Go adoption" is fine); the word
    /// after not when it names a product's part ("Spring Boot", "Kafka
    /// Connect", "Looker Studio").
    fn looks_like_name(&self, at: usize, last: usize) -> bool {
        self.name_around(at, last, true)
    }

    /// [`Self::looks_like_name`], optionally on the word before only.
    fn name_around(&self, at: usize, last: usize, after_too: bool) -> bool {
        let name_word = |i: usize| {
            let w = self.word(i);
            let lower = w.to_lowercase();
            title_case(w)
                && !self.technical_token(i)
                && !is_ordinary(w)
                && !PRODUCT_WORDS.contains(&lower.as_str())
                && !NOT_NAMES.contains(&lower.as_str())
        };
        let spaced = |i: usize| self.gap_after(i) == " ";
        let after = after_too && last + 1 < self.toks.len() && spaced(last) && name_word(last + 1);
        let before = at > 0 && spaced(at - 1) && name_word(at - 1) && !self.starts_sentence(at - 1);
        after || before
    }

    /// An item of a skills line: the line (after an optional label) splits
    /// into items at commas, bars, bullets and slashes, the name's item is
    /// short, and a skills label leads the line or another item is
    /// technical.
    fn in_skill_list(&self, span: Span) -> bool {
        // A skills line is short: look at most MAX_LINE bytes either side,
        // so a huge text without line breaks costs a bounded look per name.
        let from = floor_char(self.text, span.start.saturating_sub(MAX_LINE));
        let to = ceil_char(self.text, (span.end + MAX_LINE).min(self.text.len()));
        let Some(line_start) = self.text[from..span.start]
            .rfind('\n')
            .map(|i| from + i + 1)
            .or((from == 0).then_some(0))
        else {
            return false;
        };
        let Some(line_end) = self.text[span.end..to]
            .find('\n')
            .map(|i| span.end + i)
            .or((to == self.text.len()).then_some(to))
        else {
            return false;
        };
        let line = &self.text[line_start..line_end];
        let (label, body, body_at) = match line.find(':') {
            Some(c) if c < span.start - line_start && line[..c].split_whitespace().count() <= 4 => {
                (Some(&line[..c]), &line[c + 1..], line_start + c + 1)
            }
            _ => (None, line, line_start),
        };
        let labelled = label.is_some_and(|l| {
            l.split(|c: char| !c.is_alphanumeric())
                .any(|w| LIST_LABELS.contains(&w.to_lowercase().as_str()))
        });
        let mut items = Vec::new();
        let mut from = 0;
        for (i, c) in body.char_indices() {
            if matches!(c, ',' | ';' | '|' | '•' | '·' | '\t' | '/' | '(' | ')') {
                items.push((from, i));
                from = i + c.len_utf8();
            }
        }
        items.push((from, body.len()));
        let items: Vec<(usize, &str)> = items
            .into_iter()
            .map(|(a, b)| {
                let raw = &body[a..b];
                let lead = raw.len() - raw.trim_start().len();
                (body_at + a + lead, raw.trim())
            })
            .filter(|(_, s)| !s.is_empty())
            .collect();
        let Some(own) = items
            .iter()
            .position(|&(at, s)| at <= span.start && span.end <= at + s.len())
        else {
            return false;
        };
        if items[own].1.split_whitespace().count() > 3 {
            return false;
        }
        if labelled {
            return true;
        }
        let technical = |s: &str| {
            s.split_whitespace().count() <= 3
                && (crate::sections::is_skill_name(s)
                    || s.split_whitespace().all(crate::sections::is_skill_name))
        };
        let others: Vec<&str> = items
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != own)
            .map(|(_, (_, s))| *s)
            .collect();
        // "kudu, impala and oryx": English words in lower case do not make
        // each other products.
        let plain = others
            .iter()
            .filter(|s| technical(s) && !is_ordinary(s) && !lowercase_word(s))
            .count();
        let any = others.iter().filter(|s| technical(s)).count();
        plain >= 1 || any >= 2
    }
}

/// Longest line, in bytes either side of a name, read as a skills list.
const MAX_LINE: usize = 400;

/// The char boundary at or before `i`.
fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The char boundary at or after `i`.
fn ceil_char(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// A word in Title case: a capital, then lower-case letters.
fn title_case(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase)
        && c.clone().next().is_some()
        && c.all(|ch| ch.is_alphabetic() && ch.is_lowercase())
}

/// Capitalized words that continue a product's name, or name a job, after
/// a technology ("Spring Boot", "Go Developer"): not a surname.
/// Words a line in Title Case capitalizes that are no part of a name
/// ("Experience With Docker And Kubernetes"), and vendors whose name comes
/// before their products ("Google BigQuery", "Microsoft Intune").
const NOT_NAMES: &[&str] = &[
    "a",
    "advanced",
    "amazon",
    "an",
    "and",
    "apache",
    "as",
    "at",
    "by",
    "deep",
    "experience",
    "expertise",
    "familiarity",
    "for",
    "from",
    "google",
    "hands-on",
    "ibm",
    "in",
    "including",
    "into",
    "knowledge",
    "like",
    "microsoft",
    "modern",
    "of",
    "on",
    "or",
    "oracle",
    "plus",
    "proficiency",
    "skills",
    "solid",
    "strong",
    "such",
    "the",
    "to",
    "understanding",
    "using",
    "via",
    "with",
    "working",
];

/// Whether the one-word name at `span` ends a person's or a place's name
/// ("Priya Docker", "La Scala"), for names that otherwise need no context:
/// the name check of [`Context::supports`] alone, with the same ways out (a
/// list, a longer skill name), on the word before only, since a capital
/// after is as often the vendor's product line ("Salesforce Marketing
/// Cloud").
impl Context<'_> {
    pub fn in_name(&self, span: Span) -> bool {
        let Some(at) = self.token_at(span) else {
            return false;
        };
        let last = self.token_end(at, span);
        !self.in_skill_phrase(at, last) && !self.listed(span) && self.name_around(at, last, false)
    }
}

const PRODUCT_WORDS: &[&str] = &[
    "architect",
    "automate",
    "batch",
    "boot",
    "cloud",
    "connect",
    "consultant",
    "core",
    "developer",
    "engineer",
    "enterprise",
    "expert",
    "framework",
    "infra",
    "lead",
    "mvc",
    "performance",
    "programmer",
    "security",
    "server",
    "streams",
    "structured",
    "studio",
    "ui",
];

/// Words after a hyphen that keep a name technical ("Go-based").
const HYPHEN_OK: &[&str] = &[
    "backed",
    "based",
    "centric",
    "compatible",
    "driven",
    "first",
    "heavy",
    "native",
    "only",
    "powered",
    "specific",
    "style",
];

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "dr", "e", "eg", "etc", "i", "ie", "jr", "mr", "mrs", "ms", "prof", "sr", "st", "vs",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_lists_are_sorted_for_binary_search() {
        assert!(CUES.windows(2).all(|w| w[0] < w[1]));
        assert!(words::ORDINARY_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn one_letter_and_title_case_words_need_context() {
        assert!(ordinary_form("R", true) && ordinary_form("r", false));
        assert!(ordinary_form("Keychain", true) && !ordinary_form("Keychain", false));
        assert!(ordinary_form("Kafka", false) && !ordinary_form("Apache Kafka", false));
        assert!(!ordinary_form("SQL", true) && !ordinary_form("Kubernetes", false));
    }
}
