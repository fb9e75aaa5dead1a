//! PDF bytes → text → score: never a panic outside the reader's guard.
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::score("fuzz.pdf", data);
});
