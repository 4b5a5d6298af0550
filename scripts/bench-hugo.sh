#!/usr/bin/env bash
# Side-by-side build times and peak memory of digest, Hugo and the goldmark
# floor on one generated corpus, runs alternating, medians printed (issue 7).
#
#   scripts/bench-hugo.sh [articles=10000] [runs=5]
#
# Needs Hugo (apt-get install -y --no-install-recommends hugo) and GNU time
# (/usr/bin/time). Every build writes into a new, empty folder; the cache is
# dropped of nothing, so the first run of each tool is not special.
#
# No run deletes anything. ext4 without a journal (as on these machines)
# skips, for every inode it allocates, each inode freed in the last 60 s
# (6 min while its table is dirty), at a buffer lookup each: creating files
# just after deleting a large tree costs up to ten times the system time
# (20,000 folders with a file each: 0.9 s, or 8.7 s 40 s after an rm -rf of
# as many). Deleting each output before the next run made whichever tool
# came first after a delete pay for it. So each run writes a folder of its
# own ($work/runs, left for inspection), and the next run of the script
# removes them first and then waits out the window once.
set -euo pipefail
n=${1:-10000}
runs=${2:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-/tmp/digest-bench-$n}
command -v hugo >/dev/null || { echo "bench-hugo: hugo is not installed (apt-get install -y --no-install-recommends hugo)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench-hugo: GNU time is missing (apt-get install -y time)" >&2; exit 2; }

mkdir -p "$work/bin"
(cd "$root" && go build -o "$work/bin/digest" ./cmd/digest && go build -o "$work/bin/floor" ./cmd/floor && go build -o "$work/bin/gencorpus" ./cmd/gencorpus)
if [ ! -d "$work/site/content" ]; then
  "$work/bin/gencorpus" -n "$n" -out "$work/site" -hugo "$work/hugo" >/dev/null
fi
echo "corpus: $n articles, $(du -sh "$work/site/content" | cut -f1) in $work; $(hugo version | cut -d' ' -f1-2)"

measure() { # name, command...: one run, "seconds KB" appended to $work/name.txt
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/$name.last" "$@" >/dev/null 2>"$work/$name.err" || { cat "$work/$name.err" >&2; exit 1; }
  cat "$work/$name.last" >>"$work/$name.txt"
}
rm -f "$work"/{digest,hugo,floor}.txt
runs_dir="$work/runs"
if [ -e "$runs_dir" ] || [ -e "$work/hugo/public" ]; then
  rm -rf "$runs_dir" "$work/hugo/public"
  sync
  echo "waiting 65 s for the inodes just freed to age (see the top of this script)"
  sleep 65
fi
mkdir -p "$runs_dir"
for i in $(seq "$runs"); do
  sync
  measure digest "$work/bin/digest" build --source "$work/site" --destination "$runs_dir/digest-$i"
  sync
  measure hugo hugo --quiet --source "$work/hugo" --destination "$runs_dir/hugo-$i"
  sync
  measure floor "$work/bin/floor" -source "$work/site" -out "$runs_dir/floor-$i"
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf '%-8s %10s %12s %8s\n' tool "median s" "median MB" files
for t in digest hugo floor; do
  s=$(cut -d' ' -f1 "$work/$t.txt" | median)
  m=$(cut -d' ' -f2 "$work/$t.txt" | median)
  out="$runs_dir/$t-1"
  printf '%-8s %10.2f %12.0f %8d\n' "$t" "$s" "$((${m%.*} / 1024))" "$(find "$out" -type f | wc -l)"
done
echo "runs: $(paste -sd' ' "$work/digest.txt" | tr ' ' '\n' | paste - - | awk '{printf "%s s/%d MB  ", $1, $2/1024}')(digest)"
echo "      $(paste -sd' ' "$work/hugo.txt" | tr ' ' '\n' | paste - - | awk '{printf "%s s/%d MB  ", $1, $2/1024}')(hugo)"
echo "      $(paste -sd' ' "$work/floor.txt" | tr ' ' '\n' | paste - - | awk '{printf "%s s/%d MB  ", $1, $2/1024}')(floor)"
