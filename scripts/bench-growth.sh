#!/usr/bin/env bash
# How a full digest build grows with the number of articles (issue 7):
# builds generated corpora of each size in turn, RUNS times, and prints the
# median time and peak memory of each, with the ratios between sizes.
#
#   scripts/bench-growth.sh [runs=3] [sizes="1000 10000 50000"]
#
# Needs GNU time (/usr/bin/time). Corpora are made once, in
# /tmp/digest-bench-N/site (shared with bench-hugo.sh). As in bench-hugo.sh,
# no run deletes anything: each writes a folder of its own under
# $BENCH_DIR (default /tmp/digest-growth), which the next run of the script
# removes before waiting 65 s for the freed inodes to age.
set -euo pipefail
runs=${1:-3}
sizes=${2:-1000 10000 50000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-/tmp/digest-growth}
[ -x /usr/bin/time ] || { echo "bench-growth: GNU time is missing (apt-get install -y time)" >&2; exit 2; }

mkdir -p "$work/bin"
(cd "$root" && go build -o "$work/bin/digest" ./cmd/digest && go build -o "$work/bin/gencorpus" ./cmd/gencorpus)
for n in $sizes; do
  site=/tmp/digest-bench-$n/site
  [ -d "$site/content" ] || "$work/bin/gencorpus" -n "$n" -out "$site" >/dev/null
done
if [ -e "$work/runs" ]; then
  rm -rf "$work/runs"
  sync
  echo "waiting 65 s for the inodes just freed to age (see scripts/bench-hugo.sh)"
  sleep 65
fi
mkdir -p "$work/runs"
for i in $(seq "$runs"); do
  for n in $sizes; do
    sync
    /usr/bin/time -f "%e %M" -o "$work/last" "$work/bin/digest" build --source "/tmp/digest-bench-$n/site" \
      --destination "$work/runs/$n-$i" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    echo "$n $(cat "$work/last")" >>"$work/runs/times.txt"
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf '%-8s %10s %12s %10s %10s\n' articles "median s" "median MB" "× time" "× memory"
prev_s='' prev_m=''
for n in $sizes; do
  s=$(awk -v n="$n" '$1 == n {print $2}' "$work/runs/times.txt" | median)
  m=$(awk -v n="$n" '$1 == n {print $3}' "$work/runs/times.txt" | median)
  m=$((${m%.*} / 1024))
  if [ -n "$prev_s" ]; then
    printf '%-8s %10.2f %12d %10.1f %10.1f\n' "$n" "$s" "$m" "$(awk -v a="$s" -v b="$prev_s" 'BEGIN {print a / b}')" "$(awk -v a="$m" -v b="$prev_m" 'BEGIN {print a / b}')"
  else
    printf '%-8s %10.2f %12d\n' "$n" "$s" "$m"
  fi
  prev_s=$s prev_m=$m
done
echo "runs: $(awk '{printf "%s: %s s/%d MB  ", $1, $2, $3/1024}' "$work/runs/times.txt")"
