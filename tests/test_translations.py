"""Every edition's words are complete: each language's .po translates every message of messages.pot
(no empty msgstr, every plural form the language has, the msgid's placeholders and markup kept), and
the theme's Kazakh words (overrides/partials/languages/kk.html) have every key the theme's Russian has."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import jinja2
import yaml
import material
import pytest
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from coopsite.dates import PartialDate
from coopsite.render import ui

from conftest import ROOT

SOURCE_LANGUAGE = "en"  # the templates' own language: an empty msgstr shows the msgid
TRANSLATIONS = sorted(po for po in ui.LOCALES.glob("*/LC_MESSAGES/messages.po") if po.parts[-3] != SOURCE_LANGUAGE)
THEME_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
KAZAKH_THEME = ROOT / "overrides" / "partials" / "languages" / "kk.html"

_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
_TAG = re.compile(r"</?([a-z]+)\b")


def _read(po: Path) -> Catalog:
    with open(po, "rb") as source:
        return read_po(source)


def untranslated(catalog: Catalog, wanted: Catalog) -> list[str]:
    """What a reader of the catalog's language would see in English or broken: each message of `wanted`
    (messages.pot) missing, empty, fuzzy, short of plural forms, or with other placeholders or markup."""
    problems = []
    forms = get_plural(str(catalog.locale)).num_plurals
    for template in wanted:
        if not template.id:
            continue
        key = template.id[0] if template.pluralizable else template.id
        message = catalog.get(template.id)
        if message is None:
            problems.append(f"{key!r}: missing")
            continue
        strings = message.string if message.pluralizable else (message.string,)
        if message.fuzzy:
            problems.append(f"{key!r}: marked fuzzy")
        if message.pluralizable and len(strings) != forms:
            problems.append(f"{key!r}: {len(strings)} plural forms, the language has {forms}")
        # the plural msgid carries every placeholder a form may need (the count included)
        source = template.id[-1] if template.pluralizable else template.id
        for string in strings:
            if not string or not string.strip():
                problems.append(f"{key!r}: not translated")
                continue
            if Counter(_PLACEHOLDER.findall(string)) != Counter(_PLACEHOLDER.findall(source)):
                problems.append(f"{key!r}: placeholders {sorted(_PLACEHOLDER.findall(string))}, "
                                f"expected {sorted(_PLACEHOLDER.findall(source))}")
            if Counter(_TAG.findall(string)) != Counter(_TAG.findall(source)):
                problems.append(f"{key!r}: markup {sorted(_TAG.findall(string))}, expected {sorted(_TAG.findall(source))}")
    return problems


def test_there_are_translations():
    assert {po.parts[-3] for po in TRANSLATIONS} >= {"ru", "kk", "ko"}


@pytest.mark.parametrize("po", TRANSLATIONS, ids=lambda p: p.parts[-3])
def test_every_message_is_translated(po):
    assert untranslated(_read(po), _read(ui.LOCALES / "messages.pot")) == []


@pytest.mark.parametrize("po", TRANSLATIONS, ids=lambda p: p.parts[-3])
def test_the_plural_forms_are_the_languages_own(po):
    """The header's Plural-Forms is CLDR's rule for the language (Russian: one, few, many)."""
    catalog = _read(po)
    lang = po.parts[-3]
    assert str(catalog.locale) == lang
    cldr = get_plural(lang)
    assert (catalog.num_plurals, catalog.plural_expr) == (cldr.num_plurals, cldr.plural_expr)


def test_russian_counts_read_as_russian():
    """1, 3 and 5 months take the three Russian forms, through the catalog the site uses."""
    words = ui.translations("ru")
    said = {n: words.ngettext("the latest report is more than %(count)s month old",
                              "the latest report is more than %(count)s months old", n) % {"count": n}
            for n in (1, 3, 5, 21)}
    assert said == {1: "последнему сообщению больше 1 месяца", 3: "последнему сообщению больше 3 месяцев",
                    5: "последнему сообщению больше 5 месяцев", 21: "последнему сообщению больше 21 месяца"}


def test_the_completeness_check_can_fail():
    wanted = Catalog()
    wanted.add("Status")
    wanted.add("as of %(date)s")
    wanted.add(("%(count)s row", "%(count)s rows"))
    wanted.add('see <a href="%(page)s">%(title)s</a>')
    wanted.add("Missing")
    catalog = Catalog(locale="ru")
    catalog.add("Status", "")
    catalog.add("as of %(date)s", "на дату")
    catalog.add(("%(count)s row", "%(count)s rows"), ("%(count)s строка", "%(count)s строки"))
    catalog.add('see <a href="%(page)s">%(title)s</a>', "см. %(title)s (%(page)s)")
    assert untranslated(catalog, wanted) == [
        "'Status': not translated",
        "'as of %(date)s': placeholders [], expected ['%(date)s']",
        "'%(count)s row': 2 plural forms, the language has 3",
        "'see <a href=\"%(page)s\">%(title)s</a>': markup [], expected ['a', 'a']",
        "'Missing': missing",
    ]


def glossary_misses(catalog: Catalog, lang: str, terms: list[dict]) -> list[str]:
    """Messages naming a glossary term in English whose translation does not use the term's form in
    `lang` (or one of its other spellings). Russian and Kazakh inflect names ("в Костанае",
    "Қазақстанның"), so the form is compared without its last letter."""
    misses = []
    for term in terms:
        forms = [term[lang], *term.get("also_spelled", {}).get(lang, [])]
        stems = [form[:-1] if lang in ("ru", "kk") and len(form) > 4 else form for form in forms]
        for message in catalog:
            if not message.id:
                continue
            source = message.id[0] if message.pluralizable else message.id
            if not re.search(rf"\b{re.escape(term['en'])}\b", source):
                continue
            strings = message.string if message.pluralizable else (message.string,)
            for string in strings:
                if not any(stem.lower() in string.lower() for stem in stems):
                    misses.append(f"{source!r}: {term['en']!r} is {term[lang]!r} in the glossary: {string!r}")
    return misses


@pytest.mark.parametrize("po", TRANSLATIONS, ids=lambda p: p.parts[-3])
def test_names_follow_the_glossary(po):
    terms = yaml.safe_load((ROOT / "data" / "glossary.yaml").read_text(encoding="utf-8"))["terms"]
    assert glossary_misses(_read(po), po.parts[-3], terms) == []


def test_the_glossary_check_can_fail():
    catalog = Catalog(locale="ru")
    catalog.add("Kia plant in Kostanai", "Завод Kia в Кустанае")
    catalog.add("Trade with Kazakhstan", "Торговля с Казахстаном")
    terms = [{"en": "Kostanai", "ru": "Костанай", "also_spelled": {"ru": ["Kostanay"]}},
             {"en": "Kazakhstan", "ru": "Казахстан"}]
    assert glossary_misses(catalog, "ru", terms) == [
        "'Kia plant in Kostanai': 'Kostanai' is 'Костанай' in the glossary: 'Завод Kia в Кустанае'"]


# -- the theme's words ---------------------------------------------------------------------------

_KEY = re.compile(r'^\s*"([a-z.]+)":', re.M)


def theme_keys(path: Path) -> set[str]:
    return set(_KEY.findall(path.read_text(encoding="utf-8")))


def test_the_kazakh_theme_words_have_every_key_of_the_russian():
    kazakh = theme_keys(KAZAKH_THEME)
    assert theme_keys(THEME_LANGUAGES / "ru.html") - kazakh == set()
    assert theme_keys(THEME_LANGUAGES / "en.html") - kazakh == set(), "a key the theme's English has is missing"


def test_the_key_check_can_fail(tmp_path):
    partial = tmp_path / "xx.html"
    partial.write_text('{% macro t(key) %}{{ {\n  "language": "xx",\n  "toc": "Contents"\n}[key] }}{% endmacro %}')
    assert theme_keys(partial) == {"language", "toc"}


def test_theme_language_kk_resolves_the_override():
    """Material imports partials/languages/<theme.language>.html; with overrides/ as custom_dir first,
    as MkDocs loads them, `theme.language: kk` reads the Kazakh words, and no key falls back to English."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([ROOT / "overrides", THEME_LANGUAGES.parent.parent]))
    page = env.from_string('{% import "partials/language.html" as lang with context %}'
                           '{{ lang.t("toc") }}|{{ lang.t("search.placeholder") }}|{{ lang.t("footer.next") }}')
    assert page.render(config={"theme": {"language": "kk"}}) == "Мазмұны|Іздеу|Келесі"
    english = env.get_template("partials/languages/en.html").module
    kazakh = env.get_template("partials/languages/kk.html").module
    same = [key for key in theme_keys(KAZAKH_THEME) - {"direction", "search.config.lang", "search.config.separator"}
            if kazakh.t(key) == english.t(key)]
    assert same == []


# -- sentences with a date read in each language -------------------------------------------------
# A date reaches a sentence as the edition labels it (dates.label_in), a noun phrase at its precision;
# each message puts it where that reads, and a date ending in an abbreviation's full stop ends the sentence.

def _as_of(lang: str, date: str, **confirmation) -> str:
    macro = ui.environment(None, lang).get_template("partials/as-of.html").module.as_of
    label = PartialDate.parse(date).label(lang)
    values = dict(on=True, date=label, inferred=False, unconfirmed=True, since="2023-11-13", reason="months",
                  detail="", months=12)
    return str(macro({**values, **confirmation})).replace("\u202f", " ")


@pytest.mark.parametrize("lang, date, expected", [
    ("en", "2023-11-13", 'as reported on 13 November 2023. <strong class="kz-unconfirmed">Not confirmed since '
                         '13 November 2023</strong>: the latest report is more than 12 months old'),
    ("ru", "2023-11-13", 'по данным на 13 ноября 2023 г. <strong class="kz-unconfirmed">После данных на '
                         '13 ноября 2023 г. не подтверждалось</strong>: последнему сообщению больше 12 месяцев'),
    ("ru", "2025-Q1", 'по данным на I квартал 2025 г. <strong class="kz-unconfirmed">После данных на '
                      'I квартал 2025 г. не подтверждалось</strong>: последнему сообщению больше 12 месяцев'),
    ("ru", "2019-H2", 'по данным на II полугодие 2019 г. <strong class="kz-unconfirmed">После данных на '
                      'II полугодие 2019 г. не подтверждалось</strong>: последнему сообщению больше 12 месяцев'),
    ("kk", "2023-11-13", '2023 ж. 13 қараша хабары бойынша. <strong class="kz-unconfirmed">2023 ж. 13 қараша '
                         'хабарынан бері расталмаған</strong>: соңғы хабарға 12 айдан асты'),
    ("kk", "2019-H2", '2019 ж. ІІ жартыжылдық хабары бойынша. <strong class="kz-unconfirmed">2019 ж. ІІ жартыжылдық '
                      'хабарынан бері расталмаған</strong>: соңғы хабарға 12 айдан асты'),
    ("ko", "2023-11-13", '2023년 11월 13일 보도 기준. <strong class="kz-unconfirmed">2023년 11월 13일 보도 이후 '
                         '확인되지 않음</strong>: 마지막 보도 후 12개월이 넘게 지났다'),
    ("ko", "2019-H2", '2019년 하반기 보도 기준. <strong class="kz-unconfirmed">2019년 하반기 보도 이후 '
                      '확인되지 않음</strong>: 마지막 보도 후 12개월이 넘게 지났다'),
])
def test_a_status_not_confirmed_since_reads_in_each_language(lang, date, expected):
    assert _as_of(lang, date) == expected


def test_a_full_stop_follows_a_date_marked_inferred():
    said = _as_of("ru", "2023-01", on=False, inferred=True, reason="follows-passed")
    assert said.startswith('по данным на январь 2023 г. <span class="kz-badge kz-badge--inferred">'
                           'дата — вывод редакции</span>. ')
    assert "г.." not in said


@pytest.mark.parametrize("lang, inferred_date, status_as_of", [
    ("ru", "Вывод редакции (дата):", "по данным на 13 ноября 2023 г."),
    ("kk", "Редакция тұжырымы (күні):", "2023 ж. 13 қараша хабары бойынша"),
    ("ko", "추정(날짜):", "2023년 11월 13일 보도 기준"),
])
def test_the_plant_page_reads_in_the_editions_language(built_site, lang, inferred_date, status_as_of):
    """The words around the data on the built page: what was inferred, and how current a status is."""
    html = built_site.page(f"{lang}/kia-plant/").replace("\u202f", " ")
    assert inferred_date in html
    assert "Inferred date:" not in html
    assert status_as_of in html
