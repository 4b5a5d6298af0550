#!/usr/bin/env bash
# A rebuild over an existing output, this tree's digest against another
# binary (issue 18: the atomic switch must not slow the rebuild with nothing
# changed by more than 10 %). Runs alternate the two binaries, the order
# swapped each round, as the machine has slow phases; each binary writes an
# output of its own, built once before the timed runs.
#
#   scripts/bench-rebuild.sh OTHER_DIGEST [runs=5] [articles=10000] [cases="unchanged one-edit"]
#
# OTHER_DIGEST is, for example, main's binary:
#   git archive main | tar -x -C /tmp/before && (cd /tmp/before && go build -o /tmp/digest-before ./cmd/digest)
# It times two cases: nothing changed, and one article's body edited
# between rounds (each binary then rebuilds the same edit). It prints the
# best and the median wall time of each, and the median CPU time (user and
# system), which other work on the machine disturbs less. BENCH_GAP=65
# waits that many seconds before each run: this machine's disk makes a
# folder slowly while many were removed in the last minute (see
# "Performance" in the README), and a rebuild that changed something
# removes the previous tree's. Needs GNU time (/usr/bin/time).
set -euo pipefail
other=$(realpath "${1:?usage: scripts/bench-rebuild.sh OTHER_DIGEST [runs] [articles]}")
runs=${2:-5}
n=${3:-10000}
cases=${4:-unchanged one-edit}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-/tmp/digest-rebuild}
[ -x /usr/bin/time ] || { echo "bench-rebuild: GNU time is missing (apt-get install -y time)" >&2; exit 2; }
rm -rf "$work"
mkdir -p "$work/bin"
(cd "$root" && go build -o "$work/bin/digest" ./cmd/digest && go build -o "$work/bin/gencorpus" ./cmd/gencorpus)
"$work/bin/gencorpus" -n "$n" -out "$work/site" >/dev/null
article=$(ls "$work/site/content" | sed -n 100p)
declare -A bin=([other]="$other" [this]="$work/bin/digest")
for b in other this; do
  "${bin[$b]}" build --source "$work/site" --destination "$work/out-$b" >/dev/null
done
timed() { # case binary
  sync
  sleep "${BENCH_GAP:-0}"
  /usr/bin/time -f "%e %U %S" -o "$work/last" "${bin[$2]}" build --source "$work/site" --destination "$work/out-$2" >"$work/line" 2>"$work/err" ||
    { cat "$work/err" >&2; exit 1; }
  echo "$1 $2 $(cat "$work/last")" >>"$work/times.txt"
}
for i in $(seq "$runs"); do
  [[ " $cases " == *" unchanged "* ]] || break
  order="other this"; [ $((i % 2)) = 0 ] && order="this other"
  for b in $order; do timed unchanged "$b"; done
done
for i in $(seq "$runs"); do
  [[ " $cases " == *" one-edit "* ]] || break
  echo "Édition $i : le Mali." >>"$work/site/content/$article"
  order="other this"; [ $((i % 2)) = 0 ] && order="this other"
  for b in $order; do timed one-edit "$b"; done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf '%-10s %-6s %8s %8s %8s   %s\n' case binary "best s" "median s" "CPU s" "wall times"
for c in $cases; do
  for b in other this; do
    t=$(awk -v c="$c" -v b="$b" '$1 == c && $2 == b {print $3}' "$work/times.txt")
    cpu=$(awk -v c="$c" -v b="$b" '$1 == c && $2 == b {print $4 + $5}' "$work/times.txt" | median)
    printf '%-10s %-6s %8.2f %8.2f %8.2f   %s\n' "$c" "$b" "$(echo "$t" | sort -n | head -1)" "$(echo "$t" | median)" "$cpu" "$(echo $t)"
  done
done
tail -1 "$work/line"
