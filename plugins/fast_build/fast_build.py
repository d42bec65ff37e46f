"""Make Pelican's build linear in the number of articles, and local previews incremental.

Pelican 4.12 spends most of a 10,000-article build on work that does not depend on the
content (measured with cProfile, see docs/benchmarks.md):

- list scans that are quadratic: every tag, category and author page filters ``dates`` with
  ``article in articles`` (a list), even when category and author pages are switched off
  (``*_SAVE_AS = ""``); every year and month archive filters all articles the same way;
- ``article.url`` / ``save_as`` are recomputed on every access (a metadata copy, a relative
  path and a ``strftime``), and list pages read them once per listed article;
- pure Jinja filters such as the Babel date formatters run once per listed article.

This plugin replaces the scans with linear ones (same lists, same order), memoizes each URL by the
values its pattern uses (``{date:%Y}``, ``{slug}``), and memoizes the filters named in ``FAST_BUILD["memo_filters"]``. The output is byte-identical.

With ``FAST_BUILD["preview"]`` (``invoke livereload``) pages are not rendered again when
nothing they show changed since the previous build and their file is still there: an
article page when its own text and metadata, the front-matter of every article, the
templates, the project's code, data and settings are unchanged; a list page (index, archives,
tags, regions, ...) when the front-matter of every article, templates, code, data and settings
are unchanged (list pages show front-matter only); a feed when, in addition, none of its
articles changed. Plain pages and other plugins' own files are always written. Pages and feeds
the previous preview build wrote and this one did not (a deleted article, an emptied tag) are
removed. When only article bodies changed, ``quick.py`` skips all of it and writes just the
pages and feeds that show those texts (see there). A published build never uses these
shortcuts.

``process_translations`` (Pelican's, quadratic in its last scan) is replaced by a linear one
with the same result, in every build.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import logging
import os
import re
import string
from collections import defaultdict
from operator import attrgetter
from pathlib import Path
from typing import Any

import pelican.urlwrappers as pelican_urlwrappers
import pelican.utils as pelican_utils
from pelican import Pelican, signals
from pelican import generators as pelican_generators
from pelican.contents import Content
from pelican.generators import ArticlesGenerator
from pelican.paginator import Paginator
from pelican.urlwrappers import URLWrapper
from pelican.utils import path_to_url
from pelican.writers import FileOverwriteFailedError, Writer

from . import quick

log = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    "preview": False,  # skip rendering unchanged article pages (local preview only)
    # Jinja filters that are pure functions of hashable arguments (memoized per build).
    "memo_filters": ["tanggal", "tanggal_sedang", "bulan_tahun", "nama_bulan", "iso"],
    # More folders whose files change what a page looks like; the theme, data/ and the
    # project's loaded Python modules are always watched.
    "watch": [],
    "state_file": "fast_build.json",  # in CACHE_PATH
}


def plugin_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """``FAST_BUILD`` from pelicanconf.py over :data:`DEFAULTS` (the one place it is read)."""
    conf = {**DEFAULTS, **(settings.get("FAST_BUILD") or {})}
    unknown = set(conf) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"FAST_BUILD: unknown key(s) {sorted(unknown)}")
    return conf


# --------------------------------------------------------------------------- memoized URLs


@functools.lru_cache(maxsize=256)
def _fields(pattern: str) -> tuple[str, ...] | None:
    """The top-level names a URL pattern uses ("artikel/{date:%Y}/{slug}/" -> date, slug),
    or None when it uses something this plugin does not reproduce (then Pelican computes)."""
    names = []
    try:
        for _text, name, _spec, _conv in string.Formatter().parse(pattern):
            if name is None:
                continue
            base = re.match(r"[A-Za-z_]\w*", name)
            if not base:
                return None
            names.append(base.group(0))
    except ValueError:
        return None
    return tuple(dict.fromkeys(names))


def _content_value(content: Any, name: str) -> Any:
    """What ``Content.url_format[name]`` would be, computing only that one value."""
    if name == "slug":
        return getattr(content, "slug", "")
    if name == "lang":
        return getattr(content, "lang", "en")
    if name == "date":
        return getattr(content, "date", None) or content.url_format["date"]
    if name in ("author", "category"):
        return getattr(content, name).slug if hasattr(content, name) else ""
    if name == "path":
        return path_to_url(content.metadata.get("path", content.get_relative_source_path()))
    return content.metadata[name]


def _memo_format(obj: Any, pattern: str, names: tuple[str, ...], value_of: Any) -> str:
    """``pattern.format(**values)``, memoized on ``obj`` by the values it actually uses.

    Pelican formats a URL pattern with a copy of all the metadata, a relative path and a
    ``strftime`` on every ``.url`` access, and list pages access it once per listed article;
    here the result is reused as long as the fields the pattern names are unchanged."""
    values = {n: value_of(obj, n) for n in names}
    try:
        key = (pattern, tuple(values.values()))
        memo = obj.__dict__.setdefault("_fast_build_urls", {})
        if key in memo:
            return memo[key]
    except TypeError:  # an unhashable value: format without memo
        return pattern.format(**values)
    memo[key] = result = pattern.format(**values)
    return result


#: Pelican's own methods, before this plugin replaces them (the tests compare with them).
PELICAN_BUILD_PERIOD_ARCHIVES = ArticlesGenerator._build_period_archives
PELICAN_PROCESS_TRANSLATIONS = pelican_generators.process_translations
PELICAN_RUN = Pelican.run
_original_expand = Content._expand_settings
_original_from_settings = URLWrapper._from_settings


def _expand_settings(self: Any, key: str, klass: str | None = None) -> str:
    """Pelican's ``Content._expand_settings``, memoized (see :func:`_memo_format`)."""
    pattern = self.settings[f"{klass or self.__class__.__name__}_{key}".upper()]
    names = _fields(pattern) if isinstance(pattern, str) else None
    if names is None:
        return _original_expand(self, key, klass)
    return _memo_format(self, pattern, names, _content_value)


def _wrapper_value(wrapper: Any, name: str) -> Any:
    if name in ("name", "slug"):
        return getattr(wrapper, name)
    return wrapper.__dict__[name]


def _from_settings(self: Any, key: str, get_page_name: bool = False) -> Any:
    """Pelican's ``URLWrapper._from_settings`` (tag URLs), memoized the same way."""
    value = self.settings[f"{self.__class__.__name__.upper()}_{key}"]
    names = _fields(value) if isinstance(value, str) else None
    if names is None:
        return _original_from_settings(self, key, get_page_name)
    pattern = os.path.splitext(value)[0] if get_page_name else value
    return _memo_format(self, pattern, names, _wrapper_value)


@functools.lru_cache(maxsize=1 << 16)
def _slugify_once(value: str, regex_subs: tuple[tuple[str, str], ...], *flags: bool) -> str:
    return pelican_utils.slugify(value, regex_subs, *flags)


def _memo_slugify(
    value: str,
    regex_subs: Any = (),
    preserve_case: bool = False,
    use_unicode: bool = False,
) -> str:
    """Pelican's ``slugify`` (a pure function) memoized: every article makes new Tag objects,
    and each slugs its name again (about 56,000 calls at 10,000 articles)."""
    try:
        subs = tuple((str(a), str(b)) for a, b in regex_subs)
    except (TypeError, ValueError):
        return pelican_utils.slugify(value, regex_subs, preserve_case, use_unicode)
    return _slugify_once(value, subs, preserve_case, use_unicode)


def _patch_urls() -> None:
    if getattr(Content._expand_settings, "_fast_build", False):
        return
    pelican_urlwrappers.slugify = _memo_slugify
    # Article._expand_settings calls super()._expand_settings(key, klass): patch the base.
    Content._expand_settings = _expand_settings
    _expand_settings._fast_build = True  # type: ignore[attr-defined]
    # URLWrapper's properties hold functools.partial(_from_settings): rebuild them.
    URLWrapper._from_settings = _from_settings
    URLWrapper.page_name = property(
        functools.partial(_from_settings, key="URL", get_page_name=True)
    )
    URLWrapper.url = property(functools.partial(_from_settings, key="URL"))
    URLWrapper.save_as = property(functools.partial(_from_settings, key="SAVE_AS"))


# --------------------------------------------------------------------------- linear scans


def _dates_of(dates: list[Any], articles: list[Any]) -> list[Any]:
    """``[a for a in dates if a in articles]`` in linear time (articles compare by identity)."""
    wanted = {id(a) for a in articles}
    return [a for a in dates if id(a) in wanted]


def _build_period_archives(
    self: ArticlesGenerator, sorted_articles: list[Any], articles: list[Any], settings: Any
) -> dict[str, list[dict[str, Any]]]:
    """Pelican's ``_build_period_archives`` with one pass per granularity instead of one
    scan of every article per period."""
    import calendar

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
        in_order: dict[Any, list[Any]] = defaultdict(list)
        for article in articles:
            in_order[key_func(article)].append(article)
        for period, group in itertools.groupby(sorted_articles, key=key_func):
            dates = list(group)
            d = dates[0].date
            archive: dict[str, Any] = {
                "dates": dates,
                # Pelican keeps the articles of the period in `articles` order.
                "articles": in_order.get(period, []),
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


def _generate_groups(kind: str) -> Any:
    """Pelican's ``generate_tags/categories/authors`` with a linear ``dates`` filter, and
    nothing at all when the pages are switched off (``<KIND>_SAVE_AS = ""``)."""

    def generate(self: ArticlesGenerator, write: Any) -> None:
        if not self.settings.get(f"{kind.upper()}_SAVE_AS"):
            return
        template = self.get_template(kind)
        groups = self.tags.items() if kind == "tag" else getattr(self, f"{kind}s")
        for item, articles in groups:
            try:
                write(
                    item.save_as,
                    template,
                    self.context,
                    url=item.url,
                    **{kind: item},
                    articles=articles,
                    dates=_dates_of(self.dates, articles),
                    template_name=kind,
                    blog=True,
                    page_name=item.page_name,
                    all_articles=self.articles,
                )
            except FileOverwriteFailedError:
                if not item.slug:
                    log.info('%s "%s" has an invalid slug; skipping its page', kind, item)
                    continue
                raise

    generate.__name__ = f"generate_{kind}s" if kind != "category" else "generate_categories"
    return generate


def _patch_generators() -> None:
    if getattr(ArticlesGenerator, "_fast_build", False):
        return
    ArticlesGenerator._build_period_archives = _build_period_archives
    ArticlesGenerator.generate_tags = _generate_groups("tag")
    ArticlesGenerator.generate_categories = _generate_groups("category")
    ArticlesGenerator.generate_authors = _generate_groups("author")
    ArticlesGenerator.generate_articles = _generate_articles
    pelican_generators.process_translations = _linear_translations
    ArticlesGenerator._fast_build = True


# --------------------------------------------------------------------------- memoized filters


def _memo_filter(func: Any) -> Any:
    cached = functools.lru_cache(maxsize=65536)(func)

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return cached(*args, **kwargs)
        except TypeError:  # an unhashable argument: compute it
            return func(*args, **kwargs)

    return wrapper


def _memo_filters(generator: Any) -> None:
    env = getattr(generator, "env", None)
    if env is None:
        return
    for name in plugin_settings(generator.settings)["memo_filters"]:
        if name in env.filters and not hasattr(env.filters[name], "cache_info"):
            env.filters[name] = _memo_filter(env.filters[name])


# --------------------------------------------------------------------------- preview


def _watched(settings: dict[str, Any], extra: list[str]) -> list[Path]:
    """Files that change what a page looks like: the theme, data/, and the project's Python
    code (the plugins and the ``arsip`` package), not every file of the tree. Every module
    file there counts, loaded yet or not: a build loads some lazily, and the list must be the
    same before and after."""
    from arsip import schema

    files: list[Path] = []
    for folder in [Path(settings["THEME"]), schema.DATA_DIR, *map(Path, extra)]:
        files += [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []
    code_roots = [Path(p).resolve() for p in settings.get("PLUGIN_PATHS", [])]
    code_roots.append(Path(schema.__file__).resolve().parent)
    for root in code_roots:
        files += root.rglob("*.py")
    return sorted(set(files))


def _tree_stamp(files: list[Path]) -> str:
    digest = hashlib.sha1()
    for path in files:
        stat = path.stat()
        digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}\n".encode())
    return digest.hexdigest()


def _front_matter(article: Any) -> str:
    meta = {k: str(v) for k, v in article.metadata.items() if k != "fingerprint"}
    return json.dumps([article.save_as, meta], sort_keys=True, ensure_ascii=False)


class Preview:
    """Which article pages can be left as they are: see the module's docstring."""

    def __init__(self, generator: ArticlesGenerator):
        conf = plugin_settings(generator.settings)
        self.state_path = Path(generator.settings["CACHE_PATH"]) / conf["state_file"]
        settings = {k: v for k, v in generator.settings.items() if k.isupper()}
        front = {id(a): _front_matter(a) for a in _all_articles(generator)}
        everything = sorted(front.values())
        digest = hashlib.sha1()
        # Function reprs carry addresses that change from one process to the next.
        digest.update(re.sub(r" at 0x[0-9a-f]+", "", repr(settings)).encode())
        digest.update(_tree_stamp(_watched(generator.settings, conf["watch"])).encode())
        digest.update("\n".join(everything).encode())
        self.stamp = digest.hexdigest()
        try:
            old = json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            old = {}
        self.same_site = old.get("stamp") == self.stamp
        self.old = old.get("pages", {}) if self.same_site else {}
        # Each article's key (its front-matter and text), computed once: feeds need them first.
        self.new: dict[str, str] = {
            a.save_as: hashlib.sha1((front[id(a)] + "\n" + a._content).encode()).hexdigest()
            for a in _all_articles(generator)
        }
        self.output = Path(generator.output_path)
        self.skipped = 0
        self.skipped_lists = 0

    def same_article(self, article: Any) -> bool:
        """True when the article's front-matter and text are those of the previous build."""
        key = self.new.get(article.save_as)
        return key is not None and self.old.get(article.save_as) == key

    def unchanged(self, article: Any) -> bool:
        same = self.same_article(article) and (self.output / article.save_as).exists()
        self.skipped += same
        return same

    def save(self) -> None:
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        self.state_path.write_text(
            json.dumps({"stamp": self.stamp, "pages": self.new}, sort_keys=True),
            encoding="utf-8",
        )
        log.info(
            "fast_build: %d unchanged article page(s) and %d list page(s) not rendered again",
            self.skipped,
            self.skipped_lists,
        )


# The preview state of each build, by output path (two builds in one process must not mix).
_previews: dict[str, Preview] = {}


def _start_preview(generator: ArticlesGenerator) -> None:
    if plugin_settings(generator.settings)["preview"]:
        _previews[generator.output_path] = Preview(generator)


def _end_preview(pelican: Any) -> None:
    _previews.pop(pelican.output_path, None)


class PreviewWriter(Writer):
    """Pelican's writer, which in preview mode leaves a list page as it is when nothing it
    can show has changed: no article's front-matter, no template, setting or code (list pages
    show front-matter only; article pages, feeds and plain pages are always handled apart).
    A plugin's page that shows what it reads in article texts says so with ``shows_texts=True``
    and is always rendered (plugins/regulations)."""

    def write_file(self, name: Any, template: Any, context: Any, *args: Any, **kwargs: Any) -> Any:
        recorder = quick.RECORDERS.get(self.output_path)
        call = (name, None, context, *args)  # the template is found again by its name
        preview = _previews.get(self.output_path)
        always = {"article", "page"} & set(kwargs) or kwargs.get("shows_texts")
        if not (preview and preview.same_site and name) or always:
            return self._render("file", recorder, template, call, kwargs)
        names = self._page_names(name, *args, **kwargs)
        if not all(os.path.exists(os.path.join(self.output_path, n)) for n in names):
            return self._render("file", recorder, template, call, kwargs)
        for page_name in names:
            # pelican-sitemap lists the pages it is told about: tell it about this one.
            signals.content_written.send(
                os.path.join(self.output_path, page_name),
                context={**kwargs, "output_file": page_name},
            )
        preview.skipped_lists += len(names)
        if recorder is not None:
            recorder.record("file", f"file:{name}", template, call, kwargs, None)
        return None

    def write_feed(self, elements: Any, context: Any, path: Any = None, *args: Any, **kwargs: Any):
        """A feed shows its newest articles' summaries (taken from their text): leave it as it
        is when none of them changed, nor anything else (see :class:`PreviewWriter`)."""
        preview = _previews.get(self.output_path)
        recorder = quick.RECORDERS.get(self.output_path)
        if recorder is not None and path:
            recorder.outputs.add(path)
        shown = list(elements)[: self.settings["FEED_MAX_ITEMS"]]
        call = (elements, context, path, *args)
        if (
            preview
            and preview.same_site
            and path
            and os.path.exists(os.path.join(self.output_path, path))
            and all(preview.same_article(a) for a in shown)
        ):
            preview.skipped_lists += 1
            if recorder is not None:
                recorder.record("feed", f"feed:{path}", None, call, kwargs, None)
            return None
        return self._render("feed", recorder, None, call, kwargs)

    def _render(self, kind: str, recorder: Any, template: Any, call: tuple, kwargs: dict) -> Any:
        """Write with Pelican's writer, noting which articles' text the page or feed shows."""
        reads: set[str] = set()
        outer, quick.READS.current = quick.READS.current, reads
        try:
            if kind == "feed":
                result = super().write_feed(*call, **kwargs)
            else:
                result = super().write_file(call[0], template, *call[2:], **kwargs)
        finally:
            quick.READS.current = outer
        if recorder is not None and call[0 if kind == "file" else 2]:
            key = f"{kind}:{call[0] if kind == 'file' else call[2]}"
            recorder.record(kind, key, template, call, kwargs, reads)
        return result

    def _page_names(
        self,
        name: str,
        relative_urls: bool = False,
        paginated: dict[str, Any] | None = None,
        template_name: str | None = None,
        override_output: bool = False,
        url: str | None = None,
        **kwargs: Any,
    ) -> list[str]:
        """The files ``write_file`` would write, with Pelican's own paginator."""
        if paginated is None:
            paginated = {k: v for k, v in kwargs.items() if k in {"articles", "dates"}}
        if not (paginated and template_name in self.settings["PAGINATED_TEMPLATES"]):
            return [name]
        per_page = (
            self.settings["PAGINATED_TEMPLATES"][template_name]
            or self.settings["DEFAULT_PAGINATION"]
        )
        paginator = Paginator(name, url, next(iter(paginated.values())), self.settings, per_page)
        return [paginator.page(i + 1).save_as for i in range(paginator.num_pages)]


def _get_writer(pelican: Any) -> type[Writer] | None:
    return PreviewWriter if plugin_settings(pelican.settings)["preview"] else None


def _all_articles(generator: ArticlesGenerator) -> list[Any]:
    return list(
        itertools.chain(
            generator.translations,
            generator.articles,
            generator.hidden_translations,
            generator.hidden_articles,
        )
    )


def _generate_articles(self: ArticlesGenerator, write: Any) -> None:
    """Pelican's ``generate_articles``, skipping unchanged pages in preview mode."""
    preview = _previews.get(self.output_path)
    recorder = quick.RECORDERS.get(self.output_path)
    for article in _all_articles(self):
        signals.article_generator_write_article.send(self, content=article)
        template = self.get_template(article.template)
        kwargs = {
            "article": article,
            "category": getattr(article, "category", None),
            "override_output": hasattr(article, "override_save_as"),
            "url": article.url,
            "blog": True,
        }
        if preview is not None and preview.unchanged(article):
            signals.content_written.send(
                os.path.join(self.output_path, article.save_as), context={"article": article}
            )
            if recorder is not None:  # for a quick rebuild after an edit to its text
                call = (article.save_as, None, self.context)
                recorder.record("file", f"file:{article.save_as}", template, call, kwargs, None)
            continue
        write(article.save_as, template, self.context, **kwargs)
    if preview is not None:
        preview.save()


def _linear_translations(content_list: list[Any], translation_id: Any = None) -> Any:
    """Pelican's ``process_translations`` without its last scan, ``x not in index`` on a list
    (quadratic: about 2 s at 10,000 articles); the same lists in the same order."""
    from pelican.utils import get_original_items

    if not translation_id:
        return content_list, []
    if isinstance(translation_id, str):
        translation_id = {translation_id}
    index: list[Any] = []
    content_list.sort(key=attrgetter(*translation_id))
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


def _run(self: Any) -> Any:
    """``Pelican.run``: in preview mode, the quick rebuild when it applies (plugins/fast_build/quick.py)."""
    if not plugin_settings(self.settings)["preview"]:
        return PELICAN_RUN(self)
    return quick.run(self, PELICAN_RUN)


def register() -> None:
    _patch_urls()
    _patch_generators()
    quick.patch_content()
    if not getattr(Pelican.run, "_fast_build", False):
        Pelican.run = _run
        _run._fast_build = True  # type: ignore[attr-defined]
    signals.initialized.connect(quick.forget)
    signals.content_written.connect(quick._note_written)
    signals.all_generators_finalized.connect(quick.remember_generators)
    signals.finalized.connect(quick.finalize)
    signals.generator_init.connect(_memo_filters)
    signals.get_writer.connect(_get_writer)
    signals.article_generator_finalized.connect(_start_preview)
    signals.finalized.connect(_end_preview)
