"""Split a pasted news page into headline, lead-in lines, body paragraphs and trailing credits,
dropping the page furniture that comes along when an editor copies an article from a site.

Boilerplate is recognised by kind, not by the seeds' exact phrases: related-article blocks,
share counters and buttons, comment forms, cookie and subscription notices, photo captions,
duplicated lines (headlines repeated by the page) and editor credits after the last paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A "related articles" marker: the heading alone (then a list of headlines follows) or the
# heading with one headline on the same line ("BACA JUGA: ...").
RELATED_RE = re.compile(
    r"(?i)^\W*(baca\s+juga|baca\s+pula|lihat\s+juga|simak\s+juga|artikel\s+terkait|"
    r"berita\s+terkait|berita\s+lainnya|berita\s+terbaru|terpopuler|rekomendasi|"
    r"read\s+also|related(\s+(posts?|articles?|news))?|also\s+read|"
    r"baca\s+berita\s+lainnya|artikel\s+lainnya|pilihan\s+redaksi)\b\s*[:\-–»>]*\s*(?P<rest>.*)$"
)

# Whole lines that are page furniture, whatever the outlet.
FURNITURE_RES = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^[\d\s.,:|/·•]*$",  # share/view counters: "0 25", "1.2K" is below
        r"^\d+(?:[.,]\d+)?\s*[kKrb]*\s*(shares?|views?|komentar|comments?|dibaca|kali dibaca)?$",
        r"^(share|bagikan|bagikan artikel( ini)?|tweet|whatsapp|facebook|twitter|telegram|"
        r"line|linkedin|pinterest|email|print|cetak|salin( link| tautan)?|copy link|"
        r"komentar|comments?|like|suka|follow|ikuti)(\s*[:|/,]\s*\w*)*$",
        r"^(tinggalkan|kirim|tulis)\s+(pesanan|balasan|komentar|tanggapan)\b.*",
        r"^(leave a (reply|comment)|post comment|submit comment)\b.*",
        r"^alamat email (anda|kamu)? ?tidak akan (disiarkan|dipublikasikan|ditampilkan)\b.*",
        r"^your email address will not be published\b.*",
        r"^(nama|name|email|e-mail|situs web|website|komentar|comment)\s*\*?\s*$",
        r"^(ruas|kolom) yang wajib ditandai\b.*",
        r"^simpan nama, email,? dan situs web\b.*",
        r".*\b(this|our) (website|site) uses cookies\b.*",
        r".*\b(situs|website|laman) ini menggunakan (cookie|kuki)\b.*",
        r"^(accept|terima|setuju)( all)?( cookies?)?( read more)?$",
        r"^do not follow this link\b.*",
        r".*\b(ikuti|follow) (kami|berita \S+|saluran \S+|channel \S+) di (google news|whatsapp|"
        r"telegram|instagram|facebook|twitter|tiktok|youtube)\b.*",
        r".*\b(dapatkan|simak|baca) (update|informasi|berita) (berita )?(terkini|terbaru|pilihan|"
        r"menarik)\b.*(google news|whatsapp|telegram|channel|saluran|klik|aplikasi).*",
        r"^(gabung|bergabung|join)\b.*\b(whatsapp|telegram|channel|saluran|grup)\b.*",
        # Promotion of the outlet's channels, however it is worded.
        r".*\b(whatsapp channel|saluran whatsapp|channel whatsapp|grup telegram|google news|"
        r"ponselmu|notifikasi)\b.{0,200}$",
        r"^(klik|click) (di ?sini|here|link)\b.*",
        r"^(download|unduh) (aplikasi|app)\b.*",
        r"^(berlangganan|subscribe|langganan)\b.*",
        r"^(advertisement|iklan|scroll to (continue|resume)( with content)?|"
        r"scroll untuk melanjutkan\b.*|lanjutkan membaca|continue reading)$",
        r"^(copyright|hak cipta)\b.*|^©.*",
        # The outlet's notice against copying: "Dilarang keras mengambil ... tanpa izin".
        r"^dilarang (keras )?(mengambil|mengutip|menyalin|menyiarkan|memperbanyak|menggunakan)\b.*",
        r"^all rights reserved\b.*",
        r"^(tags?|topik|label)\s*:.*",
        r"^(loading|memuat)\.*$",
        r"^(sebelumnya|selanjutnya|berikutnya|previous|next)( (article|artikel|post|berita))?$",
        r"^halaman(\s+\d+)+$|^(halaman|page)\s*\d+\s*(dari|of)\s*\d+$",
    )
]

# A photo caption: "(Foto: Prokopim Padang)", "FOTO: ...", "Foto/Ilustrasi", "[Foto ...]".
CAPTION_RE = re.compile(
    r"(?i)(^\W*(foto|photo|dok|dokumentasi|ilustrasi|gambar|caption|keterangan foto)\b\s*[:/.\-]"
    r"|[(\[]\s*(foto|photo|dok|ist|istimewa|ilustrasi)\s*[:/.][^)\]]*[)\]]\s*\.?$)"
)

# Credits after the last paragraph: "Editor :", "Penulis: X", "Wtz/hantaran.co", "(ant)".
CREDIT_RE = re.compile(
    r"(?i)^\W*(editor|redaktur|penulis|reporter|pewarta|wartawan|kontributor|penyunting|"
    r"laporan|liputan|oleh|writer|author|sumber|source|foto|fotografer|video|teks|"
    r"publisher|penerbit|dibaca|diterbitkan|artikel ini (telah )?(tayang|terbit|dimuat))\b"
    r"\s*[:/|\-]?.*$"
)
SHORT_CREDIT_RE = re.compile(r"^[\(\[]?[\w*.@'’\- ]{1,25}(/[\w*.@'’\- ]{1,30})+[\)\]]?\.?$")
PAREN_CREDIT_RE = re.compile(r"^[\(\[][\w*.,/ '’\-]{1,30}[\)\]]\.?$")

INLINE_CREDIT_RE = re.compile(
    r"(?<=[.!?\"”)])\s+(?P<credit>(?:Editor|Penulis|Reporter|Pewarta|Redaktur)\s*:\s*[^.!?\"”]{0,40})$"
)

# Lines above the article proper that are not its headline: bylines, publication stamps.
BYLINE_RE = re.compile(
    r"(?i)^\W*(oleh|by|penulis|reporter|editor|redaktur|pewarta|diterbitkan|dipublikasikan|laporan|"
    r"published|updated|diperbarui)\b|\b\d{1,2}[:.]\d{2}\s*(wib|wita|wit)\b|\bwib\b"
)

_NBSP = re.compile(r"[\u00a0\u2007\u202f\ufeff\u200b]")


def normalise_lines(text: str) -> list[str]:
    """The text's lines with no-break and zero-width spaces made plain, trailing space cut."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [" ".join(_NBSP.sub(" ", line).split()) for line in text.split("\n")]


# A breadcrumb or a section menu ("Home » Berita » Pemerintahan", "NEWS | POLITIK | OPINI",
# "BERANDA / DAERAH / POLITIK"): short parts between separators, no sentence.
_MENU_SEP_RE = re.compile(r"\s+(?:»|›|>|/|\||·|•)\s+")
_HOME_RE = re.compile(r"(?i)^(home|beranda|index|indeks)\s*(»|›|>|/|\|)")
# The networks a page offers to share on or follow it on.
_NETWORKS = {
    "wa", "whatsapp", "fb", "facebook", "x", "twitter", "telegram", "line", "linkedin",
    "pinterest", "email", "e-mail", "threads", "instagram", "ig", "tiktok", "youtube", "copy",
    "link", "salin", "tautan", "google", "news", "dan", "and", "atau",
}  # fmt: skip
_SOCIAL = {"whatsapp", "facebook", "twitter", "telegram", "instagram", "tiktok", "youtube",
           "threads", "linkedin"}  # fmt: skip
_SHARE_RE = re.compile(
    r"(?i)^(share|bagikan|bagi)(\s+(ke|via|lewat|melalui|artikel ini|berita ini|on|to|this))?"
    r"\s*[:|]?\s*(?P<rest>.*)$"
)
_FOLLOW_RE = re.compile(r"(?i)^(follow|ikuti|ikuti kami|temukan kami)\b")
# A site's footer: its copyright sign, or the press council's guideline every outlet links.
_FOOTER_RE = re.compile(r"(?i)©|\(c\)\s*20\d\d|pedoman (pemberitaan )?media siber")


def _words(line: str) -> list[str]:
    return re.findall(r"[\w-]+", line.lower())


def is_menu(line: str) -> bool:
    """A breadcrumb or a section menu, above or below the article."""
    if re.search(r"[.!?,;:\"”]$", line):
        return False
    parts = _MENU_SEP_RE.split(line)
    if _HOME_RE.match(line) and len(parts) >= 2:
        return all(len(p.split()) <= 4 for p in parts)
    return len(parts) >= 3 and all(1 <= len(p.split()) <= 4 for p in parts)


def is_furniture(line: str) -> bool:
    """A line that belongs to the page, not to the article."""
    if any(rx.match(line) for rx in FURNITURE_RES) or is_menu(line):
        return True
    share = _SHARE_RE.match(line)
    if share and set(_words(share.group("rest"))) <= _NETWORKS:
        return True  # "Bagikan ke: Facebook | WhatsApp", "Bagikan via: WA | FB | X"
    # "Follow Kabar Sambas di Instagram, ...": the outlet's accounts, not the article.
    if _FOLLOW_RE.match(line) and len(line.split()) <= 30 and set(_words(line)) & _SOCIAL:
        return True
    return len(line) < 200 and bool(_FOOTER_RE.search(line))


def is_caption(line: str) -> bool:
    return bool(CAPTION_RE.search(line)) and len(line) < 300


def looks_like_paragraph(line: str) -> bool:
    """Article prose: long, or ending like a sentence or a quotation."""
    return len(line) > 160 or (bool(re.search(r"[.!?:;,\"”’)]$", line)) and len(line.split()) > 6)


def looks_like_headline(line: str) -> bool:
    """A headline: one line of 3-30 words that does not end like a sentence."""
    words = line.split()
    return (
        3 <= len(words) <= 30
        and len(line) <= 250
        and not re.search(r"[.,;]$", line)
        and not is_furniture(line)
        and not is_caption(line)
        and not BYLINE_RE.search(line)
        and not RELATED_RE.match(line)
        and not re.match(r"^https?://", line)
    )


@dataclass
class Cleaned:
    """A pasted article taken apart."""

    above: list[str] = field(default_factory=list)  # lines before the body (headline, stamps)
    paragraphs: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)  # trailing credit lines, kept for "Sumber:"
    dropped: list[str] = field(default_factory=list)  # every line left out, for the report
    urls: list[str] = field(default_factory=list)


def drop_related_blocks(lines: list[str], dropped: list[str]) -> list[str]:
    """Remove "Baca Juga" lines and, after a bare heading, the list of headlines under it."""
    out: list[str] = []
    in_block = False
    for line in lines:
        if not line:
            out.append(line)
            continue
        m = RELATED_RE.match(line)
        if m:
            dropped.append(line)
            in_block = not m.group("rest").strip()
            continue
        if in_block:
            if looks_like_paragraph(line) and not looks_like_headline(line):
                in_block = False
            else:
                dropped.append(line)
                continue
        out.append(line)
    return out


def split_article(text: str, body_start: int | None = None) -> Cleaned:
    """Take a pasted article apart. ``body_start`` is the index (among non-blank lines) of the
    first body line, when a dateline showed where the article proper begins."""
    result = Cleaned()
    lines = [ln for ln in normalise_lines(text) if ln]
    kept: list[str] = []
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if re.fullmatch(r"(?:url|link|tautan|sumber)?\s*:?\s*(https?://\S+)", line, re.I):
            result.urls.append(re.search(r"https?://\S+", line).group(0))  # type: ignore[union-attr]
            result.dropped.append(line)
            continue
        key = re.sub(r"\W+", " ", line).strip().lower()
        if key in seen and len(key) > 0:
            result.dropped.append(line)  # a headline or related title repeated by the page
            continue
        seen.add(key)
        if body_start is not None and i < body_start:
            result.above.append(line)
            continue
        kept.append(line)
    kept = drop_related_blocks(kept, result.dropped)
    body: list[str] = []
    for line in kept:
        if not line:
            continue
        if is_furniture(line) or is_caption(line):
            result.dropped.append(line)
            continue
        body.append(line)
    # Credits and page leftovers after the last paragraph, read from the end.
    while body:
        last = body[-1]
        if (
            (CREDIT_RE.match(last) and len(last) < 250)
            or SHORT_CREDIT_RE.match(last)
            or PAREN_CREDIT_RE.match(last)
            or (not looks_like_paragraph(last) and len(last.split()) <= 3)
            # The site's tagline under the article: "Outlet | Berita Kota dan Provinsi Terkini".
            or (" | " in last and not looks_like_paragraph(last) and len(last.split()) <= 15)
        ):
            result.credits.insert(0, last)
            result.dropped.append(last)
            body.pop()
            continue
        break
    # A credit run into the last paragraph when the page's line breaks were lost.
    if body:
        m = INLINE_CREDIT_RE.search(body[-1])
        if m:
            result.credits.insert(0, m.group("credit"))
            result.dropped.append(m.group("credit"))
            body[-1] = body[-1][: m.start()].rstrip()
    result.paragraphs = [p for p in body if p]
    return result
