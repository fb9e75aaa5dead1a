#!/usr/bin/env bash
# The cost of reading files in child processes (issue 15): the same runs with
# a binary from before isolation (OLD) and the current one (NEW), in one
# session, so the machine's drift hits both alike.
#
#   git worktree add /tmp/old 6cef9c9 && (cd /tmp/old && CARGO_TARGET_DIR=/tmp/old-target cargo build --release)
#   cargo build --release
#   benches/isolation.sh /tmp/old-target/release/ats-score target/release/ats-score
#
# Needs hyperfine and /usr/bin/time (apt), like benches/system.sh.
set -euo pipefail
old=$1
new=$2
args=(--company apple --role backend)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=benches/batch_mix.sh
source "$(dirname "$0")/batch_mix.sh"

echo "## One file, end to end (json), old vs new"
for f in fixtures/resumes/strong.pdf fixtures/resumes/strong.docx fixtures/resumes/strong.txt \
  fixtures/producers/pdf/03-lukasz-zolc-datasci.chromium-2col.pdf \
  fixtures/producers/pdf/01-jose-nunez-backend.fpdf2.pdf; do
  hyperfine -N --warmup 5 --runs 60 --style basic \
    "$old $f ${args[*]} --format json" "$new $f ${args[*]} --format json" 2>&1 |
    grep -E "Time|faster" | sed "s|^|$(basename "$f"): |"
done

echo "## Batch of 1000 resumes (the mix of benches/system.sh), -j 1 and -j 2"
batch_mix "$work/batch"
for j in 1 2; do
  hyperfine -N --warmup 1 --runs 6 --style basic \
    "$old $work/batch ${args[*]} --format jsonl -j $j" \
    "$new $work/batch ${args[*]} --format jsonl -j $j" 2>&1 | grep -E "Time|faster"
done

echo "## The producer matrix as one batch (139 PDFs), -j 2"
hyperfine -N --warmup 1 --runs 6 --style basic \
  "$old fixtures/producers/pdf ${args[*]} --format jsonl -j 2" \
  "$new fixtures/producers/pdf ${args[*]} --format jsonl -j 2" 2>&1 | grep -E "Time|faster"

echo "## Peak memory (max RSS of the largest process, KB)"
for b in "$old" "$new"; do
  /usr/bin/time -f "$b one PDF: %M KB" "$b" fixtures/resumes/strong.pdf "${args[@]}" >/dev/null
  /usr/bin/time -f "$b batch of 1000: %M KB" "$b" "$work/batch" "${args[@]}" --format jsonl >/dev/null
done
