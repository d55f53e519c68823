"""Node positions for big views, computed in Python so the browser need not simulate.

A Fruchterman–Reingold force layout in NumPy: springs along edges, repulsion between
nodes (against a random sample of them when the graph is big, which keeps each step
linear in the number of nodes), a little gravity so that separate components stay
together, and a temperature that cools to zero. It needs nothing beyond NumPy (which
spaCy already brings) and lays out 5,000 nodes in a few seconds.

Examples
--------
>>> import networkx as nx
>>> pos = force_layout(nx.path_graph(4), seed=1)
>>> sorted(pos), all(len(p) == 2 for p in pos.values())
([0, 1, 2, 3], True)
"""

from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx

__all__ = ["force_layout"]


def force_layout(
    graph: nx.Graph,
    *,
    iterations: int = 60,
    seed: int = 0,
    edge_length: float = 80.0,
    sample: int = 300,
) -> dict[Hashable, tuple[float, float]]:
    """Positions ``{node: (x, y)}`` for ``graph`` (directions and parallel edges ignored).

    Parameters
    ----------
    graph
        Any NetworkX graph.
    iterations
        Layout steps; the temperature falls linearly to zero over them.
    seed
        Seed of the random start and the repulsion samples (same seed, same layout).
    edge_length
        Roughly the length of an edge in the result, in screen pixels at zoom 1.
    sample
        Repel each node from at most this many others per step (all of them when the graph
        is no bigger).
    """
    import numpy as np

    nodes = list(graph)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = {(index[u], index[v]) for u, v in graph.edges() if u != v}
    edges = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    radius = math.sqrt(n)
    pos = rng.uniform(-radius, radius, size=(n, 2))
    temperature = radius / 4
    cooling = temperature / max(iterations, 1)
    gravity = 0.4
    for _ in range(iterations):
        if n > sample:
            others = rng.choice(n, size=sample, replace=False)
            weight = n / sample
        else:
            others = np.arange(n)
            weight = 1.0
        disp = np.zeros_like(pos)
        chunk = max(1, 1_000_000 // len(others))
        # repulsion in single precision, in place where possible: the (block x sample) arrays
        # are the whole cost of a step, and a layout needs no more than 7 digits
        near = pos.astype(np.float32)
        tx, ty = near[others, 0], near[others, 1]
        for start in range(0, n, chunk):
            block = near[start : start + chunk]
            dx = np.subtract(block[:, 0, None], tx[None, :])
            dy = np.subtract(block[:, 1, None], ty[None, :])
            inverse = np.multiply(dx, dx)
            inverse += np.square(dy, out=np.empty_like(dy))
            inverse += np.float32(1e-3)
            np.divide(np.float32(weight), inverse, out=inverse)
            disp[start : start + chunk, 0] += np.einsum("ij,ij->i", dx, inverse)
            disp[start : start + chunk, 1] += np.einsum("ij,ij->i", dy, inverse)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.sqrt(np.einsum("ij,ij->i", delta, delta)) + 1e-9
            pull = delta * dist[:, None]
            np.add.at(disp, edges[:, 0], -pull)
            np.add.at(disp, edges[:, 1], pull)
        disp -= gravity * pos
        length = np.sqrt(np.einsum("ij,ij->i", disp, disp)) + 1e-9
        pos += disp / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature = max(temperature - cooling, 0.0)
    pos -= pos.mean(axis=0)
    pos *= edge_length
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, pos, strict=True)}
