"""A page is called a rewrite of another only when near certain: aligned skeleton, similar length, spun wording."""

from __future__ import annotations

from storybrief.group.copies import find_rewrites
from storybrief.model import Article, InputFormat

# An original fictional report: ten numbers make its skeleton.
ORIGINAL = (
    "Crews at the Dunmore quarry pumped 310 cubic metres of water out of the lower pit on Monday after 4 days of"
    " rain. The pit, 62 metres deep, had flooded to a depth of 9 metres. Foreman Ilse Brandt said 27 workers were"
    " sent home and 3 excavators were moved to the upper bench. The quarry ships 1,800 tonnes of granite a week"
    " to builders in 5 counties. Brandt expects the pit to reopen in 12 days if no more rain falls."
)
# A machine spin of it: words swapped one for one, names, numbers and short phrases kept.
SPUN = (
    "Crews on the Dunmore quarry drained 310 cubic metres of water from the decrease pit on Monday following 4 days"
    " of rainfall. The pit, 62 metres deep, had been flooded to a level of 9 metres. Foreman Ilse Brandt mentioned"
    " 27 employees had been despatched house and 3 excavators have been shifted to the higher bench. The quarry"
    " sends 1,800 tonnes of granite every week to builders in 5 counties. Brandt expects the pit to reopen inside"
    " 12 days if no extra rainfall comes."
)
# A reporter's own retelling with the same facts in the same order: no shared 3-word sequence.
RETOLD = (
    "On Monday, 310 cubic metres were drained from Dunmore's deepest working after 4 straight days of downpours"
    " left that 62-metre excavation holding 9 metres of floodwater. According to site boss Ilse Brandt, 27"
    " labourers went home early while 3 diggers climbed higher. Dunmore normally sends 1,800 tonnes weekly"
    " toward construction firms across 5 counties; Brandt hopes operations resume within 12 days, weather"
    " permitting."
)


def _article(aid: str, text: str) -> Article:
    return Article(id=aid, input=f"{aid}.txt", format=InputFormat.TEXT, text=text)


def test_a_spun_copy_of_similar_length_is_a_rewrite() -> None:
    original, spun = _article("a", ORIGINAL), _article("b", SPUN)
    find_rewrites([original, spun], {"a": ["b"], "b": ["a"]})
    assert original.rewrite_of is None
    assert spun.rewrite_of is not None and spun.rewrite_of.article == "a"


def test_a_retelling_sharing_no_wording_is_not_a_rewrite() -> None:
    original, retold = _article("a", ORIGINAL), _article("b", RETOLD)
    find_rewrites([original, retold], {"a": ["b"], "b": ["a"]})
    assert original.rewrite_of is None and retold.rewrite_of is None


def test_a_much_longer_page_holding_the_spun_text_is_not_a_rewrite() -> None:
    # the spun sentences inside a page three times longer (a transcript, a live blog): not one text spun
    padding = " ".join(
        f"Caller {k} asked about the bypass road and the bus timetable for the winter." for k in range(20)
    )
    original, long_page = _article("a", ORIGINAL), _article("b", SPUN + " " + padding)
    find_rewrites([original, long_page], {"a": ["b"], "b": ["a"]})
    assert original.rewrite_of is None and long_page.rewrite_of is None
