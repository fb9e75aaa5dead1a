//! Text as a job posting → the posting's reading (title, parts, years,
//! degree, skills) → a profile → the same text scored as a resume against
//! it, with every report (the match rate included).
#![no_main]

#[allow(dead_code)]
#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::scorer();
    let text = String::from_utf8_lossy(data);
    if let Ok(profile) = ats_score::jd::profile("fuzz.txt", &text) {
        let scorer = ats_score::Scorer::new(profile);
        if let Ok(a) = scorer.score_bytes("fuzz.txt", data) {
            assert!(a.breakdown.score <= 100);
            let _ = ats_score::report::json::render(&a, scorer.profile());
            let paint = ats_score::report::Paint { on: false };
            let _ = ats_score::report::table::render(&a, scorer.profile(), 80, paint);
            let _ = ats_score::report::markdown::render(&a, scorer.profile());
            let _ = ats_score::report::html::render(&a, scorer.profile());
        }
    }
});
