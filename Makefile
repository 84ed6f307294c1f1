# trafficking-archive
#   make demo    build, ingest sample-data/ into demo.db, print the funding report
#   make test    install missing system packages, check the layers, build, run every test
#   make test-fast  the quick edit-test loop: build, then every test not tagged .slow (seconds)
#   make build   build the `archive` binary (debug) into .build/debug/archive
#   make release build an optimised binary into .build/release/archive
#   make install install the optimised binary as $(PREFIX)/bin/archive (PREFIX=/usr/local)
#   make deps    install missing system packages (apt, when run as root), or say what to install
#   make serve   Datasette on http://127.0.0.1:8001 over demo.db, with the archive's metadata
#   make bench   run the performance benchmark, N=100000 (bench/README.md)
#   make bench-quick  the benchmark at N=500 in seconds, nothing asserted (CI runs it)
#   make clean   remove build output and demo.db

SWIFT      ?= swift
APT_PACKAGES = libsqlite3-dev libxml2-dev libssl-dev libmimalloc-dev pkg-config sqlite3
DEMO_DB    ?= demo.db
DATASETTE_VERSION = 0.65.5
SERVE_PORT ?= 8001

PREFIX     ?= /usr/local

.PHONY: demo test test-fast check-layers build release deps bench clean install serve

demo: deps build
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).ingest-lock
	.build/debug/archive ingest --db $(DEMO_DB) sample-data
	.build/debug/archive query funding --db $(DEMO_DB) --format table

test: deps check-layers
	$(SWIFT) build
	$(SWIFT) test

# The layers hold by themselves (scripts/check-layers.py): sqlite3_ only in the wrapper, SQL only in
# the store and the reports, every import declared and allowed. Its self-test plants each kind of
# leak in a copy of the tree and watches the check fail.
check-layers:
	SWIFT=$(SWIFT) python3 scripts/check-layers.py
	SWIFT=$(SWIFT) python3 scripts/test_check_layers.py

# The tests not tagged .slow (Tests/*/Tags.swift: reliability, fetch, Datasette, the longer
# end-to-end suites). SwiftPM 6.3.1 reads `--skip tag:slow` as a test name, so the suites and tests
# declared with .tags(.slow) are skipped by their names, collected from those declarations.
SLOW_TESTS = $(shell grep -rhoE --include='*.swift' '[.]tags[^ ]*[.]slow[^ ]* (struct|func) [A-Za-z0-9_]+' Tests | awk '{print $$NF}' | sort | paste -sd'|' -)

test-fast: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip '[./]($(SLOW_TESTS))\b'

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 .build/release/archive $(DESTDIR)$(PREFIX)/bin/archive
	@echo "installed $(DESTDIR)$(PREFIX)/bin/archive"

# Installs the Debian packages in $(1) that are missing: with apt when run as root, else says how.
define apt_install
	@missing=""; \
	for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing:$$missing"; \
	    (apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing system packages:$$missing"; \
	    echo "install them with: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi
endef

deps:
	$(call apt_install,$(APT_PACKAGES))
	@python3 -c "import jsonschema, referencing" 2>/dev/null || \
	  { echo "installing the Python jsonschema package (the 360Giving export test validates with it)"; \
	    python3 -m pip install -q jsonschema || { echo "install it with: python3 -m pip install jsonschema"; exit 1; }; }
	@datasette --version 2>/dev/null | grep -q " $(DATASETTE_VERSION)$$" || \
	  { echo "installing Datasette $(DATASETTE_VERSION) (make serve, and the publishing test runs it)"; \
	    python3 -m pip install -q "datasette==$(DATASETTE_VERSION)" || { echo "install it with: python3 -m pip install datasette==$(DATASETTE_VERSION)"; exit 1; }; }

# Datasette on 127.0.0.1 over the demo archive, with the metadata the archive makes of itself.
serve: demo
	.build/debug/archive export datasette --db $(DEMO_DB) > $(DEMO_DB:.db=)-metadata.json
	datasette serve -i $(DEMO_DB) -m $(DEMO_DB:.db=)-metadata.json -h 127.0.0.1 -p $(SERVE_PORT)

# MARK: bench (bench/README.md). `make bench`: the release binary in .build-bench, N=100000
# (BENCH_N=... to change), targets asserted. `make bench-quick`: N=500 in seconds, nothing asserted;
# ARCHIVE=.build/debug/archive uses that binary instead of building.
BENCH_SCRATCH ?= .build-bench
BENCH_APT     = sqlite3 time

.PHONY: bench-quick bench-deps

bench: deps bench-deps
	$(SWIFT) build -c release --scratch-path $(BENCH_SCRATCH)
	python3 bench/run.py --archive $(BENCH_SCRATCH)/release/archive

bench-quick: bench-deps
	@if [ -n "$(ARCHIVE)" ]; then \
	  python3 bench/run.py --quick --archive "$(ARCHIVE)"; \
	else \
	  $(MAKE) --no-print-directory deps && $(SWIFT) build -c release --scratch-path $(BENCH_SCRATCH) && \
	  python3 bench/run.py --quick --archive $(BENCH_SCRATCH)/release/archive; \
	fi

bench-deps:
	$(call apt_install,$(BENCH_APT))

clean:
	rm -rf .build .build-bench bench/work $(DEMO_DB) $(DEMO_DB:.db=)-metadata.json $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).ingest-lock
