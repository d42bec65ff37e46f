"""The timeline page (lini-masa/): articles per month drawn as an inline SVG at build time.

Python counts the articles per month in one pass, lays out a bar per month (each bar a link to
Pelican's month archive page) and the milestones of the elections the articles belong to
(campaign periods as shaded bands, voting days as lines, from data/elections.yml), and hands
the finished SVG plus a table of the same numbers (the text alternative) to
``timeline.html``. No chart library, no script: the picture is plain SVG that inherits the
text colour (``currentColor``), so it follows the light and dark themes.
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
    "step": 16,  # px per month: wide enough to tap a bar on a phone
    "bar_width": 12,
    "chart_height": 160,  # px of the bars' area
}

# Margins of the picture (px): room for the count axis, milestone labels, year labels.
LEFT, RIGHT, TOP, BOTTOM = 36, 16, 40, 44


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
class Timeline:
    """Everything the template renders: the SVG and its text alternative."""

    months: list[Month]
    milestones: list[Milestone]
    svg: Markup
    total: int
    max_count: int
    first: Month | None = None
    last: Month | None = None
    #: Years with articles: (year, articles, URL of the year's archive page).
    years: list[tuple[int, int, str]] = field(default_factory=list)

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
        return Timeline([], [], Markup(""), 0, 0)
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
        Markup(""),
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
    timeline.svg = draw(timeline, conf, strings, settings.get("SITEURL", ""))
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


def draw(
    timeline: Timeline, conf: dict[str, Any], strings: dict[str, str], siteurl: str = ""
) -> Markup:
    """The SVG picture: bars per month, year labels, count axis, milestone bands and lines."""
    step, bar, height = conf["step"], conf["bar_width"], conf["chart_height"]
    months = timeline.months
    width = LEFT + step * len(months) + RIGHT
    total_h = TOP + height + BOTTOM
    top = _nice_max(timeline.max_count)
    base = TOP + height
    first = months[0].date
    count_label = strings.get("articles_count", "{n} artikel")

    def x_of(day: dt.date) -> float:
        """The x of a day: months are equal steps, a day a fraction of its month."""
        i = _month_index(day) - _month_index(first)
        next_month = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        days = (next_month - dt.date(day.year, day.month, 1)).days
        return LEFT + step * (i + (day.day - 1) / days)

    title = strings.get("timeline_svg_title", "Artikel per bulan")
    desc = strings.get("timeline_svg_desc", "").format(
        start=months[0].label, end=months[-1].label, total=timeline.total
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline-chart" role="group" '
        f'width="{width}" height="{total_h}" viewBox="0 0 {width} {total_h}" '
        f'aria-labelledby="tl-title" aria-describedby="tl-desc">',
        f'<title id="tl-title">{escape(title)}</title>',
        f'<desc id="tl-desc">{escape(desc)}</desc>',
        # Colours come from the surrounding text colour (light and dark themes alike); the
        # accent is the theme's if it defines one.
        "<style>"
        ".tl-text{fill:currentColor;font-size:11px;font-family:inherit}"
        ".tl-axis{stroke:currentColor;stroke-width:1;opacity:.5}"
        ".tl-grid{stroke:currentColor;stroke-width:1;opacity:.15}"
        ".tl-bar{fill:var(--accent,currentColor)}"
        ".tl-link:hover .tl-bar,.tl-link:focus .tl-bar{fill:currentColor}"
        ".tl-link:focus{outline:2px solid currentColor;outline-offset:2px}"
        ".tl-campaign{fill:currentColor;opacity:.12}"
        ".tl-vote{stroke:currentColor;stroke-width:2;stroke-dasharray:4 3}"
        ".tl-tick{stroke:currentColor;opacity:.5}"
        "</style>",
    ]
    # Milestones first, so that bars are drawn over the bands.
    for m in timeline.milestones:
        if m.end:
            x0, x1 = x_of(m.start), x_of(m.end + dt.timedelta(days=1))
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
                f'<line class="tl-vote" x1="{_fmt(x)}" y1="{TOP - 14}" x2="{_fmt(x)}" y2="{base}">'
                f"<title>{escape(m.election)}: {escape(m.label)}, "
                f"{escape(dates.medium_date(m.start))}</title></line>"
            )
            # Keep the label inside the picture next to its edges.
            anchor = "end" if x > width - 60 else "start" if x < LEFT + 40 else "middle"
            out.append(
                f'<text class="tl-text" x="{_fmt(x)}" y="{TOP - 18}" text-anchor="{anchor}">'
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
            f'<text class="tl-text" x="{LEFT - 6}" y="{_fmt(y + 4)}" text-anchor="end">'
            f"{value}</text>"
        )
    out.append(f'<line class="tl-axis" x1="{LEFT}" y1="{base}" x2="{width - RIGHT}" y2="{base}"/>')
    ticks: list[str] = []  # one path for every month tick: smaller than a line each
    for i, month in enumerate(months):
        x = LEFT + step * i
        if month.month == 1 or i == 0:
            out.append(
                f'<line class="tl-tick" x1="{x}" y1="{base}" x2="{x}" y2="{base + 18}"/>'
                f'<text class="tl-text" x="{x + 3}" y="{base + 30}">{month.year}</text>'
            )
        else:
            ticks.append(f"M{x} {base}v4")
        if not month.count:
            continue
        h = max(height * month.count / top, 2)
        label = f"{month.label}: {count_label.format(n=month.count)}"
        out.append(
            f'<a class="tl-link" href="{escape(siteurl)}/{escape(month.url or "")}" '
            f'aria-label="{escape(label)}">'
            f'<rect class="tl-bar" x="{_fmt(x + (step - bar) / 2)}" y="{_fmt(base - h)}" '
            f'width="{bar}" height="{_fmt(h)}"><title>{escape(label)}</title></rect></a>'
        )
    if ticks:
        out.append(f'<path class="tl-tick" d="{"".join(ticks)}"/>')
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
