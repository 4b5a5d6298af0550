#!/usr/bin/env bash
# The cost of a second language (issue 17): builds the generated corpus of
# N articles with its config as it is (French) and with languages =
# ["fr", "en"] added, alternating, RUNS times each, and prints the median
# time and peak memory of each and their ratios.
#
#   scripts/bench-languages.sh [articles=10000] [runs=3]
#
# Needs GNU time (/usr/bin/time). The corpus is made once, in
# /tmp/digest-bench-N/site (shared with bench-hugo.sh and bench-growth.sh),
# and its bilingual twin in /tmp/digest-bench-N-bilingual/site (the same
# articles, hard-linked). As in bench-hugo.sh, no run deletes anything:
# each writes a folder of its own under $BENCH_DIR (default
# /tmp/digest-languages), which the next run of the script removes before
# waiting 65 s for the freed inodes to age.
set -euo pipefail
n=${1:-10000}
runs=${2:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-/tmp/digest-languages}
[ -x /usr/bin/time ] || { echo "bench-languages: GNU time is missing (apt-get install -y time)" >&2; exit 2; }

mkdir -p "$work/bin"
(cd "$root" && go build -o "$work/bin/digest" ./cmd/digest && go build -o "$work/bin/gencorpus" ./cmd/gencorpus)
mono=/tmp/digest-bench-$n/site
bi=/tmp/digest-bench-$n-bilingual/site
[ -d "$mono/content" ] || "$work/bin/gencorpus" -n "$n" -out "$mono" >/dev/null
if [ ! -d "$bi/content" ]; then
  mkdir -p "$bi"
  cp -al "$mono/content" "$bi/content"
  [ -d "$mono/data" ] && cp -r "$mono/data" "$bi/data"
  { grep -v '^languages' "$mono/config.toml" 2>/dev/null || true; } | awk '/^\[/ && !done {print "languages = [\"fr\", \"en\"]"; done=1} {print} END {if (!done) print "languages = [\"fr\", \"en\"]"}' >"$bi/config.toml"
fi
if [ -e "$work/runs" ]; then
  rm -rf "$work/runs"
  sync
  echo "waiting 65 s for the inodes just freed to age (see scripts/bench-hugo.sh)"
  sleep 65
fi
mkdir -p "$work/runs"
for i in $(seq "$runs"); do
  for kind in mono bi; do
    site=$mono
    [ "$kind" = bi ] && site=$bi
    sync
    /usr/bin/time -f "%e %M %U %S" -o "$work/last" "$work/bin/digest" build --source "$site" \
      --destination "$work/runs/$kind-$i" >"$work/runs/$kind-$i.log" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    echo "$kind $(cat "$work/last")" >>"$work/runs/times.txt"
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for kind in mono bi; do
  s=$(awk -v k="$kind" '$1 == k {print $2}' "$work/runs/times.txt" | median)
  m=$(awk -v k="$kind" '$1 == k {print $3}' "$work/runs/times.txt" | median)
  eval "${kind}_s=$s ${kind}_m=$((${m%.*} / 1024))"
done
printf '%-22s %10s %10s\n' "" "median s" "median MB"
printf '%-22s %10.2f %10d\n' "one language" "$mono_s" "$mono_m"
printf '%-22s %10.2f %10d\n' "fr + en" "$bi_s" "$bi_m"
printf '%-22s %10.2f %10.2f\n' "ratio" "$(awk -v a="$bi_s" -v b="$mono_s" 'BEGIN {print a / b}')" "$(awk -v a="$bi_m" -v b="$mono_m" 'BEGIN {print a / b}')"
echo "runs (s, KB, user s, system s): $(awk '{printf "%s %s %s %s %s;  ", $1, $2, $3, $4, $5}' "$work/runs/times.txt")"
