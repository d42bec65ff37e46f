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
    # quotes and people of an article (arsip/quotes.py)
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
    "quotes.text_read": {
        "id": "ikrar, spanduk atau pesan yang dibacakan: tanpa pembicara",
        "en": "a pledge, banner or message read out: no speaker",
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


def t(key: str, **params: object) -> str:
    """The message ``key`` in the editor's language, with its parameters filled in."""
    try:
        entry = MESSAGES[key]
    except KeyError:
        raise KeyError(f"no message {key!r} in arsip/messages.py") from None
    return entry[language()].format(**params)
