#!/usr/bin/env bash
# System-level measurements for BENCHMARKS.md: end to end against pdftotext,
# batch scaling on 1 vs 2 threads, peak memory, startup. Needs hyperfine,
# poppler-utils (pdftotext) and GNU time (`apt-get install hyperfine
# poppler-utils time`); pdftotext is only a yardstick here, never used by
# ats-score. Run from the repository root after `cargo build --release`.
set -euo pipefail
bin=target/release/ats-score
args=(--company apple --role backend)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=benches/batch_mix.sh
source "$(dirname "$0")/batch_mix.sh"

echo "## End to end vs pdftotext (same run, side by side)"
for pdf in fixtures/resumes/strong.pdf fixtures/resumes/weak.pdf fixtures/resumes/traps.pdf fixtures/structure/three-pages.pdf; do
  hyperfine -N --warmup 5 --runs 50 --style basic \
    "$bin $pdf ${args[*]} --format json" "pdftotext $pdf $work/out.txt" 2>&1 | grep -E "Time|±|faster|Benchmark"
done

echo "## Producer matrix: end to end vs pdftotext, one resume per producer"
for pdf in fixtures/producers/pdf/03-*.pdf fixtures/producers/pdf/01-*.enscript.pdf; do
  hyperfine -N --warmup 3 --runs 30 --style basic --export-json "$work/h.json" \
    "$bin $pdf ${args[*]} --format json" "pdftotext $pdf $work/out.txt" >/dev/null 2>&1
  python3 - "$pdf" "$work/h.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[2]))["results"]
ours, pdftotext = (x["median"] * 1000 for x in r)
print(f"{sys.argv[1].split('/')[-1]:45s} ats-score {ours:6.2f} ms  pdftotext {pdftotext:6.2f} ms  ratio {ours / pdftotext:4.2f}")
PY
done

echo "## Batch of 1000 resumes: 1 vs 2 threads"
batch_mix "$work/batch"
hyperfine -N --warmup 1 --runs 5 --style basic \
  "$bin $work/batch ${args[*]} --format jsonl -j 1" \
  "$bin $work/batch ${args[*]} --format jsonl -j 2" 2>&1 | grep -E "Time|±|faster|Benchmark"

echo "## Peak memory (max RSS, KB)"
for what in "fixtures/resumes/strong.pdf" "fixtures/structure/three-pages.pdf" "fixtures/resumes/strong.docx"; do
  /usr/bin/time -f "$what: %M KB" "$bin" $what "${args[@]}" > /dev/null
done
mkdir -p "$work/b100"
cp "$work"/batch/r{0..99}.* "$work/b100/" 2>/dev/null || true
/usr/bin/time -f "batch of 100: %M KB" "$bin" "$work/b100" "${args[@]}" --format jsonl > /dev/null
/usr/bin/time -f "batch of 1000: %M KB" "$bin" "$work/batch" "${args[@]}" --format jsonl > /dev/null

echo "## Startup"
hyperfine -N --warmup 10 --runs 200 --style basic \
  "$bin --version" \
  "$bin fixtures/resumes/weak.txt ${args[*]}" 2>&1 | grep -E "Time|±|Benchmark"
