# shangliang — the two commands a newcomer needs: `make run` and `make test`.
SWIFT        ?= swift
DB           ?= var/shangliang.sqlite
SYSTEM_PKGS  := libsqlite3-dev libpcre2-dev libopencc-dev
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test deps build release bench lint eval clean

## Install the Debian packages the build needs, only when one is missing.
deps:
	@missing=""; for p in $(SYSTEM_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "==> installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## Start a chat session on the bundled sample community (embedded SQLite in var/).
run: build
	@mkdir -p var
	$(SWIFT) run --skip-build shangliang chat --db $(DB)

## Lint the rules, run their examples, then the whole test suite.
test: build
	$(SWIFT) run --skip-build shangliang rules lint rules
	$(SWIFT) run --skip-build shangliang rules test rules
	$(SWIFT) test

lint: build
	$(SWIFT) run --skip-build shangliang rules lint rules

eval: build
	$(SWIFT) run --skip-build shangliang eval ../shared/corpus/dev.tsv

## Speed figures (release build): classification throughput, rule load time, gateway throughput.
bench: release
	$(SWIFT) run -c release --skip-build shangliang bench
	@echo "==> gateway throughput: 100,000 messages from 1,000 users, as fast as possible (durable group commits)"
	python3 tools/loadgen.py $$($(SWIFT) build -c release --show-bin-path)/shangliang -n 100000 -u 1000
	@echo "==> gateway latency: 1,000 messages/s offered, 20,000 messages from 1,000 users"
	python3 tools/loadgen.py $$($(SWIFT) build -c release --show-bin-path)/shangliang -n 20000 -u 1000 --rate 1000

clean:
	rm -rf .build var
