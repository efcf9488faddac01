"""Average-link clustering over a sparse similarity graph, in batch and one node at a time.

Only candidate pairs (from blocking) have a similarity; every other pair counts as 0. Two clusters are
joined while the *average* similarity over all their member pairs reaches the threshold, so a chain of
pairwise-similar articles does not drag two events together the way single-link would. Cost grows with the
number of candidate pairs, never with the square of the corpus.

:class:`Linkage` keeps, for each pair of clusters, the sum of their members' similarities. Batch grouping
feeds all pairs and calls :meth:`Linkage.agglomerate`; streaming calls :meth:`Linkage.add` per article,
which joins the best cluster (or starts one) and then merges clusters the newcomer has bridged. Earlier
decisions never change except by such merges.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Mapping


class Linkage:
    """``cohesion``: a join also needs the average to reach this share of each side's own average pair
    similarity, so a loose tie to a tight story (a related article on another event) is no join."""

    def __init__(self, threshold: float, cohesion: float = 0.0) -> None:
        self.threshold = threshold
        self.cohesion = cohesion
        self.cluster_of: dict[int, int] = {}
        self.members: dict[int, list[int]] = {}
        self.links: dict[int, dict[int, float]] = defaultdict(dict)  # cluster -> cluster -> similarity sum
        self.inner: dict[int, float] = defaultdict(float)  # cluster -> sum of its member pairs' similarities

    def _coherent(self, a: int, b: int, avg: float) -> bool:
        for c in (a, b):
            n = len(self.members[c])
            if n > 1 and avg < self.cohesion * self.inner[c] / (n * (n - 1) / 2):
                return False
        return True

    def _new(self, node: int) -> int:
        self.cluster_of[node] = node
        self.members[node] = [node]
        return node

    def _avg(self, a: int, b: int) -> float:
        return self.links[a].get(b, 0.0) / (len(self.members[a]) * len(self.members[b]))

    def _add_link(self, a: int, b: int, value: float) -> None:
        self.links[a][b] = self.links[a].get(b, 0.0) + value
        self.links[b][a] = self.links[b].get(a, 0.0) + value

    def _merge(self, keep: int, gone: int) -> None:
        self.inner[keep] += self.inner.pop(gone, 0.0) + self.links[keep].get(gone, 0.0)
        for node in self.members[gone]:
            self.cluster_of[node] = keep
        self.members[keep].extend(self.members.pop(gone))
        for other, value in self.links.pop(gone, {}).items():
            del self.links[other][gone]
            if other != keep:
                self._add_link(keep, other, value)
        self.links[keep].pop(keep, None)

    # -- batch -------------------------------------------------------------------------------------------
    def agglomerate(self, nodes: Iterable[int], pairs: Mapping[tuple[int, int], float]) -> None:
        """Cluster ``nodes`` given similarities of candidate ``pairs``; unlisted pairs count as 0."""
        for node in nodes:
            self._new(node)
        for (a, b), value in pairs.items():
            if value > 0:
                self._add_link(a, b, value)
        heap = [(-self._avg(a, b), a, b) for a, others in self.links.items() for b in others if a < b]
        heapq.heapify(heap)
        while heap:
            neg, a, b = heapq.heappop(heap)
            if a not in self.members or b not in self.members or b not in self.links[a]:
                continue
            current = self._avg(a, b)
            if abs(current + neg) > 1e-12:  # stale entry: the clusters changed since it was pushed
                continue
            if current < self.threshold:
                break
            if not self._coherent(a, b, current):
                continue
            keep, gone = (a, b) if len(self.members[a]) >= len(self.members[b]) else (b, a)
            self._merge(keep, gone)
            for other in self.links[keep]:
                x, y = min(keep, other), max(keep, other)
                heapq.heappush(heap, (-self._avg(x, y), x, y))

    # -- streaming ---------------------------------------------------------------------------------------
    def add(self, node: int, sims: Mapping[int, float]) -> int:
        """Place ``node`` given its similarities to earlier nodes; return its cluster."""
        totals: dict[int, float] = defaultdict(float)
        for other, value in sims.items():
            if value > 0 and other in self.cluster_of:
                totals[self.cluster_of[other]] += value
        best, best_avg = None, self.threshold
        for cluster, total in totals.items():
            avg = total / len(self.members[cluster])
            if avg >= best_avg and self._coherent(cluster, cluster, avg):
                best, best_avg = cluster, avg
        own = self._new(node)
        for cluster, total in totals.items():
            self._add_link(own, cluster, total)
        if best is None:
            return own
        self._merge(best, own)
        for cluster in sorted(totals):  # clusters the newcomer bridges
            if cluster == best or cluster not in self.members:
                continue
            avg = self._avg(best, cluster)
            if avg >= self.threshold and self._coherent(best, cluster, avg):
                self._merge(best, cluster)
        return best

    def clusters(self) -> list[list[int]]:
        """Clusters as sorted member lists, in order of their first member."""
        return sorted((sorted(m) for m in self.members.values()), key=lambda m: m[0])
