"""Complete-linkage clustering: no chains, one report per article, order does not matter."""

from __future__ import annotations

import itertools

from warlog.link import cluster, components, incident_id


def test_cluster_components_follow_edges():
    assert components(["a", "b", "c", "d"], {("a", "b"): 1.0, ("b", "c"): 1.0}) == [["a", "b", "c"], ["d"]]


def test_cluster_does_not_chain():
    # a-b and b-c are edges, a-c is not: b joins its better partner, the other stays alone
    edges = {("a:1", "b:1"): 2.0, ("b:1", "c:1"): 1.0}
    article_of = {n: n.split(":")[0] for n in ("a:1", "b:1", "c:1")}
    assert cluster(["a:1", "b:1", "c:1"], edges, article_of=article_of) == [["a:1", "b:1"], ["c:1"]]


def test_cluster_one_article_reports_an_incident_once():
    edges = {("a:1", "b:1"): 2.0, ("a:2", "b:1"): 1.5, ("a:1", "a:2"): 3.0}
    article_of = {"a:1": "a", "a:2": "a", "b:1": "b"}
    assert cluster(["a:1", "a:2", "b:1"], edges, article_of=article_of) == [["a:1", "b:1"], ["a:2"]]


def test_cluster_result_does_not_depend_on_input_order():
    nodes = ["a:1", "b:1", "c:1", "d:1"]
    edges = {("a:1", "b:1"): 1.0, ("a:1", "c:1"): 1.0, ("b:1", "c:1"): 1.0, ("c:1", "d:1"): 1.0}
    article_of = {n: n[0] for n in nodes}
    results = {
        str(cluster(order, dict(sorted(edges.items(), reverse=rev)), article_of=article_of))
        for order in itertools.permutations(nodes)
        for rev in (False, True)
    }
    assert len(results) == 1


def test_cluster_incident_id_comes_from_the_smallest_event_id():
    assert incident_id(["b:1", "a:1"]) == incident_id(["a:1"]) != incident_id(["b:1"])
    assert incident_id(["a:1"]).startswith("inc-")
