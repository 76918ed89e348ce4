"""The page's files install with the package, fetch nothing from other sites, and never turn game
text into HTML (the browser tests in test_page_browser.py prove the same by playing)."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "elysium" / "web" / "page"
PAGE_FILES = ("index.html", "app.js", "app.css")


def test_the_page_has_its_three_files_and_all_of_them_install():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["elysium.web"]
    present = sorted(path.name for path in PAGE.iterdir() if path.is_file())
    assert present == sorted(PAGE_FILES)
    for name in present:
        assert any(fnmatch.fnmatch(f"page/{name}", pattern) for pattern in patterns), name


def test_the_page_fetches_nothing_from_other_sites():
    for name in PAGE_FILES:
        text = (PAGE / name).read_text(encoding="utf-8")
        assert not re.search(r"""(https?:)?//[a-z0-9.-]+\.[a-z]{2,}""", text, re.IGNORECASE), name
        assert "@import" not in text, name


def test_the_script_never_parses_text_as_html():
    script = (PAGE / "app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink


def test_the_html_has_no_inline_script_or_style_for_a_strict_csp():
    html = (PAGE / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"\son[a-z]+=", html)


def test_the_docs_show_the_markup_mod_the_browser_tests_play():
    docs = (ROOT / "docs" / "web.md").read_text(encoding="utf-8")
    mod = (ROOT / "tests" / "fixtures" / "page" / "markup_mod" / "markup.yaml").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", docs, re.DOTALL)
    assert mod in blocks


def test_the_markup_mod_loads_and_its_text_is_markup():
    from elysium.content.loader import load_content

    content = load_content(None, (ROOT / "tests" / "fixtures" / "page" / "markup_mod",))
    assert content.rooms["gatehouse"].name == "The <b>Gatehouse</b>"
    assert "<script>" in str(content.rooms["gatehouse"].description)


def test_the_page_names_an_empty_icon_so_the_browser_asks_for_no_favicon():
    html = (PAGE / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<link rel="icon" href="data:,">', html)
