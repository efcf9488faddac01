"""Languages other than English: tables, CJK sentences, quote attribution, dates and a Chinese-only brief.

All texts are original, about invented places and people.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

import storybrief
from storybrief.annotate.annotator import _sentences
from storybrief.annotate.dates.by_language import tag_language_dates
from storybrief.annotate.quotes import find_quote_spans, find_quotes
from storybrief.lang import table, tables, word_count
from storybrief.model import Article, Block, Entity, Quote


def _quotes(text: str, language: str, entities: Sequence[Entity] = ()) -> list[Quote]:
    blocks, pos = [], 0
    for line in text.split("\n"):
        blocks.append(Block("paragraph", pos, pos + len(line)))
        pos += len(line) + 1
    article = Article(id="x", input="x", format="text", text=text, blocks=blocks)
    sentences = _sentences(article, [(b.start, b.end) for b in blocks])
    return find_quotes(text, blocks, sentences, list(entities), {}, language)


def test_every_table_module_is_found_under_its_code() -> None:
    found = tables()
    assert {"en", "ms", "id", "zh"} <= set(found)
    assert all(code == t.code for code, t in found.items())
    assert table("zh-Hant") is found["zh"] and table("fr") is None and table(None) is None


def test_malay_attribution_after_the_quote_and_by_katanya() -> None:
    text = (
        'Jambatan baharu di Kampung Sungai Lebar akan dibuka bulan depan. "Kami mahu penduduk selamat," kata '
        "Ahmad Zaki bin Hassan, ketua kampung itu.\n"
        '"Kerja-kerja akhir sedang dijalankan sekarang," katanya.\n'
        'Menurut Siti Aminah, "projek ini sudah lama ditunggu oleh penduduk."'
    )
    quotes = _quotes(text, "ms")
    assert [(q.speaker, q.cue) for q in quotes] == [
        ("Ahmad Zaki bin Hassan", "kata"),
        ("Ahmad Zaki bin Hassan", "katanya"),
        ("Siti Aminah", "Menurut"),
    ]
    assert quotes[0].text == "Kami mahu penduduk selamat,"


def test_indonesian_attribution_ujar_and_name_first() -> None:
    text = (
        'Pasar ikan di Teluk Biru dibuka kembali. "Nelayan sudah menunggu sejak bulan lalu," ujar Budi Santoso '
        "kepada wartawan.\n"
        'Dewi Lestari mengatakan, "Harga ikan akan turun minggu depan."\n'
        '"Kami akan menambah kapal," tutur Rini Wulandari.'
    )
    quotes = _quotes(text, "id")
    assert [q.speaker for q in quotes] == ["Budi Santoso", "Dewi Lestari", "Rini Wulandari"]
    assert [q.cue for q in quotes] == ["ujar", "mengatakan", "tutur"]


def test_indonesian_nya_after_a_pronoun_sentence_goes_to_the_named_speaker() -> None:
    """ "Dia menjelaskan … “…,” jelasnya." : -nya refers back through the pronoun to the person named
    before, never to the pronoun "Dia" itself."""
    text = (
        '"Kami melihat permintaan terus naik," jelas Rini Wulandari pada konferensi pers, Kamis.\n'
        'Dia menjelaskan bank akan menambah cabang tahun depan. "Kami akan membuka sepuluh kantor baru," '
        "jelasnya."
    )
    # the recogniser often takes a capitalised pronoun for a person: give it "Dia" as one
    entities = [
        Entity(name, text.index(name), text.index(name) + len(name), "PERSON", name)
        for name in ("Rini Wulandari", "Dia")
    ]
    quotes = _quotes(text, "id", entities)
    assert [q.speaker for q in quotes] == ["Rini Wulandari", "Rini Wulandari"]


def test_a_title_in_apposition_gives_the_quote_to_its_holder() -> None:
    """ "jelas Presiden Direktur Bank Teluk Biru Tbk. (BTB), Rini Wulandari": Rini speaks, not her title."""
    text = (
        '"Kami melihat permintaan terus naik," jelas Presiden Direktur Bank Teluk Biru Tbk. (BTB), '
        "Rini Wulandari, pada konferensi pers.\n"
    )
    start = text.index("Rini Wulandari")
    entities = [Entity("Rini Wulandari", start, start + len("Rini Wulandari"), "PERSON", "Rini Wulandari")]
    assert [q.speaker for q in _quotes(text, "id", entities)] == ["Rini Wulandari"]


def test_chinese_attribution_with_corner_brackets_and_curly_quotes() -> None:
    text = (
        "青河镇的新桥下月通车。镇长林晓梅周一表示：「我们希望居民出行更安全。」\n"
        "「工程已经进入最后阶段。」工程师陈国强说。\n"
        "据交通局称，“大桥每天可通行两万辆车。”\n"
        "林晓梅指出：“新桥明年还会加建人行道。”"
    )
    quotes = _quotes(text, "zh")
    assert [(q.text, q.speaker) for q in quotes] == [
        ("我们希望居民出行更安全。", "镇长林晓梅"),
        ("工程已经进入最后阶段。", "工程师陈国强"),
        ("大桥每天可通行两万辆车。", "交通局"),
        ("新桥明年还会加建人行道。", "林晓梅"),
    ]
    assert all(q.kind == "full" for q in quotes)


def test_a_chinese_pronoun_goes_to_the_last_speaker() -> None:
    quotes = _quotes("林晓梅说：“新桥明年完工。”她还表示，“居民不必担心。”", "zh")
    assert [q.speaker for q in quotes] == ["林晓梅", "林晓梅"]


def test_corner_brackets_keep_inner_quotes_inside() -> None:
    text = "他说：「她告诉我『明天见』，然后走了。」"
    spans = find_quote_spans(text, [Block("paragraph", 0, len(text))])
    assert [text[s.start : s.end] for s in spans] == ["她告诉我『明天见』，然后走了。"]


def test_chinese_sentences_split_at_full_width_stops_with_their_closing_marks() -> None:
    text = "渡轮周一恢复航行！乘客很多吗？运营商说：「每小时一班。」陈国强说。票价不变。"
    article = Article(id="x", input="x", format="text", text=text)
    got = [text[s.start : s.end] for s in _sentences(article, [(0, len(text))])]
    assert got == ["渡轮周一恢复航行！", "乘客很多吗？", "运营商说：「每小时一班。」陈国强说。", "票价不变。"]


def test_word_count_counts_cjk_characters_two_to_a_word() -> None:
    assert word_count("The ferry resumed on Monday.") == 5
    assert word_count("渡轮周一恢复航行。") == 4
    assert word_count("COVID-19检测试剂盒") == 4


@pytest.mark.parametrize(
    ("language", "text", "days"),
    [
        (
            "zh",
            "周四（9月22日）开幕，2022年10月1日通车，昨天下雨",
            ["2022-09-22", "2022-09-22", "2022-10-01", "2022-09-22"],
        ),
        ("zh", "二〇二二年十月二十二日", ["2022-10-22"]),
        ("ms", "Pada Khamis (22 Sept) dan 1 Oktober 2022", ["2022-09-22", "2022-09-22", "2022-10-01"]),
        ("id", "Kamis (22 September) dan kemarin", ["2022-09-22", "2022-09-22", "2022-09-22"]),
    ],
)
def test_dates_in_the_table_language(language: str, text: str, days: list[str]) -> None:
    table_ = table(language)
    assert table_ is not None
    assert [m.value for m in tag_language_dates(text, date(2022, 9, 23), table_)] == days


ZH_STORY = [
    (
        "青河镇新桥十月一日通车",
        "青河镇的新桥将于十月一日正式通车，这座大桥连接青河两岸的五个村庄。\n"
        "镇长林晓梅周一表示：「我们希望居民出行更安全，也更方便。」\n"
        "大桥全长八百米，工程耗时两年，总投资约三亿元。工程师陈国强说，大桥每天可以通行两万辆汽车。",
    ),
    (
        "青河大桥十月一日通车 居民出行时间大减",
        "青河镇新建的大桥将在十月一日通车，连接青河两岸的五个村庄。\n"
        "林晓梅说：“这座桥是全镇居民期待多年的工程，通车以后过河只需十分钟。”\n"
        "据交通局称，大桥全长八百米，每天可通行两万辆汽车，工程历时两年。",
    ),
    (
        "青河新桥即将通车",
        "青河镇的新桥将于十月一日通车，大桥全长八百米，连接青河两岸的五个村庄。\n"
        "「工程已经进入最后阶段，目前正在进行安全检测。」陈国强指出。\n"
        "镇政府表示，通车当天将举行简单的仪式，欢迎居民参加。",
    ),
]


def test_a_chinese_only_corpus_gets_a_brief_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "zh.jsonl"
    rows = [
        {"id": f"z{k}", "title": title, "text": text, "published": "2022-09-26"}
        for k, (title, text) in enumerate(ZH_STORY)
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    report = storybrief.brief([path])
    assert {a.language for a in report.articles} == {"zh"}
    assert report.stories
    for story in report.stories:
        assert story.headline in {title for title, _ in ZH_STORY}
        assert story.summary and all("。" in s.text for s in story.summary)
    quotes = [q for story in report.stories for q in story.quotes]
    assert any(q.speaker and "林晓梅" in q.speaker for q in quotes)
    # "将于十月一日通车" is tagged, but as the bridge opens after publication it is a forecast: no timeline event
    assert any(m.value == "2022-10-01" for a in report.articles for m in a.dates)
    assert not any(entry.date == "2022-10-01" for story in report.stories for entry in story.timeline)


def test_pronouns_and_places_are_not_speakers() -> None:
    zh = _quotes("发言人高明远在河口镇说：“堤坝很安全。”大家知道，是因为他说：“我们每天检查。”", "zh")
    assert [q.speaker for q in zh] == ["发言人高明远", "发言人高明远"]
    ms = _quotes('Rahim Osman berkata, "Air sudah surut." Dia mengatakan, "Sekolah dibuka esok."', "ms")
    assert [q.speaker for q in ms] == ["Rahim Osman", "Rahim Osman"]


def test_brief_language_is_the_most_common_and_a_tie_goes_to_english() -> None:
    from storybrief.synthesize.sentences import brief_language

    def arts(*codes: str | None) -> list[Article]:
        return [Article(id=str(k), input="x", format="text", text="x", language=c) for k, c in enumerate(codes)]

    assert brief_language(arts("zh", "zh", "en")) == "zh"
    assert brief_language(arts("ms", "zh", "en", "ms", "zh", "en")) == "en"
    assert brief_language(arts("zh", "ms", None)) == "ms"
    assert brief_language(arts(None)) is None


def test_a_quoted_sentence_with_a_cue_of_its_language_is_eligible() -> None:
    from storybrief.synthesize.sentences import eligible

    text = "「工程已经进入最后阶段，目前正在进行安全检测，预计九月底以前可以全部完成。」陈国强指出。"
    close = text.index("」")
    article = Article(id="x", input="x", format="text", text=text, language="zh")
    article.quotes = [Quote(text[1:close], 1, close, "陈国强", "full")]
    assert close - 1 > 0.8 * len(text)  # mostly quote: eligible only when it names its speaker
    assert eligible(article, 0, len(text), text, [])
    article.language = None  # no table: only English cue words count
    assert not eligible(article, 0, len(text), text, [])


def test_a_quote_is_attributed_by_the_words_outside_it_with_the_english_table() -> None:
    """A mostly quoted sentence is fit when the words outside its quotation marks hold a cue word of the
    language's table (English has many more than "said"); a cue inside the quotation names nobody."""
    from storybrief.synthesize.sentences import eligible

    def check(text: str, parts: list[tuple[int, int]]) -> bool:
        article = Article(id="x", input="x", format="text", text=text, language="en")
        pieces = tuple(parts) if len(parts) > 1 else ()
        joined = " ".join(text[s:e] for s, e in parts)
        article.quotes = [Quote(joined, parts[0][0], parts[-1][1], None, "full", parts=pieces)]
        return eligible(article, 0, len(text), text, [])

    tweeted = "“The ferry must sail on Friday whatever the harbour board decides next,” tweeted one user."
    assert check(tweeted, [(1, tweeted.index("”"))])
    inside = "“We said the ferry must sail on Friday whatever the harbour board decides next.”"
    assert not check(inside, [(1, len(inside) - 1)])  # "said" is the quotation's own word
    split = "“The ferry must sail on Friday,” quipped Ana Ruiz, “whatever the harbour board decides next.”"
    first_end = split.index("”")
    second_start = split.index("“", first_end) + 1
    assert check(split, [(1, first_end), (second_start, len(split) - 1)])


def test_adding_a_language_is_adding_a_table_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    import storybrief.lang as lang

    (tmp_path / "eo.py").write_text(
        "from storybrief.lang import LanguageTable\n"
        "TABLE = LanguageTable(code='eo', name='Esperanto', inverted_verbs=('diris',), speech_verbs=('diris',))\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(lang, "__path__", [*lang.__path__, str(tmp_path)])
    lang.tables.cache_clear()
    try:
        assert table("eo") is not None
        quotes = _quotes('La ponto estas preta. "Ni malfermos ĝin lundon," diris Mara Velde.', "eo")
        assert [q.speaker for q in quotes] == ["Mara Velde"]
    finally:
        monkeypatch.undo()
        lang.tables.cache_clear()
        sys.modules.pop("storybrief.lang.eo", None)
    assert table("eo") is None


def test_malay_function_words_do_not_make_sentences_alike() -> None:
    from storybrief.model import Sentence
    from storybrief.synthesize.sentences import story_units

    text = "Jambatan yang baharu itu dibuka untuk penduduk kampung."
    article = Article(id="m", input="x", format="text", text=text, language="ms")
    article.sentences = [Sentence(0, len(text))]
    (unit,) = story_units([article])
    assert set(unit.terms) == {"jambatan", "baharu", "dibuka", "penduduk", "kampung"}


# ------------------------------------------------------------------ issue 11: hand-check error kinds


def _entity(text: str, name: str, label: str = "PERSON", nth: int = 0) -> Entity:
    at = -1
    for _ in range(nth + 1):
        at = text.index(name, at + 1)
    return Entity(name, at, at + len(name), label, name)


def test_a_quote_over_one_line_paragraphs_is_one_quote() -> None:
    """A source that sets each sentence on its own line: the quote opens on one line and closes on the next
    with "imbuhnya"; both lines are one quote of the speaker named before it."""
    text = (
        "Selanjutnya, Budi Santoso menuturkan perlunya tata kelola yang baik. “Pertama, dana harus dikelola "
        "dengan hati-hati.\n"
        "Laporan keuangan juga harus terbuka untuk umum” imbuhnya.\n"
        "Pasar ikan dibuka kembali minggu depan."
    )
    quotes = _quotes(text, "id")
    assert len(quotes) == 1
    q = quotes[0]
    assert q.speaker == "Budi Santoso"
    # with the name two sentences back, only the attribution after the last line can credit it
    later = text.replace("perlunya tata kelola yang baik.", "perlunya tata kelola. Pasar dibuka.")
    assert [q.speaker for q in _quotes(later, "id")] == ["Budi Santoso"]
    assert [text[a:b] for a, b in q.parts] == [
        "Pertama, dana harus dikelola dengan hati-hati.",
        "Laporan keuangan juga harus terbuka untuk umum",
    ]


def test_malay_titles_and_events_the_recogniser_calls_people_are_not_speakers() -> None:
    """The recogniser tags "Menteri Kanan" (a title) and "Pesta Air Teluk Ke-5" (an event) as people; "katanya"
    still goes to the minister named after his titles, through "beliau" in the sentence before the quote."""
    text = (
        "Menteri Kanan Pelancongan Datuk Dr Rahim Zakaria berkata jeti baharu itu siap bulan depan. "
        "“Kerja-kerja akhir sedang dijalankan,” katanya.\n"
        "Dalam pada itu, beliau mengingatkan peniaga supaya bersedia menjelang Pesta Air Teluk Ke-5. "
        "“Kami mahu pelancong berasa selamat,” katanya."
    )
    entities = [_entity(text, "Menteri Kanan"), _entity(text, "Rahim Zakaria"), _entity(text, "Pesta Air Teluk Ke-5")]
    quotes = _quotes(text, "ms", entities)
    assert [q.speaker for q in quotes] == ["Rahim Zakaria", "Rahim Zakaria"]


def test_a_sentence_adverb_and_a_bracketed_title_do_not_hide_the_speaker() -> None:
    text = (
        "BANDAR LAUT – Wakil Bupati (Wabup) Ani Kusuma mendorong warga ikut menjaga pantai.\n"
        "Apalagi, dia menyampaikan bahwa Pemerintah memberikan bantuan perahu. “Kami minta semua pihak "
        "membantu,” ujarnya.\n"
        "Terakhir, Ani meminta agar nelayan bekerja sama. “Laut ini milik kita bersama,” pungkas Ani."
    )
    assert [q.speaker for q in _quotes(text, "id")] == ["Ani Kusuma", "Ani Kusuma"]


def test_chinese_colon_form_with_a_long_title_and_a_clause_before_the_quote() -> None:
    text = (
        "青河镇的新桥下月通车。\n"
        "交通与环境部兼国家发展部高级政务部长林晓梅博士说：“新桥将使居民出行更安全。这是一大进步。”\n"
        "据报道，陈国强当天出席镇议会会议时表示，从技术角度看工程进展顺利，“但我们仍需检查每一根桥墩。”\n"
        "港务局副局长周文（Zhou Wen）说，港口下周恢复运作。\n"
        "他说：“渔船可以先行进港。”"
    )
    quotes = _quotes(text, "zh")
    assert [q.speaker for q in quotes] == [
        "交通与环境部兼国家发展部高级政务部长林晓梅博士",
        "陈国强",
        "港务局副局长周文",
    ]


def test_chinese_as_for_is_not_a_speech_verb() -> None:
    """ "对于许多居民来说" is "for many residents", not "many residents said"."""
    text = "对于许多居民来说，这座桥意义重大。“我们等了十年。”"
    assert [q.speaker for q in _quotes(text, "zh")] == [None]


def test_english_he_said_skips_a_date_and_a_place_the_recogniser_calls_people() -> None:
    """ "Jun 1" and "Marrow Checkpoint" tagged as people, and "Dr Okafor" tagged as an organisation: "he"
    is the doctor; with no one else in reach a pronoun stays unattributed rather than taking the date."""
    text = (
        "The harbour at Marrow Checkpoint lost power on Jun 1, said Dr Okafor in Parliament.\n"
        "Officers turned on emergency lights at Marrow Checkpoint.\n"
        "“The generator overheated and shut down,” he said."
    )
    entities = [
        _entity(text, "Marrow Checkpoint"),
        _entity(text, "Jun 1"),
        _entity(text, "Dr Okafor", "ORG"),
        _entity(text, "Marrow Checkpoint", nth=1),
    ]
    assert [q.speaker for q in _quotes(text, "en", entities)] == ["Dr Okafor"]
    alone = "Trade resumed on Jun 1.\n“We are open again,” he said."
    assert [q.speaker for q in _quotes(alone, "en", [_entity(alone, "Jun 1")])] == [None]


def test_english_it_said_is_the_organisation_named_before_and_an_acronym_is_no_person() -> None:
    text = (
        "New coins will carry the king's face, though not soon, according to the Marrow Mint.\n"
        "“Coins with a new effigy usually appear a year after a coronation,” it said.\n"
        "Elena Marsh spoke about the UN envoys on Monday.\n"
        "“Nobody asked us,” she added."
    )
    entities = [
        _entity(text, "Marrow Mint", "ORG"),
        _entity(text, "Elena Marsh"),
        _entity(text, "UN"),  # the recogniser's "person"
    ]
    assert [q.speaker for q in _quotes(text, "en", entities)] == ["Marrow Mint", "Elena Marsh"]


def test_malay_katanya_after_a_name_with_an_age_inside_a_clause() -> None:
    text = (
        "Penduduk dikenali sebagai Gabriela Ruiz, 59, mengaku dia berasa takut ketika gegaran melanda.\n"
        "“Saya fikir rumah saya akan runtuh,” katanya."
    )
    assert [q.speaker for q in _quotes(text, "ms")] == ["Gabriela Ruiz"]


def test_english_the_judge_is_the_justice_and_the_statement_is_its_issuer() -> None:
    text = (
        "Justice Ana Ruiz said in her grounds of decision that no payment was owed.\n"
        "“He went to court to accompany his wife,” said the judge.\n"
        "In a statement on Friday, the Harbour Board said the pier would close.\n"
        "“The piles are rotten,” the statement said."
    )
    at = text.index("Ana Ruiz")
    ruiz = Entity("Ana Ruiz", at, at + len("Ana Ruiz"), "PERSON", "Ana Ruiz", role="Justice")
    entities = [ruiz, _entity(text, "Harbour Board", "ORG")]
    found = _quotes(text, "en", entities)
    assert [(q.speaker, q.speaker_text) for q in found] == [
        ("Ana Ruiz", "the judge"),
        ("Harbour Board", "the statement"),
    ]


def test_malay_the_agency_said_is_the_agency_named_before() -> None:
    text = (
        "Agensi Air Teluk Biru (AATB) hari ini mengumumkan skim deposit botol.\n"
        "Skim itu akan bermula tahun depan di semua pasar raya.\n"
        'Agensi itu menyatakan dalam satu kenyataan: "Pembeli akan memulangkan botol kosong."'
    )
    assert [q.speaker for q in _quotes(text, "ms")] == ["Agensi Air Teluk Biru"]


def test_english_statement_issuer_the_recogniser_missed_and_it_added_far_from_the_name() -> None:
    text = (
        "MARROW BAY: A Tern Air plane had its landing delayed on Monday.\n"
        "Passengers refused to sit down during the descent.\n"
        "The captain discontinued the approach, the airline said on Tuesday.\n"
        "“The flight landed safely on the second approach,” it added.\n"
        "In a statement after the hearing, the Harbour Prosecution Office said the man was unwell.\n"
        "“He believed there was a fire on board,” said the statement."
    )
    entities = [_entity(text, "Tern Air", "ORG")]
    found = _quotes(text, "en", entities)
    assert [q.speaker for q in found] == ["Tern Air", "Harbour Prosecution Office"]


def test_english_adding_that_credits_the_one_the_clause_before_names() -> None:
    text = (
        "Pregnant crew may take ground jobs, said Ana Ruiz, the airline's spokeswoman, adding that the carrier "
        "“supports our crew during and after pregnancy”."
    )
    entities = [_entity(text, "Ana Ruiz")]
    assert [q.speaker for q in _quotes(text, "en", entities)] == ["Ana Ruiz"]


def test_english_the_report_said_twice_goes_back_to_the_issuer() -> None:
    text = (
        "Trade between the ports fell, the Marrow Port Agency said in a report on Tuesday.\n"
        "The report said ferries should share one timetable.\n"
        "“This will send a clear signal to operators,” the report said."
    )
    entities = [_entity(text, "Marrow Port Agency", "ORG")]
    assert [q.speaker for q in _quotes(text, "en", entities)] == ["Marrow Port Agency"]


def test_english_a_surname_keeps_the_article_own_title_and_first_name() -> None:
    """The input's index may map a surname to a full name met in another article ("Mdm Lim", "Maximilian
    Chew"); the article's own "Mr Lim" and "Prosecutor Melina Chew" win."""
    text = "“We take a science-based approach,” said Mr Lim.\n“The claim is false,” said Deputy Prosecutor Melina Chew."
    lim, chew = text.index("Lim"), text.index("Chew")
    entities = [
        Entity("Lim", lim, lim + 3, "PERSON", "Mdm Lim"),
        Entity("Chew", chew, chew + 4, "PERSON", "Maximilian Chew"),
    ]
    assert [q.speaker for q in _quotes(text, "en", entities)] == ["Mr Lim", "Melina Chew"]


def test_english_a_state_in_a_party_tag_and_a_phrase_cut_at_an_article_are_no_speakers() -> None:
    text = (
        "After winning the primary, Gov. Ana Ruiz (R-OH), said, “We are ready for the autumn.”\n"
        "Elena Marsh defended the harbour, saying the town embodied the “grit of the whole coast.”"
    )
    entities = [_entity(text, "Ana Ruiz"), _entity(text, "OH", "GPE"), _entity(text, "Elena Marsh")]
    assert [q.speaker for q in _quotes(text, "en", entities)] == ["Ana Ruiz", "Elena Marsh"]
