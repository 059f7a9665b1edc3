#!/usr/bin/env bash
# test-install.sh: `meson install` into a temporary --destdir, then the installed tree:
# the program runs (--version, --check on an installed dataset, --export), and the
# desktop knows a dataset file (*.kasane.json) as Kasane's type once update-mime-database
# has run over the installed MIME packages.  Prints TAP.
#
# Usage: test-install.sh BUILD-DIR
set -uo pipefail
build="$1"
dest="$(mktemp -d)"
trap 'rm -rf "$dest"' EXIT
n=0
fail=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); fail=1; echo "not ok $n - $1"; sed 's/^/# /' "$dest/log" 2>/dev/null || true; }
check () { local what="$1"; shift; if "$@" > "$dest/log" 2>&1; then ok "$what"; else not_ok "$what"; fi; }

echo "1..9"
check "meson install --destdir" meson install -C "$build" --destdir "$dest/root" --no-rebuild --quiet
prefix="$(meson introspect "$build" --buildoptions | python3 -c '
import json, sys
print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')"
root="$dest/root$prefix"
kasane="$root/bin/kasane"
share="$root/share"
app_id=io.github.kasane.Kasane

check "the program is installed and runs" "$kasane" --version
check "the bundled datasets pass --check where they are installed" \
  "$kasane" --check "$share/kasane/datasets/ai.json" "$share/kasane/datasets/crypto.json" \
    "$share/kasane/datasets/web.json"
check "it exports from an installed dataset" \
  "$kasane" --export="$dest/out.png" --size=960x540 "$share/kasane/datasets/crypto.json"
check "the desktop file, metainfo, schema, icon, MIME package and Japanese catalogue are installed" \
  test -f "$share/applications/$app_id.desktop" -a -f "$share/metainfo/$app_id.metainfo.xml" \
       -a -f "$share/glib-2.0/schemas/$app_id.gschema.xml" \
       -a -f "$share/icons/hicolor/scalable/apps/$app_id.svg" \
       -a -f "$share/mime/packages/$app_id.xml" \
       -a -f "$share/locale/ja/LC_MESSAGES/kasane.mo"
check "the desktop file declares the dataset type" \
  grep -q '^MimeType=.*application/x-kasane-dataset;' "$share/applications/$app_id.desktop"
check "update-mime-database over the installed tree" update-mime-database "$share/mime"

# A dataset file, as the desktop would guess its type from the installed database.
cp "$share/kasane/datasets/ai.json" "$dest/stack.kasane.json"
cp "$share/kasane/datasets/ai.json" "$dest/plain.json"
type_of () {
  XDG_DATA_DIRS="$share:/usr/share" XDG_DATA_HOME="$dest/none" \
    gio info -a standard::content-type "$1" | awk '/standard::content-type/ { print $2 }'
}
if [ "$(type_of "$dest/stack.kasane.json")" = "application/x-kasane-dataset" ]; then
  ok "a .kasane.json file is a Kasane dataset"
else
  echo "# got: $(type_of "$dest/stack.kasane.json")"; not_ok "a .kasane.json file is a Kasane dataset"
fi
if [ "$(type_of "$dest/plain.json")" = "application/json" ]; then
  ok "a plain .json file stays JSON"
else
  echo "# got: $(type_of "$dest/plain.json")"; not_ok "a plain .json file stays JSON"
fi
exit $fail
