"""Pelican settings for Arsip Netralitas ASN.

Local preview uses root-relative URLs (SITEURL = ""); ``invoke publish --siteurl URL`` (or the
environment variable ARSIP_SITEURL) builds with an absolute URL, which may carry a sub-path
such as https://org.github.io/repo. Every template link starts with SITEURL, so the same
templates serve both.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent
# The `arsip` package, and plugins that are also Markdown extensions, when Pelican is run
# from elsewhere.
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

from arsip import dates  # noqa: E402

# --------------------------------------------------------------------------- identity
SITENAME = "Arsip Netralitas ASN"
SITESUBTITLE = "Arsip berita netralitas aparatur sipil negara dalam Pilkada"
AUTHOR = "Redaksi Arsip Netralitas ASN"
SITEURL = os.environ.get("ARSIP_SITEURL", "").rstrip("/")
FEED_DOMAIN = SITEURL
# Where readers ask for a correction or a takedown (the about page and every article link to
# it): ARSIP_CONTACT (an e-mail address or a web address) when set; when the site is built by
# GitHub Actions, the repository's issues; otherwise none, and the about page says so.
CORRECTIONS_CONTACT = os.environ.get("ARSIP_CONTACT", "").strip() or (
    f"https://github.com/{os.environ['GITHUB_REPOSITORY']}/issues"
    if os.environ.get("GITHUB_REPOSITORY")
    else ""
)
# The licence of the archive's metadata and open data (the about page, data/datapackage.json).
DATA_LICENSE = {
    "id": "CC-BY-4.0",  # SPDX
    "title": "Creative Commons Atribusi 4.0 Internasional (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.id",
}
DEFAULT_LANG = "id"
TIMEZONE = "Asia/Jakarta"
# No id_ID locale is installed; dates are formatted with Babel (arsip.dates), not strftime.
LOCALE = ("C",)

# --------------------------------------------------------------------------- content
PATH = str(ROOT / "content")
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
# Icons at the site's root, where browsers look for them (drawn from theme/static/favicon.svg).
# Not EXTRA_PATH_METADATA: with it, plugins/validation could not give Pelican the slugs.
STATIC_PATHS = ["favicon.ico", "apple-touch-icon.png"]
READERS = {"rst": None, "html": None, "htm": None}  # Markdown only
OUTPUT_PATH = str(ROOT / "output")
DELETE_OUTPUT_DIRECTORY = False  # `invoke build` empties output/ itself (keeps .git etc.)
SLUGIFY_SOURCE = "basename"  # the URL comes from the file name, not the (editable) title
DEFAULT_CATEGORY = "arsip"
USE_FOLDER_AS_CATEGORY = False
DEFAULT_DATE = None
ARTICLE_ORDER_BY = "reversed-date"
NEWEST_FIRST_ARCHIVES = True
MARKDOWN = {
    "extensions": ["arsip.markdown_safe", "markdown.extensions.smarty"],
    "extension_configs": {"markdown.extensions.smarty": {"smart_quotes": False}},
    "output_format": "html",
}
FORMATTED_FIELDS: list[str] = []  # summaries are plain text: never rendered as Markdown
SUMMARY_MAX_LENGTH = 40

# --------------------------------------------------------------------------- URLs
ARTICLE_URL = "artikel/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "artikel/{date:%Y}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
ABOUT_URL = "tentang/"  # content/pages/tentang.md (template: about)
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
TAGS_URL = "tag/"
TAGS_SAVE_AS = "tag/index.html"
ARCHIVES_URL = "arsip/"
ARCHIVES_SAVE_AS = "arsip/index.html"
YEAR_ARCHIVE_URL = "arsip/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "arsip/{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "arsip/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "arsip/{date:%Y}/{date:%m}/index.html"
DAY_ARCHIVE_SAVE_AS = ""
# Categories and authors carry no meaning here (regions, officials and sources replace them).
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "tags", "archives", "search", "404", "robots", "site_js"]
ROBOTS_SAVE_AS = "robots.txt"  # theme/templates/robots.html is plain text
# Every page's script (header search prefetch, search highlight, share button), written once
# with the site's address and UI strings (theme/templates/site_js.html), not inline in each page.
SITE_JS_SAVE_AS = "theme/js/site.js"
SITE_JS_URL = "theme/js/site.js"
SEARCH_SAVE_AS = "cari/index.html"
SEARCH_URL = "cari/"
# "404" is written to 404.html (Pelican's default for a direct template).
# The home page shows the newest HOME_LATEST articles and links to the archive: pages 2, 3,
# ... of the home page repeated the month pages (every article once more, 0.5 KB each).
HOME_LATEST = 20
PAGINATED_TEMPLATES = {
    "tag": 50,
    "period_archives": 100,
    # "archives" is not paginated: it is one page (years and months); paginated by `dates`,
    # N/20 identical pages were written (each listed every article then: 500 x 10,000).
    # plugins/taxonomies detail pages, and the indexes that grow with the archive
    "region": 50,
    "official": 50,
    "source": 50,
    "election": 50,
    "province": 50,
    "regulation": 50,
    "officials": 200,
    "sources": 200,
    # plugins/quotes: an election's (or a region's, a person's) quotes; people with quotes
    "quote_list": 50,
    "quote_people": 200,
}
DEFAULT_PAGINATION = 20
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/halaman/{number}/", "{base_name}/halaman/{number}/index.html"),
)

# --------------------------------------------------------------------------- feeds
FEED_ALL_ATOM = "feeds/semua.atom.xml"
FEED_ALL_RSS = None
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
# The newest 20 entries in every feed. The site-wide feed carries their full text; the feeds
# of a tag or a region carry summaries (plugins/feed_summaries): an article is in several of
# them, and their full texts were a third of the site's growth per article.
FEED_MAX_ITEMS = 20
RSS_FEED_SUMMARY_ONLY = True
FEED_SUMMARIES = {"full_text": [FEED_ALL_ATOM]}  # plugins/feed_summaries

# --------------------------------------------------------------------------- theme
THEME = str(ROOT / "theme")
THEME_STATIC_DIR = "theme"
# Every visible Indonesian string of the theme, in one file.
UI = yaml.safe_load((ROOT / "theme" / "strings.id.yml").read_text(encoding="utf-8"))
JINJA_GLOBALS = {"T": UI}
JINJA_FILTERS = {
    "long_date": dates.long_date,
    "medium_date": dates.medium_date,
    "month_year": dates.month_year,
    "month_name": dates.month_name,
    "iso_date": dates.iso_date,
}
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    # Each build makes a new Environment: no need to stat every template at every {% include %}.
    "auto_reload": False,
    # {% cache key %}: list entries, header and footer rendered once per build (arsip/fragment_cache.py).
    "extensions": ["arsip.fragment_cache.FragmentCache"],
}

# --------------------------------------------------------------------------- plugins
PLUGIN_PATHS = [str(ROOT / "plugins")]
PLUGINS = [
    "validation",  # schema validation of every article (arsip.schema); must come first
    "pelican_speed",  # linear, parallel, incremental builds (the same bytes); see below
    "taxonomies",  # region/official/source/election pages, related articles, citations
    "quotes",  # kutipan/: every quote by election, region and person; after taxonomies
    "timeline",  # lini-masa/: articles per month as an inline SVG, election milestones
    "regulations",  # regulasi/: the regulations the articles cite (arsip.regulations)
    "share",  # descriptions, Open Graph/Twitter data and JSON-LD NewsArticle of articles
    "exports",  # data/articles.json and data/articles.csv
    "feed_summaries",  # tag and region feeds: summaries, not full texts
    "pelican.plugins.sitemap",
    "sitemap_lastmod",  # list pages dated by the newest article, not the build time
    "sitemap_index",  # above 50,000 URLs/50 MB: sitemap.xml indexes sitemap-N.xml parts
    "search_index",  # Pagefind index + browse data of the written site; keep it last
]
SEARCH_INDEX = {  # plugins/search_index (defaults: search_index.DEFAULTS)
    "glob": "artikel/{year}/**/*.html",  # only article pages, one Pagefind index per year
    # Two years indexed at once: on the idle 2-core machine all years took 21.7 s and 21.1 s
    # against 26.8 s and 28.1 s one at a time (10,000 articles; peak 2 x 240 MB).
    "jobs": 2,
    # Regions of an article page outside its data-pagefind-body element (templates/article.html):
    # a new article changes them on other pages, not what Pagefind indexes, so they are left
    # out of the key of the build cache's slices (plugins/search_index: SliceCache).
    "cache_ignore": [
        r'<nav class="prev-next".*?</nav>',
        r'<section class="related".*?</section>',
    ],
}
SITEMAP = {
    "format": "xml",  # entries without changefreq and priority (plugins/sitemap_lastmod)
    "exclude": ["^cari/", "^404", "^robots\\.txt$", "\\.js$"],
}

# Deterministic output: no build time anywhere, caches off (they would change nothing but
# could serve stale pages after a schema change).
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# Local preview (`invoke livereload` sets ARSIP_PREVIEW=1): Pelican's content cache, and
# unchanged pages are not rendered again (plugins/pelican_speed). Never for publishing.
PREVIEW = os.environ.get("ARSIP_PREVIEW") == "1"
# plugins/pelican_speed (defaults: pelican_speed.config.DEFAULTS). ARSIP_STOCK_PELICAN=1
# builds with stock Pelican (the same bytes, slower).
PELICAN_SPEED = {
    "enabled": os.environ.get("ARSIP_STOCK_PELICAN") != "1",
    "preview": PREVIEW,
    # Pure Jinja filters, memoized per build.
    "memo_filters": ["long_date", "medium_date", "month_year", "month_name", "iso_date"],
    # Besides the theme and the plugins: what else changes a page (the preview watches it).
    "watch": [str(ROOT / "data"), str(ROOT / "arsip")],
}
if PELICAN_SPEED["enabled"]:
    # The same HTML sooner, for this site's extensions; last: it speeds up the inline
    # patterns registered before it (plugins/pelican_speed/markdown_fast.py).
    MARKDOWN["extensions"].append("pelican_speed.markdown_fast")
if PREVIEW:
    CACHE_CONTENT = LOAD_CONTENT_CACHE = True
    GZIP_CACHE = False  # compressing 10,000 cached articles took 3.6 s per preview build
    # Re-indexing every article takes 30-60 s at 10,000 (docs/benchmarks.md): a preview keeps
    # the search index of the last full build (`invoke build` always indexes).
    SEARCH_INDEX = {**SEARCH_INDEX, "enabled": False}
