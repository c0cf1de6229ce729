#!/usr/bin/env bash
# Instructions per report (callgrind): from a profile's JSON text to the finished report, on the
# built-in policy, for the worked example and the 1000 seeded profiles. Each figure is the
# difference of two runs (n and 2n reports) divided by n, so that start-up cancels out.
# Used by `make bench`; needs valgrind (Debian: valgrind) and the release bench binary.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(cargo bench --bench instructions --no-run --message-format=json 2>/dev/null \
  | awk -F'"executable":"' '/"executable":"/{split($2, a, "\""); print a[1]}' | tail -1)
count() { # data detail n → instructions
  CC_DATA=$1 CC_DETAIL=$2 CC_N=$3 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" 2>&1 \
    | awk '/Collected/{gsub(",", "", $NF); print $NF}'
}
per_report() { # data detail n
  local a b
  a=$(count "$1" "$2" "$3")
  b=$(count "$1" "$2" $(($3 * 2)))
  echo $(((b - a) / $3))
}
printf 'instructions per report (callgrind, JSON text → report, built-in policy; targets: summary ≤ 40,000, full ≤ 400,000)\n'
for data in example seeded; do
  if [[ $data == example ]]; then ns=200; nf=20; else ns=1000; nf=200; fi
  s=$(per_report "$data" summary "$ns")
  f=$(per_report "$data" full "$nf")
  printf '  %-8s summary %9d   full %10d\n' "$data" "$s" "$f"
done
