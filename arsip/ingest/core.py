"""From one raw article's text to a draft: every field with how sure the ingest is of it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from arsip import quotes, registry, schema
from arsip.ingest import clean, dates, people, places, source, tags, title
from arsip.messages import t


class IngestError(ValueError):
    """A file that cannot become a draft (empty, binary, not UTF-8, no date...)."""


@dataclass
class Draft:
    """The extracted fields, the body, and what an editor must review (field -> reason)."""

    meta: dict[str, Any]
    paragraphs: list[str]
    review: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)  # field -> what was read
    dropped: list[str] = field(default_factory=list)
    # Who the article quotes and names, and their words, with how sure each guess is.
    # (A lambda: arsip.quotes reads arsip.ingest.people, so it may still be loading here.)
    speech: quotes.Extraction = field(default_factory=lambda: quotes.Extraction())
    # Everyone and every quote found, listed in the front-matter or not (the evaluation's
    # view): (name as the draft writes it, role) and (speaker or None, words, sure).
    all_people: list[tuple[str, str]] = field(default_factory=list)
    all_quotes: list[tuple[str | None, str, bool]] = field(default_factory=list)
    # People the registry lacks: (name, role), written to data/people.yml with the draft.
    new_people: list[tuple[str, str]] = field(default_factory=list)

    def front_matter(self) -> dict[str, Any]:
        meta = dict(self.meta)
        if self.review:
            meta["review"] = [f for f in schema.FIELD_ORDER if f in self.review]
        return meta


MAX_HEADER_LINES = 12


def _find_dateline(lines: list[str], text: str = "") -> tuple[int, source.Dateline | None]:
    """Index of the line that starts with a dateline, among the first lines, or (-1, None)."""
    for i, line in enumerate(lines[:MAX_HEADER_LINES]):
        if clean.is_furniture(line) or clean.is_caption(line):
            continue
        found = source.parse_dateline(line, text)
        if found and (found.place or found.outlet) and len(found.rest.split()) >= 5:
            return i, found
    return -1, None


def _body_start(lines: list[str]) -> int:
    """Without a dateline: the body starts after a headline (and furniture) at the top."""
    i = 0
    while i < len(lines) - 1 and (
        clean.is_furniture(lines[i])
        or clean.is_caption(lines[i])
        or clean.BYLINE_RE.search(lines[i])
        or (i == 0 and clean.looks_like_headline(lines[i]))
        or (i > 0 and lines[i] == lines[0])
    ):
        i += 1
    return i


def election_for(date_year: int, text: str) -> tuple[str, bool, str]:
    """The election an article belongs to: the one the text names, else the one of its year."""
    known = schema.vocabulary().elections
    by_year = {int(re.search(r"\d{4}", n).group(0)): n for n in known if re.search(r"\d{4}", n)}  # type: ignore[union-attr]
    named = [y for y in dates.election_years(text) if y in by_year]
    if named and named[0] == date_year:
        return by_year[date_year], True, t("note.election_named", name=by_year[date_year])
    if date_year in by_year:
        note = t("note.election_year", name=by_year[date_year])
        return by_year[date_year], not named or named[0] == date_year, note
    if named:
        return (
            by_year[named[0]],
            False,
            t("note.election_other", name=by_year[named[0]], year=date_year),
        )
    # Between elections: the next one, else the last one; either way an editor decides.
    later = sorted(y for y in by_year if y >= date_year)
    year = later[0] if later else max(by_year)
    return by_year[year], False, t("note.election_nearest", name=by_year[year], year=date_year)


def extract(text: str) -> Draft:
    """Every field of the draft from a raw article's text."""
    lines = [ln for ln in clean.normalise_lines(text) if ln]
    if not lines:
        raise IngestError(t("ingest.empty"))
    if len(schema.HTML_RE.findall(text)) > 10:
        raise IngestError(t("ingest.html"))
    start, dateline = _find_dateline(lines, text)
    if start < 0:
        start = _body_start(lines)
    parts = clean.split_article(text, body_start=start)
    if dateline is None and parts.paragraphs:
        # A dateline can also open the body after furniture the first pass skipped.
        found = source.parse_dateline(parts.paragraphs[0], text)
        if found and (found.place or found.outlet):
            dateline = found
    body = "\n".join(parts.paragraphs)
    above = "\n".join(parts.above)
    everything = above + "\n" + body
    if not parts.paragraphs:
        raise IngestError(t("ingest.no_body"))
    draft = Draft({}, parts.paragraphs, dropped=parts.dropped)

    # Title
    head = title.headline(parts.above, parts.paragraphs[0])
    if head:
        draft.meta["title"] = head
        draft.notes["title"] = t("note.headline")
    else:
        lead = dateline.rest if dateline else parts.paragraphs[0]
        draft.meta["title"] = title.working_title(lead)
        draft.meta["title_editorial"] = True
        draft.review["title"] = t("review.no_headline")

    # Date
    # The publication line is among the lines above the dateline (headline, stamps), some of
    # which the cleaner sets aside as credits.
    header = list(dict.fromkeys([*lines[: max(start, 0)], *parts.above]))
    found = dates.article_date(header, body, above)
    if found.value is None:
        raise IngestError(t("ingest.no_date", reason=found.note))
    draft.meta["date"] = found.value.isoformat()
    draft.notes["date"] = found.note
    if not found.sure:
        draft.review["date"] = found.note

    # Official and role
    # People are read from the body: a headline's "Pj Wako Padang Ingatkan ASN" is no name.
    lead = dateline.rest if dateline else parts.paragraphs[0]
    official = people.find_official(body, head or "", lead)
    if official:
        draft.meta["official"] = official.official
        draft.meta["role"] = official.role
        draft.notes["official"] = official.note
        if not official.sure:
            draft.review["official"] = official.note
            draft.review["role"] = t("review.with_official")
    else:
        draft.review["official"] = t("review.no_official")
        draft.review["role"] = t("review.with_official")

    # Region and province
    region = places.find_region(
        everything,
        dateline,
        official.role if official else "",
        official.regions if official else (),
    )
    if region.region:
        draft.meta["region"] = region.region.name
        draft.meta["province"] = region.region.province
    draft.notes["region"] = region.note
    if not region.sure:
        draft.review["region"] = region.note
        draft.review["province"] = t("review.with_region")

    # Source: the address's domain, else the dateline's outlet, else the credits.
    url = parts.urls[0] if parts.urls else ""
    outlet = source.find_outlet(
        dateline, parts.credits, parts.paragraphs, url, "\n".join(clean.normalise_lines(text))
    )
    if outlet:
        draft.meta["source"] = outlet.name
        draft.notes["source"] = f"{outlet.name} ({outlet.note})"
        if not outlet.sure:
            draft.review["source"] = outlet.note
    else:
        draft.meta["source"] = schema.UNKNOWN_SOURCE
        draft.review["source"] = t("review.no_source")
    if url:
        draft.meta["source_url"] = url

    # Election and tags
    name, sure, note = election_for(found.value.year, everything)
    draft.meta["election"] = name
    draft.notes["election"] = note
    if not sure:
        draft.review["election"] = note
    draft.meta["tags"] = tags.suggest_tags(body)
    draft.review["tags"] = t("review.tags")
    # Everyone else quoted or named, and the quotes (names through the registry)
    draft.speech = quotes.extract(parts.paragraphs)
    _people_and_quotes(draft)
    # A draft must be a valid article apart from its review list: without these fields it
    # cannot be, so the file is refused with the reason instead.
    for name in ("official", "region"):
        if name not in draft.meta:
            raise IngestError(
                t(
                    "ingest.no_field",
                    field=name,
                    reason=draft.review.get(name, t("review.not_found")),
                )
            )
    return draft


def _same_name(a: str, b: str) -> bool:
    """Two variants of one person's name ("Hani S Rustam", "Hani Syopiar Rustam")."""
    words = {w for w in a.split() if len(w) > 2}
    return bool(words & {w for w in b.split() if len(w) > 2}) or a.split()[0] == b.split()[0]


def _registered(reg: registry.Registry, name: str, region: str) -> tuple[str, str, bool]:
    """How the draft writes a person the text names: the registry's canonical name (its id
    when two people share it), a review note when that is a guess, and whether the person is
    new (no entry near: one is written for review with the draft)."""

    def ref(person: registry.Person) -> str:
        return person.name if len(reg.people_named(person.name)) == 1 else person.id

    found = registry.resolve_person(reg, name)
    if found.entry is not None:
        return ref(found.entry), "", False  # type: ignore[arg-type]
    if found.kind == "ambiguous":
        named = reg.people_named(name)
        here = [p for p in named if any(r.region == region for r in p.roles)]
        pick = here[0] if len(here) == 1 else named[0]
        note = "" if len(here) == 1 else t("people.registry_shared", name=name, id=pick.id)
        return pick.id, note, False
    spelt = reg.person_spelt(name)
    if spelt is not None:
        return ref(spelt), "", False  # a spelling the registry knows
    near = reg.suggest_person(name)
    if near:
        return ref(near[0]), t("people.registry_near", name=name, entry=near[0].name), False
    return name, t("quotes.unregistered", name=name), True


def _people_and_quotes(draft: Draft) -> None:
    """``people`` (everyone but the official) and ``quotes`` in the front-matter's format,
    names as the registry writes them; every guess an editor should check goes to ``review``
    with its reason, and people the registry lacks to ``new_people``."""
    reg = registry.load()
    region = str(draft.meta.get("region", ""))
    official = read = quotes.without_rank(str(draft.meta.get("official", "")))
    names: dict[str, str] = {}  # name as extracted -> name in the draft ("" : not listed)
    roles: dict[str, str] = {}
    if official:
        written, note, new = _registered(reg, official, region)
        draft.meta["official"] = written
        if note and not new:
            draft.review["official"] = note  # read as a near registry entry: a guess
        elif new:
            # A new official is no guess of this field: its registry entry is reviewed.
            draft.notes["official"] = f"{draft.notes.get('official', '')}; {note}".lstrip("; ")
            draft.new_people.append((official, str(draft.meta.get("role", ""))))
        official = written
    listed: list[dict[str, str]] = []
    unsure: list[str] = []
    draft.all_people = [(official, str(draft.meta.get("role", "")))] if official else []
    for person in draft.speech.people:
        if official and _same_name(person.name, read):
            names[person.name] = official
            continue
        written, note, new = _registered(reg, person.name, region)
        draft.all_people.append((written, person.role))
        if not person.role:
            # people's roles come from data/roles.yml: without one, the person is not listed.
            names[person.name] = ""
            unsure.append(t("people.not_listed", name=person.name))
            continue
        names[person.name] = written
        if written == official or any(item["person"] == written for item in listed):
            continue  # two names of the text read as one entry: listed once
        roles[written] = person.role
        listed.append({"person": written, "role": person.role})
        if note:
            unsure.append(note)
        if new:
            draft.new_people.append((person.name, person.role))
    out: list[dict[str, str]] = []
    notes: list[str] = []
    for quote in draft.speech.quotes:
        speaker = names.get(quote.speaker, "") if quote.speaker else ""
        for part in quote.parts or (quote.text,):
            draft.all_quotes.append(
                (names.get(quote.speaker or "", "") or quote.speaker, part, quote.sure)
            )
            if not speaker:
                # A quote is written with its speaker, the official or one of people.
                reason = (
                    quote.note
                    if not quote.speaker
                    else t("quotes.speaker_unlisted", name=quote.speaker)
                )
                notes.append(t("quotes.not_listed", text=schema.excerpt(part), reason=reason))
                continue
            out.append({"speaker": speaker, "text": part})
            if not quote.sure:
                notes.append(f"{len(out)}: {quote.note}")
    if listed:
        draft.meta["people"] = listed
    if unsure:
        draft.review["people"] = "; ".join(unsure)
    if out:
        draft.meta["quotes"] = out
        draft.notes["quotes"] = t("note.quotes", count=len(out))
    if notes:
        draft.review["quotes"] = "; ".join(notes)
