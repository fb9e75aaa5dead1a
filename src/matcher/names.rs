//! Capitalized words beside a skill's name that make it the name of
//! something else: a place ("Haskell, Texas", "Kotlin Island"), a
//! company's premises ("the Splunk building"), an institution ("Haskell
//! Indian Nations University") or a degree ("an MSW from a CSWE-accredited
//! program", "a DDS or DMD").
//!
//! A posting names its town, its customers and the degrees it asks for in
//! the same sentences as its tools; each of these was read as a skill in a
//! blind set before this module knew it.

use crate::model::Span;

/// Capitalized words that, right after a name, make it the name of a place,
/// a building or a company that is no product: "Kotlin Island", "SAP
/// Center", "Oracle Park", "Salesforce Tower", "Cypress Grill", "Ansible
/// Health", "Vue Cinemas", "Spark Therapeutics".
const PLACE_NOUNS: &[&str] = &[
    "Airlines",
    "Arena",
    "Avenue",
    "Bank",
    "Bay",
    "Beach",
    "Boulevard",
    "Building",
    "Cafe",
    "Café",
    "Campus",
    "Center",
    "Centre",
    "Cinema",
    "Cinemas",
    "Clinic",
    "College",
    "County",
    "Foods",
    "Grill",
    "Hall",
    "Harbor",
    "Harbour",
    "Health",
    "Hospital",
    "Hotel",
    "Island",
    "Islands",
    "Lake",
    "Marina",
    "Motors",
    "Museum",
    "Park",
    "Pharmaceuticals",
    "Plaza",
    "Restaurant",
    "River",
    "Road",
    "School",
    "Stadium",
    "Street",
    "Theater",
    "Theatre",
    "Therapeutics",
    "Tower",
    "Towers",
    "University",
    "Valley",
];

/// Lower-case words that, after a company's name, make it the company's
/// premises: "the Splunk building", "the Snowflake and Datadog offices".
const PREMISES: &[&str] = &[
    "building",
    "buildings",
    "campus",
    "cinema",
    "cinemas",
    "distribution",
    "fountain",
    "headquarters",
    "hotel",
    "hotels",
    "lobby",
    "office",
    "offices",
    "restaurant",
    "restaurants",
    "stadium",
    "theater",
    "theaters",
    "theatre",
    "theatres",
];

/// Institutions whose names run to several words before the noun:
/// "Haskell Indian Nations University", "Perl Street Community College".
const INSTITUTIONS: &[&str] = &[
    "Academy",
    "Airport",
    "College",
    "Hospital",
    "Institute",
    "Museum",
    "School",
    "Stadium",
    "University",
];

/// States, provinces, territories and nations written after a town and a
/// comma: "Spring, Texas", "Cordova, Alaska", "Ruby, AK". Sorted.
const REGIONS: &[&str] = &[
    "AK",
    "AL",
    "AR",
    "AZ",
    "Alabama",
    "Alaska",
    "Alberta",
    "Arizona",
    "Arkansas",
    "Australia",
    "BC",
    "British Columbia",
    "CA",
    "CO",
    "CT",
    "California",
    "Canada",
    "Colorado",
    "Connecticut",
    "DE",
    "Delaware",
    "England",
    "FL",
    "Florida",
    "GA",
    "Georgia",
    "HI",
    "Hawaii",
    "IA",
    "ID",
    "IL",
    "IN",
    "Idaho",
    "Illinois",
    "India",
    "Indiana",
    "Iowa",
    "KS",
    "KY",
    "Kansas",
    "Kentucky",
    "LA",
    "Louisiana",
    "MA",
    "MD",
    "ME",
    "MI",
    "MN",
    "MO",
    "MS",
    "MT",
    "Maine",
    "Manitoba",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "NC",
    "ND",
    "NE",
    "NH",
    "NJ",
    "NM",
    "NSW",
    "NV",
    "NY",
    "Nebraska",
    "Nevada",
    "New Brunswick",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New South Wales",
    "New York",
    "New Zealand",
    "Newfoundland",
    "North Carolina",
    "North Dakota",
    "Northern Ireland",
    "Nova Scotia",
    "OH",
    "OK",
    "OR",
    "Ohio",
    "Oklahoma",
    "Ontario",
    "Oregon",
    "PA",
    "Pennsylvania",
    "QC",
    "QLD",
    "Quebec",
    "Queensland",
    "RI",
    "Rhode Island",
    "SC",
    "SD",
    "Saskatchewan",
    "Scotland",
    "South Africa",
    "South Australia",
    "South Carolina",
    "South Dakota",
    "TN",
    "TX",
    "Tasmania",
    "Tennessee",
    "Texas",
    "UT",
    "Utah",
    "VA",
    "VT",
    "Vermont",
    "Victoria",
    "Virginia",
    "WA",
    "WI",
    "WV",
    "WY",
    "Wales",
    "Washington",
    "West Virginia",
    "Western Australia",
    "Wisconsin",
    "Wyoming",
];

/// Degrees written as abbreviations, some of them also skills' names
/// (MSW is Mock Service Worker, MFA multi-factor authentication, LLM a
/// large language model). Sorted.
const DEGREES: &[&str] = &[
    "BA", "BBA", "BEng", "BFA", "BS", "BSN", "BSW", "BSc", "DDS", "DMD", "DNP", "DPT", "DVM",
    "EdD", "JD", "LCSW", "LLB", "LLM", "MA", "MBA", "MCA", "MD", "MEd", "MEng", "MFA", "MPA",
    "MPH", "MPP", "MPhil", "MS", "MSN", "MSW", "MSc", "PhD", "PharmD", "PsyD",
];

/// Words right after a degree that show it is one: "an MSW from", "an MFA
/// in Poetry", "a DDS degree".
const AFTER_DEGREE: &[&str] = &["degree", "from", "program", "programme"];

/// Verbs before a degree: "hold an MSW", "must possess a DDS".
const HOLD: &[&str] = &[
    "completed",
    "earned",
    "hold",
    "holding",
    "holds",
    "possess",
    "possesses",
    "possessing",
];

/// The word at the start of `s`, up to the first character that is not a
/// letter or digit.
fn first_word(s: &str) -> &str {
    s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("")
}

/// Whether `word` is a state's, province's or nation's code as job boards
/// append it to a title ("Senior Engineer - NY", "Analyst - UK"), not an
/// acronym of the trade ("- AI", "- QA").
pub fn region_code(word: &str) -> bool {
    matches!(word, "UK" | "US" | "USA" | "UAE" | "EU")
        || (word.len() <= 3
            && word.bytes().all(|b| b.is_ascii_uppercase())
            && REGIONS.binary_search(&word).is_ok())
}

/// Whether `rest`, the text after a name, opens with a comma and a region
/// that ends there: "Spring, Texas, and" but not "Spring, Texas-based".
fn region_after(rest: &str) -> bool {
    let Some(after) = rest.strip_prefix(", ") else {
        return false;
    };
    REGIONS.iter().any(|r| {
        after.strip_prefix(r).is_some_and(|tail| {
            let next = tail.chars().next();
            // A two-letter code ends its sentence or clause, or a ZIP
            // follows: "Go, OR Python" is no Oregon.
            if r.len() == 2 {
                next.is_none_or(|c| matches!(c, ',' | '.' | ';' | ')' | '\n'))
                    || tail.strip_prefix(' ').is_some_and(|t| {
                        t.len() >= 5 && t.as_bytes()[..5].iter().all(u8::is_ascii_digit)
                    })
            } else {
                next.is_none_or(|c| !c.is_alphanumeric() && c != '-')
            }
        })
    })
}

/// Whether `rest` (after a space) runs on through one or two more
/// capitalized words, none a skill's, to an institution's noun.
fn institution_after(name: &str, rest: &str, is_name: &impl Fn(&str, &str) -> bool) -> bool {
    let mut prev = name;
    let mut rest = rest;
    for _ in 0..3 {
        let Some(after) = rest.strip_prefix(' ') else {
            return false;
        };
        let word = first_word(after);
        if INSTITUTIONS.contains(&word) {
            return true;
        }
        if !word.starts_with(char::is_uppercase) || is_name(prev, word) {
            return false;
        }
        prev = word;
        rest = &after[word.len()..];
    }
    false
}

/// Whether the name at `span` in `text` names a place or a company's
/// premises: it is followed by a place noun ("Kotlin Island", "SAP
/// Center") or a premises word ("the Splunk building"), either directly or
/// after more names joined to it ("the Snowflake and Datadog offices"), or
/// by a comma and a region ("Haskell, Texas"), or by more capitalized
/// words and an institution's noun ("Haskell Indian Nations University").
/// A skill name that holds the noun ("Delta Lake", "Ansible Tower") is
/// the skill: `is_name` says which pairs are.
pub fn names_a_place(text: &str, span: Span, is_name: impl Fn(&str, &str) -> bool) -> bool {
    let name = &text[span.start..span.end];
    let mut rest = &text[span.end..];
    if name.starts_with(char::is_uppercase)
        && (region_after(rest) || institution_after(name, rest, &is_name))
    {
        return true;
    }
    // "a CEPH-accredited program": the accrediting body.
    if rest.starts_with("-accredited") || rest.starts_with(" accredited") {
        return true;
    }
    // Up to three more names joined by "and", "or" or commas, each one
    // capitalized word.
    for _ in 0..4 {
        if let Some(after) = rest.strip_prefix(' ') {
            let word = first_word(after);
            if PLACE_NOUNS.contains(&word) || PREMISES.contains(&word) {
                // "office hours" are a meeting, not a place; a
                // "distribution" is one only as a centre ("our JAX
                // distribution center", not "a Debian distribution").
                let next = &after[word.len()..];
                let not_place = (word == "office" && next.starts_with(" hours"))
                    || (word == "distribution"
                        && !(next.starts_with(" center") || next.starts_with(" centre")));
                return !not_place && !is_name(name, word);
            }
        }
        let Some(next) = [", and ", ", or ", ", ", " and ", " or ", " & "]
            .iter()
            .find_map(|j| rest.strip_prefix(j))
        else {
            return false;
        };
        let other = next.split([' ', ',', '\n']).next().unwrap_or("");
        if !other.starts_with(char::is_uppercase) {
            return false;
        }
        rest = &next[other.len()..];
    }
    false
}

/// Whether the name at `span`, written as a degree's abbreviation, is
/// the degree: a word after it says so ("an MSW from", "a DDS degree",
/// "an MFA in Poetry", where `knows` says Poetry is no skill: "an LLM in
/// Rust" is the model), a verb of holding comes before it ("hold an
/// MSW"), or another degree stands beside it ("DDS or DMD", "MSW and
/// LCSW").
pub fn names_a_degree(text: &str, span: Span, knows: impl Fn(&str) -> bool) -> bool {
    let name = &text[span.start..span.end];
    if DEGREES.binary_search(&name).is_err() {
        return false;
    }
    let after = text[span.end..].trim_start_matches([' ', ',', '/']);
    let next = first_word(after);
    if AFTER_DEGREE.contains(&next.to_lowercase().as_str()) {
        return true;
    }
    if next == "in" {
        let field = first_word(after[2..].trim_start());
        if field.starts_with(char::is_uppercase) && !knows(field) {
            return true;
        }
    }
    let joined = after
        .strip_prefix("or ")
        .or_else(|| after.strip_prefix("and "))
        .unwrap_or(after);
    if (joined.len() < after.len() || text[span.end..].starts_with(['/', ',']))
        && DEGREES.binary_search(&first_word(joined)).is_ok()
    {
        return true;
    }
    let before: Vec<&str> = text[..span.start]
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(3)
        .collect();
    let mut words = before.iter().map(|w| w.to_lowercase());
    let mut word = words.next();
    let article = matches!(word.as_deref(), Some("a" | "an"));
    if article {
        word = words.next();
    }
    // "hold an MSW", "earned MSW"; "have" only with its article ("must
    // have an MSW", not "have MFA enabled").
    if word.is_some_and(|w| {
        HOLD.contains(&w.as_str()) || (article && matches!(w.as_str(), "have" | "has"))
    }) {
        return true;
    }
    // "DDS or DMD": the degree before this one.
    let left = text[..span.start].trim_end();
    let left = left
        .strip_suffix(" or")
        .or_else(|| left.strip_suffix(" and"))
        .or_else(|| left.strip_suffix('/'))
        .or_else(|| left.strip_suffix(','));
    left.is_some_and(|l| {
        let w = l
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        DEGREES.binary_search(&w).is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str, name: &str) -> bool {
        let at = text.find(name).unwrap();
        names_a_place(text, Span::new(at, at + name.len()), |a, b| {
            matches!((a, b), ("Delta", "Lake") | ("Kafka", "Streams"))
        })
    }

    fn degree(text: &str, name: &str) -> bool {
        let at = text.find(name).unwrap();
        names_a_degree(text, Span::new(at, at + name.len()), |w| w == "Rust")
    }

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [REGIONS, DEGREES] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn a_town_before_its_region_is_a_place() {
        assert!(place(
            "Technicians dispatch from our Spring, Texas service center.",
            "Spring"
        ));
        assert!(place(
            "The cannery in Cordova, Alaska, provides bunks.",
            "Cordova"
        ));
        assert!(place("Flights to Nome and Ruby, AK.", "Ruby"));
        assert!(place("Our office in Cypress, TX 77429 is new.", "Cypress"));
        // A list of skills goes on past a comma; a code needs a stop.
        assert!(!place("Experience with Go, OR Python is fine.", "Go"));
        assert!(!place("Experience with Java, Kotlin and Swift.", "Java"));
        assert!(!place("Haskell, Texas-style barbecue", "Haskell"));
        assert!(!place("we write ruby, Texas aside", "ruby"));
    }

    #[test]
    fn an_institution_after_more_capitalized_words_is_a_place() {
        let text = "a bridge program with Haskell Indian Nations University in Kansas";
        assert!(place(text, "Haskell"));
        assert!(place("Perl Street Community College", "Perl"));
        // A skill's own words break the run.
        assert!(!place("Kafka Streams School of Data", "Kafka"));
        assert!(!place("Python Developer at a University", "Python"));
        assert!(!place("Rust at Acme University", "Rust"));
    }

    #[test]
    fn place_nouns_and_premises_still_count() {
        assert!(place("the Kotlin Island ferry", "Kotlin"));
        assert!(place("the Snowflake and Datadog offices", "Snowflake"));
        assert!(!place("Delta Lake tables", "Delta"));
        assert!(!place("Splunk office hours", "Splunk"));
        assert!(place("We advertise in Vue and Odeon cinemas.", "Vue"));
        assert!(place("ship from our JAX distribution center", "JAX"));
        assert!(!place("a Debian distribution with Python", "Debian"));
        assert!(place("An MPH from a CEPH-accredited program", "CEPH"));
    }

    #[test]
    fn a_degree_in_its_words_is_no_skill() {
        assert!(degree(
            "Candidates need an MSW from a CSWE-accredited school.",
            "MSW"
        ));
        assert!(degree(
            "Candidates should hold an MSW and be eligible.",
            "MSW"
        ));
        assert!(degree(
            "The care coordinator must have an MSW and be eligible for licensure.",
            "MSW"
        ));
        assert!(!degree(
            "Users must have MFA enabled on every account.",
            "MFA"
        ));
        assert!(degree("A DDS or DMD and an active license.", "DDS"));
        assert!(degree("A DDS or DMD and an active license.", "DMD"));
        assert!(degree("an MFA in Creative Writing", "MFA"));
        assert!(degree("a JD/LLM in tax law", "LLM"));
        assert!(!degree("Mock APIs with MSW and Vitest.", "MSW"));
        assert!(!degree("Enforce MFA for every admin account.", "MFA"));
        assert!(!degree("Fine-tune an LLM for support tickets.", "LLM"));
        assert!(!degree("Build an LLM in Rust.", "LLM"));
    }
}
