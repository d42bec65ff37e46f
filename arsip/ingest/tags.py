"""Tag suggestions from keywords. Tags are always an editor's call: the ingest suggests them
from the vocabulary (data/tags.yml) and lists ``tags`` for review."""

from __future__ import annotations

import re

from arsip import schema

# Keywords that suggest a tag of data/tags.yml. A tag missing from the vocabulary is skipped,
# so renaming a tag there never makes the ingest write an invalid draft.
KEYWORDS: dict[str, str] = {
    "netralitas ASN": r"\bnetral",
    "pakta integritas": r"pakta integritas",
    "ikrar": r"\bikrar|deklarasi netral",
    "apel": r"\bapel\b",
    "sosialisasi": r"sosiali[sz]asi",
    "Bawaslu": r"\b(bawaslu|panwaslu|panwascam)\b",
    "pengawasan": r"\b(pengawasan|pokja|kelompok kerja|satgas|mengawasi|diawasi)\b",
    "media sosial": r"media sosial|sosial media|\bmedsos\b|\b(like|share|komentar)\b.*\bunggahan",
    "sanksi": r"\bsanksi|hukuman disiplin|diberhentikan",
    "KASN": r"\bKASN\b|komisi aparatur sipil negara",
    "politik praktis": r"politik praktis",
    "pelayanan publik": r"pelayan(an)? (publik|masyarakat)",
    "regulasi": r"\bUU\b|undang-undang|peraturan pemerintah|\bPP (no|nomor)|surat edaran|\bSKB\b",
    "pelanggaran": r"\bpelanggaran\b|\bmelanggar\b",
    "kampanye": r"\bkampanye\b",
    "pegawai non-ASN": r"\bhonorer|\bPPPK\b|non[- ]ASN|tenaga kontrak|\bTHL\b",
}


def suggest_tags(text: str) -> list[str]:
    """Tags whose keywords occur in ``text``, in vocabulary order; "netralitas ASN" first."""
    voc = schema.vocabulary()
    found = [
        tag for tag in voc.tags if tag in KEYWORDS and re.search(KEYWORDS[tag], text, re.IGNORECASE)
    ]
    if not found and voc.tags:
        found = [next(iter(voc.tags))]
    return found
