"""The built site's links all land, and nothing is fetched from another host."""

from __future__ import annotations

from bs4 import BeautifulSoup

from edition.publish.sitecheck import check_site


def test_sitecheck_finds_a_missing_page_a_missing_anchor_and_an_offsite_script(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="p1">x</p>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/#p1">ok</a><a href="a/#p9">bad anchor</a><a href="b/">no page</a>'
        '<script src="https://cdn.example.com/x.js"></script><a href="https://example.com/">fine</a>',
        encoding="utf-8")
    found = [str(p) for p in check_site(tmp_path)]
    assert found == [
        "site/index.html: <script> loads 'https://cdn.example.com/x.js' from another host; serve the file from the site itself",
        "site/index.html: link to 'a/#p9' names a missing anchor '#p9'; fix the anchor, or restore the heading or paragraph it pointed to",
        "site/index.html: link to 'b/' leads to no page of the site; fix the link where it is written (the page, or a template "
        "of overrides/), or the page it names",
    ]


def test_no_page_loads_web_fonts_or_analytics(site):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "googletagmanager" not in html, path


def test_every_link_to_another_site_sends_no_referrer_and_no_opener(site):
    for html in site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select("a[href^='http']"):
            assert {"noopener", "noreferrer"} <= set(link.get("rel", [])), (html.name, link["href"])
