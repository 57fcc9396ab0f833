"""How current a state is, as plain values for partials/as-of.html: the report's date, and why it is not
confirmed since, if it is not (status.py decides; this only writes it in the page's language)."""

from __future__ import annotations

from .. import status
from ..model import Dataset


def confirmation_view(data: Dataset, confirmation: status.Confirmation, lang: str = "en") -> dict:
    """What partials/as-of.html shows: the report's date, and why it is not confirmed since, if it is not."""
    since = confirmation.unconfirmed_since
    return {
        "on": confirmation.reported.precision == "day",
        "date": confirmation.reported.label(lang),
        "inferred": confirmation.reported_inferred,
        "unconfirmed": confirmation.unconfirmed,
        "since": since.iso() if since else "",
        "reason": confirmation.reason,
        "detail": confirmation.detail.label(lang) if confirmation.detail else "",
        "months": data.horizon_months,
    }
