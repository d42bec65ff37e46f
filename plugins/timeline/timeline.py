"""The timeline page (lini-masa/): articles per month drawn as inline SVG at build time.

Python counts the articles per month in one pass and draws one small chart per year that has
articles or election milestones (years with neither are left out and named): a bar per month
(each bar a link to Pelican's month archive page), campaign periods as shaded bands and voting
days as dashed lines (data/elections.yml). Every year shares one count axis, so bars compare
across years. Each chart scales to its box (a viewBox, no fixed width): stacked on a phone
without sideways scrolling, side by side filling a wide screen. ``timeline.html`` renders the
charts and a table of the same numbers (the text alternative). No chart library, no script:
plain SVG that inherits the text colour (``currentColor``), in light and dark themes alike.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from typing import Any

from markupsafe import Markup
from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.writers import Writer

from arsip import dates
from arsip.schema import vocabulary

#: Settings (``TIMELINE`` in pelicanconf.py overrides any of them).
DEFAULTS: dict[str, Any] = {
    "url": "lini-masa/",
    "save_as": "lini-masa/index.html",
    "template": "timeline",
    "step": 24,  # units per month in a year's chart (a 12-month chart is about 330 wide)
    "bar_width": 16,
    "chart_height": 120,  # units of the bars' area
}

# Margins of a year's chart: room for the count axis, milestone labels, month labels.
LEFT, RIGHT, TOP, BOTTOM = 28, 6, 30, 22


def plugin_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """The plugin's settings: DEFAULTS overridden by the TIMELINE setting."""
    return {**DEFAULTS, **(settings.get("TIMELINE") or {})}


@dataclass
class Month:
    """One month of the timeline."""

    year: int
    month: int
    count: int
    url: str | None  # the month archive page; None when the month has no article
    label: str  # "Oktober 2020"

    @property
    def date(self) -> dt.date:
        return dt.date(self.year, self.month, 1)


@dataclass
class Milestone:
    """One election milestone within the timeline's span."""

    election: str
    label: str
    start: dt.date
    end: dt.date | None


@dataclass
class YearChart:
    """One year of the timeline: its chart and its number of articles."""

    year: int
    count: int
    svg: Markup


@dataclass
class Timeline:
    """Everything the template renders: the charts and their text alternative."""

    months: list[Month]
    milestones: list[Milestone]
    charts: list[YearChart]
    total: int
    max_count: int
    first: Month | None = None
    last: Month | None = None
    #: Years with articles: (year, articles, URL of the year's archive page).
    years: list[tuple[int, int, str]] = field(default_factory=list)
    #: Years inside the span with neither articles nor milestones (not drawn).
    skipped: list[int] = field(default_factory=list)

    def calendar(self) -> list[tuple[int, int, str, list[Month]]]:
        """Years with articles, newest first, each with its months that have articles:
        (year, articles, year archive URL, months newest first). The archive index renders it."""
        by_year: dict[int, list[Month]] = {}
        for month in self.months:
            if month.count:
                by_year.setdefault(month.year, []).append(month)
        return [
            (year, count, url, by_year[year][::-1]) for year, count, url in reversed(self.years)
        ]


def _month_index(d: dt.date) -> int:
    return d.year * 12 + d.month - 1


def _from_index(i: int) -> tuple[int, int]:
    return i // 12, i % 12 + 1


def build_timeline(articles: list[Any], settings: dict[str, Any]) -> Timeline:
    """Count articles per month and draw them, with the milestones of their elections."""
    conf = plugin_settings(settings)
    strings = settings.get("JINJA_GLOBALS", {}).get("T", {})
    counts: Counter[int] = Counter()
    elections: set[str] = set()
    for article in articles:
        counts[_month_index(article.date)] += 1
        elections.add(str(article.election))
    voc = vocabulary()
    milestones = sorted(
        (
            Milestone(name, str(m["label"]), m["date"], m.get("end"))
            for name in elections
            for m in voc.elections.get(name, [])
        ),
        key=lambda m: (m.start, m.election, m.label),
    )
    if not counts:
        return Timeline([], [], [], 0, 0)
    # The span: every month with an article, and the milestones of their elections.
    points = list(counts) + [_month_index(m.start) for m in milestones]
    points += [_month_index(m.end) for m in milestones if m.end]
    first, last = min(points), max(points)
    month_url = settings.get("MONTH_ARCHIVE_URL", "")
    months = []
    for i in range(first, last + 1):
        year, month = _from_index(i)
        day = dt.date(year, month, 1)
        n = counts.get(i, 0)
        url = month_url.format(date=day) if n and month_url else None
        months.append(Month(year, month, n, url, dates.month_year(day)))
    years: Counter[int] = Counter()
    for m in months:
        years[m.year] += m.count
    with_articles = [m for m in months if m.count]
    timeline = Timeline(
        months,
        milestones,
        [],
        sum(counts.values()),
        max(counts.values()),
        with_articles[0],
        with_articles[-1],
        [
            (year, n, settings.get("YEAR_ARCHIVE_URL", "").format(date=dt.date(year, 1, 1)))
            for year, n in sorted(years.items())
            if n
        ],
    )
    milestone_years = {m.start.year for m in milestones} | {m.end.year for m in milestones if m.end}
    top = _nice_max(timeline.max_count)
    for year in sorted({m.year for m in months}):
        count = years.get(year, 0)
        if count or year in milestone_years:
            svg = draw_year(timeline, year, top, conf, strings, settings.get("SITEURL", ""))
            timeline.charts.append(YearChart(year, count, svg))
        else:
            timeline.skipped.append(year)
    return timeline


def _nice_max(n: int) -> int:
    """The top of the count axis: n rounded up to 1, 2 or 5 times a power of ten."""
    magnitude = 1
    while True:
        for k in (1, 2, 5):
            if n <= k * magnitude:
                return k * magnitude
        magnitude *= 10


def _fmt(x: float) -> str:
    """A coordinate with at most one decimal, the same text on every run."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def draw_year(
    timeline: Timeline,
    year: int,
    top: int,
    conf: dict[str, Any],
    strings: dict[str, str],
    siteurl: str = "",
) -> Markup:
    """One year's chart: a bar per month (``top`` is the count axis' top, the same for every
    year), month labels, count axis, milestone bands and lines."""
    step, bar, height = conf["step"], conf["bar_width"], conf["chart_height"]
    months = [m for m in timeline.months if m.year == year]
    width = LEFT + step * 12 + RIGHT
    total_h = TOP + height + BOTTOM
    base = TOP + height
    count_label = strings.get("articles_count", "{n} artikel")
    ident = f"tl-{year}"

    def x_of(day: dt.date) -> float:
        """The x of a day: months are equal steps, a day a fraction of its month."""
        next_month = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        days = (next_month - dt.date(day.year, day.month, 1)).days
        return LEFT + step * (day.month - 1 + (day.day - 1) / days)

    count = sum(m.count for m in months)
    title = strings.get("timeline_svg_title", "Artikel per bulan").format(year=year)
    desc = strings.get("timeline_svg_desc", "").format(year=year, total=count)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline-chart" role="group" '
        f'viewBox="0 0 {width} {total_h}" aria-labelledby="{ident}-title" '
        f'aria-describedby="{ident}-desc">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(desc)}</desc>',
        # Colours come from the surrounding text colour (light and dark themes alike); the
        # accent is the theme's if it defines one.
        "<style>"
        ".tl-text{fill:currentColor;font-size:11px;font-family:inherit}"
        ".tl-small{font-size:9.5px}"
        ".tl-axis{stroke:currentColor;stroke-width:1;opacity:.5}"
        ".tl-grid{stroke:currentColor;stroke-width:1;opacity:.15}"
        ".tl-bar{fill:var(--accent,currentColor)}"
        ".tl-link:hover .tl-bar,.tl-link:focus .tl-bar{fill:currentColor}"
        ".tl-link:focus{outline:2px solid currentColor;outline-offset:2px}"
        ".tl-campaign{fill:currentColor;opacity:.12}"
        ".tl-vote{stroke:currentColor;stroke-width:2;stroke-dasharray:4 3}"
        "</style>",
    ]
    # Milestones first, so that bars are drawn over the bands; only this year's part.
    first_day, last_day = dt.date(year, 1, 1), dt.date(year, 12, 31)
    for m in timeline.milestones:
        end = m.end or m.start
        if end < first_day or m.start > last_day:
            continue
        if m.end:
            start, stop = max(m.start, first_day), min(m.end, last_day)
            x0 = x_of(start)
            x1 = x_of(stop + dt.timedelta(days=1)) if stop < last_day else LEFT + step * 12
            out.append(
                f'<rect class="tl-campaign" x="{_fmt(x0)}" y="{TOP}" '
                f'width="{_fmt(max(x1 - x0, 1))}" height="{height}">'
                f"<title>{escape(m.election)}: {escape(m.label)}, "
                f"{escape(dates.medium_date(m.start))} – {escape(dates.medium_date(m.end))}"
                "</title></rect>"
            )
        else:
            x = x_of(m.start)
            out.append(
                f'<line class="tl-vote" x1="{_fmt(x)}" y1="{TOP - 12}" x2="{_fmt(x)}" y2="{base}">'
                f"<title>{escape(m.election)}: {escape(m.label)}, "
                f"{escape(dates.medium_date(m.start))}</title></line>"
            )
            # Keep the label inside the picture next to its edges.
            anchor = "end" if x > width - 60 else "start" if x < LEFT + 40 else "middle"
            out.append(
                f'<text class="tl-text" x="{_fmt(x)}" y="{TOP - 16}" text-anchor="{anchor}">'
                f"{escape(m.election)}</text>"
            )
    # Count axis: 0, half and top, with light grid lines.
    for value in sorted({0, top // 2, top}):
        y = base - height * value / top
        out.append(
            f'<line class="tl-grid" x1="{LEFT}" y1="{_fmt(y)}" x2="{width - RIGHT}" '
            f'y2="{_fmt(y)}"/>'
        )
        out.append(
            f'<text class="tl-text" x="{LEFT - 5}" y="{_fmt(y + 4)}" text-anchor="end">'
            f"{value}</text>"
        )
    out.append(f'<line class="tl-axis" x1="{LEFT}" y1="{base}" x2="{width - RIGHT}" y2="{base}"/>')
    by_month = {m.month: m for m in months}
    for month in range(1, 13):
        x = LEFT + step * (month - 1)
        out.append(
            f'<text class="tl-text tl-small" x="{_fmt(x + step / 2)}" y="{base + 14}" '
            f'text-anchor="middle" aria-hidden="true">{escape(dates.month_abbr(month))}</text>'
        )
        m = by_month.get(month)
        if m is None or not m.count:
            continue
        h = max(height * m.count / top, 2)
        label = f"{m.label}: {count_label.format(n=m.count)}"
        out.append(
            f'<a class="tl-link" href="{escape(siteurl)}/{escape(m.url or "")}" '
            f'aria-label="{escape(label)}">'
            f'<rect class="tl-bar" x="{_fmt(x + (step - bar) / 2)}" y="{_fmt(base - h)}" '
            f'width="{bar}" height="{_fmt(h)}"><title>{escape(label)}</title></rect></a>'
        )
    out.append("</svg>")
    return Markup("\n".join(out))


# --------------------------------------------------------------------------- signals


def _compute(generator: ArticlesGenerator) -> None:
    """Count once the articles are read, so that every page can use the result (the archive
    index, written with Pelican's direct templates, renders the calendar of years and months)."""
    generator.context["timeline"] = build_timeline(generator.articles, generator.settings)


def _write(generator: ArticlesGenerator, writer: Writer) -> None:
    """Write the timeline page once Pelican has written the articles and month archives."""
    conf = plugin_settings(generator.settings)
    if not conf["save_as"]:
        return
    timeline = generator.context.get("timeline") or build_timeline(
        generator.articles, generator.settings
    )
    writer.write_file(
        conf["save_as"],
        generator.get_template(conf["template"]),
        generator.context,
        relative_urls=generator.settings.get("RELATIVE_URLS", False),
        url=conf["url"],
        timeline=timeline,
        template_name=conf["template"],
    )


def _publish_url(pelican: Any) -> None:
    """TIMELINE_URL for the templates' links (settings become the template context)."""
    pelican.settings["TIMELINE_URL"] = plugin_settings(pelican.settings)["url"]


def register() -> None:
    """Connect to Pelican: the page is written after the articles."""
    signals.initialized.connect(_publish_url)
    signals.article_generator_finalized.connect(_compute)
    signals.article_writer_finalized.connect(_write)
