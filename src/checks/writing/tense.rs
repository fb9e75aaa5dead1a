//! Past tenses for the rewrites of weak openings: "Responsible for
//! managing" becomes "Managed", "Helped build" becomes "Built".

/// Irregular past tenses, by base form.
const IRREGULAR: &[(&str, &str)] = &[
    ("build", "built"),
    ("rebuild", "rebuilt"),
    ("lead", "led"),
    ("run", "ran"),
    ("write", "wrote"),
    ("rewrite", "rewrote"),
    ("make", "made"),
    ("teach", "taught"),
    ("drive", "drove"),
    ("sell", "sold"),
    ("buy", "bought"),
    ("bring", "brought"),
    ("keep", "kept"),
    ("hold", "held"),
    ("oversee", "oversaw"),
    ("set", "set"),
    ("grow", "grew"),
    ("take", "took"),
    ("give", "gave"),
    ("find", "found"),
    ("meet", "met"),
    ("speak", "spoke"),
    ("send", "sent"),
    ("spend", "spent"),
    ("begin", "began"),
    ("choose", "chose"),
    ("draw", "drew"),
    ("pay", "paid"),
    ("cut", "cut"),
    ("put", "put"),
    ("win", "won"),
    ("feed", "fed"),
    ("fight", "fought"),
    ("stand", "stood"),
    ("understand", "understood"),
    ("think", "thought"),
    ("see", "saw"),
];

/// Base forms common after "helped": the only ones turned, since a noun
/// there ("helped customers") cannot be.
#[rustfmt::skip]
const COMMON_VERBS: &[&str] = &[
    "design", "develop", "create", "implement", "launch", "migrate", "plan", "organize",
    "organise", "prepare", "improve", "reduce", "increase", "manage", "maintain", "coordinate",
    "train", "test", "deploy", "automate", "review", "analyze", "analyse", "support", "deliver",
    "ship", "establish", "streamline", "redesign", "draft", "produce", "update", "install",
    "configure", "raise", "recruit", "onboard", "market", "edit", "host", "open", "close", "audit",
    "document", "scale", "secure", "move",
];

pub(super) fn past_of_base(base: &str) -> Option<String> {
    if let Some((_, past)) = IRREGULAR.iter().find(|(b, _)| *b == base) {
        return Some((*past).to_string());
    }
    if !COMMON_VERBS.contains(&base) {
        return None;
    }
    Some(regular_past(base))
}

/// The regular past: "design" → "designed", "migrate" → "migrated",
/// "copy" → "copied", "plan" → "planned".
fn regular_past(base: &str) -> String {
    let chars: Vec<char> = base.chars().collect();
    let vowel = |c: char| "aeiou".contains(c);
    match chars.as_slice() {
        [.., 'e'] => format!("{base}d"),
        [.., c, 'y'] if !vowel(*c) => format!("{}ied", &base[..base.len() - 1]),
        [.., a, b, c]
            if chars.len() <= 4 && !vowel(*a) && vowel(*b) && !vowel(*c) && !"wxy".contains(*c) =>
        {
            format!("{base}{c}ed")
        }
        _ => format!("{base}ed"),
    }
}

/// The past of an -ing form ("managing" → "managed", "building" →
/// "built"), or None for a word that is no gerund.
pub(super) fn past_of_gerund(word: &str) -> Option<String> {
    let stem = word.strip_suffix("ing")?;
    if stem.chars().count() < 3
        || ["thing", "bring", "spring", "string", "during"]
            .iter()
            .any(|w| word.ends_with(w))
    {
        return None;
    }
    for (base, past) in IRREGULAR {
        let last = &base[base.len() - 1..];
        let dropped_e = base.strip_suffix('e').filter(|_| !base.ends_with("ee"));
        let candidates = [
            dropped_e.map(|b| format!("{b}ing")),
            Some(format!("{base}ing")),
            Some(format!("{base}{last}ing")),
        ];
        if candidates.iter().flatten().any(|g| g == word) {
            return Some((*past).to_string());
        }
    }
    let chars: Vec<char> = stem.chars().collect();
    Some(match chars.as_slice() {
        [.., c, 'y'] if !"aeiou".contains(*c) => format!("{}ied", &stem[..stem.len() - 1]),
        _ => format!("{stem}ed"),
    })
}
