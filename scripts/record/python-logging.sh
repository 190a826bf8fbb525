#!/usr/bin/env bash
# Records real output of Python's `logging` module for test/fixtures/logs/python/: the basicConfig
# default layout, and the two asctime layouts most projects configure, with tracebacks (logger.exception,
# chained exceptions) and an uncaught exception at the end. Needs python3.
# Run from the repo root: bash scripts/record/python-logging.sh
set -euo pipefail
out=${1:-test/fixtures/logs/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

cat > "$work/app.py" <<'PY'
import logging
import sys

LAYOUTS = {
    "default": None,  # basicConfig's own "%(levelname)s:%(name)s:%(message)s"
    "dashes": "%(asctime)s - %(name)s - %(levelname)s - %(message)s",
    "colon": "%(asctime)s %(levelname)s %(name)s: %(message)s",
}


class PoolExhausted(Exception):
    pass


def checkout(pool, size):
    if len(pool) >= size:
        raise PoolExhausted(f"connection pool exhausted ({len(pool)}/{size} in use)")
    pool.append(object())


def parse_order(raw):
    return int(raw["qty"])


def main(layout):
    fmt = LAYOUTS[layout]
    if fmt is None:
        logging.basicConfig(level=logging.DEBUG, stream=sys.stderr)
    else:
        logging.basicConfig(level=logging.DEBUG, stream=sys.stderr, format=fmt)
    log = logging.getLogger("shop.db")
    worker = logging.getLogger("shop.worker")
    logging.warning("no config file found, using defaults")
    log.debug("opening pool size=%d", 3)
    pool = []
    for i in range(4):
        try:
            checkout(pool, 3)
            log.info("checked out connection %d", i + 1)
        except PoolExhausted:
            log.exception("request %d failed", i + 1)
    try:
        try:
            parse_order({"qty": "ten"})
        except ValueError as e:
            raise RuntimeError("cannot parse order 42") from e
    except RuntimeError:
        worker.error("order rejected", exc_info=True)
    worker.warning("message with\ntwo lines")
    logging.getLogger("__main__").critical("shutting down: %s", "too many failures")
    parse_order({})  # uncaught: Python prints the traceback itself and exits 1


if __name__ == "__main__":
    main(sys.argv[1])
PY

for layout in default dashes colon; do
  python3 "$work/app.py" "$layout" 2> "$out/$layout.log" || true
done
wc -l "$out"/*.log
