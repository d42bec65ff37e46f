"""Memoized URLs, slugs and filters, and the local preview that skips unchanged pages.

- An article's ``url``/``save_as`` and a tag's are memoized by the values their pattern uses
  (``{date:%Y}``, ``{slug}``): Pelican formats them again, with a copy of all metadata, on
  every access, and list pages access them once per listed article.
- ``slugify`` and the Jinja filters named in ``memo_filters`` (pure functions) are memoized.
- Preview (``PELICAN_SPEED["preview"]``, ``invoke livereload``): an article page, list page
  or feed is not rendered again when nothing it shows changed since the previous preview
  build and its file is still there; pages the previous build wrote and this one did not are
  removed. Edits to article bodies alone take :mod:`quick`'s path. Never for publishing.
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
from pathlib import Path
from typing import Any

import pelican.utils as pelican_utils
from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.paginator import Paginator
from pelican.urlwrappers import URLWrapper
from pelican.utils import path_to_url
from pelican.writers import Writer

from . import quick
from .config import config
from .config import original as _original

log = logging.getLogger(__name__)


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
        memo = obj.__dict__.setdefault("_speed_urls", {})
        if key in memo:
            return memo[key]
    except TypeError:  # an unhashable value: format without memo
        return pattern.format(**values)
    memo[key] = result = pattern.format(**values)
    return result


def expand_settings(self: Any, key: str, klass: str | None = None) -> str:
    """Pelican's ``Content._expand_settings``, memoized (see :func:`_memo_format`)."""
    pattern = self.settings[f"{klass or self.__class__.__name__}_{key}".upper()]
    names = _fields(pattern) if isinstance(pattern, str) else None
    if names is None:
        return _original("pelican.contents:Content._expand_settings")(self, key, klass)
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
        return URLWrapper._from_settings(self, key, get_page_name)
    pattern = os.path.splitext(value)[0] if get_page_name else value
    return _memo_format(self, pattern, names, _wrapper_value)


@functools.lru_cache(maxsize=1 << 16)
def _slugify_once(value: str, regex_subs: tuple[tuple[str, str], ...], *flags: bool) -> str:
    return pelican_utils.slugify(value, regex_subs, *flags)


def memo_slugify(
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


# URLWrapper's properties hold functools.partial(URLWrapper._from_settings): these hold the
# memoized one.
wrapper_page_name = property(functools.partial(_from_settings, key="URL", get_page_name=True))
wrapper_url = property(functools.partial(_from_settings, key="URL"))
wrapper_save_as = property(functools.partial(_from_settings, key="SAVE_AS"))


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
    conf = config(generator.settings)
    for name in conf.memo_filters if conf.enabled else ():
        if name in env.filters and not hasattr(env.filters[name], "cache_info"):
            env.filters[name] = _memo_filter(env.filters[name])


# --------------------------------------------------------------------------- preview


def _watched(settings: dict[str, Any], extra: tuple[str, ...]) -> list[Path]:
    """Files that change what a page looks like: the theme, data/, and the project's Python
    code (the plugins and the ``arsip`` package), not every file of the tree. Every module
    file there counts, loaded yet or not: a build loads some lazily, and the list must be the
    same before and after."""
    files: list[Path] = []
    for folder in [Path(settings["THEME"]), *map(Path, extra)]:
        files += [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []
    for root in settings.get("PLUGIN_PATHS", []):
        files += Path(root).resolve().rglob("*.py")
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
        conf = config(generator.settings)
        self.state_path = Path(generator.settings["CACHE_PATH"]) / conf.state_file
        settings = {k: v for k, v in generator.settings.items() if k.isupper()}
        front = {id(a): _front_matter(a) for a in _all_articles(generator)}
        everything = sorted(front.values())
        digest = hashlib.sha1()
        # Function reprs carry addresses that change from one process to the next.
        digest.update(re.sub(r" at 0x[0-9a-f]+", "", repr(settings)).encode())
        digest.update(_tree_stamp(_watched(generator.settings, conf.watch)).encode())
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
        #: Articles (absolute source paths) whose text or front-matter changed since then.
        self.changed = {
            os.path.abspath(a.source_path)
            for a in _all_articles(generator)
            if self.old.get(a.save_as) != self.new[a.save_as]
        }
        self.output = Path(generator.output_path)
        self.skipped = 0
        self.skipped_lists = 0

    def texts_unchanged(self, reads: set[str] | None) -> bool:
        """True when the previous build recorded which texts a page read (``reads``: source
        paths, None when unknown) and none of them changed."""
        return reads is not None and self.changed.isdisjoint(reads)

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
            "pelican_speed: %d unchanged article page(s) and %d list page(s) not rendered again",
            self.skipped,
            self.skipped_lists,
        )


# The preview state of each build, by output path (two builds in one process must not mix).
_previews: dict[str, Preview] = {}


def _start_preview(generator: ArticlesGenerator) -> None:
    if config(generator.settings).preview:
        _previews[generator.output_path] = Preview(generator)


def _end_preview(pelican: Any) -> None:
    _previews.pop(pelican.output_path, None)


class PreviewWriter(Writer):
    """Pelican's writer, which in preview mode leaves a list page as it is when nothing it
    can show has changed: no article's front-matter, no template, setting or code, and none of
    the article texts it read in the previous build (article pages, feeds and plain pages are
    handled apart)."""

    def write_file(self, name: Any, template: Any, context: Any, *args: Any, **kwargs: Any) -> Any:
        recorder = quick.RECORDERS.get(self.output_path)
        call = (name, None, context, *args)  # the template is found again by its name
        preview = _previews.get(self.output_path)
        if not (preview and preview.same_site and name) or {"article", "page"} & set(kwargs):
            return self._render("file", recorder, template, call, kwargs)
        # A list page may show article texts too (summaries on Pelican's index, category and
        # author pages): it is left as it is only when none of the texts it read changed.
        reads = recorder.previous_reads(f"file:{name}") if recorder is not None else None
        if not preview.texts_unchanged(reads):
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
    return PreviewWriter if config(pelican.settings).preview else None


def _all_articles(generator: ArticlesGenerator) -> list[Any]:
    return list(
        itertools.chain(
            generator.translations,
            generator.articles,
            generator.hidden_translations,
            generator.hidden_articles,
        )
    )


def generate_articles(self: ArticlesGenerator, write: Any) -> None:
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


def _give_summaries(generator: ArticlesGenerator) -> None:
    """Hand Pelican the summaries that a reader computed while preparing its files (a
    reader's ``summaries``: absolute path -> (HTML, summary), made by Pelican's own functions)
    in the memo of ``Content.get_summary``: computed once in the reading processes instead of
    once per rendering process. Only where nothing can make Pelican's differ: the article has
    that HTML, no ``summary`` field, and no ``get_content`` of its own. Not in preview, which
    observes every read of an article's text."""
    summaries: dict[str, tuple[str, str]] = {}
    for reader in generator.readers.readers.values():
        summaries.update(getattr(reader, "summaries", None) or {})
    conf = config(generator.settings)
    if not conf.enabled or conf.preview or not summaries:
        return
    # Pelican's @memoized: keyed by (content, siteurl)
    memo = _original("pelican.contents:Content.get_summary").cache
    for article in generator.articles:
        ready = summaries.get(os.path.abspath(article.source_path))
        if (
            ready is not None
            and article._content is ready[0]
            and "summary" not in article.metadata
            and not hasattr(article, "_get_content")
        ):
            memo.setdefault((article, article.get_siteurl()), ready[1])


def connect() -> None:
    """Connect the memoized filters and the preview's receivers."""
    signals.generator_init.connect(_memo_filters)
    signals.get_writer.connect(_get_writer)
    signals.article_generator_finalized.connect(_start_preview)
    signals.article_generator_finalized.connect(_give_summaries)
    signals.finalized.connect(_end_preview)
