#!/usr/bin/env bash
# test-single-instance.sh: a file double-clicked while Kasane runs opens in the running
# window.  In a private session bus and X server, a first `kasane A` shows its window; a
# second `kasane B` (what the file manager runs, Exec=kasane %F) hands B over and exits at
# once; the one window then shows B.  Prints TAP.
#
# Usage: test-single-instance.sh KASANE SOURCE-ROOT
# Run inside `dbus-run-session`, on an X display (`make test` gives one).
set -uo pipefail
kasane="$1"
root="$2"
work="$(mktemp -d)"
first=""
cleanup () { [ -n "$first" ] && kill "$first" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 GTK_A11Y=none
n=0
fail=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); fail=1; echo "not ok $n - $1"; sed 's/^/# /' "$work/log" 2>/dev/null || true; }
# The titles of Kasane's windows on this display, one a line.
titles () { for w in $(xdotool search --onlyvisible --name ' — Kasane$|^Kasane$' 2>/dev/null); do xdotool getwindowname "$w"; done; }
# Waits up to 20 s for a window titled $1.
wait_title () { for _ in $(seq 1 80); do titles | grep -qxF "$1" && return 0; sleep 0.25; done; return 1; }

if [ -z "${DISPLAY:-}" ]; then echo "1..0 # SKIP no X display"; exit 0; fi
echo "1..4"
# A file name with a space and a non-ASCII letter, as a file manager passes it.
cp "$root/tests/fixtures/valid/two-layer.json" "$work/first.kasane.json"
cp "$root/data/datasets/crypto.json" "$work/Zweite Datei é.kasane.json"
# The window is titled by the dataset on screen ("TITLE — Kasane").
title_of () { python3 -c 'import json, sys
t = json.load(open(sys.argv[1]))["title"]
print((t["en"] if isinstance(t, dict) else t) + " — Kasane")' "$1"; }
first_title="$(title_of "$work/first.kasane.json")"
second_title="$(title_of "$work/Zweite Datei é.kasane.json")"

LANGUAGE=en "$kasane" "$work/first.kasane.json" > "$work/first.log" 2>&1 &
first=$!
if wait_title "$first_title"; then ok "the first instance shows its file"; else cp "$work/first.log" "$work/log"; not_ok "the first instance shows its file"; fi

start=$(date +%s.%N)
if LANGUAGE=en timeout 20 "$kasane" "$work/Zweite Datei é.kasane.json" > "$work/log" 2>&1; then
  ok "a second instance hands its file over and exits 0 ($(echo "$(date +%s.%N) - $start" | bc -l | cut -c1-5) s)"
else
  not_ok "a second instance hands its file over and exits 0"
fi
if wait_title "$second_title"; then ok "the running window shows the handed-over file"; else titles > "$work/log"; not_ok "the running window shows the handed-over file"; fi
count=$(titles | wc -l)
if [ "$count" -eq 1 ] && kill -0 "$first" 2>/dev/null; then ok "still one window, in the first process"; else titles > "$work/log"; not_ok "still one window, in the first process (found $count)"; fi
exit $fail
