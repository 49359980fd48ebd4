"""Every route declares who may use it. A test walks the URL map and fails on an undeclared route."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable)

AUDIENCES = ("public", "professional", "coordinator", "admin", "partner")


def audience(name: str) -> Callable[[F], F]:
    if name not in AUDIENCES:
        raise ValueError(f"onbekend publiek: {name}")

    def mark(view: F) -> F:
        view.kaart_audience = name  # type: ignore[attr-defined]
        return view

    return mark


def audience_of(view: Callable) -> str | None:
    return getattr(view, "kaart_audience", None)
