"""Peer check of the preview (``invoke livereload``): after an edit, the preview rebuild
must leave the output folder exactly as a clean stock build of the edited content writes it.

Each case: a preview build (speed layer, preview on, Pelican's content cache), an edit of one
article, the preview rebuild into the same folder, then a clean stock Pelican build of the
edited content; every build in its own process. Two edits: the body (the article's page, and
wherever its summary shows: index, category, author and tag pages, feeds) and the
front-matter (a summary added). Two sites: Pelican's sample content (basic settings, whose
theme shows summaries on list pages; once with category and author pages, once without as
this project has them) and this project's content with ``ARSIP_PREVIEW=1`` as
``invoke livereload`` sets it.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from peer.harness import ROOT, report_diff, run_build, sample_spec, tree, tree_diff

PAGEFIND = ("pagefind",)
SEARCH_OFF = {"SEARCH_INDEX": {"enabled": False}}

#: One sample article (no summary of its own: list pages show the start of its text).
SAMPLE_ARTICLE = "cat1/markdown-article.md"
SAMPLE_EDITS = {
    "body": ("You're mutually oblivious.", "You're mutually oblivious, says the edited text."),
    "front_matter": ("Date: 2011-04-20\n", "Date: 2011-04-20\nSummary: An edited summary.\n"),
}
#: One article of the project (chosen by name: the first one).
PROJECT_EDITS = {
    "body": ("\n---\n", "\n---\nKalimat pembuka yang disunting untuk uji pratinjau.\n\n"),
    "front_matter": ("\n---\n", "\nsummary: Ringkasan yang disunting untuk uji pratinjau.\n---\n"),
}


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer holds {old!r}: update the test's edit"
    if old == "\n---\n":  # the end of the front-matter: the second '---' line
        head, _, body = text.partition("\n---\n")
        assert head.startswith("---"), path
        text = head + new + body
    else:
        text = text.replace(old, new, count)
    path.write_text(text, encoding="utf-8")


def _preview_case(
    spec: dict[str, Any],
    content: Path,
    article: Path,
    edit: tuple[str, str],
    tmp: Path,
    preview_env: dict[str, str | None],
    stock_env: dict[str, str | None],
    skip: tuple[str, ...] = (),
) -> tuple[dict[str, Any], list[str]]:
    """Preview build, edit, preview rebuild, clean stock build; the rebuild's report and
    what differs from the clean build."""
    preview = {**spec, "preview": True, "force_parallel": False}
    out, cache = tmp / "preview", {"CACHE_PATH": str(tmp / "preview-cache")}
    preview["overrides"] = {**spec["overrides"], **cache}
    first = run_build(preview, "speed", out, env=preview_env)
    if first["error"]:
        return first, ["the first preview build raised:\n" + first["error"][-1500:]]
    _edit(article, *edit)
    again = run_build(preview, "speed", out, env=preview_env)
    if again["error"]:
        return again, ["the preview rebuild raised:\n" + again["error"][-1500:]]
    stock = run_build(spec, "stock", tmp / "clean", env=stock_env)
    assert stock["error"] is None, stock["error"]
    problems = []
    differs = tree_diff(tree(tmp / "clean", skip), tree(out, skip), ("clean", "preview"))
    if differs:
        problems.append(differs)
    if (again["speed"].get("preview") or {}).get("quick"):
        # The quick path reads and renders only what shows the edited text: it may log less
        # than a clean build (the first preview build said the rest), never anything else.
        extra = [record for record in again["log"] if record not in stock["log"]]
        if extra:
            problems.append(f"the quick rebuild logged what a clean build does not: {extra}")
    else:
        # The rebuild logs what the clean build logs (signals: the preview writes less).
        problems += [text for kind, text in report_diff(stock, again) if kind == "log"]
    return again, problems


@pytest.mark.slow
@pytest.mark.parametrize("edit", sorted(SAMPLE_EDITS))
@pytest.mark.parametrize("site", ["basic", "basic_without_category_pages"])
def test_sample_preview_after_an_edit_equals_a_clean_build(
    site: str, edit: str, sdist: Path, locale_env: dict[str, str], tmp_path: Path
) -> None:
    content = tmp_path / "content"
    shutil.copytree(sdist / "samples" / "content", content)
    spec = sample_spec(site, sdist, tmp_path)
    spec = {**spec, "overrides": {**spec["overrides"], "PATH": str(content)}}
    _, problems = _preview_case(
        spec,
        content,
        content / SAMPLE_ARTICLE,
        SAMPLE_EDITS[edit],
        tmp_path,
        locale_env,
        locale_env,
    )
    if problems:
        pytest.fail(f"{site}, {edit} edit:\n" + "\n".join(problems), pytrace=False)


def _project_copy(tmp: Path) -> tuple[Path, Path]:
    content = tmp / "content"
    shutil.copytree(ROOT / "content", content)
    return content, sorted(content.glob("articles/*/*.md"))[0]


@pytest.mark.slow
@pytest.mark.parametrize("edit", sorted(PROJECT_EDITS))
def test_project_preview_after_an_edit_equals_a_clean_build(edit: str, tmp_path: Path) -> None:
    content, article = _project_copy(tmp_path)
    spec = {
        "settings_file": str(ROOT / "pelicanconf.py"),
        "overrides": {"PATH": str(content), **SEARCH_OFF},
    }
    again, problems = _preview_case(
        spec,
        content,
        article,
        PROJECT_EDITS[edit],
        tmp_path,
        {"ARSIP_PREVIEW": "1"},
        {"ARSIP_PREVIEW": None},
        skip=PAGEFIND,
    )
    if problems:
        pytest.fail(f"project, {edit} edit:\n" + "\n".join(problems), pytrace=False)
    if edit == "body":  # the preview took its quick path (only what shows the text)
        assert again["speed"]["preview"].get("quick") is True, again["speed"]


@pytest.mark.slow
def test_sample_body_edit_takes_the_quick_path(
    sdist: Path, locale_env: dict[str, str], tmp_path: Path
) -> None:
    """With Pelican's default ``ARTICLE_PATHS`` (the whole content folder) too."""
    content = tmp_path / "content"
    shutil.copytree(sdist / "samples" / "content", content)
    spec = sample_spec("basic_without_category_pages", sdist, tmp_path)
    preview = {
        **spec,
        "preview": True,
        "force_parallel": False,
        "overrides": {**spec["overrides"], "PATH": str(content)},
    }
    out = tmp_path / "preview"
    first = run_build(preview, "speed", out, env=locale_env)
    assert first["error"] is None, first["error"]
    _edit(content / SAMPLE_ARTICLE, *SAMPLE_EDITS["body"])
    again = run_build(preview, "speed", out, env=locale_env)
    assert again["error"] is None, again["error"]
    assert again["speed"]["preview"].get("quick") is True, again["speed"]["preview"]
