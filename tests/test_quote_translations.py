"""Quotes stay in the article's language; each other edition shows the site's translation beside the
original, labelled as a translation, and an inference's reasoning in the edition's language."""

from __future__ import annotations

import re

from conftest import edit, line_of, run_build
from test_check import run_check

LABELS = {"ru": "Перевод редакции сайта:", "kk": "Сайт редакциясының аудармасы:", "ko": "본 사이트 번역:"}


def _references(html: str) -> list[str]:
    return re.findall(r'<li id="ref-\d+".*?</li>', html, re.S)


def test_each_edition_shows_the_original_quote_with_its_translation_beside_it(project):
    edit(project, "data/plant.yaml", "    ru: >-\n        В январе президент Токаев",
         "    ru: >-\n        ПЕРЕВОД-ПРОВЕРКА. В январе президент Токаев")
    result = run_build(project)
    assert result.returncode == 0, result.output
    original = "In January, President Tokayev emphasized the importance of expanding industrial cooperation"
    english = result.page("kia-plant/")
    reference = next(r for r in _references(english) if original in r)
    assert 'lang="en"' in reference and "kz-translation" not in reference  # the English edition: the original alone
    for lang, label in LABELS.items():
        page = result.page(f"{lang}/kia-plant/")
        reference = next(r for r in _references(page) if original in r)
        quote = re.search(r'<q class="kz-references__quote" lang="en">(.*?)</q>', reference, re.S)
        assert quote and original in " ".join(quote.group(1).split()), lang  # the article's words, marked English
        translation = re.search(rf'<span class="kz-translation" lang="{lang}"><span class="kz-translation__label">'
                                rf'{re.escape(label)}</span> (.*?)</span>', reference, re.S)
        assert translation, (lang, reference)
        if lang == "ru":
            assert translation.group(1).startswith("ПЕРЕВОД-ПРОВЕРКА. В январе президент Токаев")


def test_an_inferences_reasoning_is_shown_in_the_editions_language(built_site):
    russian = built_site.page("ru/kia-plant/")
    notes = re.findall(r'<p class="kz-inferred-note"[^>]*>(.*?)</p>', russian, re.S)
    assert any("ближайший январь до статьи" in note for note in notes), notes
    english = built_site.page("kia-plant/")
    assert "The article of 13 November 2023 says" in english and "ближайший январь" not in english


def test_a_missing_quote_translation_is_a_notice_per_language_never_an_error(project):
    edit(project, "data/trade.yaml", "      ru: импортирует из Страны утренней свежести электронику, оборудование и "
                                     "автомобили\n", "", count=3)
    result = run_check(project)
    assert result.returncode == 0, result.stdout
    line = line_of(project, "data/trade.yaml", "quote: imports electronics")
    notices = [l for l in result.stdout.splitlines() if "quote not yet translated" in l]
    assert len(notices) == 3  # electronics, equipment, cars: Russian only
    assert notices[0].startswith(f"data/trade.yaml:{line}:5: goods[")
    assert all(".quote: notice: quote not yet translated into Russian: add 'ru:' under 'quote_translation:'" in l
               for l in notices)


def test_a_reasoning_in_plain_text_is_english_and_listed_as_untranslated(project):
    text = (project / "data/plant.yaml").read_text(encoding="utf-8")
    start = text.index("      date:\n        en: >-\n          The article of 13 November 2023")
    end = text.index("    status: done", start)
    (project / "data/plant.yaml").write_text(
        text[:start] + "      date: The article says \"In January\"; the year is taken as 2023.\n" + text[end:],
        encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 0, result.stdout
    notices = [l for l in result.stdout.splitlines() if "milestones[0].inferred.date" in l]
    assert [re.sub(r".*not yet translated into (\w+).*", r"\1", l) for l in notices] == ["Kazakh", "Korean", "Russian"]
    assert "write the reasoning as 'en:' and add 'kk:' beside it" in notices[0]


def test_the_downloads_and_make_diff_carry_the_quote_translations(project):
    import csv
    import io
    import json

    from test_diff import git, run_diff

    result = run_build(project)
    assert result.returncode == 0, result.output
    rows = list(csv.DictReader(io.StringIO((result.site / "data" / "trade-goods.csv").read_text(encoding="utf-8"))))
    cars = next(r for r in rows if r["id"] == "cars")
    assert cars["quote_translation_ko"] == "고요한 아침의 나라로부터 전자제품, 장비, 자동차를 수입한다"
    package = json.loads((result.site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    fields = {f["name"]: f for r in package["resources"] if r["name"] == "trade-goods" for f in r["schema"]["fields"]}
    assert "(Korean)" in fields["quote_translation_ko"]["description"]
    git(project, "init", "-q")
    git(project, "add", "data")
    git(project, "commit", "-qm", "base")
    edit(project, "data/trade.yaml", "ko: 고요한 아침의 나라로부터 전자제품, 장비, 자동차를 수입한다",
         "ko: 고요한 아침의 나라에서 전자제품, 장비, 자동차를 들여온다", count=3)
    diff = run_diff(project)
    assert diff.returncode == 0, diff.stderr
    assert any(line.startswith("- Trade good `cars`") and "quote_translation ko changed from “고요한 아침의 나라로부터"
               in line for line in diff.stdout.splitlines()), diff.stdout
