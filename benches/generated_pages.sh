#!/usr/bin/env bash
# Real recorded pages read into the whole generated Graph v1.0 model (issue #16: "read into the
# generated model"), against the same generated types with serde derive.
#
#   bash benches/generated_pages.sh            # criterion's run, then the side-by-side ratios
#   bash benches/generated_pages.sh --bench side-by-side-only   # the ratios only
#
# Generates both models from ../shared/corpus/csdl-full/v1.0-Prod.csdl with
# odata-resource-codegen (ours, and `--serde`), and builds benches/generated_pages/pages.rs with
# both in a crate of its own under target/generated-pages (or $CARGO_TARGET_DIR/...), pinned to
# the workspace's Cargo.lock: two whole models in release take about ten minutes and 6 GB on
# 2 cores the first time, too much for `cargo bench`'s usual benches. Arguments go to the
# program (criterion's, as `cargo bench` passes them).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CSDL="$ROOT/../shared/corpus/csdl-full/v1.0-Prod.csdl"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
WORK="$TARGET/generated-pages"
[ -f "$CSDL" ] || { echo "no CSDL at $CSDL (the corpus sits beside the repository)" >&2; exit 1; }

cd "$ROOT"
cargo build --release -q -p odata-resource-codegen
GEN="$TARGET/release/odata-resource-codegen"

mkdir -p "$WORK/models"
# written again only when the generator's output changes, so that a second run builds nothing
for side in ours serde; do
	flags=()
	[ "$side" = serde ] && flags+=(--serde)
	rm -rf "$WORK/models/$side.new"
	"$GEN" --csdl "$CSDL" --out "$WORK/models/$side.new" "${flags[@]}" >/dev/null
	if [ -d "$WORK/models/$side" ] && diff -rq "$WORK/models/$side" "$WORK/models/$side.new" >/dev/null; then
		rm -rf "$WORK/models/$side.new"
	else
		rm -rf "$WORK/models/$side"
		mv "$WORK/models/$side.new" "$WORK/models/$side"
	fi
done

cat >"$WORK/Cargo.toml" <<TOML
[package]
name = "generated-pages"
version = "0.0.0"
edition = "2021"
publish = false

[[bin]]
name = "generated-pages"
path = "$ROOT/benches/generated_pages/pages.rs"

[dependencies]
odata-resource = { path = "$ROOT" }
serde = { version = "1", features = ["derive"] }
serde_json = { version = "1", features = ["float_roundtrip"] }
time = { version = "0.3", features = ["macros", "serde", "formatting", "parsing"] }
criterion = { version = "0.5", default-features = false, features = ["cargo_bench_support"] }

[workspace]
TOML
cp "$ROOT/Cargo.lock" "$WORK/Cargo.lock"

export GENERATED_MODELS="$WORK/models" ODATA_RESOURCE_ROOT="$ROOT"
cargo build --release -q --manifest-path "$WORK/Cargo.toml" --target-dir "$WORK/target"
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--bench)
"$WORK/target/release/generated-pages" "${args[@]}"
