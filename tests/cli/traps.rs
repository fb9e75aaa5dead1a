//! Token-boundary traps through the binary with a profile of easily
//! confused terms (`--profile`): look-alikes match nothing, real uses match.

use super::json_of;
use serde_json::Value;

fn run(path: &str) -> Value {
    json_of(&[path, "--profile", "tests/profiles/traps.yaml"])
}

#[test]
fn false_friends_match_nothing() {
    let r = run("fixtures/traps/false-friends.txt");
    let found: Vec<String> = r["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            format!(
                "{} <- {:?} line {}",
                m["term"], m["found"], m["evidence"]["line"]
            )
        })
        .collect();
    assert!(found.is_empty(), "false hits: {found:#?}");
    assert_eq!(r["score"], 0);
}

#[test]
fn real_uses_all_match_exactly() {
    let r = run("fixtures/traps/true-hits.txt");
    let mut exact: Vec<&str> = r["matches"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["kind"] == "exact")
        .map(|m| m["term"].as_str().unwrap())
        .collect();
    exact.sort_unstable();
    let mut all = vec![
        "C", "Docker", "Go", "Java", "Kafka", "Node.js", "REST", "Redis", "Rust", "SQL", "Swift",
    ];
    all.sort_unstable();
    assert_eq!(exact, all);
    assert_eq!(r["score"], 100);
    assert_eq!(r["profile"]["id"], "test/traps");
}
