#!/usr/bin/env bash
# Full builds of one generated corpus by this tree's digest and another
# binary (issue 15: the dossiers must not cost more than 15 % of time and
# memory over the build before them, a78123b), alternating, each run into a
# folder of its own: deleting an output just before a build would make it
# pay for the delete (see "Performance" in the README).
#
#   scripts/bench-builds.sh OTHER_DIGEST [runs=3] [articles=10000]
#
# OTHER_DIGEST is, for example, the build before the dossiers:
#   git archive a78123b | tar -x -C /tmp/before && (cd /tmp/before && go build -o /tmp/digest-before ./cmd/digest)
# Prints, for each run, wall time, user and system CPU and peak memory,
# then the medians. Needs GNU time (/usr/bin/time).
set -euo pipefail
other=$(realpath "${1:?usage: scripts/bench-builds.sh OTHER_DIGEST [runs] [articles]}")
runs=${2:-3}
n=${3:-10000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-/tmp/digest-builds}
[ -x /usr/bin/time ] || { echo "bench-builds: GNU time is missing (apt-get install -y time)" >&2; exit 2; }
if [ -d "$work" ]; then
  rm -rf "$work"
  echo "waiting 65 s for the inodes just freed to age" >&2
  sleep 65
fi
mkdir -p "$work/bin"
(cd "$root" && go build -o "$work/bin/digest" ./cmd/digest && go build -o "$work/bin/gencorpus" ./cmd/gencorpus)
"$work/bin/gencorpus" -n "$n" -out "$work/site" >/dev/null
declare -A bin=([other]="$other" [this]="$work/bin/digest")
for i in $(seq "$runs"); do
  for b in other this; do
    sync
    /usr/bin/time -f "%e %U %S %M" -o "$work/last" "${bin[$b]}" build --source "$work/site" --destination "$work/out-$b-$i" >/dev/null 2>"$work/err" ||
      { cat "$work/err" >&2; exit 1; }
    read -r e u s m <"$work/last"
    echo "$b $e $u $s $((m / 1024))" | tee -a "$work/times.txt"
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-6s %8s %8s %8s %8s\n' binary "wall s" "user s" "sys s" "MB"
for b in other this; do
  printf '%-6s' "$b"
  for col in 2 3 4 5; do printf ' %8s' "$(awk -v b="$b" -v c="$col" '$1 == b {print $c}' "$work/times.txt" | median)"; done
  echo
done
