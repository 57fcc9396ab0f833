"""The source articles' own text, stored verbatim in data/sources/<source-id>.txt, and its sentences.

The rules (rules.py) read it to see which sentence a quote comes from and which numbers the
article gives. Nothing here knows about MkDocs or the rest of the data.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path as FsPath
from typing import Iterable

from .errors import Problem, did_you_mean, position

FOLDER = "sources"  # under data/
MAX_BYTES = 2_000_000

# A full stop after these is not the end of a sentence ("a Nov. 11 ceremony").
ABBREVIATIONS = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "st", "no", "vs", "etc", "inc", "co", "corp", "ltd", "jr", "sr",
}
_SENTENCE_END = re.compile(r"[.!?][”\"’']?(?=\s)")


def display_path(prefix: str, source_id: str) -> str:
    return f"{prefix}/{FOLDER}/{source_id}.txt"


def read_texts(data_dir: FsPath, prefix: str, source_ids: Iterable[str],
               judge_names: bool = True) -> tuple[dict[str, str], list[Problem]]:
    """Each source's stored text by id, and the problems: unreadable files, files that match no source
    (judged only when `judge_names`: with sources.yaml broken, no name can be judged)."""
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    ids = list(source_ids)
    for source_id in ids:
        path = data_dir / FOLDER / f"{source_id}.txt"
        if not path.is_file():
            continue  # judged by the rules: only a source that something cites needs its text
        display = display_path(prefix, source_id)
        if path.stat().st_size > MAX_BYTES:
            problems.append(Problem(display, 0, 0, "", f"the file is larger than {MAX_BYTES:,} bytes"))
            continue
        try:
            texts[source_id] = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as err:
            line, column = position(path.read_bytes()[:err.start].decode("utf-8", "replace"), err.start)
            problems.append(Problem(display, line, column, "", "the file is not UTF-8 text; save it with UTF-8 encoding"))
    folder = data_dir / FOLDER
    for path in sorted(folder.iterdir()) if folder.is_dir() and judge_names else []:
        if path.suffix != ".txt" or path.stem not in ids:
            problems.append(Problem(
                f"{prefix}/{FOLDER}/{path.name}", 0, 0, "",
                f"is not the text of a source in sources.yaml{did_you_mean(path.stem, ids)}; "
                f"name each article's text after its source id, such as {FOLDER}/{ids[0] if ids else 'source-id'}.txt",
            ))
    return texts, problems


@lru_cache(maxsize=64)  # the rules ask again for each quote of an article; the texts are few
def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence: a paragraph break always ends one; a full stop, ! or ? followed
    by a space ends one unless it closes an abbreviation such as 'Nov.'."""
    spans: list[tuple[int, int]] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        start = paragraph.start()
        for match in _SENTENCE_END.finditer(paragraph.group(0)):
            end = paragraph.start() + match.end()
            word = re.search(r"(\w+)\W*$", text[start:end])
            if word and word.group(1).lower() in ABBREVIATIONS and text[end - 1] == ".":
                continue
            if text[start:end].strip():
                spans.append((start, end))
            start = end
        if text[start:paragraph.end()].strip():
            spans.append((start, paragraph.end()))
    return tuple(spans)


# Typographic quotation marks and apostrophes read as the plain ones: an editor's keyboard types
# "..." where the article printed “...”. One character for one, so positions in the text hold.
_PLAIN_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'"})


def plain_marks(text: str) -> str:
    return text.translate(_PLAIN_MARKS)


_plain_text = lru_cache(maxsize=64)(plain_marks)  # an article's text, once for all its quotes


@lru_cache(maxsize=16384)  # each quote is looked for by several rules, and again by the next `mkdocs serve` rebuild
def find_quote(text: str, quote: str) -> tuple[tuple[int, int], ...]:
    """Every place the quote occurs, ignoring differences in spacing, line breaks and the kind of
    quotation marks."""
    words = plain_marks(quote).split()
    if not words:
        return ()
    pattern = r"\s+".join(re.escape(w) for w in words)
    return tuple((m.start(), m.end()) for m in re.finditer(pattern, _plain_text(text)))


def closest_passage(text: str, quote: str) -> str:
    """The run of sentences of the text most like the quote (as many sentences as the quote is long),
    to show an editor what the article says where they copied from."""
    spans = sentences(text)
    if not spans:
        return ""
    wanted = set(re.findall(r"\w+", plain_marks(quote).lower()))
    size = max(1, len(sentences(quote)))
    best, best_score = (0, 0), -1.0
    for i in range(len(spans)):
        window = spans[i:i + size]
        words = set(re.findall(r"\w+", plain_marks(text[window[0][0]:window[-1][1]]).lower()))
        score = len(wanted & words) / (len(wanted | words) or 1)
        if score > best_score:
            best, best_score = (window[0][0], window[-1][1]), score
    return " ".join(text[best[0]:best[1]].split())


def sentence_indexes(text: str, quote: str) -> set[int]:
    """The sentences (by position in the text) that any occurrence of the quote touches."""
    spans = sentences(text)
    found: set[int] = set()
    for start, end in find_quote(text, quote):
        found.update(i for i, (s, e) in enumerate(spans) if s < end and start < e)
    return found
