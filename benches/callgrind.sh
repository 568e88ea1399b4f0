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

# instructions of `valgrind --tool=callgrind` over a whole run
total() {
	local out
	out="$(mktemp)"
	ODATA_PROBE="$2" setarch "$(uname -m)" -R \
		valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" >/dev/null 2>"$out"
	sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$out"
	rm -f "$out"
}

# per_read <executable> <bench> <reader> <n1> <n2>
per_read() {
	local a b
	a="$(total "$1" "$2/$3/$4")"
	b="$(total "$1" "$2/$3/$5")"
	echo $(((b - a) / ($5 - $4)))
}

# row <executable> <bench> <n1> <n2>
row() {
	local ours serde plain
	ours="$(per_read "$1" "$2" ours "$3" "$4")"
	serde="$(per_read "$1" "$2" serde_derive "$3" "$4")"
	plain="$(per_read "$1" "$2" ours_serde_json "$3" "$4")"
	awk -v b="$2" -v o="$ours" -v s="$serde" -v p="$plain" 'BEGIN {
		printf "callgrind %s: ours %d, serde_derive %d, ours_serde_json %d; ours/serde_derive = %.3f, ours_serde_json/serde_derive = %.3f\n", b, o, s, p, o / s, p / s }'
}

row "${BIN[response]}" response 10 210
row "${BIN[collection]}" collection 1 3
row "${BIN[real_pages]}" service_principals 5 45
row "${BIN[real_pages]}" chat_messages 5 45
