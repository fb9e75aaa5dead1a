//! Contact data: email, phone, LinkedIn, GitHub, other links, location. An
//! ATS fills its candidate record from these, and one that misses the email
//! or phone leaves a recruiter nothing to act on.

use crate::model::Span;
use crate::normalize::Normalized;
use regex::Regex;
use std::sync::LazyLock;

/// One piece of contact data and where it is in the normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub value: String,
    pub span: Span,
}

/// Everything found, in document order within each kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact {
    pub emails: Vec<Item>,
    pub phones: Vec<Item>,
    pub linkedin: Vec<Item>,
    pub github: Vec<Item>,
    pub websites: Vec<Item>,
    pub location: Option<Item>,
}

impl Contact {
    /// Every item with its kind, for reports.
    pub fn items(&self) -> impl Iterator<Item = (&'static str, &Item)> {
        let kinds: [(&'static str, &[Item]); 5] = [
            ("email", &self.emails),
            ("phone", &self.phones),
            ("linkedin", &self.linkedin),
            ("github", &self.github),
            ("website", &self.websites),
        ];
        kinds
            .into_iter()
            .flat_map(|(k, items)| items.iter().map(move |i| (k, i)))
            .chain(self.location.iter().map(|i| ("location", i)))
    }
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("contact regex compiles")
}

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| re(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"));
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)|\d{2,4})[ .-]?\d{2,4}[ .-]?\d{3,4}\b")
});
static LINKEDIN: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/in/[A-Za-z0-9_%-]+/?"));
static GITHUB: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:https?://)?github\.com/[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)?"));
static WEBSITE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bhttps?://[^\s|,;]+|\bwww\.[^\s|,;]+|\b[a-z0-9-]+\.(?:dev|io|me|page|site|codes)\b(?:/[^\s|,;]*)?",
    )
});
/// "City, ST", "City, State" or "Remote", looked for near the top only.
static LOCATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:[A-Z][a-zA-Z.'-]+ ){0,2}[A-Z][a-zA-Z.'-]+, (?:[A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b|\bRemote\b",
    )
});

/// How many lines from the top to look for a location: further down, "City,
/// ST" is an employer's office, not the candidate's home.
const LOCATION_LINES: usize = 6;

pub fn find(norm: &Normalized) -> Contact {
    let text = &norm.text;
    let items = |r: &Regex| -> Vec<Item> {
        r.find_iter(text)
            .map(|m| Item {
                value: m.as_str().trim_end_matches(['.', '/']).to_string(),
                span: Span::new(m.start(), m.end()),
            })
            .collect()
    };
    let emails = items(&EMAIL);
    let phones: Vec<Item> = items(&PHONE)
        .into_iter()
        .filter(|p| {
            let digits = p.value.chars().filter(char::is_ascii_digit).count();
            (9..=15).contains(&digits)
        })
        .collect();
    let linkedin = items(&LINKEDIN);
    let github = items(&GITHUB);
    let taken: Vec<Span> = emails
        .iter()
        .chain(&linkedin)
        .chain(&github)
        .map(|i| i.span)
        .collect();
    let websites = items(&WEBSITE)
        .into_iter()
        .filter(|w| !taken.iter().any(|t| t.overlaps(&w.span)))
        .collect();
    let top = text
        .match_indices('\n')
        .nth(LOCATION_LINES - 1)
        .map_or(text.len(), |(i, _)| i);
    let location = LOCATION.find(&text[..top]).map(|m| Item {
        value: m.as_str().to_string(),
        span: Span::new(m.start(), m.end()),
    });
    Contact {
        emails,
        phones,
        linkedin,
        github,
        websites,
        location,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    #[test]
    fn finds_a_typical_contact_line() {
        let n = normalize(
            "Renée Okafor\nrenee@example.com | (415) 555-0142 | linkedin.com/in/renee-o | github.com/renee | renee.dev | Seattle, WA\n\nEXPERIENCE\nEngineer, Acme — Austin, TX (2019 - 2024)",
        );
        let c = find(&n);
        assert_eq!(c.emails[0].value, "renee@example.com");
        assert_eq!(c.phones[0].value, "(415) 555-0142");
        assert_eq!(c.linkedin[0].value, "linkedin.com/in/renee-o");
        assert_eq!(c.github[0].value, "github.com/renee");
        assert_eq!(c.websites[0].value, "renee.dev");
        assert_eq!(c.location.unwrap().value, "Seattle, WA");
    }

    #[test]
    fn years_and_metrics_are_not_phones() {
        let n = normalize("Acme (2019 - 2024)\n- served 1,200,000 users at 40k RPS\n- p99 120 ms");
        assert!(find(&n).phones.is_empty());
        let n = normalize("+44 20 7946 0958 and 415.555.0199");
        assert_eq!(find(&n).phones.len(), 2);
    }
}
