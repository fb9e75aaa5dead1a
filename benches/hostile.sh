#!/usr/bin/env bash
# Each hostile input of issue 15's audit, alone: exit code, wall time and
# peak memory (max RSS of the largest process). Then all of them as one
# batch among good resumes.
#
#   cargo build --release && benches/hostile.sh [BIN]
set -euo pipefail
bin=${1:-target/release/ats-score}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo run -q --release --example hostile -- "$work" >/dev/null
printf "%-26s %5s %8s %9s  %s\n" file exit seconds "peak MB" "message"
for f in "$work"/*; do
  n=$(basename "$f")
  case $n in
    seed_*) continue ;;
    *profile*.yaml) run=(fixtures/resumes/strong.txt --profile "$f") ;;
    big_posting.txt) run=(fixtures/resumes/strong.txt --jd "$f") ;;
    *) run=("$f" --company apple --role backend --format json) ;;
  esac
  set +e
  /usr/bin/time -o "$work/time" -f "%e %M" "$bin" "${run[@]}" >/dev/null 2>"$work/err"
  code=$?
  set -e
  read -r secs kb < <(tail -n 1 "$work/time")
  msg=$(head -c 110 "$work/err" | head -n 1 | sed "s|$work/||")
  printf "%-26s %5s %8s %9.1f  %s\n" "$n" "$code" "$secs" "$(echo "$kb / 1000" | bc -l)" "$msg"
done
echo "## All of them in one batch among 9 good resumes, -j 2, jsonl"
set +e
/usr/bin/time -f "%e s, peak %M KB" "$bin" "$work"/*.pdf "$work"/*.docx "$work"/*.txt fixtures/resumes \
  --company apple --role backend --format jsonl -j 2 2>"$work/err" |
  python3 -c 'import sys, json; rows = [json.loads(l) for l in sys.stdin]; print(len(rows), "rows,", sum("error" in r for r in rows), "errors")'
set -e
tail -n 1 "$work/err"
