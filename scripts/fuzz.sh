#!/usr/bin/env bash
# Builds the libFuzzer targets in tests/fuzz/ with clang (AddressSanitizer and
# UndefinedBehaviorSanitizer) into build/fuzz/, seeds their corpora from the test fixtures
# and runs each for FUZZ_SECONDS (60). A crash, leak or sanitizer report stops the run with
# its input saved under build/fuzz/. Not part of scripts/test.sh: it takes minutes.
#
#   scripts/fuzz.sh              build, then run every target
#   scripts/fuzz.sh csv_import   build, then run one target
set -euo pipefail
cd "$(dirname "$0")/.."

CXX=${CXX:-clang++-14}
SECONDS_EACH=${FUZZ_SECONDS:-60}
out=build/fuzz
mkdir -p "$out/objects" "$out/corpus/csv_import" "$out/corpus/model_file"

flags=(-std=c++20 -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
       -Icore -isystem /usr/include/eigen3) # assertions on: Eigen checks every index

# The engine once, as a library the targets link; only what a target calls is linked in. An
# object is rebuilt when its source or a header it includes is newer. A source this clang
# cannot compile is left out with a warning: the link below says if a target needed it.
up_to_date() {
    [ -f "$1" ] && [ -f "$1.d" ] || return 1
    local dependency
    for dependency in $(sed -e 's/^[^:]*://' -e 's/\\$//' "$1.d"); do
        [ "$1" -nt "$dependency" ] || return 1
    done
}
compile_one() {
    local object="$out/objects/$(basename "$1" .cpp).o"
    if up_to_date "$object"; then return 0; fi
    # shellcheck disable=SC2086 # FLAGS is a list of words without spaces
    if ! "$CXX" -fsanitize=fuzzer-no-link $FLAGS -MMD -MF "$object.d" -c "$1" -o "$object" 2> "$object.log"; then
        rm -f "$object"
        echo "warning: left out $1, which $CXX cannot compile (see $object.log)"
    fi
}
FLAGS="${flags[*]}"
export -f up_to_date compile_one
export CXX out FLAGS
echo "compiling core/ with $CXX"
find core -name "*.cpp" | xargs -P "$(nproc)" -n 1 bash -c 'compile_one "$0"'
rm -f "$out/libcore.a"
for source in $(find core -name "*.cpp"); do # objects of sources that still exist, and compiled
    object="$out/objects/$(basename "$source" .cpp).o"
    if [ -f "$object" ]; then ar qc "$out/libcore.a" "$object"; fi
done

for target in csv_import model_file; do
    echo "linking fuzz_$target"
    "$CXX" -fsanitize=fuzzer "${flags[@]}" "tests/fuzz/fuzz_$target.cpp" "$out/libcore.a" -o "$out/fuzz_$target"
done

# Seeds: every CSV fixture behind a zero control byte (no overrides, interpolation), and the
# model of every PyTorch golden file.
for fixture in tests/fixtures/csv/*.csv; do
    { printf '\0'; cat "$fixture"; } > "$out/corpus/csv_import/$(basename "$fixture")"
done
python3 - "$out/corpus/model_file" tests/fixtures/torch/*.json <<'PY'
import json, os, sys
for path in sys.argv[2:]:
    document = json.load(open(path))
    if "model" in document:
        with open(os.path.join(sys.argv[1], os.path.basename(path)), "w") as seed:
            json.dump(document["model"], seed)
PY

run() {
    echo "fuzzing $1 for $SECONDS_EACH s"
    "$out/fuzz_$1" "$out/corpus/$1" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$out/$1-"
}
if [ $# -gt 0 ]; then
    run "$1"
else
    run csv_import
    run model_file
fi
