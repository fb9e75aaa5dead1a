//! Profile YAML → profile → scorer → a score: malformed profiles are typed
//! errors with a location, never panics, hangs or alias explosions.
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::scorer();
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(profile) = ats_score::profile::Profile::from_yaml("fuzz.yaml", text) {
        let a = ats_score::Scorer::new(profile)
            .score_bytes("fuzz.txt", b"Go, Java, Kubernetes and PostgreSQL at 40k RPS")
            .unwrap();
        assert!(a.breakdown.score <= 100);
    }
});
