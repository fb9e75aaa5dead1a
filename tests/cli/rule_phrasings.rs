//! Mistake rules against what people really write. Found on real resumes:
//! `database-depth` fired on "Designed MySQL database schema with 15
//! tables" and on a query-optimizer engineer; `no-testing` fired on "Vitest,
//! Mocha/Sinon", "well-tested code", "kernel selftests" and a skills list
//! with "Software Testing". Each rule gets phrasings that must fire and
//! phrasings that must not, each on a resume otherwise silent on the topic.

use super::ats;

/// A short resume that names a database (for `database-depth`) and says
/// nothing of tests or of schema and query work.
const BASE: &str = "Jordan Pell\njordan@example.com | (555) 010-2000\n\nSUMMARY\nEngineer who ships web services.\n\nSKILLS\nGo, TypeScript, React, Docker\n\nEXPERIENCE\nEngineer, Acme, 2019-2024\n- Built the billing service used by 40 teams\n- Led the move of 12 services to containers\n\nEDUCATION\nB.S. Computer Science, 2019\n";

/// Whether `rule` fires for the resume BASE plus `line`, on `profile`.
fn fires(profile: &str, rule: &str, line: &str) -> bool {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("resume.txt");
    std::fs::write(&path, format!("{BASE}- {line}\n")).unwrap();
    let (company, role) = profile.split_once('/').unwrap();
    let out = ats()
        .arg(&path)
        .args(["-c", company, "-r", role, "--format", "json"])
        .output()
        .unwrap();
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["id"] == rule)
}

#[track_caller]
fn check(profiles: &[&str], rule: &str, must_fire: &[&str], must_not: &[&str]) {
    let mut wrong = Vec::new();
    for profile in profiles {
        for line in must_fire {
            if !fires(profile, rule, line) {
                wrong.push(format!("{profile} {rule}: should fire on {line:?}"));
            }
        }
        for line in must_not {
            if fires(profile, rule, line) {
                wrong.push(format!("{profile} {rule}: should not fire on {line:?}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn database_depth() {
    check(
        &["base/backend", "base/full-stack", "apple/backend"],
        "database-depth",
        &[
            "Used PostgreSQL and Redis in production",
            "Worked with MySQL and MongoDB daily",
            "Stored orders in PostgreSQL",
            "Maintained the team's Redis cache",
            "Wrote SQL reports for finance",
        ],
        &[
            "Designed MySQL database schema with 15 tables",
            "Tuned PostgreSQL queries by reading execution plans",
            "Built a query optimizer that generates stable execution plans for SQL",
            "Added indexes to PostgreSQL; report query from 6 s to 300 ms",
            "Ran zero-downtime PostgreSQL migrations for 40 tables",
            "Sharded the MongoDB cluster by tenant",
        ],
    );
}

#[test]
fn testing_is_mentioned() {
    let must_fire = [
        "Shipped features every week",
        "Reviewed code for the team",
        "Improved page load time by 30%",
        "Mentored two interns",
        "Wrote the deployment runbook",
    ];
    let must_not = [
        "Frontend tests with Vitest, Mocha/Sinon",
        "Known for well-tested code and careful reviews",
        "Wrote kernel selftests for the scheduler",
        "Skills: Software Testing, Agile",
        "Raised unit test coverage from 40% to 85%",
        "Added Playwright end-to-end tests to CI",
        "Tested the payment flow with pytest",
    ];
    check(
        &["base/frontend", "base/full-stack"],
        "no-testing",
        &must_fire,
        &must_not,
    );
    check(&["base/backend"], "testing-practice", &must_fire, &must_not);
}
