# Kasane: `make run` and `make test` do all set-up on a fresh Debian 12 machine.

BUILD    ?= build
MESON    ?= meson
APP_ID    = io.github.kasane.Kasane

# Everything the build, the tests and the benchmarks need, as Debian 12 packages.
DEPS = build-essential pkg-config meson ninja-build gettext \
       libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libjson-glib-dev \
       libcairo2-dev libpango1.0-dev \
       xvfb xauth xdotool openbox fonts-noto-cjk \
       python3 python3-jsonschema desktop-file-utils appstream locales \
       shared-mime-info libglib2.0-bin dbus-daemon \
       librsvg2-bin poppler-utils libpoppler-glib-dev weston imagemagick gnuplot-nox python3-matplotlib hyperfine bc time

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build run test sanitize bench clean

all: build

# Installs only what is missing, so it is quick when everything is there.
deps:
	@missing=$$(dpkg-query -W -f='$${Package} $${Status}\n' $(DEPS) 2>/dev/null | \
	            awk '$$4 == "installed" { print $$1 }' | sort > .deps-installed; \
	            for p in $(DEPS); do grep -qx "$$p" .deps-installed || echo $$p; done); \
	rm -f .deps-installed; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:" $$missing; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi

$(BUILD)/build.ninja:
	$(MESON) setup $(BUILD)

build: deps $(BUILD)/build.ninja
	$(MESON) compile -C $(BUILD)

run: build
	GSETTINGS_SCHEMA_DIR=$(BUILD)/data ./$(BUILD)/app/kasane

# GUI tests need a display: the whole suite runs under a private X server.
test: build
	xvfb-run -a -s "-screen 0 1920x1080x24" $(MESON) test -C $(BUILD) --print-errorlogs

# The tests that need no display (model, command line, file writer), built with
# AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer.  CI runs it after
# `make test`.  Suppressions, for system libraries only, are in tests/lsan.supp.
SANITIZE_BUILD ?= build-sanitize
sanitize: deps
	@[ -f $(SANITIZE_BUILD)/build.ninja ] || $(MESON) setup $(SANITIZE_BUILD) \
	  -Db_sanitize=address,undefined -Db_lundef=false --buildtype=debug
	$(MESON) compile -C $(SANITIZE_BUILD)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	  $(MESON) test -C $(SANITIZE_BUILD) --print-errorlogs --suite model --suite cli
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	  $(MESON) test -C $(SANITIZE_BUILD) --print-errorlogs file-writer

bench: build
	@if [ -x tests/bench/run ]; then tests/bench/run $(BUILD); \
	 else echo "no benchmarks yet"; fi

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD)
