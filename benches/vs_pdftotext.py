#!/usr/bin/env python3
"""End to end against pdftotext, runs interleaved.

For each PDF, runs `ats-score FILE --company apple --role backend --format json`
and `pdftotext FILE out.txt` alternately (5 warm-up pairs, then RUNS pairs), so
a shared machine's drift hits both alike, and prints each command's median wall
time and the median of the per-pair ratios (ours / pdftotext), and each one's
median CPU time (user + system; ats-score reads a single file's pages and
compiles its profile on a second core, so its CPU time can exceed its wall time).

    python3 benches/vs_pdftotext.py [--runs N] [--bin PATH] FILE...
"""
import argparse
import os
import statistics
import sys
import tempfile
import time


def run(argv):
    devnull = os.open(os.devnull, os.O_WRONLY)
    start = time.perf_counter_ns()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=[
        (os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter_ns() - start
    os.close(devnull)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{argv[0]} failed on {argv[1]}")
    return elapsed / 1e6, (usage.ru_utime + usage.ru_stime) * 1e3


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--bin", default="target/release/ats-score")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    out = os.path.join(tempfile.mkdtemp(), "out.txt")
    ratios_all = []
    for path in args.files:
        ours = [args.bin, path, "--company", "apple", "--role", "backend", "--format", "json"]
        theirs = ["pdftotext", path, out]
        for _ in range(5):
            run(ours), run(theirs)
        a, b = [], []
        for _ in range(args.runs):
            a.append(run(ours))
            b.append(run(theirs))
        ratio = statistics.median(x[0] / y[0] for x, y in zip(a, b))
        ratios_all.append(ratio)
        name = os.path.basename(path)
        wall = [statistics.median(r[0] for r in runs) for runs in (a, b)]
        cpu = [statistics.median(r[1] for r in runs) for runs in (a, b)]
        print(f"{name:55s} ats-score {wall[0]:6.2f} ms  pdftotext {wall[1]:6.2f} ms  "
              f"ratio {ratio:4.2f}  cpu {cpu[0]:5.1f} / {cpu[1]:5.1f} ms", flush=True)
    at_or_under = sum(r <= 1.0 for r in ratios_all)
    print(f"median ratio {statistics.median(ratios_all):.2f}; "
          f"{at_or_under} of {len(ratios_all)} at or under 1.00; "
          f"highest {max(ratios_all):.2f}")


if __name__ == "__main__":
    main()
