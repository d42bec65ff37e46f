"""The one table of messages editors see from the command-line tools, in Indonesian by
default and in English for contributors who prefer it (``LANG=en_US.UTF-8``, or
``ARSIP_LANG=en``).

A message is a key and its parameters: ``t("ingest.wrote", path=p, target=q)``. Code that
reports problems (the schema, ``invoke check``) can raise or return the key and parameters
and let the caller render them with :func:`t`, so the precision of the message (file, line,
field, "did you mean") lives in its parameters and only the wording in this table.
"""

from __future__ import annotations

import os

#: key -> {"id": Indonesian, "en": English}; ``{name}`` placeholders take the parameters.
MESSAGES: dict[str, dict[str, str]] = {
    # ingest: files and the report of each draft
    "ingest.wrote": {"id": "{path}: ditulis {target}", "en": "{path}: wrote {target}"},
    "ingest.error": {"id": "{path}: galat: {reason}", "en": "{path}: error: {reason}"},
    "ingest.bug": {
        "id": "galat tak terduga {kind}: {reason} (bug: mohon laporkan)",
        "en": "unexpected {kind}: {reason} (a bug: please report)",
    },
    "ingest.missing": {"id": "tidak ada berkas atau folder ini", "en": "no such file or folder"},
    "ingest.nothing": {"id": "tidak ada berkas untuk diolah", "en": "no files to ingest"},
    "ingest.summary": {
        "id": "{written} draf ditulis ke {dest}, {failed} berkas gagal",
        "en": "{written} draft(s) written to {dest}, {failed} file(s) failed",
    },
    "ingest.review_mark": {"id": "PERIKSA", "en": "REVIEW"},
    "ingest.review": {"id": "periksa: {fields}", "en": "review: {fields}"},
    "ingest.body": {
        "id": "teks: {paragraphs} paragraf; {dropped} baris dibuang",
        "en": "body: {paragraphs} paragraph(s); {dropped} line(s) dropped",
    },
    "ingest.progress": {"id": "Mengolah artikel", "en": "Ingesting articles"},
    "ingest.empty": {"id": "berkasnya kosong", "en": "the file is empty"},
    "ingest.unreadable": {"id": "berkas tidak bisa dibaca: {reason}", "en": "cannot read the file: {reason}"},
    "ingest.utf16": {
        "id": "teksnya UTF-16, bukan UTF-8: simpan sebagai UTF-8",
        "en": "the text is UTF-16, not UTF-8: save it as UTF-8",
    },
    "ingest.binary": {
        "id": "ini berkas biner, bukan teks: tempel teks artikelnya ke berkas .txt",
        "en": "this is a binary file, not text: paste the article's text into a .txt file",
    },
    "ingest.not_utf8": {
        "id": "baris {line}: teksnya bukan UTF-8 (byte 0x{byte}): simpan sebagai UTF-8",
        "en": "line {line}: the text is not UTF-8 (byte 0x{byte}): save it as UTF-8",
    },
    "ingest.html": {
        "id": "ini kode HTML halaman web: salin teks artikelnya saja",
        "en": "this is a web page's HTML source: copy the article's text instead",
    },
    "ingest.no_body": {
        "id": "teks artikel tidak ditemukan (hanya judul atau perabot halaman)",
        "en": "no article text found (only a headline or page furniture)",
    },
    "ingest.no_date": {
        "id": "date: {reason}; tambahkan tanggal ke teks (misalnya 'Senin (19/8/2024)')",
        "en": "date: {reason}; add the date to the text (e.g. 'Senin (19/8/2024)')",
    },
    "ingest.no_field": {
        "id": "{field}: {reason}; tulis artikel ini dengan tangan (./dev new) atau tambahkan "
        "kata-kata yang kurang ke teks",
        "en": "{field}: {reason}; write this article by hand (./dev new) or add the missing "
        "words to the text",
    },
    "ingest.invalid": {
        "id": "draf tidak akan valid: {problems}",
        "en": "the draft would not be valid: {problems}",
    },
    "ingest.exists": {"id": "{target} sudah ada: tidak ditimpa", "en": "{target} exists: not overwritten"},
    "ingest.dup_url": {
        "id": "sudah diarsipkan: {path} memiliki source_url yang sama {url}",
        "en": "already archived: {path} has the same source_url {url}",
    },
    "ingest.dup_text": {
        "id": "sudah diarsipkan: teks {path} hampir sama ({similarity} mirip)",
        "en": "already archived: {path} has nearly the same text ({similarity} alike)",
    },
    # ingest: what each field was read from, and why it needs review
    "note.headline": {"id": "judul dari teksnya", "en": "the headline"},
    "note.election_named": {"id": "{name} (disebut dalam teks)", "en": "{name} (named in the text)"},
    "note.election_year": {"id": "{name} (tahun tanggalnya)", "en": "{name} (the year of the date)"},
    "note.election_other": {
        "id": "{name} disebut, tetapi bertanggal tahun {year}",
        "en": "{name} named, but dated {year}",
    },
    "note.election_nearest": {
        "id": "{name}: tidak ada pemilihan pada {year}, yang terdekat",
        "en": "{name}: no election in {year}, the nearest",
    },
    "review.no_headline": {
        "id": "teksnya tanpa judul: tulis judulnya (judul kerja sudah diisi)",
        "en": "the text has no headline: write one (a working title is set)",
    },
    "review.with_official": {"id": "mengikuti pejabatnya", "en": "goes with the official"},
    "review.with_region": {"id": "mengikuti daerahnya", "en": "goes with the region"},
    "review.no_official": {
        "id": "tidak ada orang yang diperkenalkan dengan jabatannya (Bupati, Wali Kota, Sekda...)",
        "en": "nobody introduced by a role (Bupati, Wali Kota, Sekda...)",
    },
    "review.no_source": {
        "id": "tidak ada nama media di dateline, alamat, atau kredit",
        "en": "no outlet in the dateline, address or credits",
    },
    "review.tags": {
        "id": "disarankan dari kata kunci: pertahankan yang cocok",
        "en": "suggested from keywords: keep the ones that fit",
    },
    "review.not_found": {"id": "tidak ditemukan", "en": "not found"},
    "date.none": {"id": "tidak ada tanggal", "en": "no date found"},
    "date.no_weekday": {
        "id": "; ditulis tanpa nama hari, periksa bahwa itu hari pernyataannya",
        "en": "; written without a weekday, check it is the day of the statement",
    },
    "date.not_calendar": {"id": "{written} bukan tanggal yang ada", "en": "{written} is not a calendar date"},
    "date.weekday": {
        "id": "{written}: {date} jatuh pada hari {actual}, bukan {named}",
        "en": "{written}: {date} is a {actual}, not a {named}",
    },
    "date.fits": {"id": " ({weekday} pada {year})", "en": " ({weekday} in {year})"},
    "date.no_year": {
        "id": "{written} tanpa tahun, dan teksnya tidak menyebut tahun",
        "en": "{written} has no year and the text names none",
    },
    "date.not_day_of": {"id": "{written} bukan tanggal pada tahun {year}", "en": "{written} is not a day of {year}"},
    "date.year_unchecked": {
        "id": "{written}: tahun {year} diambil dari teks, tanpa nama hari untuk memeriksanya",
        "en": "{written}: year {year} taken from the text, no weekday to check it",
    },
    "date.year_from_text": {"id": "{written}: tahun {year} dari teks", "en": "{written}: year {year} from the text"},
    "date.publication_line": {"id": "baris terbit {line}", "en": "the publication line {line}"},
    "date.statement_day": {
        "id": "{written}, hari pernyataannya ({published})",
        "en": "{written}, the statement's day ({published})",
    },
    "date.publication_conflict": {
        "id": "{published}, tetapi teks menyebut pernyataannya pada {written} ({date}): periksa hari "
        "yang diberitakan",
        "en": "{published}, but the text dates the statement {written} ({date}): check which day "
        "the article is about",
    },
    "official.also": {"id": "; juga disebut: {others}", "en": "; also introduced: {others}"},
    "official.never_quoted": {
        "id": "; tidak pernah dikutip dengan namanya: periksa siapa yang membuat pernyataan",
        "en": "; never quoted by name: check who made the statement",
    },
    "official.split": {
        "id": "; orang lain dikutip hampir sama sering: periksa siapa yang membuat pernyataan",
        "en": "; another person is quoted about as often: check who made the statement",
    },
    "region.role": {"id": "jabatan pejabatnya ({role})", "en": "the official's role ({role})"},
    "region.dateline": {"id": "dateline {place}", "en": "the dateline {place}"},
    "region.text": {"id": "disebut dalam teks", "en": "named in the text"},
    "region.after_role": {"id": "disebut sesudah jabatan dalam teks", "en": "named after a role in the text"},
    "region.none": {
        "id": "tidak ada kabupaten/kota atau provinsi dalam teks",
        "en": "no kabupaten/kota or province found in the text",
    },
    "region.weak": {"id": "; bukti lemah atau terbagi", "en": "; weak or split evidence"},
    "region.also": {"id": ", juga: {alts}", "en": ", also: {alts}"},
    "source.dateline": {"id": "dateline", "en": "the dateline"},
    "source.credits": {"id": "kredit di akhir teks", "en": "the credits"},
    "source.known": {"id": "dateline, media yang dikenal", "en": "the dateline, a known outlet"},
    "source.dateline_credits": {"id": "dateline dan kredit", "en": "the dateline and the credits"},
    "source.domain": {"id": "domain alamatnya {domain}", "en": "the address's domain {domain}"},
    "source.domain_agrees": {"id": "sesuai domain alamatnya {domain}", "en": "and the address's domain {domain}"},
    "source.also": {"id": "; teksnya menyebut {name}", "en": "; the text names {name}"},
    "source.domain_unknown": {
        "id": "domain alamatnya {domain}, media yang tidak ada dalam daftar{also}: tulis nama media "
        "seperti media itu menulisnya",
        "en": "the address's domain {domain}, an outlet in no list{also}: write the outlet's name "
        "as it writes it",
    },
    "source.unlisted": {
        "id": "kata-kata dateline {written}, media yang tidak ada dalam daftar: periksa nama dan "
        "ejaannya",
        "en": "the dateline's words {written}, an outlet in no list: check the outlet's name and "
        "spelling",
    },
    # new
    "new.written": {
        "id": "Ditulis {path}: periksa, lalu commit (lihat CONTRIBUTING.md)",
        "en": "Wrote {path}: check it, then commit it (see CONTRIBUTING.md)",
    },
    "new.not_written": {
        "id": "new: tidak ditulis: perbaiki nilai di atas lalu jalankan lagi",
        "en": "new: not written: correct the values above and run again",
    },
    "new.missing": {
        "id": "new: nilai belum diberikan (tidak ada terminal untuk menanyakannya): berikan {flags}",
        "en": "new: missing values (no terminal to ask them at): give {flags}",
    },
    "new.choices": {"id": "Pilihan: {choices}", "en": "Choices: {choices}"},
    "new.optional": {"id": "(boleh kosong)", "en": "(optional)"},
    "new.body_prompt": {
        "id": "Teks artikel: tempel teksnya, lalu satu baris berisi '.' saja.",
        "en": "Article text: paste it, then a line with only '.'.",
    },
    "new.stopped": {"id": "new: berhenti: {reason}", "en": "new: stopped: {reason}"},
    "new.input_ended": {
        "id": "masukan berakhir sebelum semua nilai diberikan",
        "en": "input ended before every value was given",
    },
    # serve
    "serve.port_busy": {
        "id": "Port {port} di 127.0.0.1 sedang dipakai program lain: coba ./dev serve --port {suggest}",
        "en": "Port {port} on 127.0.0.1 is in use by another program: try ./dev serve --port {suggest}",
    },
    "serve.building": {"id": "Membangun situs ...", "en": "Building the site ..."},
    "serve.ready": {
        "id": "Situs tersedia di {url} (pencarian siap). Ctrl+C untuk berhenti.",
        "en": "The site is at {url} (search is ready). Ctrl+C stops.",
    },
    "serve.no_search": {
        "id": "Situs tersedia di {url}, tetapi indeks pencarian belum ada (jalankan ./dev build). "
        "Ctrl+C untuk berhenti.",
        "en": "The site is at {url}, but it has no search index (run ./dev build). Ctrl+C stops.",
    },
    # publish: the built site against the host's limits (tools/publish.py)
    "publish.size": {
        "id": "Ukuran situs: {size} dalam {files} berkas ({bytes_pct}% dari batas ukuran dan {files_pct}% dari batas jumlah berkas GitHub Pages)",
        "en": "Site size: {size} in {files} files ({bytes_pct}% of GitHub Pages' size limit and {files_pct}% of its file limit)",
    },
    "publish.what_bytes": {"id": "ukuran", "en": "size"},
    "publish.what_files": {"id": "jumlah berkas", "en": "file count"},
    "publish.near": {
        "id": "PERINGATAN: {what} situs sudah {pct}% dari batas GitHub Pages ({value} dari {limit}); situs tetap diterbitkan kali ini",
        "en": "WARNING: the site's {what} is at {pct}% of GitHub Pages' limit ({value} of {limit}); the site is still published this time",
    },
    "publish.over": {
        "id": "BERHENTI: {what} situs melebihi batas GitHub Pages ({value}, batasnya {limit}): situs TIDAK diunggah",
        "en": "STOPPED: the site's {what} is over GitHub Pages' limit ({value}, the limit is {limit}): the site is NOT uploaded",
    },
    "publish.what_to_do": {
        "id": "Apa yang harus dilakukan: docs/publishing.md (bagian \"Batas GitHub Pages\")",
        "en": "What to do: docs/publishing.md (section \"GitHub Pages' limits\")",
    },
}  # fmt: skip


#: Field hints in Indonesian (the /admin/ form, ``./dev new``, CONTRIBUTING's field table); the
#: English hint is the schema's own ``help`` (arsip/schema.py), passed to :func:`field_hint`.
FIELD_HINTS: dict[str, str] = {
    "title": "judul seperti dimuat media, teks biasa",
    "title_editorial": "true bila teksnya tanpa judul dan redaksi yang menulis judulnya",
    "date": "tanggal pernyataan/artikel, TTTT-BB-HH",
    "region": "nama kabupaten/kota menurut Kemendagri",
    "province": "provinsi daerah itu",
    "official": "yang membuat pernyataan, tanpa gelar",
    "role": "jabatan ditulis lengkap: Pjs Wali Kota, Sekretaris Daerah, ...",
    "source": "nama media, atau 'Tidak diketahui'",
    "source_url": "alamat http(s) artikel aslinya",
    "archived": "tanggal arsip ini menyimpan teksnya, TTTT-BB-HH (diisi oleh ingest)",
    "election": "Pilkada 2020, Pilkada 2024, ...",
    "tags": "daftar tag dari data/tags.yml",
    "summary": "ringkasan satu kalimat, boleh kosong",
    "review": "kolom yang belum pasti menurut ingest",
}


def language() -> str:
    """ "en" when the editor asked for English (ARSIP_LANG, else their locale), else "id".

    ``./dev`` sets LANG=C.UTF-8 for the tools and passes the editor's own locale on as
    ARSIP_USER_LANG, which is read before LANG.
    """
    explicit = os.environ.get("ARSIP_LANG", "")
    if explicit:
        return "en" if explicit.lower().startswith("en") else "id"
    for name in ("ARSIP_USER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "id"
    return "id"


def field_hint(name: str, english: str, lang: str | None = None) -> str:
    """The hint for field ``name``: Indonesian from :data:`FIELD_HINTS`, or ``english`` (the
    schema's help) for English readers and fields the table does not have yet."""
    if (lang or language()) == "id" and name in FIELD_HINTS:
        return FIELD_HINTS[name]
    return english


def t(key: str, **params: object) -> str:
    """The message ``key`` in the editor's language, with its parameters filled in."""
    try:
        entry = MESSAGES[key]
    except KeyError:
        raise KeyError(f"no message {key!r} in arsip/messages.py") from None
    return entry[language()].format(**params)
