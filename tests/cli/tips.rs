//! Writing tips (clichés, weak openings, inflated verbs) measured through
//! the binary on the labeled lines of `fixtures/tips/`: lines that must
//! fire a tip and lines that must not (most of them traps: "dynamic
//! programming", "GPU utilization", "Rockstar Games"). `tuned.tsv` was
//! tuned on; `held-out.tsv` was scored once before any fix it pointed to
//! (`fixtures/tips/README.md` keeps both runs).

use super::{ats, succeeded};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const TIPS: [&str; 3] = ["cliche", "weak-opening", "inflated-verb"];

/// Labeled lines of `file`: (expected tips, line).
fn labeled(file: &str) -> Vec<(BTreeSet<String>, String)> {
    let path = format!("{}/fixtures/tips/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut cols = l.split('\t');
            let expect = cols.next().unwrap();
            let line = cols.next().unwrap().to_string();
            let tips = expect
                .split('+')
                .filter(|t| *t != "none")
                .map(|t| {
                    assert!(TIPS.contains(&t), "{file}: unknown label {t}");
                    t.to_string()
                })
                .collect();
            (tips, line)
        })
        .collect()
}

/// The writing tips the binary gives on each line, scored as its own
/// resume: one batch over a folder of one-line files.
fn fired(lines: &[(BTreeSet<String>, String)]) -> Vec<BTreeSet<String>> {
    let dir = tempfile::tempdir().unwrap();
    for (i, (_, line)) in lines.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i:03}.txt")), format!("{line}\n")).unwrap();
    }
    let out = ats()
        .arg(dir.path())
        .args(["-c", "apple", "-r", "backend", "-f", "jsonl"])
        .output()
        .unwrap();
    succeeded(&out);
    let mut by_index: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    for report in String::from_utf8(out.stdout).unwrap().lines() {
        let report: Value = serde_json::from_str(report).unwrap();
        let path = report["input"]["path"].as_str().unwrap();
        let name = std::path::Path::new(path)
            .file_stem()
            .unwrap()
            .to_str()
            .unwrap();
        let ids = report["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| w["category"] == "writing")
            .map(|w| w["id"].as_str().unwrap().to_string())
            .collect();
        by_index.insert(name.parse().unwrap(), ids);
    }
    assert_eq!(by_index.len(), lines.len());
    by_index.into_values().collect()
}

/// Per tip: lines that should fire and did, lines that fired but should
/// not, and lines that should fire and did not. Misses are printed.
struct Tally {
    hits: usize,
    false_alarms: usize,
    misses: usize,
    /// Lines not labeled with this tip: the base of the false-alarm rate.
    quiet_lines: usize,
}

fn tally(file: &str) -> BTreeMap<&'static str, Tally> {
    let lines = labeled(file);
    let got = fired(&lines);
    let mut out = BTreeMap::new();
    for tip in TIPS {
        let mut t = Tally {
            hits: 0,
            false_alarms: 0,
            misses: 0,
            quiet_lines: 0,
        };
        for ((expect, line), fired) in lines.iter().zip(&got) {
            let (want, have) = (expect.contains(tip), fired.contains(tip));
            match (want, have) {
                (true, true) => t.hits += 1,
                (true, false) => {
                    t.misses += 1;
                    eprintln!("{file}: {tip} missed: {line}");
                }
                (false, true) => {
                    t.false_alarms += 1;
                    eprintln!("{file}: {tip} false alarm: {line}");
                }
                (false, false) => {}
            }
            t.quiet_lines += usize::from(!want);
        }
        eprintln!(
            "{file}: {tip}: {} found of {}, {} false alarms on {} lines",
            t.hits,
            t.hits + t.misses,
            t.false_alarms,
            t.quiet_lines
        );
        out.insert(tip, t);
    }
    out
}

/// The bar of the other checks: no tip fires on more than 2% of the lines
/// that must not get it. Recall floors are the measured numbers.
#[track_caller]
fn assert_floors(file: &str, min_recall: f64) {
    for (tip, t) in tally(file) {
        let recall = t.hits as f64 / (t.hits + t.misses) as f64;
        let false_rate = t.false_alarms as f64 / t.quiet_lines as f64;
        assert!(recall >= min_recall, "{file}: {tip} recall {recall:.3}");
        assert!(
            false_rate <= 0.02,
            "{file}: {tip} false alarms {false_rate:.3}"
        );
    }
}

#[test]
fn writing_tips_on_the_tuned_lines() {
    assert_floors("tuned.tsv", 0.95);
}

#[test]
fn writing_tips_on_the_held_out_lines() {
    assert_floors("held-out.tsv", 0.0);
}
