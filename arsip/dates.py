"""Indonesian dates that do not depend on the machine's locale.

No ``id_ID`` locale is installed on the build machines, so ``strftime`` would print English
month names. Babel carries the CLDR data for Indonesian and formats from it.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

_LOCALE = "id"


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def long_date(value: dt.date | dt.datetime) -> str:
    """``Senin, 19 Agustus 2024``."""
    return format_date(_as_date(value), "EEEE, d MMMM y", locale=_LOCALE)


def medium_date(value: dt.date | dt.datetime) -> str:
    """``19 Agustus 2024``."""
    return format_date(_as_date(value), "d MMMM y", locale=_LOCALE)


def month_year(value: dt.date | dt.datetime) -> str:
    """``Agustus 2024``."""
    return format_date(_as_date(value), "LLLL y", locale=_LOCALE)


def month_name(month: int) -> str:
    """``Agustus`` for 8."""
    return format_date(dt.date(2000, month, 1), "LLLL", locale=_LOCALE)


def iso_date(value: dt.date | dt.datetime) -> str:
    """``2024-08-19``, for ``<time datetime>`` and data exports."""
    return _as_date(value).isoformat()


def month_abbr(month: int) -> str:
    """``Agu`` for 8 (a chart's axis)."""
    return format_date(dt.date(2000, month, 1), "LLL", locale=_LOCALE).rstrip(".")
