#!/usr/bin/python3
"""PyTorch reference for `lstm-lab-cli bench`.

Times the same training step our CLI times, so the two can be read side by side:
forward + backward + Adam update (torch.optim.Adam, lr 0.01) of ONE recurrent layer
(nn.LSTM / nn.GRU / nn.RNN with tanh, batch_first=False) followed by a linear head
nn.Linear(H, 1) applied at every timestep, nn.MSELoss against a random (T, B, 1)
target; float32, input size 8, T = 64 timesteps, one thread. Inputs and targets are
drawn once; every step does zero_grad, forward, backward and optimizer.step. After
3 warm-up steps, steps are repeated until at least --seconds (default 0.5) and at
least 5 steps have passed; the median milliseconds per step is reported, as by the CLI.

This is a reference run by hand, with Debian's torch:
    /usr/bin/python3 scripts/bench_torch.py [--json] [--seconds S]
        [--cell lstm,gru] [--hidden 32,128] [--batch 1]
Install libopenblas0-pthread first; without it Debian's torch falls back to the
reference BLAS and is about 10x slower. Tests never need torch.
scripts/bench_libtorch.sh times the same step in PyTorch's C++ library, without Python's
per-operation overhead.
"""
import os

# Must be set before torch (and its BLAS / OpenMP runtimes) is loaded.
os.environ["OMP_NUM_THREADS"] = "1"
os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["MKL_NUM_THREADS"] = "1"

import argparse
import json
import statistics
import sys
import time

import torch
from torch import nn

CELLS = ("lstm", "gru", "rnn")
HIDDEN_SIZES = (32, 128, 512)
BATCH_SIZES = (1, 32)
INPUT_SIZE = 8
STEPS = 64


def make_layer(cell, hidden):
    if cell == "lstm":
        return nn.LSTM(INPUT_SIZE, hidden, num_layers=1, batch_first=False)
    if cell == "gru":
        return nn.GRU(INPUT_SIZE, hidden, num_layers=1, batch_first=False)
    return nn.RNN(INPUT_SIZE, hidden, num_layers=1, nonlinearity="tanh", batch_first=False)


def run_benchmark(cell, hidden, batch, min_seconds):
    torch.manual_seed(7)
    layer = make_layer(cell, hidden)
    head = nn.Linear(hidden, 1)
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.Adam(list(layer.parameters()) + list(head.parameters()), lr=0.01)
    inputs = torch.rand(STEPS, batch, INPUT_SIZE, dtype=torch.float32) * 2 - 1
    targets = torch.rand(STEPS, batch, 1, dtype=torch.float32) * 2 - 1

    def step():
        optimizer.zero_grad()
        outputs, _ = layer(inputs)          # (T, B, H)
        loss = loss_fn(head(outputs), targets)  # head applied at every timestep
        loss.backward()
        optimizer.step()

    for _ in range(3):
        step()
    durations = []
    while sum(durations) < min_seconds or len(durations) < 5:
        start = time.perf_counter()
        step()
        durations.append(time.perf_counter() - start)
    return 1000.0 * statistics.median(durations), len(durations)


def int_list(text):
    try:
        return [int(item) for item in text.split(",")] if text else []
    except ValueError:
        raise argparse.ArgumentTypeError("expected a comma-separated list of numbers, got %r" % text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object per line")
    parser.add_argument("--seconds", type=float, default=0.5, help="minimum time measured per shape")
    parser.add_argument("--cell", default="", help="only these cells, e.g. lstm,gru")
    parser.add_argument("--hidden", type=int_list, default=[], help="only these hidden sizes, e.g. 32,128")
    parser.add_argument("--batch", type=int_list, default=[], help="only these batch sizes, e.g. 1")
    args = parser.parse_args()
    cells = [c for c in args.cell.split(",") if c] if args.cell else list(CELLS)
    unknown = [c for c in cells if c not in CELLS]
    if unknown:
        parser.error("unknown cell(s): %s (choose from %s)" % (",".join(unknown), ",".join(CELLS)))

    torch.set_num_threads(1)
    threads = torch.get_num_threads()
    for cell in CELLS:
        for hidden in HIDDEN_SIZES:
            for batch in BATCH_SIZES:
                if cell not in cells or (args.hidden and hidden not in args.hidden) or \
                        (args.batch and batch not in args.batch):
                    continue
                ms, repetitions = run_benchmark(cell, hidden, batch, args.seconds)
                if args.json:
                    print(json.dumps({"cell": cell, "hidden": hidden, "batch": batch, "input": INPUT_SIZE,
                                      "steps": STEPS, "threads": threads, "ms_per_step": round(ms, 4),
                                      "repetitions": repetitions}))
                else:
                    print("%-5s H%-4d B%-3d  ms_per_step %9.4f" % (cell, hidden, batch, ms))
                sys.stdout.flush()


if __name__ == "__main__":
    main()
