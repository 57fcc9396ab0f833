"""Figures written for people: the formatting lives in ../formats.py, shared with the downloads and `make diff`."""

from __future__ import annotations

from ..formats import QUALIFIER_WORDS, amount as _amount, format_value, machine_value  # noqa: F401 - renderers' names
