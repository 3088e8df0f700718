#!/usr/bin/python3
"""Time one plain-SGD step of the paper's Fashion-MNIST LeNet in PyTorch (CPU), the reference for the DJL step.

One step = gather a batch by index from the training tensor, forward, mean softmax cross-entropy, backward,
SGD update (lr 0.05), zero the gradients: the same work as htsgd's LeNetStepBenchmark.
The batch list may hold "our2": one full Our 2 iteration as htsgd trains fmnist-lenet (paper.md §4, eq. 47):
an SB gradient (batch 100) and an LB gradient (all 1,200 images, in a fresh random order), one Z = c W with
W ~ Lomax(alpha) (c 0.5, alpha 1.4), g = (1 + Z) g_SB - Z g_LB, the global-norm truncation
phi_b(eta g) = eta g min(1, b / ||eta g||) (eta 0.05, b 5) and the update, on the first 1,200 Fashion-MNIST
training images when /usr/share/datasets/fashion-mnist is installed (random pixels otherwise; the cost does not
depend on the pixels).
Layout: --channels-last puts the input and the weights in NHWC (PyTorch's channels_last), the layout htsgd's LeNet
uses by default (org.htsgd.train.model.MemoryLayout); without it, PyTorch's default NCHW, as a user runs it.
Threads: --threads N calls torch.set_num_threads(N); --threads 0 keeps PyTorch's default (as a user runs it).
Usage: /usr/bin/python3 bench/lenet_step_pytorch.py --threads 2 --batches 100,1200,our2 --steps 200
Prints one line per entry: "pytorch VERSION batch=B threads=T ms_per_step=X (median of R repeats ...)".
"""
import argparse
import gzip
import os
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class LeNet(nn.Module):
    """conv5x5(1->10), maxpool2, ReLU, conv5x5(10->10), maxpool2, ReLU, FC 160->50, ReLU, FC 50->10: 11,330."""

    def __init__(self, channels_last=False):
        super().__init__()
        self.channels_last = channels_last
        self.conv1 = nn.Conv2d(1, 10, 5)
        self.conv2 = nn.Conv2d(10, 10, 5)
        self.fc1 = nn.Linear(160, 50)
        self.fc2 = nn.Linear(50, 10)

    def forward(self, x):
        if self.channels_last:  # the input in NHWC: the convolutions run oneDNN's channels-last kernels
            x = x.contiguous(memory_format=torch.channels_last)
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2(x), 2))
        x = F.relu(self.fc1(x.flatten(1)))
        return self.fc2(x)


FMNIST = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"


def images(n):
    """The first n Fashion-MNIST training images scaled to [0, 1], or random pixels if it is not installed."""
    if not os.path.exists(FMNIST):
        return torch.rand(n, 1, 28, 28)
    with gzip.open(FMNIST, "rb") as f:
        raw = f.read(16 + n * 784)[16:]
    return torch.frombuffer(bytearray(raw), dtype=torch.uint8).float().div(255).reshape(n, 1, 28, 28)


def our2_step(net, x_all, y_all, gen, lr=0.05, sb=100, b=5.0, c=0.5, alpha=1.4):
    """One Our 2 iteration: g = (1 + Z) g_SB - Z g_LB, truncated at b by the global norm of eta g, then applied."""
    params = list(net.parameters())
    n = x_all.shape[0]
    idx = torch.randperm(n, generator=gen)[:sb]
    loss = F.cross_entropy(net(x_all[idx]), y_all[idx])
    g_sb = torch.autograd.grad(loss, params)
    idx = torch.randperm(n, generator=gen)
    g_lb = torch.autograd.grad(F.cross_entropy(net(x_all[idx]), y_all[idx]), params)
    z = c * (torch.rand((), generator=gen).item() ** (-1.0 / alpha) - 1.0)  # Lomax by inversion
    g = [(1 + z) * a - z * l for a, l in zip(g_sb, g_lb)]
    norm = lr * torch.sqrt(sum((t * t).sum() for t in g)).item()
    scale = lr * min(1.0, b / norm) if norm > 0 else lr
    with torch.no_grad():
        for p, t in zip(params, g):
            p.sub_(scale * t)
    return loss.item()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batches", default="100,1200,our2")
    p.add_argument("--steps", type=int, default=200)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--train-size", type=int, default=1200)
    p.add_argument("--warmup", type=int, default=-1, help="untimed steps first (default max(10, steps / 10))")
    p.add_argument("--channels-last", action="store_true",
                   help="input and weights in NHWC (torch.channels_last), as htsgd's LeNet since 2026-12-04")
    a = p.parse_args()
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    net = LeNet(a.channels_last)
    if a.channels_last:
        net = net.to(memory_format=torch.channels_last)
    assert sum(t.numel() for t in net.parameters()) == 11330
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    x_all = torch.randn(a.train_size, 1, 28, 28)
    y_all = torch.randint(0, 10, (a.train_size,))
    gen = torch.Generator().manual_seed(2)
    fmnist = None
    for entry in a.batches.split(","):
        b = entry.strip()
        if b == "our2":
            if fmnist is None:
                fmnist = images(a.train_size)

            def run():
                return our2_step(net, fmnist, y_all, gen)
        else:
            def run(size=int(b)):
                idx = torch.randperm(a.train_size, generator=gen)[:size]
                loss = F.cross_entropy(net(x_all[idx]), y_all[idx])
                opt.zero_grad()
                loss.backward()
                opt.step()
                return loss.item()

        for _ in range(a.warmup if a.warmup >= 0 else max(10, a.steps // 10)):
            run()
        times = []
        for _ in range(a.repeats):
            t0 = time.perf_counter()
            for _ in range(a.steps):
                run()
            times.append((time.perf_counter() - t0) * 1000 / a.steps)
        print(f"pytorch {torch.__version__} batch={b} threads={torch.get_num_threads()} "
              f"ms_per_step={statistics.median(times):.3f} (median of {a.repeats} repeats of {a.steps} steps; "
              f"all {' '.join(f'{t:.2f}' for t in times)})", flush=True)


if __name__ == "__main__":
    main()
