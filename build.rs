//! Embeds every `profiles/<company>/<role>.yaml` into the binary, so the tool
//! works from any directory and a new profile needs no Rust change: drop a
//! YAML file in `profiles/` and rebuild. Each is embedded as JSON, converted
//! here: reading 9 KB of YAML took about 7% of a whole run on a resume, JSON
//! a tenth of that. The schema is still checked when the profile is read.

use std::fmt::Write;
use std::path::Path;

// The matcher's tokenizer and variant keys, shared so the taxonomy's keys
// are computed here exactly as the matcher computes a profile's.
#[allow(dead_code)]
#[path = "src/matcher/keys.rs"]
mod keys;
#[allow(dead_code)]
#[path = "src/matcher/literals.rs"]
mod literals;
#[allow(dead_code)]
#[path = "src/matcher/tokens.rs"]
mod tokens;

fn main() {
    git_version();
    skill_names();
    taxonomy();
    ordinary_words();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut entries = Vec::new();
    if let Ok(companies) = std::fs::read_dir(&root) {
        for company in companies.flatten() {
            let dir = company.path();
            if !dir.is_dir() {
                continue;
            }
            println!("cargo:rerun-if-changed={}", dir.display());
            for file in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = file.path();
                if path.extension().and_then(|e| e.to_str()) != Some("yaml") {
                    continue;
                }
                println!("cargo:rerun-if-changed={}", path.display());
                let id = format!(
                    "{}/{}",
                    dir.file_name().unwrap().to_string_lossy(),
                    path.file_stem().unwrap().to_string_lossy()
                );
                entries.push((id, path));
            }
        }
    }
    entries.sort();
    let out_dir = Path::new(&std::env::var("OUT_DIR").unwrap()).to_path_buf();
    let mut out = String::from("pub(super) static PROFILES: &[(&str, &str)] = &[\n");
    for (id, path) in &entries {
        let yaml = std::fs::read_to_string(path).unwrap();
        let value: serde_json::Value =
            serde_saphyr::from_str(&yaml).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json_path = out_dir.join(format!("{}.json", id.replace('/', "__")));
        std::fs::write(&json_path, serde_json::to_string(&value).unwrap()).unwrap();
        writeln!(
            out,
            "    ({id:?}, include_str!({:?})),",
            json_path.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    std::fs::write(out_dir.join("embedded_profiles.rs"), out).unwrap();
}

/// `ATS_SCORE_GIT`: the commit the binary was built from, for `--version`
/// and bug reports; "unknown" outside a git checkout (e.g. a crate tarball).
fn git_version() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let hash = std::process::Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .current_dir(dir)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=ATS_SCORE_GIT={hash}");
    for git in [".git/HEAD", ".git/refs/heads"] {
        let path = dir.join(git);
        if path.exists() {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
}

/// `skill_names.rs`: every technical taxonomy term and alias, lowercased
/// and sorted, for a binary search where parsing the taxonomy would cost
/// too much (the heading detector asks whether a short capitalised line is
/// a skill). Practices ("Open source", "Agile") are left out: they also
/// head sections.
fn skill_names() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("taxonomy/skills.yaml");
    println!("cargo:rerun-if-changed={}", path.display());
    let yaml = std::fs::read_to_string(&path).unwrap();
    let skills: Vec<serde_json::Value> =
        serde_saphyr::from_str(&yaml).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut names: Vec<String> = skills
        .iter()
        .filter(|s| s["category"] != "practice")
        .flat_map(|s| {
            let term = s["term"].as_str().map(str::to_string);
            let aliases = ["aliases", "aliases_case_sensitive"]
                .iter()
                .flat_map(|k| s[*k].as_array().cloned().unwrap_or_default())
                .filter_map(|a| a.as_str().map(str::to_string));
            term.into_iter().chain(aliases).collect::<Vec<_>>()
        })
        .map(|n| n.to_lowercase())
        .collect();
    names.sort();
    names.dedup();
    let mut out = String::from("pub(super) static SKILL_NAMES: &[&str] = &[\n");
    for n in &names {
        writeln!(out, "    {n:?},").unwrap();
    }
    out.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(Path::new(&out_dir).join("skill_names.rs"), out).unwrap();
}

/// `taxonomy/ordinary-words.txt` as a sorted slice, for the matcher's
/// context check (`src/matcher/context.rs`).
fn ordinary_words() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("taxonomy/ordinary-words.txt");
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).unwrap();
    let lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase);
    let (mut words, mut phrases): (Vec<String>, Vec<String>) =
        lines.partition(|l| l.chars().all(char::is_alphanumeric));
    let mut out = String::new();
    for (name, list) in [
        ("ORDINARY_WORDS", &mut words),
        ("SET_PHRASES", &mut phrases),
    ] {
        list.sort();
        list.dedup();
        writeln!(out, "pub(super) static {name}: &[&str] = &[").unwrap();
        for w in list.iter() {
            writeln!(out, "    {w:?},").unwrap();
        }
        out.push_str("];\n");
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("taxonomy/lowercase-words.txt");
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lower: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect();
    lower.sort();
    lower.dedup();
    out.push_str("pub(super) static LOWERCASE_WORDS: &[&str] = &[\n");
    for w in &lower {
        writeln!(out, "    {w:?},").unwrap();
    }
    out.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(Path::new(&out_dir).join("ordinary_words.rs"), out).unwrap();
}

/// `taxonomy.rs`: the skill taxonomy precompiled for job-description mode.
/// Parsing its 114 KB of YAML and compiling a matcher for its 2,000 skills
/// took 35 ms a run, more than scoring a resume; so the YAML becomes one
/// JSON text per skill (a posting parses only the skills it names), and
/// every squashed key of every form (see `src/matcher/keys.rs`) a sorted
/// table of key → skills, looked up for each window of the posting.
fn taxonomy() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("taxonomy");
    let mut skills: Vec<serde_json::Value> = Vec::new();
    for file in ["skills.yaml", "soft-skills.yaml"] {
        let path = dir.join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let yaml = std::fs::read_to_string(&path).unwrap();
        let list: Vec<serde_json::Value> =
            serde_saphyr::from_str(&yaml).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        skills.extend(list);
    }
    let mut keys: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
    let mut max_tokens = 1;
    for (i, s) in skills.iter().enumerate() {
        let forms = std::iter::once(&s["term"]).chain(
            ["aliases", "aliases_case_sensitive"]
                .iter()
                .flat_map(|k| s[*k].as_array().into_iter().flatten()),
        );
        for form in forms.filter_map(|f| f.as_str()) {
            let text = form.split_whitespace().collect::<Vec<_>>().join(" ");
            let toks: Vec<String> = tokens::tokenize(&text)
                .iter()
                .map(|t| text[t.start..t.end].to_string())
                .collect();
            max_tokens = max_tokens.max(toks.len());
            for k in keys::variant_keys(&toks, false) {
                let entry = keys.entry(k.key).or_default();
                if !entry.contains(&i) {
                    entry.push(i);
                }
            }
        }
    }
    let mut out = format!("pub(super) const MAX_TOKENS: usize = {max_tokens};\n");
    out.push_str("pub(super) static SKILLS: &[&str] = &[\n");
    for s in &skills {
        writeln!(out, "    {:?},", serde_json::to_string(s).unwrap()).unwrap();
    }
    out.push_str("];\npub(super) static KEYS: &[(&str, &[u16])] = &[\n");
    for (k, ids) in &keys {
        writeln!(out, "    ({k:?}, &{ids:?}),").unwrap();
    }
    out.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(Path::new(&out_dir).join("taxonomy.rs"), out).unwrap();
}
