#!/usr/bin/env bash
# Compile time and peak memory of the whole Microsoft Graph v1.0 model, generated from the
# corpus' CSDL (../shared/corpus/csdl-full/v1.0-Prod.csdl) by odata-resource-codegen: with
# odata-resource's derives, and the same types with serde derive (`--serde`: serde renames,
# `#[serde(flatten)]` for undeclared properties, internally tagged enums for polymorphic
# properties, the same runtime types for Edm values).
#
#   benches/whole_model.sh          # RUNS=1 timed build per side and kind (each takes minutes)
#   KINDS=instantiated benches/whole_model.sh   # one kind only
#
# Two kinds of build, each a debug build of the generated crate alone (its dependencies built
# beforehand, CARGO_INCREMENTAL=0, `cargo clean -p` before each timed run):
#   crate         the model as a user's crate holds it: only what the derives generate
#   instantiated  plus `__instantiate_all`, which reads every struct from JSON and writes it back,
#                 so every type's reading and writing is compiled
# A third crate, `plain` (`--plain`), holds the same types with nothing derived but Debug, Clone,
# PartialEq (and Default, Eq, Hash where the others derive them): the floor any model of these
# types costs before a serialization derive adds to it.
# Prints wall time, CPU time (user + sys) and peak resident memory of each (medians over RUNS),
# and `ratio whole_model_<kind> ours/serde_derive = x.xx` for wall time, `_cpu` for CPU time and
# `_mem` for memory: the median of the ratios of the builds run back to back in each round; then
# `ratio whole_model_<kind>_above_floor…`: the same for what each derive adds to the floor
# ((ours - plain) / (serde - plain)), the part a derive can change.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CSDL="$ROOT/../shared/corpus/csdl-full/v1.0-Prod.csdl"
WORK="$ROOT/target/whole-model"
RUNS="${RUNS:-1}"
[ -f "$CSDL" ] || { echo "no CSDL at $CSDL (the corpus sits beside the repository)" >&2; exit 1; }

cargo build --release -q -p odata-resource-codegen
GEN="$ROOT/target/release/odata-resource-codegen"

# setup <side> <kind> [generator flags]: a crate at $WORK/<side>-<kind> with its deps built
setup() {
	local dir="$WORK/$1-$2"
	shift 2
	mkdir -p "$dir/src"
	cat >"$dir/Cargo.toml" <<TOML
[package]
name = "whole-model"
version = "0.0.0"
edition = "2021"
publish = false

[lib]
path = "src/lib.rs"

[dependencies]
odata-resource = { path = "$ROOT" }
serde = { version = "1", features = ["derive"] }
serde_json = "1"

[workspace]
TOML
	"$GEN" --csdl "$CSDL" --out "$dir/src/model" "$@" >/dev/null
	printf '#![allow(missing_docs)]\ninclude!("model/mod.rs");\n' >"$dir/src/lib.rs"
	# dependencies once, with an empty crate
	mv "$dir/src/lib.rs" "$dir/src/lib.rs.real"
	: >"$dir/src/lib.rs"
	(cd "$dir" && CARGO_INCREMENTAL=0 cargo build -q)
	mv "$dir/src/lib.rs.real" "$dir/src/lib.rs"
}

# timed <dir>: one clean build of the crate; prints "wall cpu maxrss_kb"
timed() {
	(cd "$1" && cargo clean -q -p whole-model && CARGO_INCREMENTAL=0 /usr/bin/time -f "%e %U %S %M" -o time.txt cargo build -q)
	awk '{ printf "%.1f %.1f %d\n", $1, $2 + $3, $4 }' "$1/time.txt"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

for kind in ${KINDS:-crate instantiated}; do
	flags=()
	[ "$kind" = instantiated ] && flags+=(--instantiate)
	setup ours "$kind" "${flags[@]}"
	setup serde "$kind" --serde "${flags[@]}"
	setup plain "$kind" --plain "${flags[@]}"
	for side in ours serde plain; do : >"$WORK/$side-$kind.runs"; done
	# the setup's files written out before anything is timed: the first timed build after it
	# ran up to 40% slower than the same build again (184 s against 133 s of wall time),
	# which fell on our side alone when it went first; the small plain build goes first now
	sync
	for _ in $(seq "$RUNS"); do
		for side in plain ours serde; do
			timed "$WORK/$side-$kind" >>"$WORK/$side-$kind.runs"
		done
	done
	for side in ours serde plain; do
		runs="$WORK/$side-$kind.runs"
		wall=$(cut -d' ' -f1 "$runs" | median)
		cpu=$(cut -d' ' -f2 "$runs" | median)
		mem=$(cut -d' ' -f3 "$runs" | median)
		printf '%-6s %-13s wall %7.1f s  cpu %7.1f s  peak %6.0f MB\n' "$side" "$kind" "$wall" "$cpu" "$(echo "$mem / 1024" | bc -l)"
	done
	# each ratio is the median of the per-round ratios (ours and serde built one right after the
	# other): the machine's speed can move by half within an evening, and a slow spell then
	# lands on both sides of a pair instead of on one side of the medians
	for column in 1:"" 2:_cpu 3:_mem; do
		ratio=$(paste -d' ' "$WORK/ours-$kind.runs" "$WORK/serde-$kind.runs" |
			awk -v c="${column%%:*}" '{ printf "%.6f\n", $c / $(c + 3) }' | median)
		printf 'ratio whole_model_%s%s ours/serde_derive = %.2f\n' "$kind" "${column#*:}" "$ratio"
	done
	for column in 1:"" 2:_cpu 3:_mem; do
		ratio=$(paste -d' ' "$WORK/ours-$kind.runs" "$WORK/serde-$kind.runs" "$WORK/plain-$kind.runs" |
			awk -v c="${column%%:*}" '{ printf "%.6f\n", ($c - $(c + 6)) / ($(c + 3) - $(c + 6)) }' | median)
		printf 'ratio whole_model_%s_above_floor%s ours/serde_derive = %.2f\n' "$kind" "${column#*:}" "$ratio"
	done
done
