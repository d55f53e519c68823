"""Find token sequences in a document: the catalogue's phrase matching, as plain Python.

A :class:`PhraseTrie` holds patterns (tuples of token attribute hashes, as
:func:`kg.nlp.components.token_values` gives them) under integer keys and finds every
occurrence of every pattern in a sequence of hashes, overlapping and nested ones included,
as spaCy's ``PhraseMatcher`` does. It is built from the hashes in a few tens of
milliseconds, where adding forty thousand patterns to a ``PhraseMatcher`` takes about half a
second (a lexeme is made for every key): a cost each process pays before it extracts its
first paper, which is most of the time of a small incremental build. Matching costs about
the same.

Examples
--------
>>> trie = PhraseTrie()
>>> trie.add(0, [(1, 2), (3,)])
>>> trie.add(1, [(1, 2, 3)])
>>> trie.find([1, 2, 3, 4, 3])
[(0, 0, 2), (1, 0, 3), (0, 2, 3), (0, 4, 5)]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["PhraseTrie"]

#: Bits of a token hash: an edge's key is its node shifted past them, or-ed with the hash.
_HASH_BITS = 64

TrieState = tuple[dict[int, int], dict[int, int], list[tuple[int, ...]]]


class PhraseTrie:
    """Patterns of token hashes under integer keys, found by :meth:`find`.

    The trie is kept flat, in two dicts of plain integers: ``edges`` maps a node and a token
    hash, ``node << 64 | hash``, to the next node (the root is node 0), and ``ends`` maps a
    node to the key of the pattern that ends there, or to ``~i`` where several do, whose keys
    are ``shared[i]``. Nested dicts would be hundreds of thousands of containers for the
    shipped catalogue, which the cyclic garbage collector walks in every full collection of
    the process (0.2 s each); dicts of integers it never walks.

    >>> trie = PhraseTrie()
    >>> trie.add(7, [(5, 6), ()])  # an empty pattern is ignored
    >>> trie.find([5, 6]), len(trie)
    ([(7, 0, 2)], 1)
    >>> PhraseTrie(trie.state).find([5, 6])  # a trie made again from its state
    [(7, 0, 2)]
    """

    def __init__(self, state: TrieState | None = None) -> None:
        if state is None:
            state = ({}, {}, [])
        if not (
            isinstance(state, tuple)
            and len(state) == 3
            and isinstance(state[0], dict)
            and isinstance(state[1], dict)
            and isinstance(state[2], list)
        ):
            raise TypeError(f"a trie's state is (edges, ends, shared), not {type(state).__name__}")
        self._edges, self._ends, self._shared = state
        self._nodes = len(self._edges) + 1  # every node but the root has one edge into it

    @property
    def state(self) -> TrieState:
        """``(edges, ends, shared)``: what the trie is made of, plain integers that
        :mod:`marshal` saves and loads fast."""
        return self._edges, self._ends, self._shared

    def __len__(self) -> int:
        """The number of patterns added (a pattern added under two keys counts twice)."""
        return sum(1 if key >= 0 else len(self._shared[~key]) for key in self._ends.values())

    def add(self, key: int, patterns: Iterable[Sequence[int]]) -> None:
        """Add each of ``patterns`` under ``key`` (an integer from 0 up); a pattern is found once
        per key it was added under."""
        if key < 0:
            raise ValueError(f"a pattern's key is 0 or more, not {key}")
        edges, ends, shared = self._edges, self._ends, self._shared
        for pattern in patterns:
            if not pattern:
                continue
            node = 0
            for value in pattern:
                edge = node << _HASH_BITS | value
                child = edges.get(edge)
                if child is None:
                    child = edges[edge] = self._nodes
                    self._nodes += 1
                node = child
            known = ends.get(node)
            if known is None:
                ends[node] = key
            elif known >= 0:
                if known != key:
                    ends[node] = ~len(shared)
                    shared.append((known, key))
            elif key not in shared[~known]:
                shared[~known] += (key,)

    def find(self, values: Sequence[int]) -> list[tuple[int, int, int]]:
        """``(key, start, end)`` of every pattern in ``values``, by start, then end, then the
        order the keys were added in."""
        edges, ends = self._edges, self._ends
        found = []
        count = len(values)
        for start, value in enumerate(values):
            node = edges.get(value)  # from the root, node 0
            end = start + 1
            while node is not None:
                key = ends.get(node)
                if key is not None:
                    if key >= 0:
                        found.append((key, start, end))
                    else:
                        found.extend((each, start, end) for each in self._shared[~key])
                if end == count:
                    break
                node = edges.get(node << _HASH_BITS | values[end])
                end += 1
        return found
