"""Every quote is checked against its source's stored text (data/sources/<id>.txt): a made-up quote is
refused at its line with the article's closest passage; a source without its text is a notice, and the
site marks its facts "quote not verified"."""

from __future__ import annotations

import datetime as dt
import html

from coopsite import articles, rules
from coopsite.load import load
from conftest import edit, line_of, run_build

TODAY = dt.date(2026, 1, 1)  # the builds' SOURCE_DATE_EPOCH (conftest.BUILD_EPOCH)


def test_a_fabricated_quote_is_refused_with_the_closest_passage(project):
    edit(project, "data/figures.yaml", "quote: $250 million in foreign investment will be allocated to the project.",
         "quote: Kia will invest $250 million in the new plant.")
    result = load(project / "data", today=TODAY)
    assert result.dataset is None
    line = line_of(project, "data/figures.yaml", "quote: Kia will invest $250 million")
    assert [str(p) for p in result.report.errors] == [
        f"data/figures.yaml:{line}:12: figures[0].quote: the quote is not in the article's text "
        "(sources/kia-kostanai-2023.txt); copy it verbatim from the article. The closest passage there: "
        "“$250 million in foreign investment will be allocated to the project.”"]


def test_spacing_line_breaks_and_typographic_quotation_marks_do_not_matter():
    text = "He said: “We are proud to contribute.”\nThe plant’s capacity is large."
    assert articles.find_quote(text, 'He said: "We are proud\n  to contribute."')
    assert articles.find_quote(text, "The plant's capacity is large.")
    assert not articles.find_quote(text, "The plant's capacity is huge.")


def test_every_real_quote_is_in_its_article(project):
    data = load(project / "data", today=TODAY).dataset
    assert data is not None and set(data.source_texts) == set(data.sources)
    assert rules.check_quotes_verified(data) == []
    assert sum(1 for _ in rules.quoted(data)) > 20


def test_a_source_without_its_text_is_a_notice_and_its_facts_are_marked_unverified(project, tmp_path):
    (project / "data/sources/fresh-wind-2019.txt").unlink()
    result = load(project / "data", today=TODAY)
    assert result.dataset is not None, [str(p) for p in result.report.errors]
    line = line_of(project, "data/sources.yaml", "id: fresh-wind-2019")
    assert (f"data/sources.yaml:{line}:9: sources[1].id: notice: the article's text is not stored, so its quotes "
            "are not verified and the site marks its facts 'quote not verified': paste the article as published, "
            "as plain text, into data/sources/fresh-wind-2019.txt") in [str(p) for p in result.report.notices]
    site = run_build(project, tmp_path / "site")
    assert site.returncode == 0, site.output
    program = html.unescape(site.page("program/"))
    plant = html.unescape(site.page("kia-plant/"))
    assert "(quote not verified)" in program
    assert "(quote not verified)" not in plant  # the 2023 article's text is still there
