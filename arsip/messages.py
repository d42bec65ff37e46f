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
    "ingest.dest_error": {"id": "galat: {problem}", "en": "error: {problem}"},
    "ingest.dest_file": {
        "id": "--dest {dest} adalah berkas, bukan folder: berikan folder artikel, misalnya "
        "content/articles",
        "en": "--dest {dest} is a file, not a folder: give the articles folder, e.g. "
        "content/articles",
    },
    "ingest.dest_dangling": {
        "id": "--dest {dest} adalah tautan simbolik yang tidak mengarah ke mana pun: berikan "
        "sebuah folder",
        "en": "--dest {dest} is a symbolic link that leads nowhere: give a folder",
    },
    "ingest.year_link": {
        "id": "{folder} adalah tautan simbolik: draf hanya ditulis di dalam {dest}; ganti "
        "tautan itu dengan folder",
        "en": "{folder} is a symbolic link: drafts are written only inside {dest}; replace the "
        "link with a folder",
    },
    "ingest.year_outside": {
        "id": "{folder} tidak berada di dalam {dest}: draf hanya ditulis di sana",
        "en": "{folder} is not inside {dest}: drafts are written only there",
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
        "id": "{published}; teksnya menyebut hari pernyataannya {written} ({date}), sebelum "
        "terbit: tanggal artikel adalah tanggal terbitnya",
        "en": "{published}; the text names the statement's day {written} ({date}), before "
        "publication: an article's date is its publication date",
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
    # schema: how a contributor's value is quoted, and what is wrong with its characters
    "schema.a_type": {"id": "sebuah {type}", "en": "a {type}"},
    "schema.char_control": {"id": "karakter kontrol", "en": "a control character"},
    "schema.char_bidi": {"id": "kendali arah teks (bidi)", "en": "a bidirectional-text control"},
    "schema.char_zero_width": {
        "id": "karakter tak terlihat (lebar nol)",
        "en": "an invisible (zero-width) character",
    },
    "schema.one_line": {"id": "harus satu baris", "en": "must be on one line"},
    "schema.column": {"id": "kolom {n}", "en": "column {n}"},
    "schema.position": {"id": "posisi {n}", "en": "position {n}"},
    "schema.characters": {
        "id": "berisi {kind}, {code} di {place} (sering tertempel dari PDF, terminal atau halaman "
        "web): hapus, misalnya dengan mengetik ulang kata-kata di sekitarnya",
        "en": "contains {kind}, {code} at {place} (often pasted from a PDF, a terminal or a web "
        "page): delete it, e.g. retype the words around it",
    },
    # schema: the front-matter as a whole
    "schema.fm_missing": {
        "id": "tidak ada: berkas harus diawali baris '---', lalu kolom-kolomnya (title, date, "
        "region, ...), lalu satu baris '---' lagi",
        "en": "missing: the file must start with a line '---', then the fields (title, date, "
        "region, ...), then another '---' line",
    },
    "schema.fm_not_closed": {
        "id": "tidak ditutup: tambahkan baris '---' sesudah kolom terakhir",
        "en": "not closed: add a line '---' after the last field",
    },
    "schema.fm_too_long": {
        "id": "panjangnya {size} karakter, paling banyak {limit}: kolom-kolomnya hanya selusin "
        "baris pendek; teks artikel ditulis di bawah '---' kedua",
        "en": "is {size} characters long, at most {limit}: the fields are a dozen short lines; "
        "the text goes below the second '---'",
    },
    "schema.fm_twice": {
        "id": "muncul dua kali (juga di baris {line}): pertahankan salah satunya",
        "en": "appears twice (also on line {line}): keep one of them",
    },
    "schema.fm_anchor": {
        "id": "memakai anchor YAML (&nama), alias (*nama) atau merge key (<<), yang tidak pernah "
        "diperlukan artikel: tulis setiap nilai selengkapnya (beri tanda kutip pada nilai yang "
        "diawali &, * atau <<)",
        "en": "uses a YAML anchor (&name), alias (*name) or merge key (<<), which articles never "
        "need: write each value out in full (quote a value that starts with &, * or <<)",
    },
    "schema.fm_tag": {
        "id": "memakai tag YAML (seperti !!python/...), yang tidak pernah diperlukan artikel: "
        "hapus tag itu dan tulis nilainya sebagai teks",
        "en": "uses a YAML tag (such as !!python/...), which articles never need: remove it and "
        "write the value as text",
    },
    "schema.fm_malformed": {
        "id": "YAML tidak valid ({detail}); beri tanda kutip pada nilai yang berisi ':' atau "
        'diawali karakter khusus, misalnya title: "Jelang Pilkada: ..."',
        "en": "malformed YAML ({detail}); quote values that contain ':' or start with a special "
        'character, e.g. title: "Jelang Pilkada: ..."',
    },
    "schema.fm_not_mapping": {
        "id": "harus berupa daftar baris 'kolom: nilai'",
        "en": "must be a list of 'field: value' lines",
    },
    # schema: what a text field holds (the {what} of the messages below)
    "what.title": {"id": "judul artikel", "en": "the article's headline"},
    "what.summary": {"id": "ringkasan satu kalimat", "en": "a one-sentence summary"},
    "what.region": {
        "id": "nama kabupaten/kota seperti 'Kota Bukittinggi'",
        "en": "a kabupaten/kota name such as 'Kota Bukittinggi'",
    },
    "what.province": {
        "id": "nama provinsi seperti 'Sumatera Barat'",
        "en": "a province name such as 'Sumatera Barat'",
    },
    "what.official": {
        "id": "nama orang yang membuat pernyataan",
        "en": "the name of the person who made the statement",
    },
    "what.role": {
        "id": "jabatan pejabatnya seperti 'Pjs Wali Kota'",
        "en": "the official's role such as 'Pjs Wali Kota'",
    },
    "what.source": {
        "id": "nama media seperti media itu menyebut dirinya, atau '{unknown}' bila teksnya tidak "
        "menyebut media",
        "en": "the outlet's name as it names itself, or '{unknown}' when the text names none",
    },
    "what.page_title": {"id": "judul halaman", "en": "the page's title"},
    # schema: text fields
    "schema.number": {
        "id": "berupa angka ({value}), bukan teks: tulis {what}, atau beri tanda kutip ganda "
        '("...") bila nilainya memang itu',
        "en": "is a number ({value}), not text: write {what}, or put the value in double quotes "
        '("...") if it really is that',
    },
    "schema.not_text": {
        "id": "harus berupa teks ({what}), bukan {value}",
        "en": "must be text ({what}), got {value}",
    },
    "schema.invisible": {
        "id": "kosong atau tidak menampilkan apa pun (hanya karakter tak terlihat): tulis {what}",
        "en": "is empty or shows nothing (only invisible characters): write {what}",
    },
    "schema.too_short": {"id": "terlalu pendek: tulis {what}", "en": "is too short: write {what}"},
    "schema.too_long": {
        "id": "terlalu panjang ({length} karakter, paling banyak {limit})",
        "en": "is too long ({length} characters, at most {limit})",
    },
    "schema.html_field": {
        "id": "berisi markup HTML, yang tidak diizinkan: tulis teks biasa",
        "en": "contains HTML markup, which is not allowed: write plain text",
    },
    # schema: each field
    "schema.title_editorial": {
        "id": "harus true (judulnya ditulis redaksi) atau false",
        "en": "must be true (the title was written by an editor) or false",
    },
    "schema.date_form": {
        "id": "{value} bukan tanggal berbentuk TTTT-BB-HH, misalnya 2024-08-19",
        "en": "{value} is not a date in the form YYYY-MM-DD, e.g. 2024-08-19",
    },
    "schema.date_month": {
        "id": "{value} tidak punya bulan {month}: tulis TTTT-BB-HH dengan bulan 01 sampai 12",
        "en": "{value} has no month {month}: write YYYY-MM-DD with a month from 01 to 12",
    },
    "schema.date_day": {
        "id": "{value} bukan tanggal yang ada (bulan {month} tahun {year} tidak punya tanggal {day})",
        "en": "{value} is not a day of the calendar (month {month} of {year} has no day {day})",
    },
    "schema.date_range": {
        "id": "{value} di luar rentang arsip (1998 dan sesudahnya)",
        "en": "{value} is outside the archive's range (1998 onwards)",
    },
    "schema.did_you_mean": {"id": "; maksud Anda {hints}?", "en": "; did you mean {hints}?"},
    "schema.or": {"id": " atau ", "en": " or "},
    "schema.unknown_region": {
        "id": "daerah {value} tidak dikenal: pakai nama Kemendagri sebuah kabupaten, kota atau "
        "provinsi, misalnya 'Kota Bukittinggi', 'Kabupaten Bengkulu Selatan'{did_you_mean}",
        "en": "unknown region {value}: use the Kemendagri name of a kabupaten, kota or province, "
        "e.g. 'Kota Bukittinggi', 'Kabupaten Bengkulu Selatan'{did_you_mean}",
    },
    "schema.unknown_province": {
        "id": "provinsi {value} tidak dikenal{did_you_mean}",
        "en": "unknown province {value}{did_you_mean}",
    },
    "schema.honorifics": {
        "id": "tulis nama tanpa gelar ({found}): misalnya 'Hani Syopiar Rustam', bukan "
        "'H. Hani Syopiar Rustam, S.H.'",
        "en": "write the name without honorifics or degrees ({found}): e.g. 'Hani Syopiar "
        "Rustam', not 'H. Hani Syopiar Rustam, S.H.'",
    },
    "schema.role_in_full": {
        "id": "tulis jabatan selengkapnya: {fixed} alih-alih {value}",
        "en": "write the role in full: {fixed} instead of {value}",
    },
    "schema.unknown_role": {
        "id": "jabatan {value} tidak dikenal: pakai salah satu dari {roles}, boleh diawali "
        "{prefixes} (misalnya 'Pjs Bupati'); jabatan baru ditambahkan ke data/roles.yml",
        "en": "unknown role {value}: use one of {roles}, optionally after {prefixes} (e.g. 'Pjs "
        "Bupati'); add new roles to data/roles.yml",
    },
    "schema.url_missing": {
        "id": "harus alamat web artikelnya, diawali https:// atau http://",
        "en": "must be the article's web address, starting with https:// or http://",
    },
    "schema.url_too_long": {
        "id": "terlalu panjang ({length} karakter, paling banyak 2000): salin lagi alamatnya",
        "en": "is too long ({length} characters, at most 2000): copy the address again",
    },
    "schema.url_chars": {
        "id": "harus satu alamat web tanpa spasi, tanda kutip, garis miring terbalik atau kurung "
        "sudut",
        "en": "must be a single web address without spaces, quotes, backslashes or angle "
        "brackets",
    },
    "schema.url_scheme": {
        "id": "{value} bukan alamat http(s): harus diawali https:// atau http://",
        "en": "{value} is not an http(s) address: it must start with https:// or http://",
    },
    "schema.unknown_election": {
        "id": "{value} bukan pemilihan yang dikenal: pakai salah satu dari {elections} "
        "(pemilihan baru ditambahkan ke data/elections.yml)",
        "en": "{value} is not a known election: use one of {elections} (add new ones to "
        "data/elections.yml)",
    },
    "schema.tags_not_list": {
        "id": "harus berupa daftar, misalnya tags: [netralitas ASN, apel]",
        "en": "must be a list, e.g. tags: [netralitas ASN, apel]",
    },
    "schema.tags_empty": {
        "id": "perlu paling sedikit satu tag dari data/tags.yml, misalnya tags: [netralitas ASN]",
        "en": "needs at least one tag from data/tags.yml, e.g. tags: [netralitas ASN]",
    },
    "schema.tag_not_text": {"id": "tag {value} harus berupa teks", "en": "tag {value} must be text"},
    "schema.tag_twice": {"id": "tag {value} tercantum dua kali", "en": "tag {value} is listed twice"},
    "schema.tag_did_you_mean": {"id": " (maksud Anda {hint}?)", "en": " (did you mean {hint}?)"},
    "schema.unknown_tag": {
        "id": "{value} tidak ada dalam kosakata tag{did_you_mean}: pakai tag yang tercantum di "
        "data/tags.yml, atau tambahkan ke sana dengan deskripsinya",
        "en": "{value} is not in the tag vocabulary{did_you_mean}: use the tags listed in "
        "data/tags.yml, or add it there with a description",
    },
    "schema.review": {
        "id": "draf ini masih perlu diperiksa ({fields}): cocokkan kolom-kolom itu dengan "
        "sumbernya, perbaiki, lalu hapus baris 'review'",
        "en": "the draft still needs review ({fields}): check those fields against the source, "
        "correct them, then delete the 'review' line",
    },
    # schema: the article as a whole
    "schema.field_did_you_mean": {"id": "maksud Anda {hint}? ", "en": "did you mean {hint}? "},
    "schema.unknown_field": {
        "id": "kolom tidak dikenal: {did_you_mean}kolom yang diizinkan: {fields}",
        "en": "unknown field: {did_you_mean}allowed fields are {fields}",
    },
    "schema.empty": {"id": "kosong: {hint}", "en": "is empty: {hint}"},
    "schema.missing": {
        "id": "tidak ada: tambahkan baris '{name}: ...' ({hint})",
        "en": "missing: add a line '{name}: ...' ({hint})",
    },
    "schema.wrong_province": {
        "id": "{region} terletak di {actual}, bukan {province}",
        "en": "{region} lies in {actual}, not {province}",
    },
    "schema.page_unknown_field": {
        "id": "kolom tidak dikenal: halaman hanya punya {fields}; hapus baris ini",
        "en": "unknown field: a page has only {fields}; remove this line",
    },
    "schema.page_template": {
        "id": "{value} bukan templat halaman: pakai salah satu dari {templates}, atau hapus "
        "baris ini",
        "en": "{value} is not a page template: use one of {templates}, or remove this line",
    },
    "schema.page_title_missing": {
        "id": "tidak ada: tambahkan baris 'title: ...'",
        "en": "missing: add a line 'title: ...'",
    },
    "schema.body_empty": {"id": "kosong: tempel teksnya", "en": "is empty: paste the text"},
    "schema.body_html": {
        "id": "berisi markup HTML, yang tidak diizinkan: hapus tag itu atau tulis teksnya dalam "
        "Markdown",
        "en": "contains HTML markup, which is not allowed: remove the tag or write the text in "
        "Markdown",
    },
    "schema.body_image": {
        "id": "berisi gambar: gambar tidak diarsipkan; hapus gambarnya",
        "en": "contains an image: images are not archived; remove it",
    },
    "schema.link_offsite": {
        "id": "tujuan tautan {target} mengarah ke situs lain tanpa menyatakannya: tulis alamat "
        "lengkapnya, diawali https://",
        "en": "link target {target} leads to another site without saying so: write the full "
        "address, starting with https://",
    },
    "schema.link_not_allowed": {
        "id": "tujuan tautan {target} tidak diizinkan: pakai alamat http(s)",
        "en": "link target {target} is not allowed: use an http(s) address",
    },
    "schema.link_script": {
        "id": "tautan javascript: dan data: ditolak",
        "en": "javascript: and data: links are refused",
    },
    "schema.file_name": {
        "id": "{value} harus berupa kata-kata huruf kecil yang disambung tanda hubung (slug "
        "judulnya), misalnya sekda-ingatkan-asn-jaga-netralitas.md",
        "en": "{value} must be lower-case words joined by hyphens (a slug of the title), e.g. "
        "sekda-ingatkan-asn-jaga-netralitas.md",
    },
    "schema.year_folder": {
        "id": "berkasnya ada di folder {folder}/ tetapi bertanggal {date}: pindahkan ke "
        "articles/{year}/ atau perbaiki tanggalnya",
        "en": "the file is in folder {folder}/ but dated {date}: move it to articles/{year}/ or "
        "correct the date",
    },
    "schema.same_slug": {
        "id": "nama berkas yang sama (jadi alamat yang sama)",
        "en": "the same file name (and so the same URL)",
    },
    "schema.same_text": {"id": "teks yang sama", "en": "the same text"},
    "schema.same_url": {"id": "source_url yang sama", "en": "the same source_url"},
    "schema.duplicate": {
        "id": "artikel ganda: {first} punya {what}; hapus salah satunya atau perbaiki yang ini",
        "en": "duplicate article: {first} has {what}; remove one of them or correct this one",
    },
    "schema.unreadable": {"id": "tidak bisa dibaca: {reason}", "en": "unreadable: {reason}"},
    "schema.too_large": {
        "id": "lebih besar dari {mb} MB: artikel hanya beberapa halaman teks; simpan teks "
        "artikelnya saja",
        "en": "is larger than {mb} MB: an article is a few pages of text; keep only the "
        "article's own text",
    },
    "schema.not_utf8": {
        "id": "bukan teks UTF-8: simpan sebagai UTF-8",
        "en": "is not UTF-8 text: save it as UTF-8",
    },
    # sources: files of content/ the build does not read
    "sources.not_plain_folder": {
        "id": "harus folder biasa (bukan tautan atau berkas)",
        "en": "must be a plain folder (not a link or a file)",
    },
    "sources.loop": {
        "id": "adalah tautan ke salah satu folder induknya sendiri (berputar): hapus tautannya",
        "en": "is a link to one of its own parent folders (a loop): remove the link",
    },
    "sources.control_name": {
        "id": "nama berkasnya berisi karakter kontrol (seperti ganti baris): ganti namanya "
        "dengan kata-kata huruf kecil yang disambung tanda hubung",
        "en": "the file name contains a control character (such as a line break): rename it "
        "with lower-case words joined by hyphens",
    },
    "sources.dangling": {
        "id": "adalah tautan simbolik yang tidak mengarah ke mana pun atau ke dirinya sendiri: "
        "hapus tautannya",
        "en": "is a symbolic link that leads nowhere or to itself: remove the link",
    },
    "sources.outside": {
        "id": "adalah tautan simbolik ke berkas di luar repositori: salin artikelnya ke dalam "
        "repositori alih-alih menautkannya",
        "en": "is a symbolic link to a file outside the repository: copy the article into the "
        "repository instead of linking to it",
    },
    "sources.special": {
        "id": "bukan berkas biasa (perangkat, pipa atau soket): hapus",
        "en": "is not a regular file (a device, a pipe or a socket): remove it",
    },
    "sources.rename": {"id": "ganti namanya menjadi {name}", "en": "rename it to {name}"},
    "sources.remove": {"id": "hapus", "en": "remove it"},
    "sources.no_extension": {"id": "tanpa ekstensi", "en": "no extension"},
    "sources.extension": {
        "id": "hanya berkas {extension} yang dibaca di sini ({ext} tidak): {fix}",
        "en": "only {extension} files are read here ({ext} is not): {fix}",
    },
    "sources.year_folder": {
        "id": "artikel harus ada di folder tahunnya, content/articles/<tahun>/<nama berkas>.md "
        "(tahun tanggalnya): pindahkan ke sana",
        "en": "an article must be in its year's folder, content/articles/<year>/<file name>.md "
        "(the year of its date): move it there",
    },
    "sources.page_folder": {
        "id": "halaman harus langsung di content/pages/ (content/pages/{name}): pindahkan ke sana",
        "en": "a page must be directly in content/pages/ (content/pages/{name}): move it there",
    },
    "sources.page_name": {
        "id": "nama berkas halaman harus kata-kata huruf kecil yang disambung tanda hubung, "
        "misalnya tentang.md",
        "en": "a page's file name must be lower-case words joined by hyphens, e.g. tentang.md",
    },
    "sources.reserved": {
        "id": "alamat /{stem}/ milik bagian lain situs ({reserved} sudah dipakai): beri halaman "
        "ini nama berkas lain",
        "en": "the address /{stem}/ belongs to a part of the site ({reserved} are taken): give "
        "the page another file name",
    },
    # check: the archive as a whole
    "check.no_such_file": {"id": "tidak ada berkas artikel ini", "en": "no such article file"},
    "check.link_missing_file": {
        "id": "tautan {target} menunjuk ke {rel}, yang tidak ada",
        "en": "link {target} points to {rel}, which does not exist",
    },
    "check.link_not_article": {
        "id": "tautan {target} bukan alamat artikel: tulis ../../<tahun>/<nama berkas>/",
        "en": "link {target} is not an article address: write ../../<year>/<file name>/",
    },
    "check.link_no_article": {
        "id": "tautan {target} menunjuk ke artikel yang tidak ada (tidak ada berkas "
        "articles/{year}/{slug}.md)",
        "en": "link {target} points to an article that does not exist (no file "
        "articles/{year}/{slug}.md)",
    },
    "check.link_root": {
        "id": "tautan {target} diawali '/', yang mengarah ke luar situs bila situs diterbitkan "
        "di bawah sub-path: tulis relatif, misalnya ../../{year}/{slug}/",
        "en": "link {target} starts with '/', which leads outside the site when it is published "
        "under a sub-path: write it relative, e.g. ../../{year}/{slug}/",
    },
    "check.near_duplicate": {
        "id": "teksnya hampir sama dengan {other} ({similarity} mirip): artikel yang sama "
        "diarsipkan dua kali? hapus salah satunya",
        "en": "nearly the same text as {other} ({similarity} alike): the same article archived "
        "twice? remove one of them",
    },
    "check.note": {"id": "catatan", "en": "note"},
    "check.candidate": {
        "id": "{regulation} (dikutip sebagai {cited_as}) tidak ada di data/regulations.yml: calon "
        "untuk ditambahkan",
        "en": "{regulation} (cited as {cited_as}) is not in data/regulations.yml: a candidate "
        "for it",
    },
    "check.problems": {
        "id": "{problems} masalah pada {articles} artikel",
        "en": "{problems} problem(s) in {articles} article(s)",
    },
    "check.ok": {
        "id": "{articles} artikel diperiksa, tidak ada masalah",
        "en": "{articles} article(s) checked, no problems",
    },
    # the build's validation
    "build.stopped": {
        "id": "{count} masalah pada artikel (tercantum di atas sebagai jalur:baris: kolom: "
        "pesan); perbaiki lalu bangun lagi",
        "en": "{count} problem(s) in the articles (listed above as path:line: field: message); "
        "fix them and build again",
    },
    "build.built": {"id": "Situs dibangun di {out}", "en": "Built {out}"},
    "build.built_for": {
        "id": "Situs dibangun di {out} untuk {siteurl}",
        "en": "Built {out} for {siteurl}",
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
    "new.registry_review": {
        "id": "ditambahkan oleh ./dev new untuk {path}: periksa nama, jabatan, daerah dan tanggal "
        "mulai (tanggal artikelnya), lalu hapus baris ini",
        "en": "added by ./dev new for {path}: check the name, role, region and start date (the "
        "article's date), then delete this line",
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
    # registries of people and outlets (data/people.yml, data/outlets.yml) and the article
    # fields that name them (official, source, people, quotes)
    "registry.spelling": {
        "id": "{ref} adalah variasi ejaan dari {name}: maksud Anda {fix}?",
        "en": "{ref} is a spelling variant of {name}: did you mean {fix}?",
    },
    "registry.near_person": {
        "id": "{ref} tidak ada di {file}: maksud Anda {choices}? Bila memang orang lain, "
        "tambahkan entrinya ke {file} (dengan distinct_from)",
        "en": "{ref} is not in {file}: did you mean {choices}? If it is another person, add "
        "an entry to {file} (with distinct_from)",
    },
    "registry.near_outlet": {
        "id": "{ref} tidak ada di {file}: maksud Anda {choices}?",
        "en": "{ref} is not in {file}: did you mean {choices}?",
    },
    "registry.id_for_name": {
        "id": "{ref} adalah id dari {name}: tulis namanya, {name} (id hanya dipakai untuk nama "
        "yang sama dari dua orang)",
        "en": "{ref} is the id of {name}: write the name, {name} (an id is for a name two people "
        "share)",
    },
    "registry.id_for_outlet": {
        "id": "{ref} adalah id dari {name}: tulis source: {name}",
        "en": "{ref} is the id of {name}: write source: {name}",
    },
    "registry.or": {"id": " atau ", "en": " or "},
    "registry.did_you_mean": {"id": "maksud Anda {choices}?", "en": "did you mean {choices}?"},
    "registry.ambiguous": {
        "id": "{ref} adalah nama {count} orang di {file}: tulis id orang yang dimaksud: {choices}",
        "en": "{ref} is the name of {count} people in {file}: write the id of the one meant: "
        "{choices}",
    },
    "registry.unknown_person": {
        "id": "{ref} tidak ada di {file}: periksa ejaannya, atau tambahkan orang itu (./dev new "
        "menulis entrinya untuk diperiksa; atau tulis '- id: ..., name: ..., roles: [{{role: "
        "..., region: ..., start: TTTT-BB-HH}}]' di {file})",
        "en": "{ref} is not in {file}: check the spelling, or add the person (./dev new writes "
        "the entry for review; or write '- id: ..., name: ..., roles: [{{role: ..., region: "
        "..., start: YYYY-MM-DD}}]' in {file})",
    },
    "registry.unknown_outlet": {
        "id": "{ref} tidak ada di {file}: periksa ejaannya, tambahkan media itu (./dev new menulis "
        "entrinya; atau tulis '- id: ..., name: ..., domains: [...]' di {file}), atau tulis "
        "'{unknown}'",
        "en": "{ref} is not in {file}: check the spelling, add the outlet (./dev new writes the "
        "entry; or write '- id: ..., name: ..., domains: [...]' in {file}), or write '{unknown}'",
    },
    "registry.url_outlet": {
        "id": "source_url berada di {domain}, situs {outlet}: tulis source: {outlet}",
        "en": "source_url is on {domain}, the site of {outlet}: write source: {outlet}",
    },
    "registry.yaml": {"id": "YAML rusak: {reason}", "en": "malformed YAML: {reason}"},
    "registry.not_list": {
        "id": "harus berupa daftar entri, masing-masing diawali '- id: ...'",
        "en": "must be a list of entries, each starting with '- id: ...'",
    },
    "registry.not_mapping": {
        "id": "entri harus berupa baris 'kolom: nilai' (id, name, ...)",
        "en": "an entry must be 'field: value' lines (id, name, ...)",
    },
    "registry.unknown_field": {
        "id": "kolom tidak dikenal: kolom yang diizinkan {allowed}",
        "en": "unknown field: the allowed fields are {allowed}",
    },
    "registry.bad_id": {
        "id": "{value} bukan id: tulis huruf kecil dan angka dipisah tanda hubung, misalnya "
        "adib-alfikri",
        "en": "{value} is not an id: write lower-case letters and digits joined by hyphens, "
        "e.g. adib-alfikri",
    },
    "registry.duplicate_id": {
        "id": "id {value} sudah dipakai di baris {line}: setiap entri punya id sendiri, dan id "
        "tidak pernah dipakai ulang",
        "en": "id {value} is already used on line {line}: every entry has its own id, never "
        "reused",
    },
    "registry.text_list": {
        "id": "harus berupa daftar teks, misalnya [Adib Al Fikri]",
        "en": "must be a list of texts, e.g. [Adib Al Fikri]",
    },
    "registry.honorifics": {
        "id": "tulis nama tanpa gelar dan sapaan ({found}); ejaan dengan gelar tidak perlu dicatat",
        "en": "write the name without honorifics or degrees ({found}); spellings with them need "
        "no entry",
    },
    "registry.roles_list": {
        "id": "harus berupa daftar {{role: ..., region: ..., start: TTTT-BB-HH, end: TTTT-BB-HH}}",
        "en": "must be a list of {{role: ..., region: ..., start: YYYY-MM-DD, end: YYYY-MM-DD}}",
    },
    "registry.item": {"id": "butir {number}", "en": "item {number}"},
    "registry.bad_region": {
        "id": "region {value} bukan nama kabupaten/kota atau provinsi Kemendagri",
        "en": "region {value} is not a Kemendagri kabupaten/kota or province name",
    },
    "registry.bad_date": {
        "id": "start ({start}) wajib dan end ({end}) boleh kosong; keduanya tanggal TTTT-BB-HH",
        "en": "start ({start}) is required and end ({end}) optional, both dates YYYY-MM-DD",
    },
    "registry.end_before_start": {
        "id": "end lebih awal daripada start",
        "en": "end is before start",
    },
    "registry.unknown_source_entry": {
        "id": "'Tidak diketahui' bukan media: hapus entri ini",
        "en": "'Tidak diketahui' is no outlet: remove this entry",
    },
    "registry.bad_domain": {
        "id": "{value} bukan nama domain (huruf kecil, tanpa https:// dan tanpa garis miring), "
        "misalnya antaranews.com",
        "en": "{value} is not a domain name (lower case, no https:// and no slash), e.g. "
        "antaranews.com",
    },
    "registry.spelling_is_name": {
        "id": "{value} adalah nama utamanya sendiri: hapus dari spellings",
        "en": "{value} is the entry's own name: remove it from spellings",
    },
    "registry.spelling_is_other_name": {
        "id": "{value} adalah nama entri {other} (baris {line}): ejaan tidak boleh menunjuk dua "
        "entri",
        "en": "{value} is the name of entry {other} (line {line}): a spelling may not point to "
        "two entries",
    },
    "registry.shared_spelling": {
        "id": "{value} juga dipakai entri {other} (baris {line}): satu ejaan hanya untuk satu "
        "entri",
        "en": "{value} is also used by entry {other} (line {line}): one spelling belongs to "
        "one entry",
    },
    "registry.shared_domain": {
        "id": "domain {value} juga milik entri {other} (baris {line})",
        "en": "domain {value} also belongs to entry {other} (line {line})",
    },
    "registry.bad_distinct": {
        "id": "{value} bukan id entri lain di berkas ini",
        "en": "{value} is not the id of another entry of this file",
    },
    "registry.near_names": {
        "id": "{name} ({id}) dan {other_name} ({other_id}, baris {line}) hampir sama: bila dua "
        "orang, tulis id yang satu di distinct_from yang lain; bila satu orang, gabungkan "
        "entrinya dan catat ejaan lainnya di spellings",
        "en": "{name} ({id}) and {other_name} ({other_id}, line {line}) are near-identical "
        "names: if they are two people, list one's id in the other's distinct_from; if one, "
        "merge the entries and keep the variant in spellings",
    },
    "people.not_list": {
        "id": "harus berupa daftar, setiap butir '- person: NAMA' dengan 'role: JABATAN'",
        "en": "must be a list, each item '- person: NAME' with 'role: ROLE'",
    },
    "people.item": {
        "id": "butir {number} harus berisi person dan role saja",
        "en": "item {number} must have person and role, and nothing else",
    },
    "people.field": {"id": "butir {number}, {field}: {message}", "en": "item {number}, {field}: {message}"},
    "people.is_official": {
        "id": "butir {number}: {ref} adalah pejabat utama (official): people hanya memuat orang lain",
        "en": "item {number}: {ref} is the official: people lists only the others",
    },
    "people.duplicate": {
        "id": "butir {number}: {ref} sudah ada di butir {first}: tulis setiap orang sekali",
        "en": "item {number}: {ref} is already item {first}: list each person once",
    },
    "quotes.not_list": {
        "id": "harus berupa daftar, setiap butir '- speaker: NAMA' dengan 'text: \"...\"'",
        "en": "must be a list, each item '- speaker: NAME' with 'text: \"...\"'",
    },
    "quotes.item": {
        "id": "butir {number} harus berisi speaker dan text saja",
        "en": "item {number} must have speaker and text, and nothing else",
    },
    "quotes.field": {"id": "butir {number}, {field}: {message}", "en": "item {number}, {field}: {message}"},
    "quotes.speaker": {
        "id": "butir {number}: pembicara {ref} bukan official dan tidak ada di people: tambahkan "
        "ke people (dengan jabatannya) atau perbaiki speaker",
        "en": "item {number}: speaker {ref} is neither the official nor in people: add them to "
        "people (with their role) or correct the speaker",
    },
    "list.empty": {"id": "kosong", "en": "is empty"},
    "quotes.text_type": {
        "id": "harus berupa teks (kata-kata yang dikutip), bukan {value}",
        "en": "must be text (the quoted words), got {value}",
    },
    "quotes.text_empty": {
        "id": "kosong: tulis kata-kata di antara tanda kutip",
        "en": "is empty: write the words between the quote marks",
    },
    "quotes.text_long": {
        "id": "terlalu panjang ({length} karakter, paling banyak {limit})",
        "en": "is too long ({length} characters, at most {limit})",
    },
    "quotes.text_html": {
        "id": "berisi markup HTML, yang tidak diizinkan: tulis teks biasa",
        "en": "contains HTML markup, which is not allowed: write plain text",
    },
    "quotes.not_in_body": {
        "id": "butir {number}: teks kutipan tidak ditemukan di teks artikel: salin kata-kata di "
        "antara tanda kutip persis seperti di teks",
        "en": "item {number}: the quote's text is not in the article's text: copy the words "
        "between the quote marks exactly as written",
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
    # people and quotes of an article (arsip/quotes.py, ingest)
    "ingest.registry_review": {
        "id": "ditambahkan oleh ingest untuk {path}: periksa nama, jabatan, daerah dan tanggal mulai "
        "(tanggal artikelnya), lalu hapus baris ini",
        "en": "added by ingest for {path}: check the name, role, region and start date (the "
        "article's date), then delete this line",
    },
    "ingest.registry_added": {
        "id": "orang baru ditulis ke data/people.yml untuk diperiksa: {name} ({role})",
        "en": "new person written to data/people.yml for review: {name} ({role})",
    },
    "ingest.registry_elsewhere": {
        "id": "orang baru tidak ditulis ke data/people.yml (draf di luar repositori ini): {name} ({role})",
        "en": "new person not written to data/people.yml (drafts outside this repository): {name} ({role})",
    },
    "note.quotes": {"id": "{count} kutipan langsung", "en": "{count} direct quote(s)"},
    "quotes.no_speaker": {
        "id": "teks tidak menyebut pembicaranya: tambahkan dengan pembicaranya bila diketahui",
        "en": "the text names no speaker: add it with its speaker if known",
    },
    "quotes.context": {
        "id": "tanpa atribusi; diduga lanjutan ucapan {name} (kutipan di sekitarnya)",
        "en": "no attribution; taken as {name}'s words going on (the quotes around it)",
    },
    "quotes.pronoun_across": {
        "id": "kata ganti (-nya/ia) menunjuk {name} di paragraf sebelumnya",
        "en": "a pronoun (-nya/ia) taken to mean {name}, named in an earlier paragraph",
    },
    "quotes.pronoun_nobody": {
        "id": "kata ganti (-nya/ia) tanpa orang yang disebut sebelumnya",
        "en": "a pronoun (-nya/ia) with nobody named before it",
    },
    "quotes.role_nobody": {
        "id": "hanya jabatan ({role}), tanpa nama di teks",
        "en": "only a role ({role}), nobody named with it in the text",
    },
    "quotes.role_several": {
        "id": "jabatan {role} dipegang lebih dari satu orang di teks; dipilih {name}",
        "en": "more than one person has the role {role} in the text; took {name}",
    },
    "quotes.verb_nobody": {
        "id": "kata kerja ucapan tanpa nama yang dikenali",
        "en": "a speech verb without a name that could be read",
    },
    "quotes.anonymous": {"id": "pembicara tanpa nama", "en": "an unnamed speaker"},
    "quotes.slogan": {
        "id": "istilah atau slogan dalam tanda kutip, bukan ucapan",
        "en": "a quoted term or slogan, not speech",
    },
    "quotes.no_opening": {"id": "tanpa tanda kutip pembuka", "en": "no opening quote mark"},
    "quotes.no_closing": {"id": "tanpa tanda kutip penutup", "en": "no closing quote mark"},
    "quotes.no_role": {
        "id": "{name}: jabatannya tidak disebut di teks",
        "en": "{name}: the text gives no role",
    },
    "quotes.not_listed": {
        "id": "kutipan {text} tidak dicantumkan: {reason}",
        "en": "quote {text} not listed: {reason}",
    },
    "quotes.speaker_unlisted": {
        "id": "pembicaranya, {name}, tidak ada di people",
        "en": "its speaker, {name}, is not in people",
    },
    "people.not_listed": {
        "id": "{name} tidak dicantumkan: teksnya tidak menyebut jabatan dari data/roles.yml (tambahkan dengan jabatannya, juga kutipannya)",
        "en": "{name} not listed: the text gives no role of data/roles.yml (add them with their role, and their quotes)",
    },
    "people.registry_near": {
        "id": "teks menulis {name}; diduga {entry} di data/people.yml: periksa",
        "en": "the text writes {name}; taken as {entry} of data/people.yml: check",
    },
    "people.registry_shared": {
        "id": "{name}: lebih dari satu orang di data/people.yml bernama ini; dipilih {id}",
        "en": "{name}: more than one person of data/people.yml has this name; took {id}",
    },
    "quotes.unregistered": {
        "id": "{name} belum ada di data/people.yml: ingest menulis entri baru untuk diperiksa",
        "en": "{name} is not in data/people.yml: ingest writes a new entry for review",
    },
    # publishing and output size
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
    # the tools' help
    "help.check": {
        "id": "Periksa setiap artikel tanpa membangun situs: satu baris `path:baris: kolom: pesan` per masalah.",
        "en": "Validate every article without building: one `path:line: field: message` per problem.",
    },
    "help.check.paths": {
        "id": "berkas atau folder artikel (bawaan: content/articles)",
        "en": "article files or folders (default: content/articles)",
    },
    "help.check.format": {
        "id": "text (path:baris: kolom: pesan) atau github (anotasi di pull request)",
        "en": "text (path:line: field: message) or github (annotations in a pull request)",
    },
    "help.ingest": {
        "id": "Ubah teks berita mentah menjadi draf artikel; tampilkan apa yang dibaca dan apa yang perlu diperiksa.",
        "en": "Turn raw news text into draft articles; print what was extracted and what to review.",
    },
    "help.ingest.path": {
        "id": "artikel mentah (berkas teks UTF-8) atau folder berisi artikel mentah",
        "en": "a raw article (UTF-8 text file) or a folder of them",
    },
    "help.ingest.dest": {
        "id": "folder artikel tempat draf ditulis (bawaan: content/articles)",
        "en": "articles folder to write drafts into (default: content/articles)",
    },
    "help.new": {
        "id": "Tulis berkas artikel baru dari opsi; di terminal, nilai yang kurang ditanyakan.",
        "en": "Write a new article file from flags; at a terminal, missing values are asked for.",
    },
    "help.new.title": {"id": "judul seperti dimuat media", "en": "headline as published"},
    "help.new.date": {"id": "TTTT-BB-HH", "en": "YYYY-MM-DD"},
    "help.new.region": {
        "id": "nama menurut Kemendagri, mis. 'Kota Bukittinggi' (provinsinya diturunkan)",
        "en": "Kemendagri name, e.g. 'Kota Bukittinggi' (the province is derived)",
    },
    "help.new.official": {
        "id": "yang membuat pernyataan, tanpa gelar",
        "en": "who made the statement, without honorifics or degrees",
    },
    "help.new.role": {
        "id": "mis. 'Pjs Wali Kota', 'Sekretaris Daerah' (data/roles.yml)",
        "en": "e.g. 'Pjs Wali Kota', 'Sekretaris Daerah' (data/roles.yml)",
    },
    "help.new.source": {"id": "nama media, atau 'Tidak diketahui'", "en": "the outlet, or 'Tidak diketahui'"},
    "help.new.source_url": {"id": "alamat artikel aslinya (boleh kosong)", "en": "the article's address (optional)"},
    "help.new.tags": {
        "id": "tag dari data/tags.yml, dipisah koma",
        "en": "comma-separated tags from data/tags.yml",
    },
    "help.new.election": {
        "id": "mis. 'Pilkada 2024' (bawaan: menurut tanggal)",
        "en": "e.g. 'Pilkada 2024' (default: from the date)",
    },
    "help.new.summary": {"id": "satu kalimat (boleh kosong)", "en": "one sentence (optional)"},
    "help.new.body": {
        "id": "teks artikel (paragraf dipisah baris kosong)",
        "en": "the text (paragraphs separated by blank lines)",
    },
    "help.new.body_file": {
        "id": "baca teksnya dari berkas ini ('-': masukan standar)",
        "en": "read the text from this file ('-': standard input)",
    },
    "help.new.title_editorial": {
        "id": "judulnya ditulis redaksi (teks aslinya tanpa judul)",
        "en": "the title was written by an editor",
    },
    # quotes
    "quotes.text_read": {
        "id": "ikrar, spanduk atau pesan yang dibacakan: tanpa pembicara",
        "en": "a pledge, banner or message read out: no speaker",
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
    "people": "orang lain yang dikutip atau disebut bertindak, dengan jabatannya",
    "quotes": "kutipan langsung berurutan: speaker (pejabat atau salah satu people) dan text",
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


def t(key: str, /, **params: object) -> str:
    """The message ``key`` in the editor's language, with its parameters filled in."""
    try:
        entry = MESSAGES[key]
    except KeyError:
        raise KeyError(f"no message {key!r} in arsip/messages.py") from None
    return entry[language()].format(**params)
