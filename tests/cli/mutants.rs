//! A short fuzz run inside the test suite: deterministic mutations of the
//! fixtures (bit flips, truncations, spliced and repeated ranges) fed to the
//! real binary as one batch, and mutated profiles fed to the profile loader.
//! The long runs use cargo-fuzz (see fuzz/README.md); this keeps every
//! target exercised on each CI run.

use super::ats;
use std::collections::HashMap;
use std::time::Duration;

/// xorshift64*: a tiny deterministic generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(seed: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut b = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        if b.is_empty() {
            break;
        }
        let at = rng.below(b.len());
        match rng.below(5) {
            0 => b[at] ^= 1 << rng.below(8),
            1 => b[at] = rng.next() as u8,
            2 => b.truncate(at),
            3 => {
                let len = rng.below(64).min(b.len() - at);
                let chunk = b[at..at + len].to_vec();
                let to = rng.below(b.len());
                b.splice(to..to, chunk);
            }
            _ => {
                let end = (at + rng.below(32)).min(b.len());
                b.drain(at..end);
            }
        }
    }
    b
}

#[test]
fn mutated_documents_never_crash_the_batch() {
    let seeds = [
        "fixtures/resumes/strong.pdf",
        "fixtures/resumes/weak.pdf",
        "fixtures/structure/two-column.pdf",
        "fixtures/resumes/strong.docx",
        "fixtures/structure/skills-table.docx",
        "fixtures/structure/textbox-contact.docx",
        "fixtures/resumes/traps.txt",
        "fixtures/structure/fancy-glyphs.txt",
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(0x005E_ED0F_A75C);
    let mut count = 0;
    for seed in seeds {
        let bytes = std::fs::read(seed).unwrap();
        let ext = seed.rsplit('.').next().unwrap();
        for i in 0..60 {
            let path = dir
                .path()
                .join(format!("{}-{i}.{ext}", seed.replace('/', "_")));
            std::fs::write(path, mutate(&bytes, &mut rng)).unwrap();
            count += 1;
        }
    }
    let out = ats()
        .arg(dir.path())
        .args([
            "-c",
            "apple",
            "-r",
            "backend",
            "--format",
            "jsonl",
            "--timeout",
            "5",
        ])
        .timeout(Duration::from_secs(240))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("internal error"), "{stderr}");
    assert!([0, 8].contains(&out.status.code().unwrap()), "{stderr}");
    let mut codes: HashMap<i64, usize> = HashMap::new();
    let lines: Vec<&[u8]> = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), count, "one result per file");
    for line in lines {
        let v: serde_json::Value = serde_json::from_slice(line).unwrap();
        let code = v["error"]["exit_code"].as_i64().unwrap_or(0);
        assert!([0, 3, 4, 5, 7, 9].contains(&code), "{v}");
        *codes.entry(code).or_default() += 1;
    }
    // Many mutants still score (the readers are tolerant, and so are we);
    // the rest are typed errors.
    assert!(codes[&0] >= count / 5, "{codes:?}");
}

#[test]
fn mutated_profiles_are_errors_or_profiles_never_panics() {
    let seed = std::fs::read("profiles/apple/backend.yaml").unwrap();
    let mut rng = Rng(0xBADC_0FFE_E0DD);
    let (mut ok, mut err) = (0, 0);
    for _ in 0..400 {
        let bytes = mutate(&seed, &mut rng);
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        match ats_score::profile::Profile::from_yaml("mutant.yaml", &text) {
            Ok(p) => {
                ok += 1;
                let scorer = ats_score::Scorer::new(p);
                let a = scorer
                    .score_bytes("r.txt", b"Go and Kubernetes at 40k RPS")
                    .unwrap();
                assert!(a.breakdown.score <= 100);
            }
            Err(e) => {
                err += 1;
                assert!(e.to_string().starts_with("mutant.yaml"), "{e}");
            }
        }
    }
    assert!(ok > 0 && err > 0, "ok {ok}, err {err}");
}
