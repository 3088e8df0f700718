#!/usr/bin/env python3
"""Vectorised numpy version of the htsgd 1-D simulation, for a side-by-side speed comparison with the Java simulator.

Runs `paths` independent paths of heavy-tailed truncated SGD (Wang, Oh & Rhee, ICLR 2022, eq. 2)
    X <- clip(X - clip(eta * (f'(X) - Z), -b, b), -L, L)
on the paper's 1-D landscape (§3.1, L = 1.6) with Z = scale * U * Lomax(alpha) (numpy's pareto), all paths as one
vector, and counts the steps spent in each attraction field (boundaries -1.3, 0.2, 0.7) like
org.htsgd.core.simulation.Occupancy. Prints one line of key=value pairs (steps/s by wall clock and by CPU time).

Run single-threaded (numpy does no multi-threading for these element-wise ops; OMP/BLAS threads are pinned to 1 by
bench/sim_side_by_side.sh anyway).
"""
import argparse
import json
import time

import numpy as np

BOUNDARIES = np.array([-1.3, 0.2, 0.7])


def paper_derivative(x):
    """f'(x) of the paper's test function (App. A.1), exact product rule, valid on [-1.6, 1.6]."""
    q = (x + 1.3) * (x - 0.2) * (x - 0.7)
    dq = (x - 0.2) * (x - 0.7) + (x + 1.3) * (x - 0.7) + (x + 1.3) * (x - 0.2)
    x2 = x * x - 2.56
    p = x2 * q * q
    dp = 2 * x * q * q + x2 * 2 * q * dq
    g1 = (0.05 * (1.65 - x)) ** 0.6
    dl1 = -0.6 / (1.65 - x)
    u2 = 0.01 + 4 * (x - 0.5) ** 2
    g2 = 1 + 1 / u2
    dg2 = -8 * (x - 0.5) / (u2 * u2)
    u3 = 0.1 + 4 * (x + 1.5) ** 2
    g3 = 1 + 1 / u3
    dg3 = -8 * (x + 1.5) / (u3 * u3)
    e = np.exp(-5 * (x + 0.8) ** 2)
    g4 = 1 - 0.25 * e
    dg4 = 2.5 * (x + 0.8) * e
    g = g1 * g2 * g3 * g4
    return g * (dp + p * (dl1 + dg2 / g2 + dg3 / g3 + dg4 / g4))


def simulate(paths, steps, eta, b, alpha, scale, start, seed, lim=1.6):
    rng = np.random.default_rng(seed)
    x = np.full(paths, start)
    counts = np.zeros(len(BOUNDARIES) + 1, dtype=np.int64)
    for _ in range(steps):
        z = rng.pareto(alpha, paths)
        z *= scale
        z[rng.random(paths) < 0.5] *= -1
        w = paper_derivative(x)
        w -= z
        w *= eta
        np.clip(w, -b, b, out=w)
        x -= w
        np.clip(x, -lim, lim, out=x)
        counts += np.bincount(np.searchsorted(BOUNDARIES, x), minlength=len(BOUNDARIES) + 1)
    return x, counts


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paths", type=int, default=10000)
    ap.add_argument("--steps", type=int, default=1000)
    ap.add_argument("--eta", type=float, default=0.001)
    ap.add_argument("--b", type=float, default=0.5, help="truncation threshold; inf for none")
    ap.add_argument("--alpha", type=float, default=1.2)
    ap.add_argument("--scale", type=float, default=0.1)
    ap.add_argument("--start", type=float, default=0.3)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    simulate(min(a.paths, 1000), 20, a.eta, a.b, a.alpha, a.scale, a.start, a.seed)  # warm-up
    c0, t0 = time.process_time(), time.perf_counter()
    _, counts = simulate(a.paths, a.steps, a.eta, a.b, a.alpha, a.scale, a.start, a.seed)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    total = a.paths * a.steps
    print(f"impl=numpy threads=1 paths={a.paths} steps={a.steps} total_steps={total} wall_s={wall:.3f} "
          f"cpu_s={cpu:.3f} steps_per_s={total / wall:.4g} steps_per_cpu_s={total / cpu:.4g} "
          f"fractions={json.dumps([round(c / total, 5) for c in counts.tolist()])}")


if __name__ == "__main__":
    main()
