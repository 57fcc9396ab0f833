"""Derived figures' strings still used by the charts until they are on templates."""

from __future__ import annotations

from .. import formats
from ..model import DerivedFigure
from .context import RenderContext

BADGE = '<span class="kz-badge kz-badge--derived">derived</span>'


def formula(ctx: RenderContext, figure: DerivedFigure) -> str:
    """Plain text: 'US$250 million ÷ 1,500 jobs ≈ US$166,667'."""
    return formats.formula(ctx.data, figure, ctx.lang)
