#!/usr/bin/python3
"""Time one plain-SGD step of the paper's Fashion-MNIST LeNet in PyTorch (CPU), the reference for the DJL step.

One step = gather a batch by index from the training tensor, forward, mean softmax cross-entropy, backward,
SGD update (lr 0.05), zero the gradients: the same work as htsgd's LeNetStepBenchmark.
Usage: /usr/bin/python3 bench/lenet_step_pytorch.py --threads 2 --batches 100,1200 --steps 200
Prints one line per batch size: "pytorch batch=B threads=T ms_per_step=X (median of R repeats)".
"""
import argparse
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class LeNet(nn.Module):
    """conv5x5(1->10), maxpool2, ReLU, conv5x5(10->10), maxpool2, ReLU, FC 160->50, ReLU, FC 50->10: 11,330."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 10, 5)
        self.conv2 = nn.Conv2d(10, 10, 5)
        self.fc1 = nn.Linear(160, 50)
        self.fc2 = nn.Linear(50, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2(x), 2))
        x = F.relu(self.fc1(x.flatten(1)))
        return self.fc2(x)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batches", default="100,1200")
    p.add_argument("--steps", type=int, default=200)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--train-size", type=int, default=1200)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    net = LeNet()
    assert sum(t.numel() for t in net.parameters()) == 11330
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    x_all = torch.randn(a.train_size, 1, 28, 28)
    y_all = torch.randint(0, 10, (a.train_size,))
    gen = torch.Generator().manual_seed(2)
    for b in [int(s) for s in a.batches.split(",")]:
        def step():
            idx = torch.randperm(a.train_size, generator=gen)[:b]
            loss = F.cross_entropy(net(x_all[idx]), y_all[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            return loss.item()

        for _ in range(max(10, a.steps // 10)):
            step()
        times = []
        for _ in range(a.repeats):
            t0 = time.perf_counter()
            for _ in range(a.steps):
                step()
            times.append((time.perf_counter() - t0) * 1000 / a.steps)
        print(f"pytorch {torch.__version__} batch={b} threads={torch.get_num_threads()} "
              f"ms_per_step={statistics.median(times):.3f} (median of {a.repeats} repeats of {a.steps} steps; "
              f"all {' '.join(f'{t:.2f}' for t in times)})", flush=True)


if __name__ == "__main__":
    main()
