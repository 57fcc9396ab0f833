"""Numbers, money and dates as a reader of each edition's language writes them (formats.py, Babel
and the catalog), and the same words on the built pages and in each edition's feed."""

from __future__ import annotations

import feedparser
import pytest

from coopsite.catalog import QUOTE_MARKS
from coopsite import kazakh
from coopsite.dates import PartialDate
from coopsite.model import Figure, Range, Text, Unit
from coopsite.formats import format_value

MONEY = Unit.model_validate({"id": "usd", "kind": "money", "symbol": "US$", "words": {
    "ru": {"one": "доллар США", "few": "доллара США", "many": "долларов США", "other": "доллара США",
           "after_scale": "долларов США"},
    "kk": {"one": "АҚШ доллары", "other": "АҚШ доллары", "after_scale": "АҚШ доллары"},
    "ko": {"other": "달러", "pattern": "{n} 달러"}}})
CARS = Unit.model_validate({"id": "cars", "kind": "count", "one": {"en": "car a year"}, "other": {"en": "cars a year"},
                            "words": {
    "ru": {"one": "автомобиль в год", "few": "автомобиля в год", "many": "автомобилей в год", "other": "автомобиля в год"},
    "kk": {"one": "автокөлік", "other": "автокөлік", "pattern": "жылына {n} автокөлік"},
    "ko": {"other": "대", "pattern": "연간 {n}대"}}})
FIRMS = Unit.model_validate({"id": "firms", "kind": "count", "one": {"en": "enterprise"}, "other": {"en": "enterprises"},
                             "words": {
    "ru": {"one": "предприятие", "few": "предприятия", "many": "предприятий", "other": "предприятия"},
    "kk": {"one": "кәсіпорын", "other": "кәсіпорын"},
    "ko": {"other": "곳", "pattern": "기업 {n}곳"}}})


def figure(value, unit, qualifier="exact"):
    made = Figure(id="f", topic="t", label=Text(en="label"), value=value, unit=unit.id, qualifier=qualifier,
                  outlook="reported", as_of=PartialDate.parse(2019), source="s", quote="q q")
    made._unit = unit
    return made


def said(value, unit, qualifier, lang) -> str:
    return format_value(figure(value, unit, qualifier), lang).replace("\xa0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("value, unit, qualifier, shown", [
    (250_000_000, MONEY, "exact", {"ru": "250 млн долларов США", "kk": "250 млн АҚШ доллары", "ko": "2억 5천만 달러"}),
    (7_000_000_000, MONEY, "about", {"ru": "около 7 млрд долларов США", "kk": "шамамен 7 млрд АҚШ доллары",
                                     "ko": "약 70억 달러"}),
    (250_000_000, MONEY, "more-than", {"ru": "более 250 млн долларов США", "kk": "250 млн-нан астам АҚШ доллары",
                                       "ko": "2억 5천만 달러 이상"}),
    (70_000, CARS, "exact", {"ru": "70 000 автомобилей в год", "kk": "жылына 70 000 автокөлік", "ko": "연간 7만 대"}),
    (70_000, CARS, "up-to", {"ru": "до 70 000 автомобилей в год", "kk": "жылына 70 000-ға дейін автокөлік",
                             "ko": "연간 최대 7만 대"}),
    (1500, FIRMS, "about", {"ru": "около 1 500 предприятий", "kk": "шамамен 1 500 кәсіпорын", "ko": "기업 약 1,500곳"}),
    (500, FIRMS, "more-than", {"ru": "более 500 предприятий", "kk": "500-ден астам кәсіпорын", "ko": "기업 500곳 이상"}),
    (40, FIRMS, "less-than", {"ru": "менее 40 предприятий", "kk": "40-тан кем кәсіпорын", "ko": "기업 40곳 미만"}),
    (Range(5, 6), FIRMS, "exact", {"ru": "5–6 предприятий", "kk": "5–6 кәсіпорын", "ko": "기업 5~6곳"}),
])
@pytest.mark.parametrize("lang", ["ru", "kk", "ko"])
def test_amounts_read_as_each_language_writes_them(value, unit, qualifier, shown, lang):
    assert said(value, unit, qualifier, lang) == shown[lang]


@pytest.mark.parametrize("written, ablative, dative", [
    ("1", "1-ден", "1-ге"), ("3", "3-тен", "3-ке"), ("6", "6-дан", "6-ға"), ("10", "10-нан", "10-ға"),
    ("40", "40-тан", "40-қа"), ("500", "500-ден", "500-ге"), ("1 500", "1 500-ден", "1 500-ге"),
    ("70 000", "70 000-нан", "70 000-ға"), ("2,5", "2,5-тен", "2,5-ке"), ("250 млн", "250 млн-нан", "250 млн-ға"),
    ("7 млрд", "7 млрд-тан", "7 млрд-қа"), ("90 %", "90 %-дан", "90 %-ға"),
])
def test_a_kazakh_number_takes_the_ending_of_the_word_it_is_read_as(written, ablative, dative):
    assert (kazakh.ablative(written), kazakh.dative(written)) == (ablative, dative)


@pytest.mark.parametrize("date, shown", [
    ("2024", {"en": "2024", "ru": "2024 г.", "kk": "2024 ж.", "ko": "2024년"}),
    ("2019-H2", {"en": "H2 2019", "ru": "II полугодие 2019 г.", "kk": "2019 ж. ІІ жартыжылдық", "ko": "2019년 하반기"}),
    ("2025-Q1", {"en": "Q1 2025", "ru": "I квартал 2025 г.", "kk": "2025 ж. І тоқсан", "ko": "2025년 1분기"}),
    ("2025-Q4", {"en": "Q4 2025", "ru": "IV квартал 2025 г.", "kk": "2025 ж. IV тоқсан", "ko": "2025년 4분기"}),
    ("2023-01", {"en": "January 2023", "ru": "январь 2023 г.", "kk": "2023 ж. қаңтар", "ko": "2023년 1월"}),
    ("2023-11-13", {"en": "13 November 2023", "ru": "13 ноября 2023 г.", "kk": "2023 ж. 13 қараша",
                    "ko": "2023년 11월 13일"}),
])
@pytest.mark.parametrize("lang", ["en", "ru", "kk", "ko"])
def test_dates_at_every_precision_read_as_each_language_writes_them(date, shown, lang):
    assert PartialDate.parse(date).label(lang).replace("\u202f", " ") == shown[lang]


def test_the_year_stays_with_its_abbreviation():
    """'2024 г.' never breaks between the year and 'г.' (a no-break space, as CLDR writes it)."""
    assert PartialDate.parse("2024").label("ru") == "2024\u202fг."
    assert PartialDate.parse("2024").label("kk") == "2024\u202fж."


# -- on the built site (the fixture data) ---------------------------------------------------------

@pytest.mark.parametrize("lang, year, amounts", [
    ("en", "2024", ["more than 500 enterprises", "US$250 million", "70,000 cars a year", "about US$7 billion",
                    "Q1 2025", "H2 2019"]),
    ("ru", "2024 г.", ["более 500 предприятий", "250 млн долларов США", "70 000 автомобилей в год",
                       "около 7 млрд долларов США", "I квартал 2025 г.", "II полугодие 2019 г."]),
    ("kk", "2024 ж.", ["500-ден астам кәсіпорын", "250 млн АҚШ доллары", "жылына 70 000 автокөлік",
                       "шамамен 7 млрд АҚШ доллары", "2025 ж. І тоқсан", "2019 ж. ІІ жартыжылдық"]),
    ("ko", "2024년", ["기업 500곳 이상", "2억 5천만 달러", "연간 7만 대", "약 70억 달러", "2025년 1분기", "2019년 하반기"]),
])
def test_the_built_pages_write_dates_and_amounts_in_the_editions_language(built_site, lang, year, amounts):
    root = "" if lang == "en" else f"{lang}/"
    plant = built_site.page(f"{root}kia-plant/").replace("\u202f", " ").replace("\xa0", " ")
    assert f">{year}<" in plant  # the planned completion's date, on the timeline
    figures = built_site.page(f"{root}figures/").replace("\u202f", " ").replace("\xa0", " ")
    for amount in amounts:  # quarters are the plant's schedule; the rest, figures
        assert amount in figures + plant, (lang, amount)


@pytest.mark.parametrize("lang, words", [
    ("en", ["Milestone", "scheduled for 2024, as reported on 13 November 2023", "as of H2 2019"]),
    ("ru", ["намечено на 2024 г., по данным на 13 ноября 2023 г.", "по данным на II полугодие 2019 г.",
            "более 500 предприятий"]),
    ("kk", ["2024 ж.", "2023 ж. 13 қараша хабары бойынша", "500-ден астам кәсіпорын"]),
    ("ko", ["2024년 예정, 2023년 11월 13일 보도 기준", "2019년 하반기 기준", "기업 500곳 이상"]),
])
def test_each_editions_feed_reads_in_its_language(built_site, lang, words):
    root = "" if lang == "en" else f"{lang}/"
    feed = feedparser.parse((built_site.site / root / "feed.xml").read_bytes())
    assert not feed.bozo and feed.feed.language == lang
    text = " ".join(f"{e.title} {e.summary} {e.tags[0].label}" for e in feed.entries)
    text = text.replace("\u202f", " ").replace("\xa0", " ")
    for word in words:
        assert word in text, (lang, word)
    if lang != "en":  # the site's own words, before the quote (quotes and reasoning are the data's)
        opening = QUOTE_MARKS[lang][0]  # the quote in the edition's own marks
        assert all(opening in e.summary for e in feed.entries), lang
        ours = " ".join(e.summary.split(opening)[0] for e in feed.entries)
        for english in ("as reported", "scheduled for", "November", "H2 2019", "Date not reported", "as of"):
            assert english not in ours, (lang, english)
