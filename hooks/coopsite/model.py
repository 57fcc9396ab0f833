"""Every kind of fact, declared once.

Each class below is a data file's entry: its fields (named as editors write them, through
`alias`), their types, their word lists and their descriptions. From these declarations come the
validation (pydantic), the typed objects the renderers read, the JSON Schemas editors' tools use
(schemas.py), the downloads' columns (export.py) and the names `make diff` reports (diff.py).

What an entry knows only once the other files are read (a figure's unit, a milestone's report
date, a derived figure's value) is linked in by load.py when the Dataset is built and never
changed after.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Iterator, Optional, get_args, get_origin

from pydantic import (
    AfterValidator, BaseModel, ConfigDict, Field, GetPydanticSchema, PrivateAttr, Strict, StringConstraints,
    WithJsonSchema, create_model, model_validator,
)
from pydantic_core import PydanticCustomError, core_schema

from . import words
from .dates import DATE_FORMS, DATE_PATTERN, DateFormError, PartialDate
from .words import Direction, Language, MilestoneStatus, Operation, Outlook, ProjectStatus, Qualifier, UnitKind

LANGUAGES = words.LANGUAGES


class Expected(str):
    """What a field expects, in an editor's words: the 'expected ...' of an error message."""


class RefersTo(str):
    """Marks an id field that names an entry of another kind; checks.references_resolve checks it exists."""


def declared_metadata(info: Any) -> tuple[list, list[type]]:
    """A field's metadata (from every level of Annotated) and the classes its type is made of."""
    metadata, classes = list(getattr(info, "metadata", ())), []

    def visit(tp: Any) -> None:
        if get_origin(tp) is Annotated:
            inner, *extra = get_args(tp)
            metadata.extend(extra)
            visit(inner)
        elif isinstance(tp, type) and get_origin(tp) is None:
            classes.append(tp)
        elif isinstance(get_origin(tp), type):  # tuple[...], dict[...]
            classes.append(get_origin(tp))
        for arg in get_args(tp) if get_origin(tp) is not Annotated else ():
            visit(arg)

    visit(getattr(info, "annotation", info))
    return metadata, classes


# -- building blocks ----------------------------------------------------------------------------

def _unique(items: tuple) -> tuple:
    seen = set()
    for item in items:
        if item in seen:
            raise PydanticCustomError("unique", "lists '{item}' more than once", {"item": item})
        seen.add(item)
    return items


def _date(value: Any) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise PydanticCustomError("date_type", "expected a date")
    try:
        return PartialDate.parse(value)
    except DateFormError as err:
        raise PydanticCustomError("date", "{reason}", {"reason": str(err)}) from None


Id = Annotated[str, Strict(), StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80), Field(
    description="A short name other files use to refer to this entry: lowercase letters, digits and single "
                "hyphens. Changing it breaks references and permalinks.", examples=["kia-investment"]),
    Expected("an id of lowercase letters, digits and single hyphens, such as 'kia-investment'")]
Ids = Annotated[tuple[Id, ...], AfterValidator(_unique), Field(json_schema_extra={"uniqueItems": True})]


def ref(what: str) -> Any:
    """An id naming an entry of kind `what` ('source', 'figure', ...)."""
    return Annotated[Id, RefersTo(what)]


def refs(what: str) -> Any:
    """A list of ids naming entries of kind `what`."""
    return Annotated[tuple[Annotated[Id, RefersTo(what)], ...], AfterValidator(_unique),
                     Field(json_schema_extra={"uniqueItems": True})]
PlainText = Annotated[str, Strict(), StringConstraints(min_length=1, max_length=5000, pattern=r"\S"), Field(
    description="Plain text; shown exactly as written (no Markdown, no HTML)."), Expected("non-empty text")]
Quote = Annotated[str, Strict(), StringConstraints(min_length=3, max_length=5000),
                  AfterValidator(lambda text: text.strip()), Field(
    description="The source article's sentence that states this fact, verbatim."),
    Expected("the article's own words, copied verbatim")]
# Validated by PartialDate.parse alone (pydantic would otherwise also build a schema for the dataclass).
Date = Annotated[PartialDate, GetPydanticSchema(lambda _type, _handler: core_schema.no_info_plain_validator_function(
    _date)), WithJsonSchema({
    "type": ["string", "integer"], "pattern": DATE_PATTERN, "description": f"A date at its true precision: {DATE_FORMS}.",
    "examples": [2024, "2025-Q1", "2023-01", "2023-11-11"]}), Expected(f"a date as {DATE_FORMS}")]
# A whole number stays an int (250000000 is written back as such), a decimal a float.
Number = Annotated[Annotated[int, Strict(), Field(gt=0)] | Annotated[float, Strict(), Field(gt=0)],
                   WithJsonSchema({"type": "number", "exclusiveMinimum": 0})]
Flag = Annotated[bool, Strict(), Expected("true or false")]
Address = Annotated[str, StringConstraints(pattern=r"^https?://"),
                    Expected("an address starting with http:// or https://")]


class Declared(BaseModel):
    """An entry of a data file: unknown fields refused, values never changed after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True, protected_namespaces=())
    id_kind: ClassVar[Optional[str]] = None  # the kind of id an entry defines, as other fields refer to it
    id_space: ClassVar[Optional[str]] = None  # where its id must be unique, when wider than its kind

    def given(self) -> set[str]:
        """The fields the editor wrote, by their names in the file."""
        return {type(self).model_fields[name].alias or name for name in self.model_fields_set}


class _TextBase(Declared):
    """Reader-facing text by language; English is always present."""

    def get(self, lang: str = "en") -> str:
        return getattr(self, lang, None) or self.en

    @property
    def values(self) -> dict[str, str]:
        return {lang: getattr(self, lang) for lang in LANGUAGES if getattr(self, lang)}

    def __str__(self) -> str:
        return self.get()


Text = create_model(  # one field per language of words.Language: 'en' required, the others optional
    "Text", __base__=_TextBase, __doc__=_TextBase.__doc__,
    **{lang: (PlainText, ...) if lang == "en" else (PlainText, None) for lang in LANGUAGES},
)
def reader_texts(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, "_TextBase"]]:
    """Every reader text (text by language, an inference's reasoning included) inside a declared value,
    a list or a mapping of them, with its path: ('milestones', 0, 'title')."""
    if isinstance(value, _TextBase):
        yield path, value
    elif isinstance(value, Declared):
        for name, info in type(value).model_fields.items():
            yield from reader_texts(getattr(value, name), path + (info.alias or name,))
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from reader_texts(item, path + (i,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from reader_texts(item, path + (key,))


ReaderText = Annotated[Text, Field(
    description="Text shown to readers, by language: 'en' is required; "
                f"{words.listed(LANGUAGES[1:], 'and')} may be added as translations.",
    examples=[{"en": "Construction completed"}]),
    Expected("text by language, such as 'en: Construction completed' on the next line, indented")]


def _as_text(value: Any) -> Any:
    """Reasoning written as plain text is English: the same Text as one written by language."""
    return Text(en=value) if isinstance(value, str) else value


# The reasoning behind an inferred value is the site's own words: plain text (English), or by language
# like any reader text (en: required, ru:, kk:, ko: its translations).
Reasoning = Annotated[PlainText | Text, AfterValidator(_as_text)]
Inferred = Annotated[dict[str, Reasoning], Field(
    description="Fields the source leaves implicit, each with the reasoning that supplies it (plain English text, "
                "or by language: 'en:' with 'ru:', 'kk:', 'ko:' beside it); empty when nothing is inferred.",
    examples=[{"date": "The article says 'In January'; the year is taken as 2023."}]),
    Expected("a mapping from a field name to the reasoning, such as 'date: The article says ...'")]


class TranslationOf(str):
    """Marks a field that holds the site's translation of another field (the article's own words): the
    name of that field. The check for missing translations and the evidence pair them through it."""


class _TranslationBase(Declared):
    """The site's translation of an article's words, by language (the original stays as written)."""

    def get(self, lang: str) -> Optional[str]:
        return getattr(self, lang, None) if lang in TRANSLATED_LANGUAGES else None

    @property
    def values(self) -> dict[str, str]:
        return {lang: getattr(self, lang) for lang in TRANSLATED_LANGUAGES if getattr(self, lang)}


TRANSLATED_LANGUAGES = LANGUAGES[1:]
Translation = create_model(  # one optional field per language of words.Language but English (the articles')
    "Translation", __base__=_TranslationBase, __doc__=_TranslationBase.__doc__,
    **{lang: (PlainText, None) for lang in TRANSLATED_LANGUAGES},
)


def translation_of(original: str) -> Any:
    """The site's translation of the field `original` (a quote), shown beside it, labelled as a translation."""
    return Annotated[Translation, TranslationOf(original), Field(
        description=f"The site's translation of {original}, by language ({words.listed(TRANSLATED_LANGUAGES, 'and')}"
                    f"): each edition shows the article's words with the translation beside it, labelled as ours.",
        examples=[{"ru": "Строительство планируется завершить в 2024 году."}]),
        Expected(f"the translation of {original} by language, such as 'ru: ...' on the next line, indented")]


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from: a source and its verbatim words."""

    source_id: str
    quote: str
    translation: Optional["Translation"] = None  # the site's translation of the quote, by language


SourceId = Annotated[ref("source"), Field(alias="source", description="The id of the source article (see sources.csv).")]


class Cited(Declared):
    """An entry resting on a source; each declares `source_id` (written `source`) and `quote` where they belong."""

    if TYPE_CHECKING:
        source_id: str
        quote: str

    @property
    def evidence(self) -> Evidence:
        return Evidence(self.source_id, self.quote, getattr(self, "quote_translation", None))


ReportSourceId = Annotated[ref("source"), Field(
    alias="source", description="The id of the source of this report (see sources.csv); its date is the date of the "
                                "report.")]


class Report(Cited):
    """A later report on an entry: what a newer source says of it (it happened, it slipped, it grew), with its
    words. Each kind declares the fields it restates, named as on the entry (`restates`: the report's field ->
    the entry's); a field a report leaves out stays as the report before it gave it."""

    restates: ClassVar[dict[str, str]] = {}
    WORDS: ClassVar[tuple[str, ...]] = ("source_id", "quote", "quote_translation")  # whose words, not what they say

    _reported: PartialDate = PrivateAttr(None)

    @property
    def reported(self) -> PartialDate:
        """The publication date of the report's source: what 'reported on' names (load.py)."""
        return self._reported

    @property
    def stated(self) -> dict[str, Any]:
        """What the report says of the entry, its source and words aside, by the report's field names."""
        return {name: getattr(self, name) for name in self.restates if name not in self.WORDS}


class WithReports(Declared):
    """An entry later reports may update (its `reports:`). Its own fields stay as the first report (what was
    first reported, or planned); load.py gives the entry the latest report's state and keeps every report,
    oldest first, in `history`."""

    _history: tuple = PrivateAttr(())

    @classmethod
    def report_kind(cls) -> type[Report]:
        return get_args(cls.model_fields["reports"].annotation)[0]

    def own_report(self) -> Report:
        """The entry's own fields as its first report."""
        kind = self.report_kind()
        return kind.model_construct(**{name: getattr(self, own) for name, own in kind.restates.items()})

    def reports_in_full(self) -> list[Report]:
        """Its own report, then each later one with what it leaves out carried over from the one before."""
        history = [self.own_report()]
        for report in self.reports:
            unchanged = {name: getattr(history[-1], name) for name in report.stated if getattr(report, name) is None}
            history.append(report.model_copy(update=unchanged) if unchanged else report)
        return history

    def latest_update(self, latest: Report) -> dict[str, Any]:
        """The entry's fields as the latest report gives them."""
        return {own: getattr(latest, name) for name, own in latest.restates.items()}

    def as_latest(self, history: list[Report]) -> "WithReports":
        """The entry as the last of `history` (reports_in_full) gives it; itself when it has no later report."""
        return self if len(history) == 1 else self.model_copy(update=self.latest_update(history[-1]))

    @property
    def history(self) -> tuple[Report, ...]:
        """Every report on it, oldest first; the last is what the entry's fields now hold (load.py)."""
        return self._history

    @property
    def reported(self) -> PartialDate:
        """The publication date of the latest report's source: what 'as reported on' names."""
        return self._history[-1].reported

    @property
    def first_report(self) -> Optional[Report]:
        """The first report, when a later one changed what it states: what was planned or first given, and when."""
        if len(self._history) < 2:
            return None
        first, last = self._history[0], self._history[-1]
        return first if first.stated != last.stated else None


# -- the entries --------------------------------------------------------------------------------
# Descriptions serve editors (in their schema) and data users (in the downloads and on the Data page).

class Source(Declared):
    """An article every fact on the site comes from."""

    id_kind = "source"

    id: Id = Field(description="The source's id, used in the source column of the other files.")
    title: ReaderText = Field(description="The article's title, ours when it has no headline.")
    headline: Optional[PlainText] = Field(None, description="The article's own headline; empty when it has none.")
    headline_translation: translation_of("headline") = None
    outlet: Optional[PlainText] = Field(None, description="The publication; empty when not stated.")
    url: Optional[Address] = Field(None, description="The article's address, when known.")
    archived: Optional[Address] = Field(
        None, description="The address of an archived copy of the article (such as one at web.archive.org), in case "
                          "the article moves or disappears.")
    published: Date = Field(description="The publication date.")
    language: Language = Field(description="The article's language (a language code).")
    summary: ReaderText = Field(None, description="What the article reports.")
    notes: ReaderText = Field(None, description="Notes on the article: missing headline, outlet or date.")
    inferred: Inferred = {}


class Person(Cited):
    """A person a source names, with the role it gives them."""

    id_kind = "person"

    id: Id
    name: PlainText = Field(description="The name as the source spells it.")
    role: ReaderText = Field(description="The role the source gives, at the source's date.")
    source_id: SourceId
    quote: Quote
    quote_translation: translation_of("quote") = None


class Statement(Cited):
    """What a person said, with the article's words as evidence."""

    id_kind = "statement"

    id: Id
    person_id: ref("person") = Field(alias="person", description="The id of the speaker in people.yaml.")
    source_id: SourceId
    date: Date = Field(None, description="When it was said; leave out when the source does not say.")
    direct: Flag = Field(description="true when the article quotes the words in quotation marks; false for "
                                     "reported speech.")
    summary: ReaderText = Field(description="What was said, in a sentence of ours.")
    quote: Quote
    quote_translation: translation_of("quote") = None
    inferred: Inferred = {}


class Place(Declared):
    """A place, with the other spellings readers search for."""

    id_kind = "place"

    id: Id
    name: ReaderText = Field(description="The spelling the sources use.")
    also_spelled: Annotated[tuple[PlainText, ...], AfterValidator(_unique)] = Field(
        (), description="Other spellings and scripts, so that search finds them. Background, not from the sources: "
                        "shown labelled as such.", examples=[["Kostanay", "Костанай"]],
        json_schema_extra={"uniqueItems": True})
    background: ReaderText = Field(None, description="What the place is, in a few words. Background, not from the "
                                                     "sources: shown labelled as such.")


GlossaryKind = Annotated[str, Strict(), StringConstraints(pattern=r"^(person|place|company|program|role|other)$"),
                         Expected("one of person, place, company, program, role, other")]


class Spellings(Declared):
    """Other spellings readers of each language type, by language."""

    en: tuple[PlainText, ...] = ()
    ru: tuple[PlainText, ...] = ()
    kk: tuple[PlainText, ...] = ()
    ko: tuple[PlainText, ...] = ()

    def get(self, lang: str) -> tuple[str, ...]:
        return getattr(self, lang, ()) or ()


class Term(Declared):
    """A name (person, place, company, program, role) in every language: translations use these forms, and
    search finds the entry by any of its spellings in every edition."""

    id_kind = "term"

    id: Id
    kind: GlossaryKind = Field(description="person, place, company, program, role or other.")
    en: PlainText = Field(description="The English form (the sources' own where they give one).")
    ru: Optional[PlainText] = Field(None, description="The Russian form (official where one exists).")
    kk: Optional[PlainText] = Field(None, description="The Kazakh form (official where one exists).")
    ko: Optional[PlainText] = Field(None, description="The Korean form (official where one exists).")
    also_spelled: Spellings = Field(Spellings(), description="Other spellings readers of each language type; "
                                                             "search finds the entry by every one, in every edition.")
    note: Optional[PlainText] = Field(None, description="Where each spelling comes from (confirmed, and by whom, "
                                                        "or our transliteration).")

    def form(self, lang: str) -> str:
        return getattr(self, lang, None) or self.en

    def spellings(self) -> tuple[str, ...]:
        """Every form and other spelling, in every language, once each."""
        forms = [getattr(self, lang) for lang in LANGUAGES if getattr(self, lang, None)]
        return tuple(dict.fromkeys([*forms, *(s for lang in LANGUAGES for s in self.also_spelled.get(lang))]))


_NEEDS_BY_KIND = {"money": ("symbol",), "count": ("one", "other")}


Pattern = Annotated[str, Strict(), StringConstraints(pattern=r"\{n\}"), Expected("text with {n} where the number goes")]


class UnitForms(Declared):
    """A unit's words in one language, by the CLDR plural category of the number (Babel's plural rules
    choose): Russian uses one, few, many and other; Kazakh one and other; Korean other only."""

    one: Optional[PlainText] = Field(None, description="After a number of the category 'one' (ru: 1, 21, 31...).")
    few: Optional[PlainText] = Field(None, description="After a number of the category 'few' (ru: 2-4, 22-24...).")
    many: Optional[PlainText] = Field(None, description="After a number of the category 'many' (ru: 0, 5-20...).")
    other: PlainText = Field(description="After any other number (fractions in Russian; every number in Korean).")
    after_scale: Optional[PlainText] = Field(None, description="For money: the words after a scaled amount "
                                                               "(250 млн долларов США).")
    symbol: Optional[PlainText] = Field(None, description="For money in this language: the currency's words, when "
                                                          "they differ from after_scale and other.")
    pattern: Optional[Pattern] = Field(None, description="Where the number goes, when not first: 'жылына {n} "
                                                         "автокөлік', '연간 {n}대'.")

    def noun(self, category: str) -> str:
        return getattr(self, category, None) or self.other


class UnitWords(Declared):
    """A unit's words in the other languages; a language left out shows the English words."""

    ru: Optional[UnitForms] = None
    kk: Optional[UnitForms] = None
    ko: Optional[UnitForms] = None

    def get(self, lang: str) -> Optional[UnitForms]:
        return getattr(self, lang, None)


class Unit(Declared):
    """How a figure is written out for readers."""

    id_kind = "unit"
    model_config = ConfigDict(json_schema_extra={"allOf": [
        {"if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]}, "then": {"required": list(needs)}}
        for kind, needs in _NEEDS_BY_KIND.items()]})

    id: Id
    kind: UnitKind = Field(description="money: symbol first and large amounts scaled (US$250 million); count: the "
                                       "noun follows the number (70,000 cars a year); percent: 90%.")
    symbol: Annotated[str, Strict(), StringConstraints(min_length=1)] = Field(
        "", description="For money: the symbol written before the amount, such as US$.")
    one: ReaderText = Field(None, description="For counts: the noun after 1, such as 'car a year'.")
    other: ReaderText = Field(None, description="For counts: the noun after any other number, such as 'cars a year'.")
    words: UnitWords = Field(UnitWords(), description="The unit's words in Russian, Kazakh and Korean, by plural "
                                                      "category (see UnitForms).")

    @model_validator(mode="after")
    def _what_the_kind_needs(self) -> "Unit":
        for needed in _NEEDS_BY_KIND.get(self.kind, ()):
            if needed not in self.model_fields_set:
                raise PydanticCustomError("needed_for_kind", "missing field '{name}'", {"name": needed})
        return self


class Range(Declared):
    """A number the source gives as a range: 5 to 6."""

    model_config = ConfigDict(json_schema_extra={"x-expected": "a range such as {low: 5, high: 6}"})

    low: Number
    high: Number

    # Range(5, 6) as well as Range(low=5, high=6). (A custom __init__ is also what validation calls: fine for the
    # few ranges, too slow for Text, which has none.)
    def __init__(self, *low_high: float, **fields: float):
        super().__init__(**dict(zip(("low", "high"), low_high)), **fields)


Value = Annotated[Number | Range, Field(
    description="The number in full (250000000, not '250 million'), or a range {low: 5, high: 6}.",
    examples=[250000000, {"low": 5, "high": 6}]),
    Expected("a number above 0 written in digits (such as 250000000), or a range such as {low: 5, high: 6}")]
TopicId = Annotated[ref("topic"), Field(alias="topic", description="The id of the topic the figure belongs to.")]
UnitId = Annotated[ref("unit"), Field(
    alias="unit", description="The id of the unit: usd (US dollars), jobs, projects, percent, and so on.")]


class Topic(Declared):
    """A group of figures on the Key figures page."""

    id_kind = "topic"

    id: Id
    name: ReaderText


class _Measured(Declared):
    """A number in a unit of units.yaml, linked in by load.py."""

    _unit: "Unit" = PrivateAttr(None)

    @property
    def unit(self) -> "Unit":
        return self._unit


class FigureReport(Report, _Measured):
    """A later report on a figure: the number as a newer source gives it, with its words."""

    restates = {"value": "value", "as_of": "as_of", "qualifier": "qualifier", "outlook": "outlook",
                "source_id": "source_id", "quote": "quote", "quote_translation": "quote_translation"}

    value: Value
    as_of: Date = Field(description="The date or period the number refers to, as this report gives it.")
    qualifier: Optional[Qualifier] = Field(None, description="How this report qualifies the number; leave out when "
                                                             "unchanged.")
    outlook: Optional[Outlook] = Field(None, description="reported or expected, as this report gives it; leave out "
                                                         "when unchanged.")
    source_id: ReportSourceId
    quote: Quote = Field(description="The report's sentence that states the number, verbatim; it must contain the "
                                     "value as written there.")
    quote_translation: translation_of("quote") = None


class Figure(Cited, WithReports, _Measured):
    """A number a source gives."""

    id_kind = "figure"

    id: Id = Field(description="The figure's id; its permalink is figures/#figure-ID.")
    topic_id: TopicId
    label: ReaderText = Field(description="What the number counts.")
    value: Value
    unit_id: UnitId
    qualifier: Qualifier = Field(description=f"How the number is qualified: {words.listed(words.QUALIFIERS)}.")
    outlook: Outlook = Field(description="reported (a fact as of the date) or expected (a plan or forecast).")
    as_of: Date = Field(description="The date or period the number refers to.")
    headline: Flag = Field(False, description="true when the figure is shown on the home page.")
    source_id: SourceId
    quote: Quote = Field(description="The source article's sentence that states this fact, verbatim; it must "
                                     "contain the value as written there.")
    quote_translation: translation_of("quote") = None
    statement_ids: refs("statement") = Field((), alias="statements",
                                             description="Ids of the statements (people page) behind this fact.")
    inferred: Inferred = {}
    reports: tuple[FigureReport, ...] = Field((), description=(
        "Later reports on this number, oldest first, each with its value, as_of, source and quote (and qualifier or "
        "outlook when they change). The fields above stay as the first report; the site shows the latest value and, "
        "beside it, the earlier ones with their report dates."))


@dataclass(frozen=True)
class Computed:
    value: float | Range
    exact_value: float | Range
    qualifier: str
    outlook: str
    as_of: PartialDate


class DerivedFigure(_Measured):
    """A number computed at build time from other figures (see derived.py); never a reported one."""

    id_kind = "derived figure"
    id_space = "figure"  # one id per figure, reported or derived

    id: Id = Field(description="The derived figure's id; its permalink is figures/#figure-ID.")
    topic_id: TopicId
    label: ReaderText = Field(description="What the computed number counts.")
    operation: Operation = Field(description="multiply, divide (first ÷ second) or subtract (first − the others).")
    input_ids: Annotated[Ids, Field(min_length=2)] = Field(
        alias="inputs", description="Ids of the figures (reported or derived) it is computed from, in formula order.",
        examples=[["kia-investment", "kia-jobs"]])
    unit_id: UnitId
    decimals: Annotated[int, Strict()] = Field(0, ge=0, le=6, description="Decimal places the result may keep.")
    assumption: ReaderText = Field(None, description="What the computation assumes (required: the rules in "
                                                      "rules.py refuse a derived figure without one).")

    _computed: Computed = PrivateAttr(None)  # worked out from the inputs when the Dataset is built (load.py)

    @property
    def value(self) -> float | Range:
        """Rounded to the precision of its least precise input (and `decimals`), as shown and exported."""
        return self._computed.value

    @property
    def exact_value(self) -> float | Range:
        return self._computed.exact_value

    @property
    def qualifier(self) -> str:
        """exact, or about when an input is not exact or the result is rounded."""
        return self._computed.qualifier

    @property
    def outlook(self) -> str:
        """expected when any input is."""
        return self._computed.outlook

    @property
    def as_of(self) -> PartialDate:
        """The latest date among the inputs."""
        return self._computed.as_of


class MilestoneReport(Report):
    """A later report on a milestone: what a newer source says of it (it happened, it slipped), with its words."""

    restates = {"status": "status", "date": "date", "source_id": "source_id", "quote": "quote",
                "quote_translation": "quote_translation"}

    status: MilestoneStatus = Field(description=f"{words.listed(words.MILESTONE_STATUSES)}, as this report gives it.")
    date: Date = Field(None, description="When it happened or is now scheduled, as this report gives it; leave out "
                                         "when the report gives no date.")
    source_id: ReportSourceId
    quote: Quote
    quote_translation: translation_of("quote") = None


class Milestone(Cited, WithReports):
    """A step on the Kia plant's timeline."""

    id_kind = "milestone"
    model_config = ConfigDict(json_schema_extra={
        "oneOf": [{"required": ["date"], "not": {"required": ["after"]}},
                  {"required": ["after"], "not": {"required": ["date"]}}]})

    id: Id = Field(description="The milestone's id; its permalink is kia-plant/#milestone-ID.")
    title: ReaderText = Field(description="What happened or is planned.")
    date: Date = Field(None, description="When it happened or is scheduled; empty when the source gives no date "
                                         "(then 'after' names the milestone it follows).")
    after_id: Id = Field(None, alias="after",
                         description="For an undated milestone: the id of the milestone it follows.")
    status: MilestoneStatus = Field(description=f"{words.listed(words.MILESTONE_STATUSES)}, as the source reports it "
                                                "on its own date.")
    source_id: Annotated[ref("source"), Field(
        alias="source", description="The id of the source article (see sources.csv); its date is the date of the "
                                    "report.")]
    quote: Quote
    quote_translation: translation_of("quote") = None
    statement_ids: refs("statement") = Field((), alias="statements",
                                             description="Ids of the statements (people page) behind this fact.")
    inferred: Inferred = {}
    reports: tuple[MilestoneReport, ...] = Field((), description=(
        "Later reports on this milestone, oldest first, each with its own date, status, source and quote. The "
        "fields above stay as the first report (what was planned); the site shows the latest report's state "
        "beside it."))

    @model_validator(mode="after")
    def _date_or_after(self) -> "Milestone":
        if ("date" in self.model_fields_set) == ("after_id" in self.model_fields_set):
            raise PydanticCustomError("date_or_after", "expected either a 'date' or, when the source gives none, "
                                      "'after' naming the milestone it follows (not both), got a mapping")
        return self

    def latest_update(self, latest: Report) -> dict[str, Any]:
        update = super().latest_update(latest)
        return {**update, "after_id": None} if update["date"] else update  # a dated step follows no other


class PlantStatusReport(Report):
    """A later report on the plant's status, with its words."""

    restates = {"status": "status", "status_text": "status_text", "source_id": "status_source",
                "quote": "status_quote", "quote_translation": "status_quote_translation"}

    status: MilestoneStatus = Field(description="As this report gives it.")
    status_text: ReaderText = Field(description="The status in words, as of this report's date.")
    source_id: ReportSourceId
    quote: Quote
    quote_translation: translation_of("quote") = None


class Plant(WithReports):
    """The plant's summary card."""

    id_kind = "plant"

    id: Id
    name: ReaderText
    partner: PlainText = Field(description="The company behind the plant.")
    place_id: ref("place") = Field(alias="place", description="The id of the place in places.yaml.")
    kind: ReaderText = Field(description="What kind of plant it is.")
    status: MilestoneStatus = Field(description="As the status source reports it on its date.")
    status_text: ReaderText = Field(description="The status in words, as of the status source's date.")
    status_source: ref("source") = Field(description="The id of the source that reports the status.")
    status_quote: Quote
    status_quote_translation: translation_of("status_quote") = None
    figure_ids: refs("figure") = Field(alias="figures", description="Ids of figures in figures.yaml shown on the "
                                                                    "summary card: investment, capacity, jobs.")
    reports: tuple[PlantStatusReport, ...] = Field((), description=(
        "Later reports on the plant's status, oldest first, each with its status, status_text, source and quote. "
        "The status fields above stay as the first report; the card shows the latest and, beside it, the first."))

    @property
    def status_evidence(self) -> Evidence:
        return Evidence(self.status_source, self.status_quote, self.status_quote_translation)


class Period(Declared):
    """The years the program runs."""

    start: Date
    end: Date


class Program(Declared):
    """The Fresh Wind program."""

    id_kind = "program"

    id: Id
    name: ReaderText
    description: ReaderText
    period: Period = Field(description="The years the program runs.")
    period_quote: Quote
    period_quote_translation: translation_of("period_quote") = None
    signed: Date = Field(description="When the program was signed.")
    signed_during: ReaderText
    signed_quote: Quote
    signed_quote_translation: translation_of("signed_quote") = None
    person_ids: refs("person") = Field((), alias="people", description="Ids of people in people.yaml linked to the "
                                                                       "program.")
    source_id: SourceId
    figure_ids: refs("figure") = Field(alias="figures", description="Ids of figures in figures.yaml shown with the "
                                                                    "program.")
    inferred: Inferred = {}

    _sectors_note: Optional[Text] = PrivateAttr(None)

    @property
    def period_evidence(self) -> Evidence:
        return Evidence(self.source_id, self.period_quote, self.period_quote_translation)

    @property
    def signed_evidence(self) -> Evidence:
        return Evidence(self.source_id, self.signed_quote, self.signed_quote_translation)

    @property
    def sectors_note(self) -> Optional[Text]:
        """program.yaml's `sectors_note`, shown above the list of sectors."""
        return self._sectors_note


class Sector(Cited):
    """A sector of the program; each has its own page."""

    id_kind = "sector"

    id: Id = Field(description="The sector's id; its page is program/sectors/ID/.")
    name: ReaderText = Field(description="The sector's name.")
    description: ReaderText = Field(None, description="A short description, when there is one.")
    source_id: SourceId
    quote: Quote
    quote_translation: translation_of("quote") = None
    statement_ids: refs("statement") = Field((), alias="statements",
                                             description="Ids of the statements (people page) behind this fact.")
    inferred: Inferred = {}


class ProjectStatusReport(Report):
    """A later report on a project's status, with its words."""

    restates = {"status": "status", "source_id": "source_id", "quote": "quote",
                "quote_translation": "quote_translation"}

    status: ProjectStatus = Field(description=f"{words.listed(words.PROJECT_STATUSES)}, as this report gives it.")
    source_id: ReportSourceId
    quote: Quote
    quote_translation: translation_of("quote") = None


class Project(Cited, WithReports):
    """A named project of the program."""

    id_kind = "project"

    id: Id = Field(description="The project's id; its permalink is program/#project-ID.")
    name: ReaderText = Field(description="The project's name.")
    description: ReaderText = Field(None, description="A short description, when there is one.")
    place_id: ref("place") = Field(None, alias="place", description="The id of the place, when the source names one.")
    status: ProjectStatus = Field(description=f"{words.listed(words.PROJECT_STATUSES)}, as the source reports it "
                                              "(not-stated when it does not say).")
    sector_ids: refs("sector") = Field(alias="sectors", description="Ids of the sectors the project belongs to; may "
                                                                    "be empty.")
    source_id: SourceId
    quote: Quote
    quote_translation: translation_of("quote") = None
    inferred: Inferred = {}
    reports: tuple[ProjectStatusReport, ...] = Field((), description=(
        "Later reports on the project's status, oldest first, each with its status, source and quote. The fields "
        "above stay as the first report (what was planned); the site shows the latest status and, beside it, the "
        "first."))


class Discrepancy(Declared):
    """Where the sources disagree: the figures involved and a note, shown beside them."""

    id_kind = "discrepancy"

    id: Id
    figure_ids: refs("figure") = Field(alias="figures", description="Ids of the figures that disagree.")
    note: ReaderText


class Good(Cited):
    """A good Kazakhstan exports to the Republic of Korea or imports from it."""

    id_kind = "good"

    id: Id = Field(description="The good's id; its permalink is trade/#good-ID.")
    name: ReaderText = Field(description="The good.")
    direction: Direction = Field(description="export (Kazakhstan to Korea) or import (Korea to Kazakhstan).")
    source_id: SourceId
    quote: Quote
    quote_translation: translation_of("quote") = None


# -- the files ----------------------------------------------------------------------------------

class SourcesFile(Declared):
    """Sources: the articles every fact on the site comes from."""

    sources: Annotated[tuple[Source, ...], Field(min_length=1)]


class PeopleFile(Declared):
    """People: the people the sources name, with the role the source gives them."""

    people: tuple[Person, ...]


class StatementsFile(Declared):
    """Statements: what the people in people.yaml said, with the article's words as evidence."""

    statements: tuple[Statement, ...]


class PlacesFile(Declared):
    """Places: places, with the other spellings readers search for."""

    places: tuple[Place, ...]


class UnitsFile(Declared):
    """Units: how figures are written out for readers."""

    units: tuple[Unit, ...]


class GlossaryFile(Declared):
    """Glossary: names of people, places, companies, the program and roles in every language, with the other
    spellings readers search for."""

    terms: tuple[Term, ...]


class LeftOut(Declared):
    """A number or numeric claim in a source that is deliberately not a figure, and why."""

    source_id: Annotated[ref("source"), Field(alias="source", description="The id of the source article.")]
    words: Annotated[Quote, Field(description="The article's words, verbatim, that hold the number or claim.")]
    words_translation: translation_of("words") = None
    reason: ReaderText = Field(description="Why it is not a figure.")


class FiguresFile(Declared):
    """Key figures: every number in the sources, grouped by topic."""

    topics: tuple[Topic, ...]
    figures: tuple[Figure, ...]
    derived: tuple[DerivedFigure, ...] = Field((), description=(
        "Figures computed at build time from other figures; always shown labelled 'derived', with the formula, "
        "and never quoted."))
    left_out: tuple[LeftOut, ...] = Field((), description=(
        "Numbers and numeric claims in the sources that are deliberately not figures, each with the reason; "
        "listed on the Key figures page."))


class PlantFile(Declared):
    """Kia plant and its milestones: the plant's summary card and the milestones of its timeline."""

    plant: Plant
    milestones: Annotated[tuple[Milestone, ...], Field(min_length=1)]


class ProgramFile(Declared):
    """Cooperation program, sectors and projects: the Fresh Wind program, its sectors (one page each) and the
    projects the sources name."""

    program: Program
    sectors_note: ReaderText = Field(None, description="A note shown above the list of sectors.")
    sectors: tuple[Sector, ...]
    projects: tuple[Project, ...]
    discrepancies: tuple[Discrepancy, ...] = Field((), description=(
        "Where the sources disagree: the figures involved and a note, shown beside them."))


class TradeFile(Declared):
    """Trade: what Kazakhstan exports to the Republic of Korea and imports from it."""

    goods: tuple[Good, ...]
    turnover_figures: refs("figure") = Field(description="Ids of figures in figures.yaml about trade turnover.")


class SettingsFile(Declared):
    """Settings: settings editors may change. The file is optional; without it the defaults hold."""

    unconfirmed_after_months: Annotated[int, Strict(), Expected("a whole number of months, such as 12")] = Field(
        12, ge=1, le=240, description="A status or role whose latest report is older than this many months is shown "
                                      "as not confirmed since that report (default 12).")


# Each data file and its declaration, in the order they are read.
FILES: dict[str, type[Declared]] = {
    "sources": SourcesFile, "people": PeopleFile, "statements": StatementsFile, "places": PlacesFile,
    "units": UnitsFile, "figures": FiguresFile, "plant": PlantFile, "program": ProgramFile, "trade": TradeFile,
}
# Files that may be left out (data/settings.yaml); declared like the others.
OPTIONAL_FILES: dict[str, type[Declared]] = {"settings": SettingsFile, "glossary": GlossaryFile}


# -- the dataset --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Index:
    """Every "which X belong to Y" answer, grouped once when the Dataset is built.

    Pages ask these for each person, sector, figure and source; scanning every list for each
    question would make the build quadratic in the data.
    """

    milestone_by_id: dict[str, Any] = field(default_factory=dict)
    statements_of: dict[str, list] = field(default_factory=dict)
    projects_in: dict[str, list] = field(default_factory=dict)
    figures_in: dict[str, list] = field(default_factory=dict)
    derived_in: dict[str, list] = field(default_factory=dict)
    discrepancies_for: dict[str, list] = field(default_factory=dict)
    supported_by: dict[str, list] = field(default_factory=dict)
    citing: dict[str, dict[str, list]] = field(default_factory=dict)
    latest_source_date: Optional[PartialDate] = None  # the data's as-of date, which every page's citation names


@dataclass(frozen=True)
class Dataset:
    """Everything the site shows, in the order editors wrote it. Built once by load.py; never changed."""

    sources: dict[str, Source] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    derived: dict[str, DerivedFigure] = field(default_factory=dict)
    plant: Optional[Plant] = None
    milestones: tuple[Milestone, ...] = ()
    program: Optional[Program] = None
    sectors: dict[str, Sector] = field(default_factory=dict)
    projects: dict[str, Project] = field(default_factory=dict)
    discrepancies: tuple[Discrepancy, ...] = ()
    goods: tuple[Good, ...] = ()
    turnover_figure_ids: tuple[str, ...] = ()
    left_out: tuple[LeftOut, ...] = ()
    glossary: dict[str, Term] = field(default_factory=dict)  # data/glossary.yaml: names in every language
    source_texts: dict[str, str] = field(default_factory=dict)  # data/sources/<id>.txt, verbatim
    today: dt.date = field(default_factory=dt.date.today)  # the build date (SOURCE_DATE_EPOCH)
    horizon_months: int = SettingsFile().unconfirmed_after_months  # data/settings.yaml: a report older than this
    # is not confirmed since
    index: Index = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", _index(self))

    def timeline(self) -> list[Milestone]:
        """Milestones in date order; an undated one right after the milestone it follows."""
        dated = sorted((m for m in self.milestones if m.date), key=lambda m: m.date.sort_key())
        followers: dict[str, list[Milestone]] = {}
        for milestone in self.milestones:
            if milestone.after_id:
                followers.setdefault(milestone.after_id, []).append(milestone)
        ordered: list[Milestone] = []

        def place(milestone: Milestone) -> None:
            ordered.append(milestone)
            for follower in followers.get(milestone.id, []):
                place(follower)

        for milestone in dated:
            place(milestone)
        return ordered

    @property
    def as_of(self) -> Optional[PartialDate]:
        """The latest publication date among the sources."""
        return self.index.latest_source_date

    def statements_of(self, person_id: str) -> list[Statement]:
        return list(self.index.statements_of.get(person_id, ()))

    def projects_in(self, sector_id: str) -> list[Project]:
        return list(self.index.projects_in.get(sector_id, ()))

    def figures_in(self, topic_id: str) -> list[Figure]:
        return list(self.index.figures_in.get(topic_id, ()))

    def derived_in(self, topic_id: str) -> list[DerivedFigure]:
        return list(self.index.derived_in.get(topic_id, ()))

    def facts_supported_by(self, statement_id: str) -> dict[str, list]:
        """The milestones, figures and sectors that name a statement, in that order."""
        found: dict[str, list] = {"milestones": [], "figures": [], "sectors": []}
        for kind, item in self.index.supported_by.get(statement_id, ()):
            found[kind].append(item)
        return found

    def any_figure(self, figure_id: str) -> Figure | DerivedFigure:
        """A reported or a derived figure by id."""
        return self.figures.get(figure_id) or self.derived[figure_id]

    def discrepancies_for(self, figure_id: str) -> list[Discrepancy]:
        return list(self.index.discrepancies_for.get(figure_id, ()))

    def facts_citing(self, source_id: str) -> dict[str, list]:
        """What rests on a source, by kind, for the sources page."""
        cited = self.index.citing.get(source_id, {})
        return {kind: list(cited.get(kind, ()))
                for kind in ("milestones", "figures", "sectors", "projects", "statements", "goods")}


def _index(data: Dataset) -> Index:
    dates = [s.published for s in data.sources.values()]
    index = Index(latest_source_date=max(dates, key=lambda d: d.sort_key()) if dates else None,
                  milestone_by_id={m.id: m for m in data.milestones})

    def add(groups: dict[str, list], key: str, item: Any) -> None:
        groups.setdefault(key, []).append(item)

    for statement in data.statements.values():
        add(index.statements_of, statement.person_id, statement)
    for project in data.projects.values():
        for sector_id in dict.fromkeys(project.sector_ids):
            add(index.projects_in, sector_id, project)
    for figure in data.figures.values():
        add(index.figures_in, figure.topic_id, figure)
    for derived in data.derived.values():
        add(index.derived_in, derived.topic_id, derived)
    for item in data.discrepancies:
        for figure_id in dict.fromkeys(item.figure_ids):
            add(index.discrepancies_for, figure_id, item)
    for kind, items in (
        ("milestones", data.milestones), ("figures", data.figures.values()), ("sectors", data.sectors.values()),
        ("projects", data.projects.values()), ("statements", data.statements.values()), ("goods", data.goods),
    ):
        for item in items:
            index.citing.setdefault(item.source_id, {}).setdefault(kind, []).append(item)
            for statement_id in dict.fromkeys(getattr(item, "statement_ids", ())):  # milestones, figures, sectors
                add(index.supported_by, statement_id, (kind, item))
    return index
