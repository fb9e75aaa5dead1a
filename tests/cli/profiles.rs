//! The profile library: `profiles list/show/validate`, `extends`, the user
//! profile directory, falling back to a base role, and job-description mode
//! (`--jd`, `profile-from-jd`) checked against hand-labeled postings.

use super::{ats, json_and_stderr, json_of, succeeded};
use std::collections::BTreeSet;

fn stdout_of(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap();
    succeeded(&out);
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_embedded_profile_loads_and_is_listed() {
    let list = stdout_of(
        ats()
            .args(["profiles", "list"])
            .env("ATS_SCORE_PROFILES", "/nonexistent"),
    );
    for id in ats_score::profile::embedded_ids() {
        let (company, role) = id.split_once('/').unwrap();
        let row = list
            .lines()
            .find(|l| l.contains(&format!(" {company} ")) && l.contains(&format!(" {role} ")))
            .unwrap_or_else(|| panic!("{id} not listed:\n{list}"));
        assert!(
            row.contains("built in") && !row.contains("invalid"),
            "{row}"
        );
        let yaml = stdout_of(ats().args(["profiles", "show", id]));
        let p = ats_score::profile::Profile::from_yaml("shown.yaml", &yaml).unwrap();
        assert_eq!(p.id, id);
        assert!(!p.sources.is_empty(), "{id} names its sources");
    }
}

#[test]
fn show_as_json() {
    let json: serde_json::Value = serde_json::from_str(&stdout_of(ats().args([
        "profiles",
        "show",
        "apple/backend",
        "-f",
        "json",
    ])))
    .unwrap();
    assert_eq!(json["id"], "apple/backend");
    assert_eq!(json["groups"].as_array().unwrap().len(), 12);
}

#[test]
fn validate_reports_location_and_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.yaml");
    std::fs::copy("profiles/apple/backend.yaml", &good).unwrap();
    let out = stdout_of(ats().args(["profiles", "validate", good.to_str().unwrap()]));
    assert!(
        out.contains("valid (12 groups, 24 terms, 11 rules)"),
        "{out}"
    );

    let text = std::fs::read_to_string(&good).unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(
        &bad,
        text.replacen("    weight: 12\n", "    wieght: 12\n", 1),
    )
    .unwrap();
    let out = ats()
        .args(["profiles", "validate", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown field `wieght`") && err.contains("(did you mean `weight`?)"),
        "{err}"
    );
    assert!(err.contains(&format!("{}:", bad.display())), "{err}");

    let kind = dir.path().join("kind.yaml");
    std::fs::write(&kind, text.replacen("missing_any:", "missing_anny:", 1)).unwrap();
    let out = ats()
        .args(["profiles", "validate", kind.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("missing_anny") && err.contains("did you mean `missing_any`"),
        "{err}"
    );
}

#[test]
fn user_profiles_take_precedence_and_extend_bases() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("apple")).unwrap();
    let apple = std::fs::read_to_string("profiles/apple/backend.yaml")
        .unwrap()
        .replace(
            "name: Apple — Backend Developer",
            "name: Apple — Backend (my copy)",
        );
    std::fs::write(dir.path().join("apple/backend.yaml"), apple).unwrap();
    std::fs::create_dir_all(dir.path().join("acme")).unwrap();
    std::fs::write(
        dir.path().join("acme/backend.yaml"),
        "id: acme/backend\nname: Acme — Backend\nextends: apple/backend\nsources: [\"Acme careers page (test)\"]\n\
groups:\n  - id: containers\n    terms:\n      - term: Docker\n        weight: 3\n  - id: acme-stack\n    name: Acme stack\n    weight: 5\n    terms:\n      - term: Elixir\n",
    )
    .unwrap();
    let env = dir.path().to_str().unwrap();
    let list = stdout_of(
        ats()
            .args(["profiles", "list"])
            .env("ATS_SCORE_PROFILES", env),
    );
    let apple_row = list
        .lines()
        .find(|l| l.contains(" apple ") && l.contains(" backend "))
        .unwrap();
    assert!(apple_row.contains("user"), "{apple_row}");
    let acme_row = list.lines().find(|l| l.contains(" acme ")).unwrap();
    assert!(
        acme_row.contains("apple/backend"),
        "extends shown: {acme_row}"
    );

    let r = {
        let out = ats()
            .args([
                "fixtures/resumes/strong.txt",
                "-c",
                "acme",
                "-r",
                "backend",
                "--format",
                "json",
            ])
            .env("ATS_SCORE_PROFILES", env)
            .output()
            .unwrap();
        succeeded(&out);
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    assert_eq!(r["profile"]["id"], "acme/backend");
    let groups: Vec<&str> = r["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_str().unwrap())
        .collect();
    assert_eq!(groups.len(), 13, "12 inherited + 1 new: {groups:?}");
    assert!(
        r["missing"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["term"] == "Elixir")
    );
}

#[test]
fn names_never_reach_outside_the_profile_directories() {
    for (company, role) in [
        ("..", "backend"),
        ("apple", "../../etc/passwd"),
        ("a/b", "c"),
        // Any case is matched ("Apple" is apple, issue 18), but only names.
        ("Apple Inc", "backend"),
    ] {
        let out = ats()
            .args(["fixtures/resumes/strong.txt", "-c", company, "-r", role])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(6), "{company}/{role}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("invalid"));
    }
    let out = ats().args(["profiles", "show", "../etc"]).output().unwrap();
    assert_ne!(out.status.code(), Some(0));
}

/// The skill names the posting labels use (tests/jd/*.expected.yaml): the
/// evaluation is on this vocabulary, since the taxonomy also knows many
/// finer-grained skills ("Idempotency", "Rate limiting") the labels do not
/// judge.
const VOCABULARY: &str = "Python, Java, Go, Rust, Kotlin, Scala, TypeScript, JavaScript, Swift, Objective-C, C++, C#, Ruby, SQL, PostgreSQL, MySQL, MongoDB, Redis, Cassandra, DynamoDB, Elasticsearch, Kafka, RabbitMQ, Spark, Airflow, dbt, Snowflake, BigQuery, Docker, Kubernetes, Terraform, Ansible, Helm, Prometheus, Grafana, Jenkins, GitHub Actions, AWS, Google Cloud, Azure, Linux, React, Vue.js, Angular, Next.js, Node.js, GraphQL, gRPC, REST API, HTML, CSS, Webpack, Jest, Cypress, PyTorch, TensorFlow, scikit-learn, MLflow, Pandas, NumPy, SwiftUI, UIKit, Xcode, Core Data, Combine, CI/CD, Microservices, System Design, Distributed Systems, Observability, Incident Response, Machine Learning, Deep Learning, NLP, Computer Vision, Accessibility, Unit Testing, Agile";

/// The label a profile term stands for: its name or one of its aliases,
/// compared without regard to case (the taxonomy says "Apache Kafka" with
/// the alias "Kafka"; the labels say "Kafka").
fn label_of(t: &ats_score::profile::Term) -> Option<String> {
    let names: Vec<String> = std::iter::once(&t.term)
        .chain(&t.aliases)
        .chain(&t.aliases_case_sensitive)
        .map(|n| n.to_lowercase())
        .collect();
    VOCABULARY
        .split(", ")
        .find(|v| names.contains(&v.to_lowercase()))
        .map(String::from)
}

/// Required skills of the labeled postings in tests/jd/: the profile built
/// from each posting must find them (precision ≥ 0.95, recall ≥ 0.9).
#[test]
fn job_description_mode_finds_the_required_skills() {
    #[derive(serde::Deserialize)]
    struct Expected {
        required: Vec<String>,
        #[serde(default)]
        preferred: Vec<String>,
    }
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut postings = 0;
    let mut misses = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir("tests/jd")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in paths {
        let name = path.to_str().unwrap().to_string();
        if !name.ends_with(".txt") {
            continue;
        }
        postings += 1;
        let expected: Expected = serde_saphyr::from_str(
            &std::fs::read_to_string(name.replace(".txt", ".expected.yaml")).unwrap(),
        )
        .unwrap();
        let yaml = stdout_of(ats().args(["profile-from-jd", &name]));
        let p = ats_score::profile::Profile::from_yaml("jd.yaml", &yaml).unwrap();
        let terms: Vec<_> = p.groups.iter().flat_map(|g| &g.terms).collect();
        let required: BTreeSet<String> = p
            .groups
            .iter()
            .filter(|g| g.id == "required")
            .flat_map(|g| &g.terms)
            .filter_map(label_of)
            .collect();
        let all: BTreeSet<String> = terms.iter().filter_map(|t| label_of(t)).collect();
        let want: BTreeSet<String> = expected.required.iter().cloned().collect();
        for t in &required {
            if want.contains(t) {
                tp += 1;
            } else {
                fp += 1;
                misses.push(format!("{name}: {t} taken as required"));
            }
        }
        for t in want.difference(&required) {
            fn_ += 1;
            misses.push(format!("{name}: required {t} not found as required"));
        }
        for t in &expected.preferred {
            if !all.contains(t) {
                misses.push(format!("{name}: preferred {t} not found"));
            }
        }
    }
    assert!(postings >= 5, "{postings} postings");
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    eprintln!(
        "job descriptions: precision {precision:.3} recall {recall:.3} ({tp} tp, {fp} fp, {fn_} fn)\n{}",
        misses.join("\n")
    );
    assert!(
        precision >= 0.95 && recall >= 0.9,
        "precision {precision:.3} recall {recall:.3}\n{}",
        misses.join("\n")
    );
}

#[test]
fn scoring_against_a_job_description() {
    let jd = std::fs::read_dir("tests/jd")
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .unwrap();
    let jd = jd.to_str().unwrap();
    let alone = json_of(&["fixtures/resumes/strong.txt", "--jd", jd]);
    assert!(alone["profile"]["id"].as_str().unwrap().starts_with("jd/"));
    let combined = json_of(&[
        "fixtures/resumes/strong.txt",
        "-c",
        "apple",
        "-r",
        "backend",
        "--jd",
        jd,
    ]);
    assert_eq!(combined["profile"]["id"], "apple/backend+jd");
    // The round trip: a generated profile loads with --profile.
    let yaml = stdout_of(ats().args(["profile-from-jd", jd]));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("jd.yaml");
    std::fs::write(&file, yaml).unwrap();
    let again = json_of(&[
        "fixtures/resumes/strong.txt",
        "--profile",
        file.to_str().unwrap(),
    ]);
    assert_eq!(again["score"], alone["score"]);
}

#[test]
fn unknown_company_falls_back_to_the_base_role_with_a_note() {
    let (r, stderr) = json_and_stderr(&[
        "fixtures/resumes/strong.txt",
        "-c",
        "initech",
        "-r",
        "frontend",
    ]);
    assert!(
        stderr.contains("no initech-specific profile for the frontend role"),
        "{stderr}"
    );
    assert_eq!(r["profile"]["id"], "base/frontend");
    let generic = json_of(&[
        "fixtures/resumes/strong.txt",
        "-c",
        "generic",
        "-r",
        "backend",
    ]);
    assert_eq!(generic["profile"]["id"], "base/backend");
    // An overlay really extends its base.
    let google = json_of(&[
        "fixtures/resumes/strong.txt",
        "-c",
        "google",
        "-r",
        "backend",
    ]);
    assert_eq!(google["profile"]["id"], "google/backend");
}

/// Issue 18: a user profile whose `id` disagrees with its place in the
/// profile directory was accepted silently, listed under one name and
/// reporting another. It is now a profile error that says what to change.
#[test]
fn a_user_profile_id_must_match_its_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("acme")).unwrap();
    std::fs::copy(
        "profiles/apple/backend.yaml",
        dir.path().join("acme/widgets.yaml"),
    )
    .unwrap();
    let out = ats()
        .args(["fixtures/resumes/strong.txt", "-c", "acme", "-r", "widgets"])
        .env("ATS_SCORE_PROFILES", dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(6), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("widgets.yaml: its id is 'apple/backend', but its place in the profile directory makes it 'acme/widgets': write `id: acme/widgets` or move the file"),
        "{err}"
    );
    let list = String::from_utf8(
        ats()
            .args(["profiles", "list"])
            .env("ATS_SCORE_PROFILES", dir.path())
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let row = list.lines().find(|l| l.contains(" acme ")).unwrap();
    assert!(row.contains("invalid"), "{row}");
    // With the id written as its place says, it scores.
    let text = std::fs::read_to_string("profiles/apple/backend.yaml")
        .unwrap()
        .replace("id: apple/backend", "id: acme/widgets");
    std::fs::write(dir.path().join("acme/widgets.yaml"), text).unwrap();
    succeeded(
        &ats()
            .args(["fixtures/resumes/strong.txt", "-c", "acme", "-r", "widgets"])
            .env("ATS_SCORE_PROFILES", dir.path())
            .output()
            .unwrap(),
    );
}
