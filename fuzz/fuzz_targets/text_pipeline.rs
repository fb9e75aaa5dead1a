//! Text → normalized text → sections → matches → rules → score, through
//! the whole pipeline with the Apple profile.
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let norm = ats_score::normalize::normalize(&String::from_utf8_lossy(data));
    assert_eq!(norm.lower.len(), norm.text.len());
    common::score("fuzz.txt", data);
});
