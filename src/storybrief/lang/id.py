"""Indonesian: "…," ujar Budi / kata X / tutur X / katanya; Menurut X, "…"; X mengatakan, "…"."""

from __future__ import annotations

from . import LanguageTable
from .ms import NOT_VERBS

# each month's names and abbreviations, January first
_MONTH_NAMES = (
    "Januari Jan",
    "Februari Feb",
    "Maret Mar",
    "April Apr",
    "Mei",
    "Juni Jun",
    "Juli Jul",
    "Agustus Agu Agt",
    "September Sep Sept",
    "Oktober Okt",
    "November Nov",
    "Desember Des",
)
_MONTHS = tuple((name, n) for n, names in enumerate(_MONTH_NAMES, 1) for name in names.split())

_STOP_WORDS = frozenset(
    (
        "yang dan di ke dari untuk pada dengan ini itu dalam adalah akan tidak telah sudah juga atau oleh kepada "
        "bagi mereka dia ia kami kita saya ada satu lebih sebagai tersebut tetapi serta hanya masih dapat antara "
        "sebelum ketika jika lagi pula pun para sebuah seorang secara agar hingga bahwa karena bisa setelah saat "
        "kalau supaya sehingga tapi belum"
    ).split()
)

TABLE = LanguageTable(
    code="id",
    name="Indonesian",
    speech_verbs=(
        "mengatakan", "berkata", "menyatakan", "menjelaskan", "menegaskan", "menambahkan", "mengungkapkan",
        "menyebutkan", "menuturkan", "memaparkan", "menerangkan", "mengaku", "mengumumkan", "menyampaikan",
    ),
    inverted_verbs=(
        "ujar", "kata", "tutur", "jelas", "tambah", "tegas", "ucap", "sebut", "papar", "terang", "ungkap", "imbuh",
        "pungkas", "lanjut", "sambung", "tandas",
    ),
    self_verbs=(
        "katanya", "ujarnya", "tuturnya", "jelasnya", "tambahnya", "tegasnya", "ucapnya", "sebutnya", "paparnya",
        "terangnya", "ungkapnya", "imbuhnya", "pungkasnya", "lanjutnya", "sambungnya", "tandasnya",
    ),
    according_to=("menurut",),
    pronouns=("beliau", "dia", "ia", "mereka", "saya", "kami"),
    name_particles=("bin", "binti", "van", "de", "al"),
    fillers=("juga", "pun", "lagi", "pula", "saat", "ketika", "dalam", "keterangannya"),
    months=_MONTHS,
    weekdays=(("Senin", 0), ("Selasa", 1), ("Rabu", 2), ("Kamis", 3), ("Jumat", 4), ("Sabtu", 5), ("Minggu", 6)),
    relative_days=(("hari ini", 0), ("kemarin", -1), ("besok", 1)),
    day_first=True,
    date_cues=(
        ("sejak", "background"), ("hingga", "expected"), ("sampai", "expected"), ("akan", "expected"),
        ("dijadwalkan", "expected"), ("bakal", "expected"), ("diperkirakan", "expected"),
    ),
    stop_words=_STOP_WORDS,
    titles=(
        "Menteri", "Presiden", "Wakil", "Wapres", "RI", "Ketua", "Kepala", "Direktur", "Utama", "Sekretaris",
        "Jenderal", "Gubernur", "Bupati", "Wali", "Kota", "Bapak", "Pak", "Ibu", "Bu", "Dr", "Drs", "Prof",
        "Ir", "H", "Hj", "Kapolri", "Kapolda", "Kapolres", "Kombes", "Pol", "AKP", "AKBP", "Irjen", "Brigjen",
        "Komjen", "Jaksa", "Hakim", "Juru", "Bicara", "Jubir", "Menko", "Dirut", "Plt", "Kadis",
    ),
    verb_prefixes=("me", "ber"),
    demonstratives=("itu", "tersebut"),
    not_verbs=NOT_VERBS,
)  # fmt: skip
