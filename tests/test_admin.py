"""The web editor at /admin/ (arsip.admin): its configuration follows the schema, its page is
valid HTML, and the CMS served by the site itself starts and offers to sign in."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from arsip import admin, gazetteer, registry, schema

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_config_offers_only_what_the_schema_accepts() -> None:
    conf = admin.config("contoh/arsip")
    assert conf["backend"] == {**conf["backend"], "name": "github", "repo": "contoh/arsip"}
    assert conf["output"]["omit_empty_optional_fields"] is True  # no `review: []` left behind
    voc = schema.vocabulary()
    collections = {c["folder"]: c for c in conf["collections"]}
    for folder in (ROOT / "content" / "articles").iterdir():
        assert f"content/articles/{folder.name}" in collections
    for coll in conf["collections"]:
        fields = {f["name"]: f for f in coll["fields"]}
        assert list(fields) == [*schema.FIELD_ORDER, "body"]
        for name, spec in schema.FIELDS.items():
            assert fields[name].get("required", True) == spec.required, name
        assert set(fields["role"]["options"]) == voc.canonical_roles()
        assert fields["election"]["options"] == list(voc.elections)
        assert fields["tags"]["options"] == list(voc.tags) and fields["tags"]["multiple"]
        assert set(fields["region"]["options"]) == set(gazetteer.regencies()) | set(
            gazetteer.provinces()
        )
        assert fields["date"]["format"] == "YYYY-MM-DD"
        # Every offered value passes the schema's own check.
        for name in ("role", "election", "region"):
            for value in fields[name]["options"][:50]:
                assert schema.FIELDS[name].check(value, voc) is None, (name, value)
        # People and outlets come from the registries, as articles must write them.
        reg = registry.load()
        assert "Andree Algamar" in fields["official"]["options"]
        assert "Andre Algamar" not in fields["official"]["options"]
        for value in fields["official"]["options"]:
            assert registry.resolve_person(reg, value).entry is not None, value
        assert fields["source"]["options"][0] == schema.UNKNOWN_SOURCE
        assert (
            "ANTARA" in fields["source"]["options"] and "Antara" not in fields["source"]["options"]
        )
        people = {f["name"]: f for f in fields["people"]["fields"]}
        assert fields["people"]["widget"] == "list" and list(people) == ["person", "role"]
        assert people["person"]["options"] == fields["official"]["options"]
        assert set(people["role"]["options"]) == voc.canonical_roles()
        quotes = {f["name"]: f for f in fields["quotes"]["fields"]}
        assert list(quotes) == ["speaker", "text"] and quotes["text"]["widget"] == "text"


@pytest.fixture
def installed(tmp_path: Path) -> Path:
    if not admin.BUNDLE.exists():
        pytest.fail("@sveltia/cms is missing: run the tests with ./dev test (package.json)")
    admin.install(tmp_path, "contoh/arsip", site_url="http://127.0.0.1/arsip")
    return tmp_path


def test_install_writes_page_bundle_and_config(installed: Path) -> None:
    dest = installed / "admin"
    assert sorted(p.name for p in dest.iterdir()) == ["config.yml", "index.html", "sveltia-cms.js"]
    conf = yaml.safe_load((dest / "config.yml").read_text(encoding="utf-8"))
    assert conf == admin.config("contoh/arsip", site_url="http://127.0.0.1/arsip")


def test_admin_page_is_valid_html(installed: Path) -> None:
    java = shutil.which("java")
    if not java or not VNU.exists():
        pytest.fail("Java or vnu-jar is missing: run the tests with ./dev test")
    proc = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", str(installed / "admin" / "index.html")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


@pytest.mark.browser
def test_cms_starts_from_the_site_and_offers_to_sign_in(installed: Path, artifacts: Path) -> None:
    """Offline, with every other host refused: the CMS script and its configuration come
    from the site, and it shows its sign-in screen (GitHub token or a local repository).

    Its own Playwright, closed at the end, rather than the session's `browser`: this file
    runs before tests that start Playwright themselves, which fail while another runs."""
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM
    from tools.serve import serve_in_thread

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run the tests with ./dev test, which installs it")
    url, server = serve_in_thread(installed, "/arsip")
    pw = sync_playwright().start()
    browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    local, foreign = [], []

    def route(r):  # type: ignore[no-untyped-def]
        if r.request.url.startswith("http://127.0.0.1"):
            local.append(r.request.url)
            r.continue_()
        else:
            foreign.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(f"{url}/admin/", wait_until="load")
        page.get_by_role("button", name="Sign In Using Access Token").wait_for(timeout=30_000)
        page.screenshot(path=str(artifacts / "admin-sign-in.png"))
    finally:
        context.close()
        browser.close()
        pw.stop()
        server.shutdown()
    assert any(u.endswith("/admin/sveltia-cms.js") for u in local)
    assert any("/admin/config.yml" in u for u in local)
    assert not errors, errors
    # What the CMS asks of other hosts (all refused here, documented in CONTRIBUTING.md):
    # fonts, its own update check and GitHub's status page; none is needed to start.
    assert all(
        u.startswith(
            ("https://cdn.jsdelivr.net/", "https://unpkg.com/", "https://www.githubstatus.com/")
        )
        for u in foreign
    ), foreign


def test_field_hints_are_indonesian_whatever_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    from arsip.messages import FIELD_HINTS

    monkeypatch.setenv("ARSIP_LANG", "en")  # the build machine's locale does not matter
    fields = {f["name"]: f for f in admin.config("contoh/arsip")["collections"][0]["fields"]}
    for name, spec in schema.FIELDS.items():
        assert fields[name]["hint"] == FIELD_HINTS[name], name
        assert fields[name]["hint"] != spec.help or name == "election", name  # same in both
