"""The scale benchmark at a small size, so that it cannot rot (``invoke bench``)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from arsip import schema
from arsip.progress import progress
from tools.bench import generate, run


def test_synthetic_articles_are_valid_varied_and_deterministic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = generate.generate(tmp_path / "a", 150, seed=5, data=tmp_path / "data")
    monkeypatch.setenv("ARSIP_DATA_DIR", str(tmp_path / "data"))  # its own registries
    again = generate.generate(tmp_path / "b", 150, seed=5, data=tmp_path / "data-b")
    assert (tmp_path / "data" / "people.yml").read_bytes() == (
        tmp_path / "data-b" / "people.yml"
    ).read_bytes()
    assert [p.read_bytes() for p in paths] == [p.read_bytes() for p in again]
    assert schema.check_paths(paths) == []
    parsed = [schema.read_article(p) for p in paths]
    words = [len(a.body.split()) for a in parsed]
    assert min(words) >= 300 and max(words) <= 600
    for field in ("region", "province", "official", "role", "source", "election"):
        assert len({a.meta[field] for a in parsed}) > 1, field
    years = {a.meta["date"][:4] for a in parsed}
    assert years <= {str(y) for y in range(2019, 2026)} and len(years) >= 5
    # People besides the main official, some quoted only; quotes written in the body.
    people = [p for a in parsed for p in a.meta.get("people") or []]
    quotes = [(a, q) for a in parsed for q in a.meta.get("quotes") or []]
    assert len(people) > 50 and len(quotes) > 150
    speakers = {q["speaker"] for _, q in quotes}
    assert {p["person"] for p in people} & speakers  # people quoted who are not the official
    assert {a.meta["official"] for a, _ in quotes} & speakers  # and main officials quoted
    assert all(f"“{q['text']}”" in a.body for a, q in quotes)
    # People with one name: the articles write their ids.
    assert any(p["person"].startswith("ahmad-yani-") for p in people)
    other_seed = generate.generate(tmp_path / "c", 5, seed=6, data=tmp_path / "data-c")
    assert other_seed[0].read_bytes() != paths[0].read_bytes()


def test_progress_prints_plain_lines_without_a_terminal() -> None:
    out = io.StringIO()
    with progress(4, "Membuat", stream=out, every=0) as bar:
        for _ in range(4):
            bar.advance()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Membuat: 1/4 (25%)")
    assert lines[-1].startswith("Membuat: 4/4 (100%)")
    assert "\r" not in out.getvalue() and "\x1b" not in out.getvalue()


def test_progress_draws_a_bar_in_a_terminal() -> None:
    out = io.StringIO()
    with progress(10, "Membuat", stream=out, tty=True) as bar:
        bar.update(10)
    assert "10/10" in out.getvalue() and "Membuat" in out.getvalue()


@pytest.mark.slow
@pytest.mark.browser
def test_benchmark_runs_and_reports_sane_figures(tmp_path: Path) -> None:
    n = 200
    result = run.run(n, seed=2, workdir=tmp_path, log=lambda _msg: None)
    path = run.write(result, tmp_path / "results")
    assert path.name == f"bench-{n}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["n"] == n and data["machine"]["cpus"] >= 1
    cold = data["cold"]
    assert 0 < cold["pelican_s"] <= cold["wall_s"] and cold["cpu_ms_per_article"] > 0
    assert 0 < cold["pagefind_s"] < cold["wall_s"]
    # Pagefind overlaps the build's last steps: the build waits for part of its time at most.
    assert 0 <= cold["pagefind_wait_s"] <= cold["pagefind_s"]
    assert cold["pelican_peak_mb"] > 20 and cold["pagefind_peak_mb"] > 1
    assert len(cold["load_before"]) == 3
    # Every article page is written and indexed; the index is not the whole output.
    assert len(list((tmp_path / "output" / "artikel").rglob("index.html"))) == n
    assert data["output"]["files"] > n and data["search_index"]["bytes"] > 10_000
    assert data["rebuild_one_edit"]["edited"].startswith("articles/")
    assert data["rebuild_one_edit"]["pelican_s"] > 0
    for name in ("query", "filtered_query"):
        figures = data["search"]["scenarios"][name]
        assert figures["bytes"] > 1000 and figures["requests"] > 1
        assert figures["ms_to_first_result"] is not None and figures["ms_to_first_result"] > 0
    link = data["search"]["cold_links"]["scenarios"]["query"]
    assert link["status"] == data["search"]["scenarios"]["query"]["status"]
    assert 0 < link["ms_to_first_result"] <= link["ms_to_complete"]
    # Bytes before the first title, per view, under the budget.
    views = data["first_view"]["views"]
    for name in ("browse", "query", "region", "year", "region_year"):
        assert 0 < views[name]["gzip"] < views[name]["raw"], name
        assert views[name]["gzip"] <= 300 * 1024, name
    text = run.summary(data)
    assert f"{n} articles" in text and "cold build" in text and "filtered_query" in text
    assert "no test driver" in text and "first title browse" in text
