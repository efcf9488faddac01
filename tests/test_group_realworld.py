"""Stories and topics on real-world shaped input: untitled, lower-cased, daily follow-ups, a subject over weeks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storybrief.group.candidates import Weights, similarity
from storybrief.group.features import is_cased
from storybrief.group.stories import article_features
from storybrief.model import Corpus
from storybrief.pipeline import annotate_corpus, group_corpus, load

BRIDGE = [
    "the old footbridge over the river tessel in marwick collapsed on tuesday evening, sending two cyclists "
    "into the water. both were pulled out by firefighters and taken to hospital with minor injuries. the "
    "council said the steel bridge had been inspected in the spring and closed the towpath on both banks.",
    "two cyclists were rescued from the river tessel after a footbridge in marwick gave way beneath them. "
    "firefighters reached the pair within minutes. council engineers closed the towpath and said the steel "
    "bridge, built in 1931, had passed its spring inspection.",
    "a council inquiry will examine why the marwick footbridge collapsed into the river tessel. the steel "
    "bridge gave way as two cyclists crossed it; firefighters pulled both from the water and the towpath "
    "remains closed while engineers inspect the wreckage.",
]
OTHERS = [
    "the regional orchestra announced its winter season on monday, with three premieres by young composers "
    "and a new conductor who joins from the national opera in january. ticket sales open next week.",
    "wheat prices fell for a third week as harvest forecasts improved across the plains. traders said rain "
    "in august had lifted yields and that export demand from the coast remained steady.",
    "the city zoo welcomed twin snow leopard cubs, the first born there in a decade. keepers said the "
    "mother and cubs were healthy and would stay out of public view until the spring.",
    "a software firm opened a research office with forty engineers working on speech recognition for "
    "hospitals. the company said it would hire graduates from the local university.",
]
# shares the town's name and nothing else with the bridge reports
NOISE = (
    "marwick rovers won their home match three goals to one on saturday. the striker scored twice before "
    "half time and the goalkeeper saved a penalty late in the game. the club moves up to fourth place."
)


def _write(tmp_path: Path, records: list[dict[str, str]]) -> Path:
    path = tmp_path / "input.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _grouped(path: Path) -> Corpus:
    corpus = annotate_corpus(load([str(path)]))
    return group_corpus(corpus)


def _story_of(corpus: Corpus) -> dict[str, str]:
    return {aid: s.id for s in corpus.stories for aid in s.articles}


@pytest.fixture(scope="module")
def lowercase(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    tmp = tmp_path_factory.mktemp("lower")
    texts = [*BRIDGE, *OTHERS, NOISE]
    return _grouped(_write(tmp, [{"id": f"d{i}", "text": t} for i, t in enumerate(texts)]))


def test_lowercased_untitled_reports_of_one_event_form_one_story(lowercase: Corpus) -> None:
    story = _story_of(lowercase)
    ids = {a.input.rsplit(":", 1)[1]: a.id for a in lowercase.articles}  # line number -> article id
    assert len({story[ids[str(n)]] for n in (1, 2, 3)}) == 1
    assert all(not is_cased(a.text) for a in lowercase.articles)


def test_noise_article_sharing_one_name_stays_alone(lowercase: Corpus) -> None:
    story = _story_of(lowercase)
    noise = next(a.id for a in lowercase.articles if a.input.endswith(f":{len(BRIDGE) + len(OTHERS) + 1}"))
    mates = [aid for aid, s in story.items() if s == story[noise] and aid != noise]
    assert mates == []


def test_one_shared_word_scores_zero() -> None:
    feats = article_features(
        [a for a in load_texts(["marwick rovers won at home", "marwick bridge collapsed into the river"])]
    )
    assert similarity(feats[0], feats[1], Weights()) == 0.0
    assert similarity(feats[0], feats[1], Weights(min_shared_terms=1)) > 0.0


def load_texts(texts: list[str]) -> list:  # type: ignore[type-arg]
    from storybrief.model import Article

    return [Article(id=f"a{i}", input=f"x:{i}", format="text", text=t) for i, t in enumerate(texts)]  # type: ignore[arg-type]


STRIKE = [
    (
        "2026-03-02",
        "Crews of Harlow Ferries walked out on Monday in a dispute over pay, stranding commuters at "
        "Brennock harbour. The Seafarers' Guild said its members had rejected a two per cent offer and the "
        "ferry company cancelled all crossings to the islands.",
    ),
    (
        "2026-03-03",
        "The Harlow Ferries strike entered its second day on Tuesday with no crossings from Brennock "
        "harbour. The Seafarers' Guild said talks with the ferry company had not resumed, and island shops "
        "reported running short of fresh food.",
    ),
    (
        "2026-03-04",
        "Commuters queued for a replacement boat at Brennock harbour on the third day of the Harlow "
        "Ferries strike. The Seafarers' Guild offered to meet the ferry company on Thursday; crossings to the "
        "islands stay cancelled.",
    ),
    (
        "2026-03-30",
        "Harlow Ferries and the Seafarers' Guild signed a three-year pay deal on Monday, weeks after "
        "the walkout that halted crossings from Brennock harbour. Crews will get four per cent this year and "
        "the ferry company will hire twelve more deckhands for the island routes.",
    ),
    (
        "2026-03-31",
        "The pay deal between Harlow Ferries and the Seafarers' Guild was welcomed by island "
        "councillors on Tuesday. The agreement raises crew wages by four per cent and adds deckhands on the "
        "Brennock harbour routes, the ferry company said.",
    ),
]
UNRELATED = [
    (
        "2026-03-10",
        "The Lindqvist Museum reopened its sculpture hall after a two-year renovation, with a new "
        "glass roof and a gallery of works by Ottilie Marsh lent by private collectors.",
    ),
    (
        "2026-03-12",
        "Orchard growers in the Vessel valley warned that a late frost had damaged apple blossom, "
        "and the growers' cooperative said the harvest could fall by a third.",
    ),
]


@pytest.fixture(scope="module")
def strike(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    tmp = tmp_path_factory.mktemp("strike")
    records = [
        {"id": f"k{i}", "text": text, "publish_date": day} for i, (day, text) in enumerate([*STRIKE, *UNRELATED])
    ]
    return _grouped(_write(tmp, records))


def _by_line(corpus: Corpus) -> dict[int, str]:
    return {int(a.input.rsplit(":", 1)[1]) - 1: a.id for a in corpus.articles}


def test_daily_follow_ups_of_one_development_are_one_story(strike: Corpus) -> None:
    story, line = _story_of(strike), _by_line(strike)
    assert story[line[0]] == story[line[1]] == story[line[2]]  # the walkout, three days running
    assert story[line[3]] == story[line[4]]  # the deal, two days running
    assert story[line[0]] != story[line[3]]  # four weeks apart: another development


def test_two_developments_of_one_subject_are_one_topic_with_a_readable_label(strike: Corpus) -> None:
    story, line = _story_of(strike), _by_line(strike)
    topic_of = {s.id: s.topic for s in strike.stories}
    assert topic_of[story[line[0]]] == topic_of[story[line[3]]]
    topic = next(t for t in strike.topics if t.id == topic_of[story[line[0]]])
    assert topic_of[story[line[5]]] != topic.id and topic_of[story[line[6]]] != topic.id
    first = topic.label.split(" · ")[0]
    assert first in {"Harlow Ferries", "Brennock", "Seafarers' Guild", "the Seafarers' Guild", "Brennock harbour"}


# -- small inputs: one event's reports briefed alone (the input's own IDF weighs their shared words ~0) --------


def _stories_of(records: list[dict[str, str]], tmp_path: Path, streaming: bool) -> list[set[int]]:
    corpus = annotate_corpus(load([str(_write(tmp_path, records))]))
    group_corpus(corpus, streaming=streaming)
    line = {a.id: int(a.input.rsplit(":", 1)[1]) - 1 for a in corpus.articles}
    return sorted(({line[a] for a in s.articles} for s in corpus.stories), key=min)


@pytest.mark.parametrize("streaming", [False, True])
def test_three_untitled_lowercase_reports_alone_form_one_story(tmp_path: Path, streaming: bool) -> None:
    records = [{"id": f"b{i}", "text": t} for i, t in enumerate(BRIDGE)]
    assert _stories_of(records, tmp_path, streaming) == [{0, 1, 2}]


@pytest.mark.parametrize("streaming", [False, True])
def test_small_input_article_sharing_one_name_stays_alone(tmp_path: Path, streaming: bool) -> None:
    records = [{"id": f"b{i}", "text": t} for i, t in enumerate([*BRIDGE, NOISE])]
    assert _stories_of(records, tmp_path, streaming) == [{0, 1, 2}, {3}]


def test_small_input_unrelated_articles_stay_apart(tmp_path: Path) -> None:
    records = [{"id": f"o{i}", "text": t} for i, t in enumerate(OTHERS)]
    assert _stories_of(records, tmp_path, False) == [{0}, {1}, {2}, {3}]


def test_small_input_rule_leaves_a_development_that_stands_out() -> None:
    """Two reports that share their own details (a tight pair) and two on the same subject: the input's own
    weights show developments, so the background-smoothed score merges nothing."""
    from storybrief.group.stories import small_input_stories

    texts = [
        "harlow ferries crews walked out on monday over pay; crossings from brennock harbour to the islands were "
        "cancelled and commuters queued for a replacement boat.",
        "harlow ferries and the seafarers guild signed a three-year pay deal raising wages four per cent; twelve "
        "deckhands will be hired for the brennock harbour routes.",
        "island councillors welcomed the three-year pay deal between harlow ferries and the seafarers guild, which "
        "raises wages four per cent and hires twelve deckhands.",
        "an arbitration panel heard harlow ferries and the seafarers guild for a week in the autumn over crew "
        "rosters at brennock harbour.",
    ]
    feats = article_features(load_texts(texts))
    assert similarity(feats[1], feats[2], Weights()) >= 0.15  # the deal's two reports stand out
    clusters = [[0], [1, 2], [3]]
    assert small_input_stories(feats, clusters) == clusters
    # without the standing-out pair, the same subject's articles would be one story
    assert small_input_stories(feats[:1] + feats[3:], [[0], [1]]) == [[0, 1]]
