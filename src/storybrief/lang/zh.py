"""Chinese: X说 / X表示 / X指出 / X称：「…」, 「…」X说。, 据X（称）, in simplified and traditional script.

Chinese is written without spaces: the speaker is the clause before the verb ("卫生部长李文华表示"), less
the adverbs and time words that may stand between them (``fillers``).
"""

from __future__ import annotations

from . import LanguageTable

# 周一 … 周日, 星期一 … 星期日 / 星期天, in both scripts
_WEEKDAYS = tuple(
    (prefix + day, n)
    for prefix in ("周", "週", "星期", "礼拜", "禮拜")
    for n, days in enumerate(("一", "二", "三", "四", "五", "六", "日天"))
    for day in days
)

TABLE = LanguageTable(
    code="zh",
    name="Chinese",
    speech_verbs=(
        "说道", "說道", "表示", "指出", "强调", "強調", "透露", "坦言", "直言", "称", "稱", "说", "說", "宣布",
        "回应", "回應", "解释", "解釋", "补充", "補充", "写道", "寫道", "问道", "問道", "答道", "告诉记者",
        "告訴記者", "认为", "認為",
    ),
    according_to=("根据", "根據", "据", "據"),
    pronouns=("他们", "她们", "他們", "她們", "他", "她"),
    fillers=(
        "也", "还", "還", "则", "則", "更", "又", "并", "並", "亦", "再", "曾", "对此", "對此", "今天", "昨天",
        "今日", "昨日", "当天", "當天", "日前", "早前", "随后", "隨後", "此前", "同时", "同時", "周一", "周二",
        "周三", "周四", "周五", "周六", "周日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六",
        "星期日", "向记者", "向記者", "对记者", "對記者", "公开", "公開",
    ),
    spaced=False,
    weekdays=_WEEKDAYS,
    relative_days=(
        ("今天", 0), ("今日", 0), ("昨天", -1), ("昨日", -1), ("前天", -2), ("明天", 1), ("明日", 1), ("后天", 2),
        ("後天", 2),
    ),
)  # fmt: skip
