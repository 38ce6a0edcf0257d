"""Python-Markdown extension: the edition's version and a "Cite this page" panel under each page title.

The panel gives this edition (the page, with its permanent URL) and the original essay in every
form of `citeproc.forms.FORMS`. The same forms for each numbered paragraph travel with the page as JSON,
for the script that lets a reader cite one paragraph.

The page's forms are written inside <noscript>: without scripts the panel shows them as they are;
with scripts the browser keeps them as text, and edition.js builds the panel from that text each
time it is opened (and empties it on closing). Either way Reader View (Readability removes <noscript>) and read-later tools
take the essay as the article, not four thousand characters of citations.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown

from .. import Edition
from ..citeproc.forms import FORMS, PLAIN_FORMS, CiteForms
from ..model.addresses import CHANGES_PAGE, CITE_PANEL_ID, download_link, permanent_url, site_root
from .base import EditionExtension, EditionTreeprocessor
from .html import address, element, long_date, script_json

PDF_LINK_TEXT = "Download PDF"


class CitePanelTreeprocessor(EditionTreeprocessor):
    def run(self, root: etree.Element) -> None:
        page = self.extension.page
        title = next((n for n, e in enumerate(root) if e.tag == "h1"), None)
        if page is None or title is None:
            return
        edition = self.extension.edition
        citations = edition.cite_forms
        # Under the title and, on the opening page, under the byline.
        where = title + 1
        while where < len(root) and root[where].get("class") in ("byline", "first-published"):
            where += 1
        root.insert(where, self.page_tools(edition, citations, page))

    def page_tools(self, edition: Edition, citations: CiteForms, page) -> etree.Element:
        # data-page-url: the permanent address the copy-link action gives, wherever the page is read.
        # data-search-exclude: out of Material's search index, which the citations of every page would
        # swamp; an <aside>, as Material's indexer ends an exclusion at the first closing tag of the same
        # name, and the panel holds <div>s.
        tools = element("aside", class_="page-tools", data_page_url=permanent_url(edition.site_url, page.path),
                        data_search_exclude="", aria_label="Version and citation")
        version = element("p", "Version ", tools, class_="edition-version")
        element("a", edition.version, version, href=CHANGES_PAGE, title="Changes and corrections").tail = (
            f" of this edition, {long_date(edition.released)} · ")
        # The PDF is made beside the pages, so MkDocs would not recognise the link: raw HTML.
        pdf = site_root(page.path, self.extension.offline) + edition.meta.pdf.file
        version.append(element("span", self.md.htmlStash.store(download_link(pdf, PDF_LINK_TEXT)), class_="pdf-download"))

        panel = element("details", None, tools, class_="cite-panel", id=CITE_PANEL_ID)
        element("summary", "Cite this page", panel)
        holder = element("div", None, panel, class_="cite-body")
        body = element("noscript", None, holder, class_="cite-forms-source")
        url = permanent_url(edition.site_url, page.path)
        self.work(body, "edition", f"This annotated edition, version {edition.version}", url, citations.of(page.file))
        original = edition.original
        self.work(body, "original", f"The essay as first published ({original.container_title}, {original.issued[:4]})",
                  original.url, citations.original)
        element("p", "The edition and the original are different works: cite the edition for its text as shown "
                      f"here and for its notes, the original for the essay as {original.container_title} published it. "
                      "The access date is today’s date where the page can run its script, else the day the "
                      "page was built.", body, class_="cite-help")

        paragraphs = {t.key: {"url": permanent_url(edition.site_url, page.path, t.key),
                              "forms": citations.of(page.file, t.key)}
                      for t in citations.targets if t.page.file == page.file and t.paragraph}
        data = element("script", None, tools, type="application/json", class_="cite-data")
        # "</" is escaped so no note can close the script element early.
        data.text = script_json({"paragraphs": paragraphs, "accessed": citations.accessed.iso})
        return tools

    def work(self, body: etree.Element, name: str, heading: str, url: str, forms: dict[str, str]) -> None:
        section = element("section", None, body, class_="cite-work", data_work=name)
        title = element("p", None, section, class_="cite-work-title")
        element("strong", heading, title).tail = ": "
        address(title, url, class_="cite-url bare-url")
        listing = element("dl", None, section, class_="cite-forms")
        for form, label in FORMS:
            element("dt", label, listing)
            item = element("dd", None, listing)
            if form in PLAIN_FORMS:
                element("pre", forms[form], item, class_="cite-text", data_form=form)
            else:
                element("div", self.md.htmlStash.store(forms[form]), item, class_="cite-text", data_form=form)


class CitePanelExtension(EditionExtension):
    needs_page = True

    def register(self, md: Markdown) -> None:
        # After the paragraphs are numbered (12) and markers expanded (14); before toc (5).
        md.treeprocessors.register(CitePanelTreeprocessor(md, self), "edition-cite-panel", 11)


def makeExtension(**kwargs) -> CitePanelExtension:
    return CitePanelExtension(**kwargs)
