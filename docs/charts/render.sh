#!/bin/sh
# Draws the report charts and photographs them in headless Chromium (Debian's `chromium`), so
# what a reader sees is checked in a real browser. Usage:
#   docs/charts/render.sh ARCHIVE_BINARY DEV_SET_DB BENCHMARK_DB
# DEV_SET_DB: sample-data and both dev sets ingested; BENCHMARK_DB: `make bench`'s archive (--keep).
set -eu
absolute() { case $1 in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
archive=$(absolute "$1") devset=$(absolute "$2") bench=$(absolute "$3")
cd "$(dirname "$0")"
"$archive" query funding --db "$devset" --format svg > funding.svg
"$archive" query funding --by year --db "$devset" --format svg > funding-by-year.svg
"$archive" query referrals --db "$devset" --format svg > referrals.svg
"$archive" query referrals --db "$bench" --format svg > referrals-benchmark.svg
for svg in *.svg; do
    size=$(sed -n 's/.*<svg[^>]* width="\([0-9.]*\)" height="\([0-9.]*\)".*/\1,\2/p' "$svg" | head -1)
    width=${size%,*}
    if [ "${width%.*}" -gt 1200 ]; then echo "$svg is $width px wide, more than 1,200" >&2; exit 1; fi
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$size" \
        --screenshot="$PWD/${svg%.svg}.png" "file://$PWD/$svg" 2>/dev/null
    echo "$svg: $size px"
done
