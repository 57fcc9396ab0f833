"""The strict YAML reader: JSON-like scalars, duplicate keys, no aliases or tags, positions kept."""

import pytest

from coopsite.yamlfile import YamlFileError, decode, parse


def test_positions_of_values_and_keys():
    doc = parse("figures:\n  - id: a\n    value: 5\n", "data/figures.yaml")
    assert doc.data == {"figures": [{"id": "a", "value": 5}]}
    assert doc.value_marks[("figures", 0, "value")] == (3, 12)
    assert doc.key_marks[("figures", 0, "value")] == (3, 5)


@pytest.mark.parametrize("written, value", [
    ("no", "no"), ("yes", "yes"), ("off", "off"), ("1_500", "1_500"), ("0x1F", "0x1F"),
    ("2024-01-05", "2024-01-05"), ("1,500", "1,500"), ("true", True), ("false", False),
    ("null", None), ("12", 12), ("-3", -3), ("2.5", 2.5), ("1e3", "1e3"),
])
def test_only_json_like_scalars_are_typed(written, value):
    assert parse(f"x: {written}\n", "f.yaml").data == {"x": value}


def test_duplicate_keys_are_reported_with_both_lines():
    doc = parse("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert [str(p) for p in doc.problems] == ["f.yaml:3:1: a: duplicate key 'a' (first given on line 1); keep one"]


@pytest.mark.parametrize("text, message", [
    ("a: &x 1\nb: *x\n", "f.yaml:1:4: anchor '&x': anchors and aliases (& and *) are not supported"),
    ("a: !!python/object/apply:os.system ['true']\n", "the tag '!!python/object/apply:os.system' is not allowed"),
    ("a:\n\tb: 1\n", "f.yaml:2:1: a tab character is not allowed here; indent with spaces"),
    ("", "f.yaml:1:1: the file is empty"),
    ("a: [1, 2\n", "f.yaml:2:1: invalid YAML"),
])
def test_refused_input_is_explained(text, message):
    with pytest.raises(YamlFileError) as err:
        parse(text, "f.yaml")
    assert message in str(err.value)


def test_byte_order_mark_is_accepted_and_other_encodings_refused():
    assert decode(b"\xef\xbb\xbfa: 1\n", "f.yaml") == "a: 1\n"
    with pytest.raises(YamlFileError) as err:
        decode("a: 1\nb: caf\xe9\n".encode("latin-1"), "f.yaml")
    assert str(err.value) == "f.yaml:2:7: the file is not UTF-8 text; save it with UTF-8 encoding"
