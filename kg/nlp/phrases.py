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

#: The key under which a trie node keeps the pattern keys that end there (no token hash is negative).
_END = -1


class PhraseTrie:
    """Patterns of token hashes under integer keys, found by :meth:`find`.

    >>> trie = PhraseTrie()
    >>> trie.add(7, [(5, 6), ()])  # an empty pattern is ignored
    >>> trie.find([5, 6]), len(trie)
    ([(7, 0, 2)], 1)
    >>> PhraseTrie(trie.root).find([5, 6])  # a trie made again from its nested dicts
    [(7, 0, 2)]
    """

    def __init__(self, root: dict[int, dict] | None = None) -> None:
        self._root: dict[int, dict] = {} if root is None else root
        if not isinstance(self._root, dict):
            raise TypeError(f"a trie's root is a dict, not {type(root).__name__}")
        self._patterns: int | None = 0 if root is None else None  # counted when asked

    @property
    def root(self) -> dict[int, dict]:
        """The nested dicts the trie is made of: token hash to the next node, and ``-1`` to the
        keys of the patterns that end at the node; :mod:`marshal` saves and loads them fast."""
        return self._root

    def __len__(self) -> int:
        """The number of patterns added (a pattern added under two keys counts twice)."""
        if self._patterns is None:
            self._patterns = _count(self._root)
        return self._patterns

    def add(self, key: int, patterns: Iterable[Sequence[int]]) -> None:
        """Add each of ``patterns`` under ``key``; a pattern is found once per key it was added under."""
        for pattern in patterns:
            if not pattern:
                continue
            node = self._root
            for value in pattern:
                node = node.setdefault(value, {})
            keys = node.setdefault(_END, [])
            if key not in keys:
                keys.append(key)
                if self._patterns is not None:
                    self._patterns += 1

    def find(self, values: Sequence[int]) -> list[tuple[int, int, int]]:
        """``(key, start, end)`` of every pattern in ``values``, by start, then end, then the
        order the keys were added in."""
        root = self._root
        found = []
        count = len(values)
        for start, value in enumerate(values):
            node = root.get(value)
            end = start + 1
            while node is not None:
                keys = node.get(_END)
                if keys is not None:
                    found.extend((key, start, end) for key in keys)
                if end == count:
                    break
                node = node.get(values[end])
                end += 1
        return found


def _count(node: dict) -> int:
    """The patterns that end at or below ``node``."""
    total, pending = 0, [node]
    while pending:
        node = pending.pop()
        for value, child in node.items():
            if value == _END:
                total += len(child)
            else:
                pending.append(child)
    return total
