"""Average-link clustering over a sparse similarity graph, in batch and one node at a time.

Only candidate pairs (from blocking) have a similarity; every other pair counts as 0. Two clusters are
joined while the *average* similarity over all their member pairs reaches the threshold, so a chain of
pairwise-similar articles does not drag two events together the way single-link would. Cost grows with the
number of candidate pairs, never with the square of the corpus.

:class:`Linkage` keeps, for each pair of clusters, the sum of their members' similarities. Batch grouping
feeds all pairs and calls :meth:`Linkage.agglomerate`; streaming calls :meth:`Linkage.add` per article,
which joins the best cluster (or starts one) and then merges clusters the newcomer has bridged. Earlier
decisions never change except by such merges.

Optionally each pair also has an *event* similarity (see :func:`.candidates.event_similarity`: the words two
articles share besides names, for pairs whose words can be compared). Its sums and counts are kept the same
way, over the pairs that have one, for the ``event_cohesion`` rule.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Mapping


class Linkage:
    """``cohesion``: a join also needs the average to reach this share of each side's own average pair
    similarity, so a loose tie to a tight story (a related article on another event) is no join.

    ``event_cohesion``: the same on event similarities: the average over the two sides' comparable pairs
    must reach this share of each side's own average. Articles that share a story's names (its company, its
    country) but not the words of its event tie to it far less than its reports tie to each other."""

    def __init__(self, threshold: float, cohesion: float = 0.0, event_cohesion: float = 0.0) -> None:
        self.threshold = threshold
        self.cohesion = cohesion
        self.event_cohesion = event_cohesion
        # event similarities: cluster -> cluster -> [sum, pairs], and cluster -> [sum, pairs] of its members
        self.event_links: dict[int, dict[int, list[float]]] = defaultdict(dict)
        self.event_inner: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0])
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

    def _events_agree(self, cross: list[float] | None, sides: Iterable[int]) -> bool:
        """Whether the comparable pairs across a join (``cross``: [sum, pairs]) tie the sides together at
        ``event_cohesion`` of each side's own event average; no comparable pair is no evidence either way."""
        if not self.event_cohesion or not cross or not cross[1]:
            return True
        avg = cross[0] / cross[1]
        for c in sides:
            total, count = self.event_inner.get(c, (0.0, 0.0))
            if count and avg < self.event_cohesion * total / count:
                return False
        return True

    def _add_event(self, a: int, b: int, total: float, count: float) -> None:
        for x, y in ((a, b), (b, a)):
            cell = self.event_links[x].setdefault(y, [0.0, 0.0])
            cell[0] += total
            cell[1] += count

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
        if self.event_links or self.event_inner:
            inner = self.event_inner[keep]
            for part in (self.event_inner.pop(gone, (0.0, 0.0)), self.event_links[keep].get(gone, (0.0, 0.0))):
                inner[0] += part[0]
                inner[1] += part[1]
            for other, (total, count) in self.event_links.pop(gone, {}).items():
                del self.event_links[other][gone]
                if other != keep:
                    self._add_event(keep, other, total, count)
            self.event_links[keep].pop(keep, None)
        for node in self.members[gone]:
            self.cluster_of[node] = keep
        self.members[keep].extend(self.members.pop(gone))
        for other, value in self.links.pop(gone, {}).items():
            del self.links[other][gone]
            if other != keep:
                self._add_link(keep, other, value)
        self.links[keep].pop(keep, None)

    # -- batch -------------------------------------------------------------------------------------------
    def agglomerate(
        self,
        nodes: Iterable[int],
        pairs: Mapping[tuple[int, int], float],
        events: Mapping[tuple[int, int], float] | None = None,
    ) -> None:
        """Cluster ``nodes`` given similarities of candidate ``pairs``; unlisted pairs count as 0. ``events``:
        event similarities of the pairs that have one (unlisted: not comparable)."""
        for node in nodes:
            self._new(node)
        for (a, b), value in pairs.items():
            if value > 0:
                self._add_link(a, b, value)
        for (a, b), value in (events or {}).items():
            self._add_event(a, b, value, 1.0)
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
            if not self._coherent(a, b, current) or not self._events_agree(self.event_links[a].get(b), (a, b)):
                continue
            keep, gone = (a, b) if len(self.members[a]) >= len(self.members[b]) else (b, a)
            self._merge(keep, gone)
            for other in self.links[keep]:
                x, y = min(keep, other), max(keep, other)
                heapq.heappush(heap, (-self._avg(x, y), x, y))

    # -- streaming ---------------------------------------------------------------------------------------
    def add(self, node: int, sims: Mapping[int, float], events: Mapping[int, float] | None = None) -> int:
        """Place ``node`` given its similarities (and event similarities) to earlier nodes; return its cluster."""
        totals: dict[int, float] = defaultdict(float)
        for other, value in sims.items():
            if value > 0 and other in self.cluster_of:
                totals[self.cluster_of[other]] += value
        event_totals: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0])
        for other, value in (events or {}).items():
            if other in self.cluster_of:
                cell = event_totals[self.cluster_of[other]]
                cell[0] += value
                cell[1] += 1.0
        best, best_avg = None, self.threshold
        for cluster, total in totals.items():
            avg = total / len(self.members[cluster])
            if (
                avg >= best_avg
                and self._coherent(cluster, cluster, avg)
                and self._events_agree(event_totals.get(cluster), (cluster,))
            ):
                best, best_avg = cluster, avg
        own = self._new(node)
        for cluster, total in totals.items():
            self._add_link(own, cluster, total)
        for cluster, (total, count) in event_totals.items():
            self._add_event(own, cluster, total, count)
        if best is None:
            return own
        self._merge(best, own)
        for cluster in sorted(totals):  # clusters the newcomer bridges
            if cluster == best or cluster not in self.members:
                continue
            avg = self._avg(best, cluster)
            agree = self._events_agree(self.event_links[best].get(cluster), (best, cluster))
            if avg >= self.threshold and self._coherent(best, cluster, avg) and agree:
                self._merge(best, cluster)
        return best

    def clusters(self) -> list[list[int]]:
        """Clusters as sorted member lists, in order of their first member."""
        return sorted((sorted(m) for m in self.members.values()), key=lambda m: m[0])
