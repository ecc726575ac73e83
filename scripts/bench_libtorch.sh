#!/usr/bin/env bash
# Builds scripts/bench_libtorch.cpp (the libtorch reference for `lstm-lab-cli bench`) into
# build/bench_libtorch and runs it, one thread; arguments go to the program, e.g.
#     scripts/bench_libtorch.sh --cell lstm --hidden 512 --batch 32
# Run by hand only: needs Debian's libtorch-dev and libopenblas0-pthread; not part of the
# CMake build, CI or the tests. Rebuilds only when the source is newer than the binary.
set -euo pipefail
cd "$(dirname "$0")/.."

# One thread for OpenMP and OpenBLAS from the moment they load (the program sets both too).
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

source=scripts/bench_libtorch.cpp
binary=build/bench_libtorch
if [ ! -x "$binary" ] || [ "$source" -nt "$binary" ]; then
    mkdir -p build
    # The flags of Debian's Torch CMake package (TORCH_INCLUDE_DIRS, TORCH_CXX_FLAGS,
    # TORCH_LIBRARIES), written out so no CMake project is needed.
    g++ -std=c++17 -O2 -D_GLIBCXX_USE_CXX11_ABI=1 \
        -I/usr/include/torch/csrc/api/include \
        "$source" -o "$binary" \
        -ltorch -ltorch_cpu -lc10 -l:libopenblas.so.0 -pthread
fi
exec "$binary" "$@"
