"""The native batch's rate and memory, for `make bench`: summaries of seeded profiles (JSON Lines,
`credit-check generate`) on 2 threads, for two input sizes, so that a flat memory shows as the same
peak for twice the rows. Usage: python3 scripts/batch_rate.py <credit-check binary> <work dir>"""
import os
import pathlib
import re
import subprocess
import sys

binary, work = sys.argv[1], pathlib.Path(sys.argv[2])
work.mkdir(parents=True, exist_ok=True)
print("native batch (credit-check batch --threads 2, summaries; target ≥ 100,000/s, memory flat):")
for count in (100_000, 200_000):
    rows = work / f"batch-{count}.jsonl"
    if not rows.exists():
        with rows.open("wb") as out:
            subprocess.run([binary, "generate", "--count", str(count), "--seed", "7"], stdout=out, check=True)
    # The batch's own peak resident memory, from its rusage (os.wait4: this child's alone).
    child = subprocess.Popen([binary, "batch", str(rows), "--threads", "2"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        sys.exit(f"batch failed: {err}")
    rate = re.search(r"([\d.]+) profiles/s", err)
    print(f"  {count:>7} profiles: {rate.group(1) if rate else '?':>8} profiles/s, "
          f"peak memory {usage.ru_maxrss / 1024:.0f} MB")
