"""Malay: "…," kata Ahmad / ujar X / katanya; Menurut X, "…"; X berkata, "…"."""

from __future__ import annotations

from . import LanguageTable

# each month's names and abbreviations, January first
_MONTH_NAMES = (
    "Januari Jan",
    "Februari Feb",
    "Mac Mar",
    "April Apr",
    "Mei",
    "Jun",
    "Julai Jul",
    "Ogos Ogo",
    "September Sep Sept",
    "Oktober Okt",
    "November Nov",
    "Disember Dis",
)
_MONTHS = tuple((name, n) for n, names in enumerate(_MONTH_NAMES, 1) for name in names.split())

_STOP_WORDS = frozenset(
    (
        "yang dan di ke dari untuk pada dengan ini itu dalam adalah akan tidak telah sudah juga atau oleh kepada "
        "bagi mereka dia ia kami kita saya ada satu lebih sebagai tersebut tetapi serta hanya masih dapat antara "
        "sebelum ketika jika lagi pula pun para sebuah seorang secara agar hingga beliau bahawa kerana boleh "
        "selepas semasa kalau supaya sehingga turut"
    ).split()
)

# words that open with a verb prefix (me-, ber-) and are not verbs, in Malay and Indonesian alike (the
# Indonesian table uses these too)
NOT_VERBS = (
    "menteri", "mereka", "media", "merdeka", "mesyuarat", "memang", "melalui", "mengenai", "menurut",
    "meskipun", "menjelang", "mengikut", "bersama", "berikut", "bersempena", "berbanding", "berita",
    "berkenaan", "berhubung", "bersama-sama", "berdasarkan", "bertempat", "beserta", "berserta",
)  # fmt: skip

TABLE = LanguageTable(
    code="ms",
    name="Malay",
    speech_verbs=(
        "berkata", "mengatakan", "menyatakan", "menjelaskan", "menegaskan", "memberitahu", "menambah",
        "mendakwa", "menyebut", "mengulas", "memaklumkan", "mengumumkan",
    ),
    inverted_verbs=(
        "kata", "ujar", "tutur", "jelas", "tambah", "tegas", "ucap", "sebut", "ulas", "imbuh", "sambung",
    ),
    self_verbs=(
        "katanya", "ujarnya", "tuturnya", "jelasnya", "tambahnya", "tegasnya", "ucapnya", "sebutnya", "ulasnya",
        "imbuhnya", "sambungnya",
    ),
    according_to=("menurut",),
    pronouns=("beliau", "dia", "ia", "mereka", "saya", "kami"),
    name_particles=("bin", "binti", "bte", "bt", "a/l", "a/p", "al", "van", "de"),
    fillers=("juga", "turut", "lagi", "pula", "ketika", "semasa", "dalam", "kenyataan"),
    months=_MONTHS,
    weekdays=(("Isnin", 0), ("Selasa", 1), ("Rabu", 2), ("Khamis", 3), ("Jumaat", 4), ("Sabtu", 5), ("Ahad", 6)),
    relative_days=(("hari ini", 0), ("semalam", -1), ("kelmarin", -1), ("esok", 1)),
    day_first=True,
    date_cues=(
        ("sejak", "background"), ("hingga", "expected"), ("sehingga", "expected"), ("sampai", "expected"),
        ("akan", "expected"), ("dijadualkan", "expected"), ("bakal", "expected"), ("dijangka", "expected"),
    ),
    stop_words=_STOP_WORDS,
    titles=(
        "Menteri", "Perdana", "Timbalan", "Wakil", "Kanan", "Besar", "Ketua", "Pengarah", "Setiausaha", "Presiden",
        "Datuk", "Dato", "Dato’", "Dato'", "Datin", "Seri", "Tan", "Sri", "Tun", "Tuan", "Puan", "Encik", "Cik",
        "Dr", "Prof", "Profesor", "Haji", "Hajah", "Ir", "Ustaz", "Yang", "Berhormat", "YB", "Pesuruhjaya",
        "Inspektor", "Jeneral", "Ketua-ketua", "Naib", "Canselor", "Pegawai", "Eksekutif",
    ),
    verb_prefixes=("me", "ber"),
    demonstratives=("itu", "tersebut"),
    not_verbs=NOT_VERBS,
)  # fmt: skip
