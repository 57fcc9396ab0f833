"""A chart's words fit its drawing in every script: a Hangul character is about twice as wide as a Latin
or Cyrillic letter, so Korean labels wrap sooner and legend entries leave room for them."""

from __future__ import annotations

from coopsite.render import charts


def test_a_korean_label_wraps_within_the_narrow_drawing():
    label = "중소기업과 함께 자동차 부품을 생산할 현지화 센터 설립과 운영에 관한 계획"
    shape, _ = charts._lines(charts.NARROW, charts.PAD, 0, label)
    assert len(shape["lines"]) > 1
    for line in shape["lines"]:
        assert charts.PAD + charts.NARROW.em(charts._units(line)) <= charts.NARROW.width, line
    latin, _ = charts._lines(charts.NARROW, charts.PAD, 0, "Small-scale production launched")
    assert len(latin["lines"]) == 1


def test_korean_legend_entries_do_not_run_into_each_other():
    items = [("kz-chart__done", "완료"), ("kz-chart__late", "보도 이후 확인되지 않음"),
             ("kz-chart__overdue", "계획, 기한 지남"), ("kz-chart__undated", "날짜 미보도")]
    shapes, _ = charts._legend(charts.NARROW, 0, items)
    texts = [s for s in shapes if s["kind"] == "text"]
    swatches = [s for s in shapes if s["kind"] == "rect"]
    for text, following in zip(texts, swatches[1:]):
        if following["y"] == swatches[swatches.index(following) - 1]["y"]:  # the same row
            assert float(text["x"]) + charts.NARROW.em(charts._units(text["text"])) < float(following["x"]), text
