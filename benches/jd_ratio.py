#!/usr/bin/env python3
"""Job-description mode against a profile run on the same resume, interleaved.

Runs `ats-score RESUME -c apple -r backend -q` and `ats-score RESUME --jd POSTING -q`
alternately (5 warm-up pairs, then N pairs, the order flipped every pair) and prints
each one's median wall time and the median of the per-pair ratios. Alternating
matters on a noisy machine: hyperfine runs all of one command, then all of the other.

    python3 benches/jd_ratio.py target/release/ats-score fixtures/resumes/strong.txt 80
"""
import statistics
import subprocess
import sys
import time

binary, resume = sys.argv[1], sys.argv[2]
pairs = int(sys.argv[3]) if len(sys.argv) > 3 else 60
posting = sys.argv[4] if len(sys.argv) > 4 else "fixtures/jd/postings/p01-stripe-backend-engineer.txt"
profile = [binary, resume, "-c", "apple", "-r", "backend", "-q"]
jd = [binary, resume, "--jd", posting, "-q"]


def wall(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


for _ in range(5):
    wall(profile)
    wall(jd)
a, b, ratios = [], [], []
for i in range(pairs):
    if i % 2:
        x, y = wall(profile), wall(jd)
    else:
        y, x = wall(jd), wall(profile)
    a.append(x)
    b.append(y)
    ratios.append(y / x)
print(
    f"{resume}: profile {statistics.median(a) * 1000:.2f} ms, "
    f"--jd {statistics.median(b) * 1000:.2f} ms, median ratio {statistics.median(ratios):.3f}"
)
