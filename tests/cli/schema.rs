//! Every JSON report validates against the schema `ats-score schema`
//! prints (`schema/report.schema.json`): reports of every fixture folder,
//! against several profiles and job postings, failed files, JSON arrays and
//! JSONL lines. The schema allows only the keys it lists, so a report that
//! grows a key without a schema update fails here.

use super::{ats, succeeded};
use serde_json::Value;

fn validator() -> jsonschema::Validator {
    let out = ats().arg("schema").output().unwrap();
    succeeded(&out);
    let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
    jsonschema::draft202012::new(&schema).expect("the schema is valid JSON Schema 2020-12")
}

/// The JSON documents a run prints: one per line with `jsonl`, else one.
fn documents(args: &[&str]) -> Vec<Value> {
    let out = ats().args(args).output().unwrap();
    assert!(out.status.code().is_some_and(|c| c != 70), "{args:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    if args.contains(&"jsonl") {
        text.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    } else {
        vec![serde_json::from_str(&text).unwrap()]
    }
}

#[track_caller]
fn assert_valid(v: &jsonschema::Validator, doc: &Value, what: &str) {
    let errors: Vec<String> = v
        .iter_errors(doc)
        .take(5)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

#[test]
fn every_report_validates_against_the_schema() {
    let v = validator();
    let mut reports = 0;
    let mut failures = 0;
    let runs: &[&[&str]] = &[
        &[
            "fixtures/resumes",
            "fixtures/producers/pdf",
            "fixtures/structure",
            "fixtures/integrity",
            "-c",
            "apple",
            "-r",
            "backend",
        ],
        &[
            "fixtures/layout",
            "fixtures/fit",
            "-c",
            "base",
            "-r",
            "data-scientist",
        ],
        &[
            "fixtures/bad",
            "fixtures/resumes",
            "-c",
            "stripe",
            "-r",
            "frontend",
        ],
        &[
            "fixtures/jd/pairs",
            "--jd",
            "fixtures/jd/postings/p01-stripe-backend-engineer.txt",
        ],
        &[
            "fixtures/resumes",
            "--jd",
            "fixtures/jd/postings/p03-zalando-senior-backend-engineer.txt",
            "-c",
            "apple",
            "-r",
            "backend",
        ],
    ];
    for run in runs {
        for doc in documents(&[run, &["-f", "jsonl"][..]].concat()) {
            assert_valid(&v, &doc, &format!("{run:?}: {}", doc["input"]["path"]));
            if doc.get("error").is_some() {
                failures += 1;
            } else {
                reports += 1;
            }
        }
    }
    assert!(
        reports >= 300 && failures >= 5,
        "{reports} reports, {failures} failures"
    );

    // A batch's JSON array, and single reports with and without a posting.
    for args in [
        &[
            "fixtures/resumes",
            "fixtures/bad",
            "-c",
            "apple",
            "-r",
            "backend",
            "-f",
            "json",
        ][..],
        &[
            "fixtures/resumes/weak.pdf",
            "-c",
            "apple",
            "-r",
            "ios",
            "-f",
            "json",
        ],
        &[
            "fixtures/resumes/traps.docx",
            "--jd-text",
            "Backend engineer. Requirements: 5+ years of Go, Kafka; BS in CS.",
            "-f",
            "json",
        ],
    ] {
        for doc in documents(args) {
            assert_valid(&v, &doc, &format!("{args:?}"));
        }
    }

    // The schema is strict: an unknown key, or a missing score, fails.
    let mut report = super::json_report("fixtures/resumes/weak.txt");
    assert_valid(&v, &report, "weak.txt");
    report["matches"][0]["surprise"] = Value::from(1);
    assert!(!v.is_valid(&report), "an unlisted key is refused");
    report["matches"][0]
        .as_object_mut()
        .unwrap()
        .remove("surprise");
    report.as_object_mut().unwrap().remove("score");
    assert!(!v.is_valid(&report), "a missing score is refused");
}
