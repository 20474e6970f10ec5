#!/usr/bin/env python3
"""Times `proclab run FILE --format json` on 10,000 processes under RR q=1 (bursts 1..100, all
arriving at 0): wall time and the peak memory of the child, with and without --events. A
benchmark: it prints, it asserts nothing. Usage: bench/cli_json.py PATH/TO/proclab"""
import json
import resource
import subprocess
import sys
import tempfile
import time

proclab = sys.argv[1]
with tempfile.TemporaryDirectory() as directory:
    scenario = f"{directory}/big.json"
    generated = subprocess.run(
        [proclab, "gen", "--seed", "1", "--processes", "10000", "--max-arrival", "0",
         "--max-burst", "100", "--policy", "rr", "--quantum", "1"],
        check=True, capture_output=True, text=True).stdout
    with open(scenario, "w") as file:
        file.write(generated)
    for label, extra in [("metrics + Gantt", []), ("with --events", ["--events"])]:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([proclab, "run", scenario, "--format", "json", *extra],
                           check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
        # ru_maxrss of the children is the largest of them, in KiB on Linux.
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        times.sort()
        print(f"proclab run --format json, 10,000 processes RR q=1, {label}: "
              f"median {times[1] * 1000:.0f} ms, peak memory so far {peak:.0f} MiB")
