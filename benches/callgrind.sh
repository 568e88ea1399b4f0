#!/usr/bin/env bash
# Instructions per read of the four reading benches under callgrind, for ours (`from_slice`),
# serde derive and ours through `serde_json::from_slice` (`ours_serde_json`), and the two ratios
# to serde derive. Counts do not move when the machine is busy, unlike the wall-time ratios: use
# them to decide, and the benches' wall time to confirm. Address randomization is turned off
# (`setarch -R`): with it, the alignment of each allocation moves `memcpy`'s and `from_utf8`'s
# counts by about 0.1% from run to run; without it, they repeat to the instruction.
#
#   benches/callgrind.sh     # needs valgrind and setarch; builds the benches first (cargo bench --no-run)
#
# Next to the instructions it prints the simulated misses of the level-1 instruction cache per
# read (`--cache-sim=yes`, the geometry of this machine's cache: 32 KiB, 8-way here). They explain
# most of what the counts do not: on the response, ours through serde_json made 13 misses per read
# where serde derive made 4 (1.3% fewer instructions, 1–2% more time), and in a build where the
# code moved, 21 against 0 (1.6% fewer instructions, 4% more time). A read's hot code is about
# 19 KB spread over some 300 cache lines; a miss happens where more than 8 of them share a set
# (address bits 6–11), which only the layout of the final binary decides.
#
# Each count is the difference between two runs of one reader under the benches' probe mode
# (`ODATA_PROBE=<bench>/<reader>/<n>`, see `probe` in benches/support/mod.rs), divided by the
# difference of their numbers of reads, so that the setup (building the collection page, reading
# the corpus) is not counted. Line tables (`CARGO_PROFILE_BENCH_DEBUG=line-tables-only`) do not
# change the counts and let `callgrind_annotate` name source lines.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

# the benches' executables, as cargo reports them
declare -A BIN
while read -r name path; do
	BIN[$name]="$path"
done < <(cargo bench --bench response --bench collection --bench real_pages --no-run 2>&1 |
	sed -n 's/^ *Executable benches\/\([a-z_]*\)\.rs (\(.*\))$/\1 \2/p')

# instructions and level-1 instruction cache misses of `valgrind --tool=callgrind` over a
# whole run: "<Ir> <I1mr>" (the first and fourth events with `--cache-sim=yes`)
total() {
	local out
	out="$(mktemp)"
	ODATA_PROBE="$2" setarch "$(uname -m)" -R \
		valgrind --tool=callgrind --cache-sim=yes --callgrind-out-file=/dev/null "$1" \
		>/dev/null 2>"$out"
	sed -n 's/.*Collected : \([0-9]*\) [0-9]* [0-9]* \([0-9]*\).*/\1 \2/p' "$out"
	rm -f "$out"
}

# per_read <executable> <bench> <reader> <n1> <n2>: "<instructions> <I1 misses>" per read
per_read() {
	local a b
	a="$(total "$1" "$2/$3/$4")"
	b="$(total "$1" "$2/$3/$5")"
	awk -v a="$a" -v b="$b" -v n="$(($5 - $4))" 'BEGIN {
		split(a, x, " "); split(b, y, " ");
		printf "%d %.1f\n", (y[1] - x[1]) / n, (y[2] - x[2]) / n }'
}

# row <executable> <bench> <n1> <n2>
row() {
	local ours serde plain
	ours="$(per_read "$1" "$2" ours "$3" "$4")"
	serde="$(per_read "$1" "$2" serde_derive "$3" "$4")"
	plain="$(per_read "$1" "$2" ours_serde_json "$3" "$4")"
	awk -v b="$2" -v o="$ours" -v s="$serde" -v p="$plain" 'BEGIN {
		split(o, O, " "); split(s, S, " "); split(p, P, " ");
		printf "callgrind %s: ours %d, serde_derive %d, ours_serde_json %d; ours/serde_derive = %.3f, ours_serde_json/serde_derive = %.3f\n", b, O[1], S[1], P[1], O[1] / S[1], P[1] / S[1];
		printf "callgrind %s I1 misses per read: ours %.1f, serde_derive %.1f, ours_serde_json %.1f\n", b, O[2], S[2], P[2] }'
}

row "${BIN[response]}" response 10 210
row "${BIN[collection]}" collection 1 3
row "${BIN[real_pages]}" service_principals 5 45
row "${BIN[real_pages]}" chat_messages 5 45
