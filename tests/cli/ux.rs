//! The user-facing conventions: colors (auto/always/never, NO_COLOR),
//! `extract`, Markdown and HTML reports, completions, man page, --quiet,
//! --version, and `diff`.

use super::{WEAK_APPLE, ats, succeeded};
use serde_json::Value;

const WEAK: [&str; 5] = ["fixtures/resumes/weak.txt", "-c", "apple", "-r", "backend"];

fn stdout(args: &[&str]) -> String {
    let out = ats().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn human_report_snapshot_in_color() {
    let text = stdout(&[&WEAK[..], &["--color", "always"]].concat());
    assert!(text.contains("\u{1b}["), "escapes with --color always");
    insta::assert_snapshot!("weak_human_color", text);
}

#[test]
fn color_is_off_in_pipes_with_no_color_and_never() {
    assert!(!stdout(&WEAK).contains('\u{1b}'), "auto: not a terminal");
    assert!(!stdout(&[&WEAK[..], &["--color", "never"]].concat()).contains('\u{1b}'));
    let out = ats()
        .args(WEAK)
        .args(["--color", "auto"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}

#[test]
fn next_edits_are_ranked_by_gain() {
    let text = stdout(&WEAK);
    let at = text.find("Next edits that raise your score most").unwrap();
    let edits: Vec<&str> = text[at..].lines().skip(1).take(3).collect();
    assert!(
        edits[0].starts_with("  1. Add \"System Design\""),
        "{edits:?}"
    );
    assert!(edits.iter().all(|e| e.contains("(+")), "{edits:?}");
}

/// Issue 18: a group that takes any one of AWS, GCP and Azure is one
/// edit, in every report, with the gain that adding one of them really
/// brings; adding a second brings nothing.
#[test]
fn alternatives_are_one_edit_with_their_real_gain() {
    let dir = tempfile::tempdir().unwrap();
    let resume = std::fs::read_to_string("fixtures/resumes/weak.txt").unwrap();
    assert!(!["AWS", "GCP", "Azure"].iter().any(|c| resume.contains(c)));
    let base = dir.path().join("base.txt");
    std::fs::write(&base, &resume).unwrap();
    let run = |path: &std::path::Path, extra: &[&str]| {
        stdout(
            &[
                &[path.to_str().unwrap(), "-c", "base", "-r", "devops-sre"][..],
                extra,
            ]
            .concat(),
        )
    };
    let json: Value = serde_json::from_str(&run(&base, &["-f", "json"])).unwrap();
    let clouds: Vec<&Value> = json["missing"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| ["AWS", "GCP", "Azure"].contains(&m["term"].as_str().unwrap()))
        .collect();
    assert_eq!(clouds.len(), 3);
    for m in &clouds {
        assert_eq!(
            m["one_of"],
            serde_json::json!(["AWS", "GCP", "Azure"]),
            "{m}"
        );
    }
    let gain = clouds[0]["gain"].as_f64().unwrap();
    let exact = |path: &std::path::Path| {
        let j: Value = serde_json::from_str(&run(path, &["-f", "json"])).unwrap();
        j["score_parts"]["exact"].as_f64().unwrap()
    };
    let one = dir.path().join("one.txt");
    std::fs::write(
        &one,
        format!(
            "{resume}
Cloud: GCP
"
        ),
    )
    .unwrap();
    let all = dir.path().join("all.txt");
    std::fs::write(
        &all,
        format!(
            "{resume}
Cloud: AWS, GCP, Azure
"
        ),
    )
    .unwrap();
    let before = exact(&base);
    assert!(
        (exact(&one) - before - gain).abs() < 0.05,
        "{before} {gain}"
    );
    assert!((exact(&all) - exact(&one)).abs() < 1e-6);

    let human = run(&base, &["--color", "never"]);
    assert!(human.contains("one of: AWS, GCP, Azure"), "{human}");
    assert_eq!(human.matches("Add \"AWS\"").count(), 0, "{human}");
    let md = run(&base, &["-f", "md"]);
    assert!(md.contains("one of: AWS, GCP, Azure"), "{md}");
    let html = run(&base, &["-f", "html"]);
    let mut sets: Vec<Value> = Vec::new();
    for m in json["missing"].as_array().unwrap() {
        let key = match &m["one_of"] {
            Value::Null => m["term"].clone(),
            set => set.clone(),
        };
        if m["gain"].as_f64().unwrap() > 0.0 && !sets.contains(&key) {
            sets.push(key);
        }
    }
    assert!(
        html.contains(&format!("({} worth adding)", sets.len())),
        "{}",
        sets.len()
    );

    // A batch's "Add first" and CSV `top_missing` list the set once.
    let profile = dir.path().join("cloud.yaml");
    std::fs::write(
        &profile,
        "id: test/cloud\nname: Cloud\nscoring:\n  keywords: 100\n  rules: 0\ngroups:\n  - id: cloud\n    name: Cloud\n    weight: 5\n    count: 1\n    terms:\n      - term: AWS\n      - term: GCP\n      - term: Azure\n  - id: lang\n    name: Languages\n    weight: 1\n    terms:\n      - term: Haskell\n",
    )
    .unwrap();
    let csv = stdout(&[
        base.to_str().unwrap(),
        one.to_str().unwrap(),
        "--profile",
        profile.to_str().unwrap(),
        "-f",
        "csv",
    ]);
    let row = csv.lines().find(|l| l.contains("base.txt")).unwrap();
    assert!(row.contains("AWS or GCP or Azure; Haskell"), "{csv}");
}

#[test]
fn extract_shows_what_an_ats_reads() {
    let text = stdout(&["extract", "fixtures/resumes/weak.pdf"]);
    assert!(text.contains("Jordan Pell"));
    assert!(text.contains("Kubernets clusters"));
    let marked = stdout(&["extract", "fixtures/resumes/weak.docx", "--sections"]);
    assert!(
        marked.contains("──── skills: TECHNICAL SKILLS ────"),
        "{marked}"
    );
    assert!(marked.contains("──── experience: EXPERIENCE ────"));
    let plain = std::fs::read_to_string("fixtures/resumes/weak.txt").unwrap();
    assert_eq!(
        stdout(&["extract", "fixtures/resumes/weak.txt"]).trim_end(),
        plain.trim_end()
    );
}

#[test]
fn markdown_report() {
    let md = stdout(&[&WEAK[..], &["--format", "md"]].concat());
    assert!(md.starts_with("# ATS score: 22/100 (weak)\n"));
    assert!(md.contains("| Skill group | Term | How | Line | Evidence |"));
    assert!(md.contains("## Mistakes to fix"));
    insta::assert_snapshot!("weak_markdown", md);
}

#[test]
fn html_report_is_well_formed_and_self_contained() {
    let html = stdout(&[
        "fixtures/resumes/weak.pdf",
        "-c",
        "apple",
        "-r",
        "backend",
        "--format",
        "html",
    ]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("name=\"viewport\""), "readable on a phone");
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"));
    let mut reader = quick_xml::Reader::from_str(html.trim_start_matches("<!DOCTYPE html>\n"));
    let mut depth = 0i32;
    let mut chips = 0;
    loop {
        match reader
            .read_event()
            .unwrap_or_else(|e| panic!("not well-formed at {}: {e}", reader.buffer_position()))
        {
            quick_xml::events::Event::Start(e) => {
                depth += 1;
                let class = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == b"class")
                    .map(|a| String::from_utf8_lossy(&a.value).to_string());
                if class.is_some_and(|c| c.starts_with("chip ")) {
                    chips += 1;
                }
            }
            quick_xml::events::Event::End(_) => depth -= 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "every element closed");
    assert_eq!(chips, 24, "one chip per profile term");
}

/// Issue 18: completions offer the companies, roles and profile ids (the
/// user's too), not file names; the man page names only pages that
/// `man --dir` writes, has EXIT STATUS and ENVIRONMENT, and never sends a
/// reader to a README that an installed system does not have.
#[test]
fn completions_and_man_page() {
    let mine = tempfile::tempdir().unwrap();
    std::fs::create_dir(mine.path().join("acme")).unwrap();
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles/apple/backend.yaml"),
        mine.path().join("acme/widgets.yaml"),
    )
    .unwrap();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = ats()
            .env("ATS_SCORE_PROFILES", mine.path())
            .args(["completions", shell])
            .output()
            .unwrap();
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains("min-score"), "{shell}: flags are completed");
        // clap_complete's PowerShell script completes option names only.
        if shell == "powershell" {
            continue;
        }
        for name in ["apple", "data-scientist", "acme", "widgets"] {
            assert!(script.contains(name), "{shell}: {name} is not offered");
        }
        // clap_complete's fish script completes no positional values of a
        // nested subcommand (`profiles show ID`); the others do.
        if shell != "fish" {
            for id in ["apple/backend", "acme/widgets"] {
                assert!(script.contains(id), "{shell}: {id} is not offered");
            }
        }
    }
    let zsh = stdout(&["completions", "zsh"]);
    assert!(
        zsh.lines()
            .any(|l| l.starts_with("'--company=") && l.contains(":COMPANY:(amazon apple base ")),
        "{zsh}"
    );

    let man = stdout(&["man"]);
    assert!(man.contains(".TH ats-score"), "{}", &man[..200]);
    for section in [
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
        ".SH FILES",
        ".SH EXAMPLES",
    ] {
        assert!(man.contains(section), "no {section}");
    }
    for var in ["NO_COLOR", "ATS_SCORE_PROFILES", "COLUMNS"] {
        assert!(man.contains(var), "{var}");
    }
    let dir = tempfile::tempdir().unwrap();
    succeeded(
        &ats()
            .args(["man", "--dir"])
            .arg(dir.path())
            .output()
            .unwrap(),
    );
    let pages: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(pages.len() >= 10, "{pages:?}");
    let mut refs = 0;
    for page in &pages {
        let text = std::fs::read_to_string(dir.path().join(page)).unwrap();
        assert!(!text.contains("README"), "{page} points to the README");
        for (i, _) in text.match_indices("ats\\-score\\-") {
            let raw: String = text[i..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '\\' || *c == '-')
                .collect();
            if !text[i + raw.len()..].starts_with('(') {
                continue; // a page's own NAME line, not a reference
            }
            let name = raw.replace('\\', "");
            assert!(
                pages.contains(&format!("{name}.1")),
                "{page} names {name}(1), not written"
            );
            refs += 1;
        }
    }
    assert!(refs >= 10, "{refs}");
}

#[test]
fn quiet_prints_nothing_and_keeps_the_exit_status() {
    let out = ats()
        .args(WEAK)
        .args(["--quiet", "--min-score", "50"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
    let out = ats()
        .args(WEAK)
        .args(["-q", "--min-score", "10"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    // Errors are still reported.
    let out = ats()
        .args(["fixtures/nope.pdf", "-c", "apple", "-r", "backend", "-q"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(!out.stderr.is_empty());
}

#[test]
fn version_names_the_commit() {
    let v = stdout(&["--version"]);
    assert!(
        v.starts_with(&format!("ats-score {} (", env!("CARGO_PKG_VERSION"))),
        "{v}"
    );
    assert!(v.trim_end().ends_with(')'));
    // The JSON report names the same build.
    let report = super::json_report("fixtures/resumes/weak.txt");
    assert_eq!(
        Some(v.trim_end().trim_start_matches("ats-score ")),
        report["tool"]["version"].as_str()
    );
}

#[test]
fn help_has_examples() {
    let help = stdout(&["--help"]);
    assert!(help.contains("Examples:") && help.contains("ats-score diff old.pdf new.pdf"));
}

#[test]
fn diff_between_two_versions() {
    let args = [
        "diff",
        "fixtures/resumes/weak.txt",
        "fixtures/resumes/strong.pdf",
        "-c",
        "apple",
        "-r",
        "backend",
    ];
    let text = stdout(&args);
    assert!(text.starts_with("SCORE  22 → 100  (+78)"), "{text}");
    assert!(text.contains("Kubernetes"));
    let json: Value =
        serde_json::from_str(&stdout(&[&args[..], &["--format", "json"]].concat())).unwrap();
    assert_eq!(json["score_change"], 78);
    let k8s = json["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["term"] == "Kubernetes")
        .unwrap();
    assert_eq!(
        (k8s["before"].as_str(), k8s["after"].as_str()),
        (Some("alias"), Some("exact"))
    );
    let fixed: Vec<&str> = json["fixed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["id"].as_str().unwrap())
        .collect();
    assert!(
        fixed.contains(&"public-github-link") && fixed.contains(&"misspelled-keyword"),
        "{fixed:?}"
    );
    assert!(json["introduced"].as_array().unwrap().is_empty());
}

/// Found by review: the width came only from `$COLUMNS`, so a wide
/// terminal still got 80 columns. Run under a pseudo-terminal (util-linux
/// `script`) 132 columns wide: the report uses them; piped, it is 80.
#[cfg(unix)]
#[test]
fn tables_use_the_terminal_width() {
    let bin = env!("CARGO_BIN_EXE_ats-score");
    let cmd = format!(
        "stty cols 132 rows 50; unset COLUMNS; {bin} fixtures/resumes/weak.txt -c apple -r backend --color never"
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("util-linux `script` runs a command under a pseudo-terminal");
    let text = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    let widest = |t: &str| t.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert_eq!(widest(&text), 132, "{text}");
    let piped = super::ats().args(WEAK_APPLE).output().unwrap();
    assert_eq!(widest(&String::from_utf8_lossy(&piped.stdout)), 80);
}

/// Issue 18's small things: names in any case, a company alone as a
/// profile id, standard input asked for twice.
#[test]
fn names_in_any_case_and_clear_usage_errors() {
    let lower = stdout(&[&WEAK_APPLE[..], &["-f", "json"]].concat());
    let upper = stdout(&[
        "fixtures/resumes/weak.txt",
        "-c",
        "Apple",
        "-r",
        "Backend",
        "-f",
        "json",
    ]);
    let score = |t: &str| serde_json::from_str::<Value>(t).unwrap()["score"].clone();
    assert_eq!(score(&lower), score(&upper));
    assert!(stdout(&["profiles", "show", "Apple/Backend"]).starts_with("id: apple/backend"));

    let out = ats().args(["profiles", "show", "apple"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(6), "{err}");
    assert!(
        err.starts_with(
            "ats-score: error: 'apple' names no profile: write company/role, e.g. apple/backend"
        ),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");

    let out = ats()
        .args(["-", "--jd", "-"])
        .write_stdin("Requirements\n- Go\n")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("standard input can hold the resume or the job posting, not both"),
        "{err}"
    );
}

/// Issue 18: evidence was cut mid-word and could hide the matched word
/// ("Tailwind CS…"). On every shipped resume and real-producer PDF, each
/// match's snippet holds the words it matched, whole; and a wider terminal
/// shows more of each line.
#[test]
fn evidence_shows_the_match_whole() {
    let mut files: Vec<String> = Vec::new();
    for dir in ["fixtures/resumes", "fixtures/producers/pdf"] {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for entry in std::fs::read_dir(root).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            if name.ends_with(".pdf") || name.ends_with(".txt") || name.ends_with(".docx") {
                files.push(format!("{dir}/{name}"));
            }
        }
    }
    assert!(files.len() >= 15, "{files:?}");
    let mut checked = 0;
    for file in &files {
        let report = super::json_of(&[file, "-c", "apple", "-r", "backend"]);
        for m in report["matches"].as_array().unwrap() {
            let (Some(found), Some(snippet)) =
                (m["found"].as_str(), m["evidence"]["snippet"].as_str())
            else {
                continue;
            };
            let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                squeeze(snippet)
                    .to_lowercase()
                    .contains(&squeeze(found).to_lowercase()),
                "{file}: {found:?} not in {snippet:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");

    // The human table at two widths: each matched term's evidence cell,
    // joined across its wrapped lines, holds the words matched.
    let evidence_cells = |columns: &str| {
        let out = ats()
            .env("COLUMNS", columns)
            .args(WEAK_APPLE)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        let mut rows: Vec<[String; 3]> = Vec::new();
        for line in text.lines().filter(|l| l.matches('┆').count() == 3) {
            let cells: Vec<&str> = line.trim_matches('│').split('┆').map(str::trim).collect();
            if !cells[0].is_empty() {
                rows.push([cells[0].into(), cells[1].into(), cells[3].into()]);
            } else if let Some(last) = rows.last_mut() {
                for (k, c) in [(1, cells[1]), (2, cells[3])] {
                    if !c.is_empty() {
                        last[k] = format!("{} {c}", last[k]);
                    }
                }
            }
        }
        let matched: Vec<[String; 3]> = rows
            .into_iter()
            .filter(|r| r[1] == "exact" || r[1].starts_with("alias") || r[1].starts_with("variant"))
            .collect();
        assert!(matched.len() >= 8, "{text}");
        for [term, how, evidence] in &matched {
            let found = how.split_once(": ").map_or(term.as_str(), |(_, f)| f);
            assert!(
                evidence.to_lowercase().contains(&found.to_lowercase()),
                "{columns} columns: {found:?} not in {evidence:?}"
            );
        }
        matched.iter().map(|r| r[2].chars().count()).sum::<usize>()
    };
    let narrow = evidence_cells("80");
    let wide = evidence_cells("160");
    assert!(wide > narrow + 100, "{narrow} vs {wide} characters");
}

/// Issue 18: `diff` exited 0 whether the score rose or fell. With
/// `--fail-on-drop` it is a gate: 1 when the new version scores lower (by
/// more than N with `=N`), 0 otherwise; `-q` keeps only the status.
#[test]
fn diff_fails_on_a_drop_when_asked() {
    let status = |old: &str, new: &str, extra: &[&str]| {
        let out = ats()
            .args(["diff", old, new, "-c", "apple", "-r", "backend"])
            .args(extra)
            .output()
            .unwrap();
        (out.status.code(), out.stdout.len())
    };
    let (weak, strong) = ("fixtures/resumes/weak.txt", "fixtures/resumes/strong.txt");
    assert_eq!(
        status(strong, weak, &["--fail-on-drop", "-q"]),
        (Some(1), 0)
    );
    assert_eq!(
        status(weak, strong, &["--fail-on-drop", "-q"]),
        (Some(0), 0)
    );
    assert_eq!(
        status(strong, strong, &["--fail-on-drop", "-q"]),
        (Some(0), 0)
    );
    // A drop of 78 points passes a gate of 80 and fails one of 70.
    assert_eq!(
        status(strong, weak, &["--fail-on-drop=80", "-q"]).0,
        Some(0)
    );
    assert_eq!(
        status(strong, weak, &["--fail-on-drop=70", "-q"]).0,
        Some(1)
    );
    // Without the flag a drop is still reported with status 0, and the
    // report is printed with the failing status.
    assert_eq!(status(strong, weak, &[]).0, Some(0));
    let (code, printed) = status(strong, weak, &["--fail-on-drop", "-f", "json"]);
    assert_eq!(code, Some(1));
    assert!(printed > 100);
    // The help no longer points diff users at --min-score.
    let help = String::from_utf8(ats().args(["diff", "--help"]).output().unwrap().stdout).unwrap();
    assert!(
        help.contains("--fail-on-drop") && !help.contains("use with --min-score"),
        "{help}"
    );
}

/// Issue 18: `--explain` was silently ignored outside the human report.
/// Markdown and HTML now carry it as a last section; JSON, JSONL and CSV
/// say on stderr why they do not (their output is unchanged); a batch says
/// it explains one resume.
#[test]
fn explain_in_every_format_or_said_why_not() {
    let base = WEAK_APPLE;
    let run = |extra: &[&str]| {
        let out = ats().args(base).args(extra).output().unwrap();
        succeeded(&out);
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (md, _) = run(&["-f", "md", "--explain"]);
    assert!(
        md.contains("\n## How the score was computed\n\n```text\n"),
        "{md}"
    );
    assert!(
        md.contains("Score = 21.56 + 0.00 = 21.56, rounded: 22"),
        "{md}"
    );
    assert!(!run(&["-f", "md"]).0.contains("How the score was computed"));
    let (html, _) = run(&["-f", "html", "--explain"]);
    assert!(html.contains("<h2>How the score was computed</h2><pre class=\"explain\">"));
    assert!(html.contains("Score = 21.56 + 0.00 = 21.56, rounded: 22"));
    for format in ["json", "jsonl", "csv"] {
        let (plain, quiet_err) = run(&["-f", format]);
        let (explained, err) = run(&["-f", format, "--explain"]);
        assert_eq!(plain, explained, "{format}");
        assert!(!quiet_err.contains("--explain"));
        assert!(
            err.contains("note: --explain adds nothing to json, jsonl or csv"),
            "{err}"
        );
    }
    let out = ats()
        .args([
            "fixtures/resumes",
            "-c",
            "apple",
            "-r",
            "backend",
            "--explain",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--explain describes one resume's score"),
        "{err}"
    );
}

/// Issue 18: in HTML, what was found and what a term adds were only in
/// hover titles, which a phone cannot show; and a list called "Tips" could
/// cost more than "Mistakes" below it. The chips now say it in their text,
/// and every format orders the lists by what they cost and says it.
#[test]
fn html_chips_say_it_and_lists_go_by_cost() {
    let html = stdout(&[&WEAK_APPLE[..], &["-f", "html"]].concat());
    assert!(!html.contains(" title=\""), "no hover-only text");
    assert!(
        html.contains("Node.js <small>as &quot;NodeJS&quot;: write the exact phrase</small>"),
        "{html}"
    );
    assert!(html.contains("Kubernetes <small>as &quot;k8s&quot;: write the exact phrase</small>"));
    assert!(html.contains("<span class=\"chip missing\">SQL <small>adds +3.1</small>"));

    // weak.txt against the data scientist role: its strategy tips cost
    // more than its mistakes, so they come first, in every format.
    let args = [
        "fixtures/resumes/weak.txt",
        "-c",
        "base",
        "-r",
        "data-scientist",
    ];
    let titles = |text: &str, prefix: &str| -> Vec<String> {
        text.lines()
            .filter_map(|l| l.strip_prefix(prefix))
            .filter(|l| {
                ["Mistakes", "Strategy", "What an", "Writing", "Integrity"]
                    .iter()
                    .any(|t| l.starts_with(t))
            })
            .map(str::to_string)
            .collect()
    };
    let human = titles(&stdout(&args), "");
    let md = titles(&stdout(&[&args[..], &["-f", "md"]].concat()), "## ");
    let html = stdout(&[&args[..], &["-f", "html"]].concat());
    let html: Vec<String> = html
        .split("<section><h2>")
        .skip(1)
        .map(|s| s.split("</h2>").next().unwrap().to_string())
        .collect();
    let points = |t: &String| -> f64 {
        t.split(": ")
            .nth(1)
            .and_then(|p| p.split(" points").next())
            .and_then(|p| p.parse().ok())
            .unwrap_or(0.0)
    };
    for list in [&human, &md, &html] {
        assert!(list[0].starts_with("Strategy tips: "), "{list:?}");
        assert!(list[1].starts_with("Mistakes to fix: "), "{list:?}");
        assert!(
            points(&list[0]) > points(&list[1]) && points(&list[1]) > 0.0,
            "{list:?}"
        );
        assert!(
            list.iter()
                .any(|t| t.starts_with("Writing tips: not scored")),
            "{list:?}"
        );
    }
}

/// The README's promise: one file gives a JSON object, a batch an array,
/// even a directory holding one file.
#[test]
fn one_file_gives_an_object_a_batch_an_array() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("fixtures/resumes/weak.txt"),
        dir.path().join("weak.txt"),
    )
    .unwrap();
    let first = |args: &[&str]| {
        stdout(&[args, &["-c", "apple", "-r", "backend", "-f", "json"]].concat())
            .chars()
            .next()
    };
    assert_eq!(first(&["fixtures/resumes/weak.txt"]), Some('{'));
    assert_eq!(first(&[dir.path().to_str().unwrap()]), Some('['));
    assert_eq!(
        first(&["fixtures/resumes/weak.txt", "fixtures/resumes/strong.txt"]),
        Some('[')
    );
}

/// Issue 18: a posting pasted on the command line, `--jd-text "…"`, reads
/// as the same posting in a file does; it is refused beside `--jd`, and a
/// blank one is an input error.
#[test]
fn a_posting_pasted_on_the_command_line() {
    let posting = "fixtures/jd/postings/p01-stripe-backend-engineer.txt";
    let text =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(posting))
            .unwrap();
    let resume = "fixtures/resumes/strong.txt";
    let from_file = super::json_of(&[resume, "--jd", posting]);
    let pasted = super::json_of(&[resume, "--jd-text", &text]);
    assert_eq!(pasted["profile"]["id"], "jd/jd-text");
    for key in ["score", "score_parts", "groups", "missing", "rules"] {
        assert_eq!(from_file[key], pasted[key], "{key}");
    }
    // In a batch, every worker reads the same pasted posting.
    let out = ats()
        .args(["fixtures/resumes", "--jd-text", &text, "-f", "jsonl"])
        .output()
        .unwrap();
    succeeded(&out);
    let scores: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["score"].clone())
        .collect();
    assert_eq!(scores.len(), 9);
    assert!(scores.contains(&from_file["score"]), "{scores:?}");

    let out = ats()
        .args([resume, "--jd-text", "Go", "--jd", posting])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = ats().args([resume, "--jd-text", " \n "]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.starts_with("ats-score: error: --jd-text: "), "{err}");
}
