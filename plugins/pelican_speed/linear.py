"""Pelican 4.12's list scans that grow quadratically with the archive, made linear.

Each function is Pelican's own with one scan replaced, the same lists in the same order and
the same log messages, written so that it could be proposed upstream as it is:

- ``generate_tags``/``generate_categories``/``generate_authors`` filter ``self.dates`` with
  ``article in articles`` (a list) for every tag, category and author page;
- ``_build_period_archives`` filters every article for every year, month and day;
- ``process_translations`` ends with ``x not in index`` on a list.

Articles compare by identity (``Content`` has no ``__eq__``), so membership by ``id`` is the
same test.
"""

from __future__ import annotations

import calendar
import itertools
import logging
from collections import defaultdict
from operator import attrgetter
from typing import Any

from pelican.utils import get_original_items
from pelican.writers import FileOverwriteFailedError

logger = logging.getLogger("pelican.generators")


def dates_of(dates: list[Any], articles: list[Any]) -> list[Any]:
    """``[a for a in dates if a in articles]`` in linear time."""
    wanted = {id(a) for a in articles}
    return [a for a in dates if id(a) in wanted]


def _generate_groups(kind: str, label: str, groups: str) -> Any:
    """Pelican's ``generate_<kind>s`` with :func:`dates_of` as its filter."""

    def generate(self: Any, write: Any) -> None:
        template = self.get_template(kind)
        items = self.tags.items() if groups == "tags" else getattr(self, groups)
        for item, articles in items:
            try:
                write(
                    item.save_as,
                    template,
                    self.context,
                    url=item.url,
                    **{kind: item},
                    articles=articles,
                    dates=dates_of(self.dates, articles),
                    template_name=kind,
                    blog=True,
                    page_name=item.page_name,
                    all_articles=self.articles,
                )
            except FileOverwriteFailedError:
                if not item.slug:
                    logger.info(
                        f'{label} "%s" has an invalid slug; skipping writing {kind} page...',
                        item,
                        extra={"limit_msg": f"Further {groups} with invalid slugs."},
                    )
                    continue
                logger.error(f'Failed to write {label} page for "%s".', item)
                raise

    generate.__name__ = f"generate_{groups}"
    generate.__doc__ = f"Generate {label} pages (Pelican's, with a linear `dates` filter)."
    return generate


generate_tags = _generate_groups("tag", "Tag", "tags")
generate_categories = _generate_groups("category", "Category", "categories")
generate_authors = _generate_groups("author", "Author", "authors")


def build_period_archives(
    self: Any, sorted_articles: list[Any], articles: list[Any], settings: Any
) -> dict[str, list[dict[str, Any]]]:
    """Pelican's ``_build_period_archives``: one pass per granularity instead of one scan of
    every article per period."""
    period_archives: dict[str, list[dict[str, Any]]] = defaultdict(list)
    key_funcs = {
        "year": attrgetter("date.year"),
        "month": attrgetter("date.year", "date.month"),
        "day": attrgetter("date.year", "date.month", "date.day"),
    }
    for granularity, key_func in key_funcs.items():
        save_as_fmt = settings[f"{granularity.upper()}_ARCHIVE_SAVE_AS"]
        url_fmt = settings[f"{granularity.upper()}_ARCHIVE_URL"]
        if not save_as_fmt:
            continue
        # Pelican keeps the articles of a period in `articles` order.
        in_order: dict[Any, list[Any]] = defaultdict(list)
        for article in articles:
            in_order[key_func(article)].append(article)
        for period, group in itertools.groupby(sorted_articles, key=key_func):
            dates = list(group)
            d = dates[0].date
            archive: dict[str, Any] = {
                "dates": dates,
                "articles": dates_of(in_order.get(period, []), dates),
                "save_as": save_as_fmt.format(date=d),
                "url": url_fmt.format(date=d),
            }
            if granularity == "year":
                archive["period"] = (period,)
                archive["period_num"] = (period,)
            else:
                month_name = calendar.month_name[period[1]]
                archive["period"] = (period[0], month_name, *period[2:])
                archive["period_num"] = tuple(period)
            period_archives[granularity].append(archive)
    return period_archives


def process_translations(content_list: list[Any], translation_id: Any = None) -> Any:
    """Pelican's ``process_translations`` without its quadratic last scan."""
    if not translation_id:
        return content_list, []
    if isinstance(translation_id, str):
        translation_id = {translation_id}
    index: list[Any] = []
    try:
        content_list.sort(key=attrgetter(*translation_id))
    except TypeError:
        raise TypeError(
            f"Cannot unpack {translation_id}, 'translation_id' must be falsy, a"
            " string or a collection of strings"
        ) from None
    except AttributeError:
        raise AttributeError(
            f"Cannot use {translation_id} as 'translation_id', there "
            "appear to be items without these metadata "
            "attributes"
        ) from None
    for id_vals, group in itertools.groupby(content_list, attrgetter(*translation_id)):
        id_vals = (id_vals,) if len(translation_id) == 1 else id_vals
        with_str = "with" + ", ".join([' {} "{{}}"'] * len(translation_id)).format(
            *translation_id
        ).format(*id_vals)
        items = list(group)
        index.extend(get_original_items(items, with_str))
        for a in items:
            a.translations = [x for x in items if x != a]
    chosen = {id(x) for x in index}
    return index, [x for x in content_list if id(x) not in chosen]
