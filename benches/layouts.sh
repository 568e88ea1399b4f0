#!/usr/bin/env bash
# A bench's ratios under several code layouts, so that a verdict does not rest on one build.
#
#   benches/layouts.sh [BENCH]      # default: patch_body; also response, collection, real_pages
#   benches/layouts.sh generated_pages   # the recorded pages in the whole generated model
#
# Where the linker puts each side's hot loops moves their time: the hand-written serde baseline of
# `patch_body` takes 1.0 µs in some builds and 1.3 µs in others for the same source, which moves
# the ratio by a quarter while our side stays put. This builds BENCH in release with the default
# layout (in target/, as `cargo bench` builds it, or in $CARGO_TARGET_DIR when set) and with three
# LLVM alignment options that shift the code around (each in its own target directory under
# target/layouts/ (or $CARGO_TARGET_DIR/layouts/), so the first run builds
# the dependencies once per layout: about 4 minutes each on 2 cores), runs
# only the side-by-side part of each (a criterion filter that matches no bench), and prints every
# layout's ratios, then the worst (highest) of each ratio over all layouts.
#
# `generated_pages` is not a cargo bench: it goes through benches/generated_pages.sh, with each
# layout's target directory as its CARGO_TARGET_DIR (two whole models per layout: about ten
# minutes each on 2 cores, and about 250 MB of disk each).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH="${1:-patch_body}"
LAYOUTS=(
	"default|"
	"align-loops-32|-C llvm-args=-align-loops=32"
	"align-loops-64|-C llvm-args=-align-loops=64"
	"align-functions-64|-C llvm-args=-align-all-functions=6"
)

BASE="${CARGO_TARGET_DIR:-$ROOT/target}"

cd "$ROOT"
results="$(mktemp)"
trap 'rm -f "$results"' EXIT
for entry in "${LAYOUTS[@]}"; do
	name="${entry%%|*}"
	flags="${entry#*|}"
	target="$BASE/layouts/$name"
	[ -n "$flags" ] || target="$BASE"
	echo "== $name ${flags:+($flags)}" >&2
	if [ "$BENCH" = generated_pages ]; then
		RUSTFLAGS="$flags" CARGO_TARGET_DIR="$target" \
			bash "$ROOT/benches/generated_pages.sh" --bench side-by-side-only
	else
		RUSTFLAGS="$flags" CARGO_TARGET_DIR="$target" \
			cargo bench --quiet --bench "$BENCH" -- side-by-side-only
	fi | grep -E '^(time|ratio) ' | sed "s/^/$name /" | tee -a "$results"
done

echo
echo "worst over ${#LAYOUTS[@]} layouts:"
# lines: `<layout> ratio <bench> <ours>/<baseline> = <value>`
awk '$2 == "ratio" { name = $3 " " $4; if (!(name in worst) || $6 > worst[name]) worst[name] = $6 }
	END { for (r in worst) printf "ratio %s worst = %.2f\n", r, worst[r] }' "$results" | sort
