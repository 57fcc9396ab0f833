"""Derived figures: numbers computed from reported ones, never mistaken for them.

A derived figure names its inputs (ids of figures, reported or derived) and one operation. Its value
is computed at build time, so a change to an input changes every figure derived from it. Ranges
follow interval arithmetic: 5 to 6 × 1,500 = 7,500 to 9,000. All values are above 0.
"""

from __future__ import annotations

import math
from typing import Optional, Sequence

from . import words
from .model import Range

# operation -> (symbol in a formula, the least and most inputs it takes; None: no upper bound)
OPERATIONS = {
    "multiply": ("×", 2, None),
    "divide": ("÷", 2, 2),
    "subtract": ("−", 2, None),
}
assert tuple(OPERATIONS) == words.OPERATIONS, "derived.OPERATIONS and words.Operation must name the same operations"

Value = float | Range


def bounds(value: Value) -> tuple[float, float]:
    return (value.low, value.high) if isinstance(value, Range) else (value, value)


def _make(low: float, high: float) -> Value:
    return low if low == high else Range(low, high)


def compute(operation: str, values: Sequence[Value]) -> Value:
    """The exact result; a range in, a range out. Raises ValueError when it is not above 0."""
    pairs = [bounds(v) for v in values]
    if operation == "multiply":
        low = high = 1.0
        for a, b in pairs:
            low, high = low * a, high * b
    elif operation == "divide":
        (a_low, a_high), (b_low, b_high) = pairs
        low, high = a_low / b_high, a_high / b_low
    else:  # subtract (the declaration admits no other operation: words.Operation)
        low, high = pairs[0]
        for a, b in pairs[1:]:
            low, high = low - b, high - a
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError("the result is too large to compute exactly")
    if low <= 0:
        raise ValueError(f"the result ({low:g}) is not above 0")
    return _make(low, high)


def rounded(value: Value, decimals: int) -> Value:
    """The value as shown and exported: rounded to `decimals` places (0: whole numbers)."""
    def one(x: float) -> float:
        r = round(x, decimals)
        return float(int(r)) if decimals == 0 else r
    low, high = bounds(value)
    return _make(one(low), one(high))


def is_rounded(value: Value, decimals: int) -> bool:
    return bounds(rounded(value, decimals)) != bounds(value)


def significant_digits(value: float) -> Optional[int]:
    """The precision a reported number is written to: 250000000 -> 2, 1500 -> 2, 2.5 -> 2.

    Trailing zeros of a whole number are not significant ('1,500 jobs' is not counted to the job).
    A whole number below 10 (a count such as 'five') is exact and limits nothing: None.
    """
    if float(value).is_integer() and abs(value) < 10:
        return None
    digits = f"{abs(value):.15g}".replace(".", "").lstrip("0")
    return max(len(digits.rstrip("0")), 1)


def to_precision(exact: Value, inputs: Sequence[Value], decimals: int = 0) -> Value:
    """The value as shown: no more significant digits than the least precise input has (and no more
    than `decimals` places): US$250 million ÷ 1,500 jobs = 166,666.67 -> 170,000."""
    digits = [d for v in inputs for b in bounds(v) if (d := significant_digits(b)) is not None]
    if not digits:
        return rounded(exact, decimals)
    keep = min(digits)

    def one(x: float) -> float:
        places = min(keep - 1 - math.floor(math.log10(abs(x))), decimals)
        r = round(x, places)
        return float(int(r)) if places <= 0 else r

    low, high = bounds(exact)
    return _make(one(low), one(high))


def order(inputs: dict[str, Sequence[str]]) -> tuple[list[str], list[list[str]]]:
    """Derived ids so that each comes after the derived ids it uses, and the loops found (if any).

    `inputs` maps each derived id to its input ids; ids not in `inputs` are reported figures.
    """
    done: list[str] = []
    state: dict[str, str] = {}
    loops: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        if state.get(node) == "done":
            return
        if state.get(node) == "visiting":
            loops.append(trail[trail.index(node):] + [node])
            return
        state[node] = "visiting"
        for dep in inputs[node]:
            if dep in inputs:
                visit(dep, trail + [node])
        state[node] = "done"
        done.append(node)

    for node in inputs:
        visit(node, [])
    return done, loops


def evaluate(declared: Sequence, reported: dict) -> tuple[dict, dict[str, str]]:
    """Each derived figure's Computed value, after the ones it uses; and why any could not be computed.

    Figures with an unknown input, too many inputs or in a loop of inputs are left out: the rules report those.
    """
    from .model import Computed

    by_id = {}
    for figure in declared:
        by_id.setdefault(figure.id, figure)
    usable = {d.id: d.input_ids for d in by_id.values()
              if d.id not in d.input_ids and all(i in reported or i in by_id for i in d.input_ids)
              and len(d.input_ids) <= (OPERATIONS[d.operation][2] or len(d.input_ids))}
    ordered, loops = order(usable)
    in_loop = {node for loop in loops for node in loop}
    computed: dict = {}
    failures: dict[str, str] = {}
    for figure_id in ordered:
        figure = by_id[figure_id]
        if figure_id in in_loop or any(i not in reported and i not in computed for i in figure.input_ids):
            continue
        inputs = [reported[i] if i in reported else computed[i] for i in figure.input_ids]
        try:
            exact = compute(figure.operation, [x.value for x in inputs])
        except (ValueError, ZeroDivisionError) as err:
            failures[figure_id] = str(err)
            continue
        shown = to_precision(exact, [x.value for x in inputs], figure.decimals)
        computed[figure_id] = Computed(
            value=shown, exact_value=exact,
            qualifier="about" if bounds(shown) != bounds(exact) or any(x.qualifier != "exact" for x in inputs)
            else "exact",
            outlook="expected" if any(x.outlook == "expected" for x in inputs) else "reported",
            as_of=max((x.as_of for x in inputs), key=lambda d: d.sort_key()),
        )
    return computed, failures
