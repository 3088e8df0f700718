#!/usr/bin/python3
"""Is the 1,200-image LeNet gradient faster in chunks on two Python threads (one intra-op thread each) than as one
batch? PyTorch (Debian's 1.13), channels last as htsgd runs LeNet; the same question as the DJL spike in
BENCHMARKS.md ("A lever measured but not shipped"). Usage: /usr/bin/python3 bench/lenet_chunks_pytorch.py
Prints, per chunk size, the time of the chunks one after another on one thread and shared by two threads."""
import os, sys, time, statistics, threading
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch, torch.nn.functional as F
from lenet_step_pytorch import LeNet, images
torch.set_num_threads(1)
x = images(1200).contiguous(memory_format=torch.channels_last)
y = torch.randint(0, 10, (1200,))
nets = [LeNet(channels_last=True).to(memory_format=torch.channels_last) for _ in range(2)]
def chunk(net, i, c):
    loss = F.cross_entropy(net(x[i*c:(i+1)*c]), y[i*c:(i+1)*c], reduction='sum') / 1200
    loss.backward()
def seq(c):
    def f():
        for i in range(1200 // c): chunk(nets[0], i, c)
    return f
def par(c):
    def f():
        k = 1200 // c
        def w(t):
            for i in range(t, k, 2): chunk(nets[t], i, c)
        ts = [threading.Thread(target=w, args=(t,)) for t in range(2)]
        [t.start() for t in ts]; [t.join() for t in ts]
    return f
def bench(f, reps=20):
    for _ in range(3): f()
    out = []
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in range(reps): f()
        out.append((time.perf_counter() - t0) / reps * 1e3)
    return statistics.median(out)
torch.set_num_threads(2)
print(f"one batch, 2 intra-op threads: {bench(seq(1200)):.1f} ms")
torch.set_num_threads(1)
for c in (1200, 600, 300, 200, 100):
    print(f"chunk {c}: 1 thread {bench(seq(c)):.1f} ms" + (f", 2 threads {bench(par(c)):.1f} ms" if c < 1200 else ""))
