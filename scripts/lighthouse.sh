#!/usr/bin/env bash
# Lighthouse on the sample digest as it is published (issue 16): the site is
# built under a path (http://127.0.0.1:PORT/digest/, canonical links and all),
# served as static files from its parent folder, and Lighthouse audits the
# home page, a country page (Maroc) and an article page in Debian's Chromium.
# It prints a table of the four categories' scores per page, and what each
# SEO and best-practices audit short of full marks found, and exits 1 when a
# page scores under 95 in SEO or best practices (performance and
# accessibility are printed, not held: performance varies with the machine's
# load, and accessibility is held by the browser test's axe audit).
#
#   scripts/lighthouse.sh [PATH...]     # default: "" pays/ma/ articles/mali-maroc-interpol/
#
# Lighthouse (npm, pinned below: 13 needs Node.js 22) is installed once into
# $DIGEST_LIGHTHOUSE_PREFIX (default ~/.cache/digest/lighthouse-VERSION), never
# into the repository. Reports (JSON and HTML) go to $DIGEST_LIGHTHOUSE_OUT
# (default /tmp/digest-lighthouse). Needs Go, Node.js with npm, python3 (its
# http.server serves the files) and Chromium ($CHROME_PATH, default
# /usr/bin/chromium). About 15 s a page on this 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."

version=12.8.2
min=95
prefix=${DIGEST_LIGHTHOUSE_PREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/digest/lighthouse-$version}
out=${DIGEST_LIGHTHOUSE_OUT:-/tmp/digest-lighthouse}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
if [ $# -gt 0 ]; then pages=("$@"); else pages=("" pays/ma/ articles/mali-maroc-interpol/); fi

for tool in go node npm python3; do
  command -v "$tool" >/dev/null || { echo "lighthouse.sh: $tool is missing" >&2; exit 2; }
done
[ -x "$CHROME_PATH" ] || { echo "lighthouse.sh: no Chromium at $CHROME_PATH (apt-get install chromium, or set CHROME_PATH)" >&2; exit 2; }

lh=$prefix/node_modules/.bin/lighthouse
if [ ! -x "$lh" ]; then
  echo "== installing lighthouse@$version into $prefix"
  mkdir -p "$prefix"
  npm install --silent --no-audit --no-fund --prefix "$prefix" "lighthouse@$version" >/dev/null
fi

tmp=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port/digest/

echo "== build the sample digest for $base"
mkdir -p "$tmp/site"
go run ./cmd/digest build --baseURL "$base" --destination "$tmp/site/digest"

python3 -m http.server --bind 127.0.0.1 --directory "$tmp/site" "$port" >"$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

mkdir -p "$out"
names=()
for p in "${pages[@]}"; do
  [ -f "$tmp/site/digest/${p}index.html" ] || { echo "lighthouse.sh: the sample digest has no page ${p:-/}" >&2; exit 2; }
  name=$(printf '%s' "${p:-home}" | tr -c 'a-zA-Z0-9-' '_' | sed 's/_*$//')
  echo "== lighthouse $base$p"
  mkdir -p "$tmp/profile-$name"
  "$lh" "$base$p" --quiet \
    --only-categories=seo,best-practices,accessibility,performance \
    --output=json --output=html --output-path="$out/$name" \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$tmp/profile-$name"
  names+=("$name")
done

echo "== scores (reports in $out)"
node - "$min" "$out" "${names[@]}" <<'EOF'
const fs = require('fs');
const [min, out, ...names] = process.argv.slice(2);
const cats = [['seo', 'SEO', true], ['best-practices', 'BP', true], ['accessibility', 'A11y', false], ['performance', 'Perf', false]];
const rows = [], notes = [];
let failed = false;
for (const name of names) {
  const r = JSON.parse(fs.readFileSync(`${out}/${name}.report.json`, 'utf8'));
  const row = [r.finalDisplayedUrl || r.requestedUrl];
  for (const [id, , held] of cats) {
    const c = r.categories[id];
    const score = c && c.score !== null ? Math.round(c.score * 100) : NaN;
    if (held && !(score >= +min)) failed = true;
    row.push(String(score));
    if (!held || !c) continue;
    for (const ref of c.auditRefs) {
      const a = r.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) notes.push(`${name}: ${id} ${a.id}: ${a.title}${a.displayValue ? ' (' + a.displayValue + ')' : ''}`);
    }
  }
  rows.push(row);
}
const head = ['page', ...cats.map(c => c[1])];
const w = [Math.max(head[0].length, ...rows.map(r => r[0].length)), ...cats.map(c => Math.max(4, c[1].length))];
const line = r => r.map((v, i) => i ? v.padStart(w[i]) : v.padEnd(w[i])).join('  ');
console.log(line(head));
for (const r of rows) console.log(line(r));
for (const n of notes) console.log(n);
if (failed) {
  console.log(`FAIL: SEO and best practices must be ${min} or more on every page`);
  process.exit(1);
}
console.log(`SEO and best practices are ${min} or more on every page`);
EOF
