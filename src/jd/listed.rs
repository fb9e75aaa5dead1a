//! Names a posting lists beside skills the taxonomy knows: "Xero and
//! MYOB", "Mastercam, Esprit or NX CAM", "PFMEA, GD&T and SPC".
//!
//! The taxonomy grows by hand, and every blind set of postings named tools
//! it lacked, most of them outside software (a CNC shop's CAM package, a
//! clinic's records system). A posting that lists an unknown name in the
//! same list as known skills asks for it the same way, and its own wording
//! is what its ATS will search, so the name is read as a skill of its own.
//! Only names written as names count (Title case, capitals, letters with
//! digits); a lowercase phrase is left to the taxonomy.

use crate::model::Span;
use std::sync::LazyLock;

/// Capitalized words that are not names of tools: words that open an ask
/// ("Strong", "Experience"), teams and areas, time, human languages, and
/// acronyms of places, offices and pay.
const NOT_NAMES: &[&str] = &[
    // Words of the sentence around a list.
    "A",
    "An",
    "The",
    "And",
    "Or",
    "Of",
    "In",
    "On",
    "At",
    "For",
    "With",
    "To",
    "From",
    "By",
    "As",
    "Is",
    "Are",
    "Be",
    "We",
    "You",
    "Our",
    "Your",
    "Their",
    "Its",
    "It",
    "This",
    "That",
    "These",
    "Those",
    "Any",
    "All",
    "Some",
    "Both",
    "Either",
    "Each",
    "Every",
    "Other",
    "Others",
    "Etc",
    "Such",
    "Similar",
    "Equivalent",
    "Like",
    "Including",
    "Plus",
    "Bonus",
    "Also",
    "More",
    "Most",
    "New",
    "Modern",
    "Key",
    "Core",
    "Relevant",
    "Related",
    "Various",
    "Multiple",
    "Several",
    "Tools",
    "Tooling",
    "Platforms",
    "Systems",
    "Frameworks",
    "Languages",
    "Technologies",
    "Software",
    // Words that open an ask.
    "Experience",
    "Experienced",
    "Knowledge",
    "Understanding",
    "Proficiency",
    "Proficient",
    "Familiarity",
    "Familiar",
    "Expertise",
    "Exposure",
    "Background",
    "Ability",
    "Skills",
    "Skill",
    "Strong",
    "Solid",
    "Proven",
    "Deep",
    "Excellent",
    "Good",
    "Great",
    "Working",
    "Hands-on",
    "Advanced",
    "Basic",
    "Expert",
    "Fluent",
    "Fluency",
    "Demonstrated",
    "Prior",
    "Previous",
    "Practical",
    "Professional",
    "Comfortable",
    "Must",
    "Should",
    "Nice",
    "Preferred",
    "Required",
    "Ideally",
    "Preferably",
    "Desired",
    "Degree",
    "Bachelor",
    "Master",
    "Certification",
    "Certified",
    "Licensed",
    // Teams and areas of a company.
    "Product",
    "Design",
    "Engineering",
    "Sales",
    "Marketing",
    "Finance",
    "Legal",
    "Operations",
    "Support",
    "Research",
    "Leadership",
    "Management",
    "Business",
    "Security",
    "Data",
    "People",
    "Talent",
    "Recruiting",
    "Customer",
    "Customers",
    "Partners",
    "Stakeholders",
    "Team",
    "Teams",
    "Success",
    "Compliance",
    "Clinical",
    // Time.
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Spring",
    "Summer",
    "Fall",
    "Autumn",
    "Winter",
    // Human languages.
    "English",
    "French",
    "German",
    "Spanish",
    "Portuguese",
    "Italian",
    "Dutch",
    "Mandarin",
    "Chinese",
    "Cantonese",
    "Japanese",
    "Korean",
    "Hindi",
    "Arabic",
    "Russian",
    "Polish",
    "Swedish",
    "Norwegian",
    "Danish",
    "Finnish",
    "Turkish",
    "Hebrew",
    "Vietnamese",
    "Thai",
    "Indonesian",
    "Malay",
    "Tagalog",
    "Bahasa",
    "Welsh",
    "Irish",
    // Acronyms of places, offices, degrees and pay.
    "US",
    "USA",
    "UK",
    "EU",
    "EMEA",
    "APAC",
    "LATAM",
    "NA",
    "EEO",
    "EOE",
    "HR",
    "PTO",
    "FAQ",
    "CV",
    "ID",
    "NYC",
    "SF",
    "LA",
    "DC",
    "PST",
    "PT",
    "EST",
    "ET",
    "CET",
    "CEST",
    "GMT",
    "UTC",
    "BST",
    "IST",
    "AEST",
    "TBD",
    "OK",
    "AM",
    "PM",
    "CEO",
    "CTO",
    "CFO",
    "COO",
    "CIO",
    "CISO",
    "VP",
    "SVP",
    "EVP",
    "IC",
    "PhD",
    "MSc",
    "BSc",
    "BS",
    "MS",
    "BA",
    "MA",
    "MBA",
    "BEng",
    "MEng",
    "GPA",
    "DEI",
    "ERG",
    "OTE",
    "RSU",
    "RSUs",
    "ESPP",
    "HQ",
    "WFH",
    "KPI",
    "KPIs",
    "OKR",
    "OKRs",
    "SLA",
    "SLAs",
    "FTE",
    "NDA",
    "II",
    "III",
    "IV",
];

/// Words that end a job title or an organization: "Support Engineer",
/// "Toronto Office", "Acme Inc" are no tools.
const NOT_LAST: &[&str] = &[
    "Engineer",
    "Engineers",
    "Developer",
    "Developers",
    "Manager",
    "Managers",
    "Analyst",
    "Analysts",
    "Scientist",
    "Scientists",
    "Designer",
    "Designers",
    "Architect",
    "Lead",
    "Office",
    "Offices",
    "Center",
    "Centre",
    "Park",
    "University",
    "College",
    "School",
    "Hospital",
    "Inc",
    "LLC",
    "Ltd",
    "GmbH",
    "Corp",
    "Group",
    "Foundation",
    "Team",
];

/// Whether a word is written as a name: a capital first ("Xero", "MYOB",
/// "GDScript") or a digit with a capital ("8D"), and only the characters
/// names use ("GD&T", "PREEMPT_RT", "Y14.5", "C++").
fn is_name_word(word: &str) -> bool {
    let Some(first) = word.chars().next() else {
        return false;
    };
    let shaped =
        first.is_uppercase() || (first.is_ascii_digit() && word.chars().any(char::is_uppercase));
    shaped
        && word.chars().count() >= 2
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '&' | '_' | '.' | '-' | '+' | '#'))
        && !word.ends_with('.')
        && !NOT_NAMES.contains(&word)
}

/// A word's span within `text` from `at`, without the punctuation around
/// it ("(Xero", "MYOB)", "Esprit,").
fn trimmed(word: &str, at: usize) -> Span {
    let inner = word.trim_start_matches(['"', '\'', '“', '‘', '(', '[']);
    let start = at + word.len() - inner.len();
    let inner = inner.trim_end_matches(['"', '\'', '”', '’', ')', ']', ',', ':', '!', '?']);
    Span::new(start, start + inner.len())
}

/// The words of an item of a list, with their spans in the text.
fn words(text: &str, item: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let s = &text[item.start..item.end];
    let mut at = 0;
    for w in s.split_whitespace() {
        let i = at + s[at..].find(w).unwrap_or(0);
        at = i + w.len();
        let span = trimmed(w, item.start + i);
        if span.end > span.start {
            out.push(span);
        }
    }
    out
}

/// The separators of a list, longest first so ", and " is one.
const SEPARATORS: &[&str] = &[
    ", and/or ",
    ", and ",
    ", or ",
    " and/or ",
    ", ",
    " and ",
    " or ",
    " nor ",
    " & ",
    "/",
];

/// Where the clauses of a sentence are: a list never runs across a stop,
/// a colon, brackets or a dash.
fn clauses(text: &str, sentence: Span) -> Vec<Span> {
    let s = &text[sentence.start..sentence.end];
    let mut out = Vec::new();
    let mut from = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|(_, n)| *n);
        let stop = match c {
            ';' | ':' | '(' | ')' | '[' | ']' | '!' | '?' | '—' | '–' => true,
            '.' => next.is_none_or(char::is_whitespace),
            '-' => next == Some(' ') && s[..i].ends_with(' '),
            _ => false,
        };
        if stop {
            out.push(Span::new(sentence.start + from, sentence.start + i));
            from = i + c.len_utf8();
        }
    }
    out.push(Span::new(sentence.start + from, sentence.end));
    out
}

/// The items of a clause: the spans between its separators.
fn items(text: &str, clause: Span) -> Vec<Span> {
    let s = &text[clause.start..clause.end];
    let mut out = Vec::new();
    let mut from = 0;
    let mut i = 0;
    while i < s.len() {
        match SEPARATORS.iter().find(|sep| s[i..].starts_with(**sep)) {
            Some(sep) => {
                out.push(Span::new(clause.start + from, clause.start + i));
                i += sep.len();
                from = i;
            }
            None => i += s[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    out.push(Span::new(clause.start + from, clause.end));
    out
}

/// The longest run of name words at the start (`lead`) or end of an item.
/// A number goes on a name ("IEC 61850", "ISO 9001") but starts none.
fn run(text: &str, words: &[Span], lead: bool) -> Vec<Span> {
    let name: Vec<bool> = words
        .iter()
        .map(|w| is_name_word(&text[w.start..w.end]))
        .collect();
    let in_run: Vec<bool> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            name[i]
                || (i > 0
                    && name[i - 1]
                    && text[w.start..w.end]
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '.'))
        })
        .collect();
    let n = if lead {
        in_run.iter().take_while(|x| **x).count()
    } else {
        in_run.iter().rev().take_while(|x| **x).count()
    };
    let mut out: Vec<Span> = if lead {
        words[..n].to_vec()
    } else {
        words[words.len() - n..].to_vec()
    };
    // Prose in Title case is no name.
    if out.len() > 3 {
        out.clear();
    }
    out
}

fn joined(words: &[Span]) -> Option<Span> {
    Some(Span::new(words.first()?.start, words.last()?.end))
}

/// The lists of names in a clause: runs of items joined by separators,
/// where only the first item may open with other words ("experience with
/// Xero") and only the last may go on after the name ("MYOB accounting").
fn lists(text: &str, clause: Span) -> Vec<Vec<Span>> {
    let mut out = Vec::new();
    let mut current: Vec<Span> = Vec::new();
    for item in items(text, clause) {
        let ws = words(text, item);
        let lead = run(text, &ws, true);
        let whole = !lead.is_empty() && lead.len() == ws.len();
        if !current.is_empty() && !lead.is_empty() {
            current.extend(joined(&lead));
            if whole {
                continue;
            }
        }
        out.push(std::mem::take(&mut current));
        current.extend(joined(&run(text, &ws, false)));
    }
    out.push(current);
    out.retain(|l| l.len() >= 2);
    out
}

/// Names in `sentence` listed beside a known skill: every item of a list
/// that holds one of `anchors` (known technical skills) and overlaps none
/// of `known` (every skill the taxonomy found, soft ones too).
pub fn beside_known(text: &str, sentence: Span, anchors: &[Span], known: &[Span]) -> Vec<Span> {
    let overlaps = |a: &Span, b: &Span| a.start < b.end && b.start < a.end;
    let mut out = Vec::new();
    for clause in clauses(text, sentence) {
        for list in lists(text, clause) {
            // The known skill must be a whole item: "Cloud" of "Cloud
            // Security Engineering Lead" does not make a list of skills.
            let holds = |n: &Span, a: &Span| n.start <= a.start && a.end <= n.end;
            if !list.iter().any(|n| anchors.iter().any(|a| holds(n, a))) {
                continue;
            }
            for name in list {
                let written = &text[name.start..name.end];
                let last = written.rsplit(' ').next().unwrap_or(written);
                if !known.iter().any(|k| overlaps(&name, k)) && !NOT_LAST.contains(&last) {
                    out.push(name);
                }
            }
        }
    }
    out
}

/// Bodies whose standards a posting names by code: "IEC 61000-4-2",
/// "MIL-STD-810H", "UN ECE R94", "AIS-098". Written in capitals, as the
/// bodies write them.
const STANDARD_BODIES: &[&str] = &[
    "ISO", "IEC", "EN", "IEEE", "ANSI", "ASTM", "ASME", "UL", "CSA", "SAE", "DIN", "BS", "NFPA",
    "IPC", "JEDEC", "ETSI", "AIS", "API", "MIL-STD", "MIL-PRF", "DO", "ARINC", "IATF", "NIST SP",
    "FIPS", "ISA", "CISPR", "UN ECE R", "ECE R", "GB/T", "JIS", "ASHRAE", "NEMA", "ECSS", "NORSOK",
    "AWWA", "AAMI", "J-STD", "EIA", "TIA", "ITU-T", "3GPP TS",
];

/// The code after a body: an optional joint body ("ISO/IEC", "DIN EN"),
/// a number of two or more digits with its letters and parts
/// ("61000-4-2", "810H", "Z462", "A-610"), and an edition year.
static STANDARD_CODE: LazyLock<regex_lite::Regex> = LazyLock::new(|| {
    crate::rules::fixed(
        r"^(?:/(?:TR|TS|IEC|SAE|EN|IEEE|IEC/TR))?(?: EN| ISO| IEC){0,2}[ -]?(?:[A-Z]{1,3}-?)?[0-9]{2,6}[A-Za-z]{0,2}(?:[.-][0-9]{1,4}[A-Za-z]?)*(?::[0-9]{4})?",
    )
});

/// Every standard `text` names by its code, as written. A year after a
/// body ("UL 2024") is no code.
pub fn standards(text: &str) -> Vec<Span> {
    static BODIES: LazyLock<crate::rules::Triggers> =
        LazyLock::new(|| crate::rules::Triggers::new(STANDARD_BODIES, false).starting_words());
    let bytes = text.as_bytes();
    let mut out: Vec<Span> = Vec::new();
    for m in BODIES.find_all(text) {
        if out.last().is_some_and(|l| m.start < l.end)
            || bytes.get(m.end).is_some_and(u8::is_ascii_alphabetic)
        {
            continue;
        }
        let mut cut = text.len().min(m.end + 48);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let rest = &text[m.end..cut];
        let Some(code) = STANDARD_CODE.find(rest) else {
            continue;
        };
        let end = m.end + code.end();
        let number = code.as_str().trim_start_matches([' ', '-']);
        let year = number.len() == 4
            && number
                .parse::<u32>()
                .is_ok_and(|y| (1950..2040).contains(&y));
        if year || bytes.get(end).is_some_and(|b| b.is_ascii_alphanumeric()) {
            continue;
        }
        out.push(Span::new(m.start, end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names read beside the anchors named in `anchors` (each found by
    /// its text).
    fn read(text: &str, anchors: &[&str]) -> Vec<String> {
        let spans: Vec<Span> = anchors
            .iter()
            .map(|a| {
                let i = text.find(a).unwrap();
                Span::new(i, i + a.len())
            })
            .collect();
        beside_known(text, Span::new(0, text.len()), &spans, &spans)
            .into_iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn standards_are_read_by_their_codes() {
        let read = |text: &str| -> Vec<String> {
            standards(text)
                .into_iter()
                .map(|s| text[s.start..s.end].to_string())
                .collect()
        };
        assert_eq!(
            read("IEC 60068-2 for environmental testing, IEC 60529 and IEC 61000-4-2."),
            ["IEC 60068-2", "IEC 60529", "IEC 61000-4-2"]
        );
        assert_eq!(
            read("AIS-098 and AIS-099, UN ECE R94, IEC/TR 61000-3-7 and MIL-STD-810H"),
            [
                "AIS-098",
                "AIS-099",
                "UN ECE R94",
                "IEC/TR 61000-3-7",
                "MIL-STD-810H"
            ]
        );
        assert_eq!(
            read("ISO/IEC 27001:2022, DIN EN ISO 13849, IPC-A-610 and CSA Z462"),
            [
                "ISO/IEC 27001:2022",
                "DIN EN ISO 13849",
                "IPC-A-610",
                "CSA Z462"
            ]
        );
        // Years, words and lower case are no codes.
        assert!(read("UL 2024 recap; ENGLISH 101; iso 9001; EN route; DO 5 things").is_empty());
        // A cut inside a character after a body does not panic.
        assert!(read(&format!("ISO {}", "•".repeat(30))).is_empty());
    }

    #[test]
    fn names_listed_beside_a_known_skill_are_read() {
        assert_eq!(
            read("Fluent in Xero and MYOB accounting.", &["Xero"]),
            ["MYOB"]
        );
        assert_eq!(
            read(
                "Programs CNC mills in Mastercam, Esprit or NX CAM.",
                &["Mastercam"]
            ),
            ["Esprit", "NX CAM"]
        );
        assert_eq!(
            read("• PFMEA, GD&T, 8D and SPC", &["SPC"]),
            ["PFMEA", "GD&T", "8D"]
        );
        assert_eq!(
            read(
                "Embedded Linux, PREEMPT_RT and IEC 61850 (GOOSE).",
                &["Linux"]
            ),
            ["PREEMPT_RT", "IEC 61850"]
        );
    }

    #[test]
    fn a_list_without_a_known_skill_or_of_ordinary_words_is_not_read() {
        // No known skill in the list.
        assert!(
            read(
                "Offices in London, Berlin and Lisbon; we use Python.",
                &["Python"]
            )
            .is_empty()
        );
        // The list breaks where an item is prose.
        assert!(
            read(
                "Kafka and Spark in Toronto or Montreal.",
                &["Kafka", "Spark"]
            )
            .is_empty()
        );
        // Words of the sentence, teams, months, languages, titles.
        assert!(read("Strong Python and English skills.", &["Python"]).is_empty());
        assert!(read("Partner with Product, Design and SQL users.", &["SQL"]).is_empty());
        assert!(read("Python, Java or Support Engineer.", &["Python", "Java"]).is_empty());
        // A known skill only partly inside a name is no anchor.
        assert!(
            read(
                "Contact: Priya Hale, Cloud Security Lead",
                &["Cloud Security"]
            )
            .is_empty()
        );
        assert!(read("Ship Go services from March or April.", &["Go"]).is_empty());
        // A lowercase phrase is left to the taxonomy.
        assert!(read("SQL and control plans.", &["SQL"]).is_empty());
    }

    #[test]
    fn a_clause_ends_at_a_dash_a_colon_or_a_bracket() {
        assert!(read("Python - Monty Fans, Mojo", &["Python"]).is_empty());
        assert_eq!(
            read("Tools: Python (or Julia, Foo) and Jira.", &["Julia"]),
            ["Foo"]
        );
    }
}
