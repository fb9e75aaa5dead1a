//! Expected matched and missing terms for each fixture resume, in each
//! format: the PDF and DOCX renderings must read exactly like the text.

use super::{json_report, matches, warning_ids};

const FORMATS: [&str; 3] = ["txt", "pdf", "docx"];

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = list
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    v.sort();
    v
}

#[test]
fn strong_resume_matches_every_term_exactly_in_every_format() {
    for ext in FORMATS {
        let r = json_report(&format!("fixtures/resumes/strong.{ext}"));
        let m = matches(&r);
        assert_eq!(m.len(), 24, "{ext}: {m:?}");
        assert!(m.iter().all(|(_, k)| k == "exact"), "{ext}: {m:?}");
        assert_eq!(r["missing"].as_array().unwrap().len(), 0, "{ext}");
        assert_eq!(warning_ids(&r), Vec::<String>::new(), "{ext}");
        assert_eq!(r["score"], 100, "{ext}");
    }
}

#[test]
fn weak_resume_gets_partial_credit_for_aliases_and_flags_mistakes() {
    let expected = pairs(&[
        ("Go", "alias"),
        ("Kubernetes", "alias"),
        ("Microservices Architecture", "alias"),
        ("MongoDB", "variant"),
        ("MySQL", "exact"),
        ("Node.js", "alias"),
        ("PostgreSQL", "alias"),
        ("Python", "exact"),
        ("REST API Design", "alias"),
    ]);
    for ext in FORMATS {
        let r = json_report(&format!("fixtures/resumes/weak.{ext}"));
        assert_eq!(matches(&r), expected, "{ext}");
        let missing: Vec<&str> = r["missing"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["term"].as_str().unwrap())
            .collect();
        for term in [
            "System Design",
            "Swift",
            "Objective-C",
            "Docker",
            "SQL",
            "NoSQL",
            "Kafka",
        ] {
            assert!(missing.contains(&term), "{ext}: {term} not in {missing:?}");
        }
        // Ranked by what adding the term would earn.
        let gains: Vec<f64> = r["missing"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["gain"].as_f64().unwrap())
            .collect();
        assert!(gains.windows(2).all(|w| w[0] >= w[1]), "{ext}: {gains:?}");
        let ids = warning_ids(&r);
        for id in [
            "api-design-patterns",
            "database-depth",
            "reliability-keywords",
            "apple-stack-prominence",
            "craftsmanship",
            "quantified-impact",
            "generic-rest-api",
            "misspelled-keyword",
            "public-github-link",
        ] {
            assert!(ids.contains(&id.to_string()), "{ext}: {id} not in {ids:?}");
        }
        let typo = r["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["id"] == "misspelled-keyword")
            .unwrap();
        assert!(typo["message"].as_str().unwrap().contains("\"Kubernets\""));
        assert!(
            typo["evidence"][0]["snippet"]
                .as_str()
                .unwrap()
                .contains("Kubernets clusters")
        );
        let score = r["score"].as_u64().unwrap();
        assert!((15..=35).contains(&score), "{ext}: score {score}");
    }
}

#[test]
fn trap_resume_matches_only_what_is_really_there() {
    let expected = pairs(&[
        ("MongoDB", "exact"),
        ("MySQL", "exact"),
        ("Python", "exact"),
    ]);
    for ext in FORMATS {
        let r = json_report(&format!("fixtures/resumes/traps.{ext}"));
        assert_eq!(matches(&r), expected, "{ext}");
        // C++ in the skills section satisfies the prominence rule; "swift
        // delivery" must not.
        let ids = warning_ids(&r);
        assert!(
            !ids.contains(&"apple-stack-prominence".to_string()),
            "{ext}"
        );
        assert!(
            !ids.contains(&"misspelled-keyword".to_string()),
            "{ext}: {ids:?}"
        );
    }
}

#[test]
fn evidence_points_at_the_right_line_of_the_extracted_text() {
    let r = json_report("fixtures/resumes/weak.txt");
    let k8s = r["matches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["term"] == "Kubernetes")
        .unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/resumes/weak.txt"
    ))
    .unwrap();
    let line = k8s["evidence"]["line"].as_u64().unwrap() as usize;
    assert!(text.lines().nth(line - 1).unwrap().contains("k8s"));
    assert_eq!(k8s["found"], "k8s");
    assert_eq!(k8s["evidence"]["section"], "skills");
    assert!(k8s["advice"].as_str().unwrap().contains("\"Kubernetes\""));

    let pdf = json_report("fixtures/resumes/weak.pdf");
    let m = pdf["matches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["term"] == "Kubernetes")
        .unwrap();
    assert_eq!(m["evidence"]["page"], 1);
    assert!(m["evidence"]["snippet"].as_str().unwrap().contains("k8s"));
}
