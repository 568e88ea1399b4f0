#!/usr/bin/env bash
# Compile time of N resources shaped like teamsAsyncOperation (each with its own two enums and
# complex type): with odata-resource's derives, and with the hand-written serde equivalents.
#
#   benches/compile_time.sh [N ...]      # default: 50 200; RUNS=3 timed builds per side
#
# Each side is a generated crate under target/compile-time/ with its own target directory. Its
# dependencies are built once; each timed run then does `cargo clean -p <crate>` and a debug
# `cargo build` of the generated crate only. Runs alternate between the sides; the medians of the
# wall-clock time and of the CPU time (user + sys, steadier on a shared machine) are reported.
# Prints `ratio compile_time_n<N> ours/serde_derive = x.xx` (wall; `_cpu` for CPU time) and the
# expanded lines per resource (ODATA_RESOURCE_DEBUG=1 makes the derives print their expansion;
# rustfmt lays it out).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$ROOT/target/compile-time"
RUNS="${RUNS:-3}"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(50 200)

# --- generated sources --------------------------------------------------------------------------

ours_resource() { # $1 = module name
	cat <<RS
pub mod $1 {
    use odata_resource::{Annotations, ComplexType, DateTimeOffset, Map, ODataEnum, Resource, Value};

    #[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
    pub enum OperationType {
        Invalid, CloneTeam, ArchiveTeam, UnarchiveTeam, CreateTeam, UnknownFutureValue,
        TeamifyGroup, CreateChannel, ArchiveChannel, UnarchiveChannel,
        #[odata(other)]
        Other(String),
    }

    #[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
    pub enum OperationStatus {
        Invalid, NotStarted, InProgress, Succeeded, Failed, UnknownFutureValue,
        #[odata(other)]
        Other(String),
    }

    #[derive(ComplexType, Debug, Clone, PartialEq, Default)]
    #[odata(type = "microsoft.graph.operationError")]
    pub struct OperationError {
        pub code: Option<String>,
        pub message: Option<String>,
    }

    #[derive(Resource, Debug, Clone, PartialEq, Default)]
    #[odata(type = "microsoft.graph.teamsAsyncOperation")]
    #[odata(path(team = "/teams/{teamsId}/operations"))]
    #[odata(path(invited_user_team = "/invitations/{invitationsId}/invitedUser/joinedGroups/{groupId}/team/operations"))]
    pub struct Operation {
        #[odata(read_only)]
        pub id: Option<String>,
        #[odata(non_nullable)]
        pub operation_type: Option<OperationType>,
        #[odata(read_only)]
        pub created_date_time: Option<DateTimeOffset>,
        #[odata(non_nullable)]
        pub status: Option<OperationStatus>,
        #[odata(non_nullable)]
        pub last_action_date_time: Option<DateTimeOffset>,
        #[odata(non_nullable)]
        pub attempts_count: Option<i32>,
        pub target_resource_id: Option<String>,
        pub target_resource_location: Option<String>,
        pub error: Option<OperationError>,
        #[odata(annotations)]
        pub annotations: Annotations,
        #[odata(additional)]
        pub additional: Map<String, Value>,
    }
}
RS
}

serde_resource() { # $1 = module name
	cat <<RS
pub mod $1 {
    use serde::{Deserialize, Serialize};
    use time::OffsetDateTime;

    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Hash)]
    #[serde(rename_all = "camelCase")]
    pub enum OperationType {
        Invalid, CloneTeam, ArchiveTeam, UnarchiveTeam, CreateTeam, UnknownFutureValue,
        TeamifyGroup, CreateChannel, ArchiveChannel, UnarchiveChannel,
        #[serde(other)]
        Other,
    }

    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Hash)]
    #[serde(rename_all = "camelCase")]
    pub enum OperationStatus {
        Invalid, NotStarted, InProgress, Succeeded, Failed, UnknownFutureValue,
        #[serde(other)]
        Other,
    }

    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
    pub struct OperationError {
        #[serde(rename = "@odata.type", default, skip_serializing_if = "Option::is_none")]
        pub odata_type: Option<String>,
        pub code: Option<String>,
        pub message: Option<String>,
    }

    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
    #[serde(rename_all = "camelCase")]
    pub struct Operation {
        #[serde(rename = "@odata.type", default, skip_serializing_if = "Option::is_none")]
        pub odata_type: Option<String>,
        pub id: Option<String>,
        pub operation_type: Option<OperationType>,
        #[serde(default, with = "time::serde::rfc3339::option")]
        pub created_date_time: Option<OffsetDateTime>,
        pub status: Option<OperationStatus>,
        #[serde(default, with = "time::serde::rfc3339::option")]
        pub last_action_date_time: Option<OffsetDateTime>,
        pub attempts_count: Option<i32>,
        pub target_resource_id: Option<String>,
        pub target_resource_location: Option<String>,
        pub error: Option<OperationError>,
    }
}
RS
}

generate() { # $1 = side (ours|serde), $2 = N
	local side=$1 n=$2 dir="$WORK/$1"
	mkdir -p "$dir/src"
	if [ "$side" = ours ]; then
		deps="odata-resource = { path = \"$ROOT\" }"
	else
		deps='serde = { version = "1", features = ["derive"] }
time = { version = "0.3", features = ["serde", "formatting", "parsing"] }'
	fi
	cat >"$dir/Cargo.toml" <<TOML
[package]
name = "gen-$side"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
$deps

# not a member of the odata-resource workspace around it
[workspace]
TOML
	# the versions the workspace already resolved (and has in the local registry cache)
	[ -f "$dir/Cargo.lock" ] || cp "$ROOT/Cargo.lock" "$dir/Cargo.lock"
	{
		echo "//! $n resources shaped like teamsAsyncOperation ($side); generated by benches/compile_time.sh."
		echo "#![allow(missing_docs, dead_code)]"
		for i in $(seq 1 "$n"); do "${side}_resource" "r$i"; done
	} >"$dir/src/lib.rs.new"
	# rewrite only on change, so a rerun with the same N keeps the dependency cache warm
	if cmp -s "$dir/src/lib.rs.new" "$dir/src/lib.rs"; then rm "$dir/src/lib.rs.new"; else mv "$dir/src/lib.rs.new" "$dir/src/lib.rs"; fi
}

cargo_in() { # $1 = side, rest = cargo arguments
	local side=$1
	shift
	(cd "$WORK/$side" && CARGO_TARGET_DIR="$WORK/$side/target" cargo "$@")
}

timed_build() { # $1 = side; prints "wall cpu" seconds (cpu = user + sys of cargo and rustc)
	local side=$1 times
	cargo_in "$side" clean -p "gen-$side" --offline -q 2>/dev/null
	times=$({
		TIMEFORMAT='%R %U %S'
		time cargo_in "$side" build --offline -q 2>/dev/null
	} 2>&1)
	echo "$times" | awk '{printf "%.2f %.2f\n", $1, $2 + $3}'
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

expanded_lines_per_resource() { # $1 = N (the ours crate is generated for N)
	local n=$1 out="$WORK/expansion"
	mkdir -p "$out"
	cargo_in ours clean -p gen-ours --offline -q 2>/dev/null
	ODATA_RESOURCE_DEBUG=1 cargo_in ours build --offline -q 2>"$out/stderr.txt"
	grep -v -E '^ *(Compiling|Finished|Blocking) |^(warning|error)(\[|:)' "$out/stderr.txt" >"$out/expansion.rs" || true
	rustfmt --edition 2021 "$out/expansion.rs" 2>/dev/null || echo "(rustfmt could not lay out the expansion; counting raw lines)" >&2
	local lines
	lines=$(grep -c -v -E '^\s*$' "$out/expansion.rs" || true)
	echo "expanded lines per resource (ours, rustfmt'd, 2 enums + complex type + resource) = $((lines / n))"
}

# --- measurement ---------------------------------------------------------------------------------

echo "machine: $(nproc) cores; $(rustc --version)"
for n in "${SIZES[@]}"; do
	for side in ours serde; do
		generate "$side" "$n"
		echo "building the dependencies of gen-$side (once) ..."
		cargo_in "$side" build --offline -q
	done
	ours_wall=() ours_cpu=() serde_wall=() serde_cpu=()
	for run in $(seq 1 "$RUNS"); do
		read -r wall cpu < <(timed_build ours)
		ours_wall+=("$wall") ours_cpu+=("$cpu")
		read -r wall cpu < <(timed_build serde)
		serde_wall+=("$wall") serde_cpu+=("$cpu")
		echo "N=$n run $run: ours ${ours_wall[-1]} s wall ${ours_cpu[-1]} s cpu," \
			"serde_derive ${serde_wall[-1]} s wall ${serde_cpu[-1]} s cpu"
	done
	ow=$(median "${ours_wall[@]}") oc=$(median "${ours_cpu[@]}")
	sw=$(median "${serde_wall[@]}") sc=$(median "${serde_cpu[@]}")
	printf 'time compile_time_n%s ours = %.2f s wall, %.2f s cpu (medians of %s)\n' "$n" "$ow" "$oc" "$RUNS"
	printf 'time compile_time_n%s serde_derive = %.2f s wall, %.2f s cpu (medians of %s)\n' "$n" "$sw" "$sc" "$RUNS"
	printf 'ratio compile_time_n%s ours/serde_derive = %.2f\n' "$n" "$(echo "$ow / $sw" | bc -l)"
	printf 'ratio compile_time_n%s_cpu ours/serde_derive = %.2f\n' "$n" "$(echo "$oc / $sc" | bc -l)"
	expanded_lines_per_resource "$n"
done
