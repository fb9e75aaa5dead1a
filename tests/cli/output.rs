//! Output contracts: JSON alone on stdout with its schema fields, a stable
//! JSON snapshot, a human report that fits 80 columns, `--explain` whose
//! arithmetic ends at the printed score, stdin input, and format notices.

use super::{ats, json_and_stderr, json_report};
use serde_json::Value;

/// The report with its tool version blanked, so a release does not churn
/// the snapshots.
fn stable(mut v: Value) -> Value {
    v["tool"]["version"] = Value::from("[version]");
    v
}

#[test]
fn json_snapshots() {
    for f in ["weak.txt", "traps.txt", "weak.pdf"] {
        let r = stable(json_report(&format!("fixtures/resumes/{f}")));
        insta::assert_json_snapshot!(f, r);
    }
}

#[test]
fn json_has_the_documented_fields() {
    let r = json_report("fixtures/resumes/weak.docx");
    assert_eq!(r["schema_version"], 1);
    assert_eq!(r["input"]["path"], "fixtures/resumes/weak.docx");
    assert_eq!(r["input"]["format"], "docx");
    assert_eq!(r["profile"]["id"], "apple/backend");
    let parts = &r["score_parts"];
    let sum =
        parts["keywords"]["points"].as_f64().unwrap() + parts["rules"]["points"].as_f64().unwrap();
    assert!((sum - parts["exact"].as_f64().unwrap()).abs() < 1e-3);
    assert_eq!(
        r["score"].as_f64().unwrap(),
        parts["exact"].as_f64().unwrap().round()
    );
    for m in r["matches"].as_array().unwrap() {
        for key in ["term", "group", "kind", "found", "credit", "evidence"] {
            assert!(!m[key].is_null(), "match without {key}: {m}");
        }
        assert!(["exact", "alias", "fuzzy"].contains(&m["kind"].as_str().unwrap()));
        assert!(m["evidence"]["line"].as_u64().unwrap() >= 1);
    }
    for w in r["warnings"].as_array().unwrap() {
        for key in ["id", "severity", "message", "fix", "evidence"] {
            assert!(!w[key].is_null(), "warning without {key}: {w}");
        }
    }
}

#[test]
fn human_report_fits_80_columns() {
    for f in ["strong.pdf", "weak.docx", "traps.txt"] {
        let out = ats()
            .args([
                &format!("fixtures/resumes/{f}"),
                "-c",
                "apple",
                "-r",
                "backend",
                "--explain",
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        for line in text.lines() {
            assert!(
                line.chars().count() <= 80,
                "{f}: {} cols: {line}",
                line.chars().count()
            );
        }
        assert!(text.contains("SCORE "), "{f}");
    }
}

#[test]
fn human_report_snapshot() {
    let out = ats()
        .args(["fixtures/resumes/weak.txt", "-c", "apple", "-r", "backend"])
        .output()
        .unwrap();
    insta::assert_snapshot!("weak_human", String::from_utf8(out.stdout).unwrap());
}

#[test]
fn explain_arithmetic_ends_at_the_score() {
    for f in ["strong.txt", "weak.txt", "traps.txt"] {
        let path = format!("fixtures/resumes/{f}");
        let score = json_report(&path)["score"].as_u64().unwrap();
        let out = ats()
            .args([&path, "-c", "apple", "-r", "backend", "--explain"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(&format!("SCORE {score}/100")), "{f}");
        assert!(text.contains(&format!("rounded: {score}\n")), "{f}");
        assert!(text.contains("K = Σ weight × credit ÷ Σ weight"), "{f}");
        assert!(text.contains("Sections found: header"), "{f}");
        assert!(text.contains("Contact data: email"), "{f}");
    }
    // Which rules fired and why, in the explanation of a weak resume.
    let out = ats()
        .args([
            "fixtures/resumes/weak.txt",
            "-c",
            "apple",
            "-r",
            "backend",
            "--explain",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let explain = &text[text.find("How the score was computed").unwrap()..];
    for (rule, result) in [("database-depth", "fired"), ("public-github-link", "fired")] {
        let row = explain.lines().find(|l| l.contains(rule)).unwrap();
        assert!(row.contains(result), "{row}");
    }
    assert!(
        explain.contains("appears but none of"),
        "requires_context says why"
    );
}

#[test]
fn stdin_is_read_with_dash() {
    let text = std::fs::read("fixtures/resumes/weak.txt").unwrap();
    let out = ats()
        .args(["-", "-c", "apple", "-r", "backend", "--format", "json"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(out.status.success());
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["input"]["path"], "<stdin>");
    assert_eq!(
        r["score"],
        json_report("fixtures/resumes/weak.txt")["score"]
    );
}

#[test]
fn content_wins_over_extension_with_a_notice() {
    let (r, stderr) = json_and_stderr(&[
        "fixtures/bad/docx-named.pdf",
        "-c",
        "apple",
        "-r",
        "backend",
    ]);
    assert!(
        stderr.contains("the name says PDF but the contents are DOCX"),
        "{stderr}"
    );
    assert_eq!(r["input"]["format"], "docx");
    assert_eq!(
        r["score"],
        json_report("fixtures/resumes/strong.docx")["score"]
    );
}
