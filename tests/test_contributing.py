"""CONTRIBUTING.md stays true: its generated reference matches the schema and data/, and its
example article is valid."""

from __future__ import annotations

import re
from pathlib import Path

from arsip import contributing, schema

GUIDE = contributing.GUIDE


def test_generated_reference_is_current() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert contributing.render(text) == text, (
        "CONTRIBUTING.md is out of date with arsip/schema.py or data/: "
        "run `.venv/bin/python -m arsip.contributing`"
    )


def test_reference_lists_every_field_and_value() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    voc = schema.vocabulary()
    for name in [*schema.FIELDS, *voc.roles, *voc.elections, *voc.tags]:
        assert f"`{name}`" in text, name


def test_example_article_is_valid() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(---\n.*?)```", text, re.S)
    assert example, "no ```yaml example in CONTRIBUTING.md"
    name = re.search(r"Berkas `content/articles/(\d{4}/[a-z0-9-]+\.md)`", text)
    assert name
    parsed = schema.parse(example.group(1), Path("content/articles") / name.group(1))
    assert schema.validate(parsed) == []
