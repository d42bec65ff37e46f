"""Quick preview rebuilds: after an edit to article bodies only, write only what shows them.

A preview build (``PELICAN_SPEED["preview"]``) of 10,000 articles still reads every article back,
runs every plugin and walks every page to decide what to skip: about 15 s of CPU in a new
process. When the only change since the last preview build is the body of some articles, none
of that can change: every list, link, taxonomy, related-article choice, sitemap entry and
export is computed from front-matter. So the previous build leaves a snapshot:

- ``pelican_speed_quick.json``: a stamp of the settings, theme, data and loaded project code; the
  size and modification time of every file under ``PATH``; the files the build wrote; and,
  for each writer call (a page, a paginated list, a feed), the articles whose text it showed.
  That last part is observed, not assumed: ``Content.get_content`` (behind ``.content`` and
  ``.summary``) notes which article it is called on, inside which writer call. A text read
  anywhere else (a plugin deriving something from it) makes the snapshot unusable.
- ``pelican_speed_quick.pickle``: the shared context after the build (every article with what the
  plugins attached) and the arguments of each writer call that showed some article's text.

The next preview build checks, before reading anything, that the stamp is the same, that no
file was added or removed, that only article files changed and that every output file is
still there; it reads each changed file with Pelican's reader (so validation runs), checks that
everything but the text is what the snapshot holds, runs the cross-article checks
(``article_generator_pretaxonomy``: duplicate texts), and then repeats exactly the writer calls
that showed those articles' text (their page and the feeds listing them) with the snapshot's
objects. Anything else, or any doubt, runs the normal preview build. The new texts are kept
in the JSON file until the next normal build writes a new snapshot.

Plugins that act on ``finalized`` (sitemap, search index) are not run by a quick rebuild: they
see only front-matter and written pages, which an edit to a body does not change (the search
index is not rebuilt in preview at all).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import re
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.contents import Article, Content
from pelican.generators import ArticlesGenerator
from pelican.urlwrappers import URLWrapper

from .config import config
from .config import original as _original

log = logging.getLogger(__name__)

INDEX = "pelican_speed_quick.json"
SNAPSHOT = "pelican_speed_quick.pickle"
FORMAT = 1  # bump when the files' layout changes


# --------------------------------------------------------------------------- text reads


class _Reads:
    """Which articles' text the current writer call read (``current``), and whether some
    text was read outside any writer call during a tracked build (``outside``)."""

    def __init__(self) -> None:
        self.current: set[str] | None = None
        self.tracking = False
        self.outside = False


READS = _Reads()


def _note_read(content: Content) -> None:
    if READS.current is not None:
        READS.current.add(os.path.abspath(content.source_path))
    elif READS.tracking:
        READS.outside = True


def get_content(self: Content, siteurl: str) -> str:
    """Pelican's ``get_content`` (``.content``), noting who read which text."""
    _note_read(self)
    # Pelican's memoized descriptor
    return _original("pelican.contents:Content.get_content").__get__(self, type(self))(siteurl)


def get_summary(self: Content, siteurl: str) -> str:
    """Pelican's ``get_summary`` (``.summary``), noting who read which text: it is memoized,
    so only its first call reads the text through ``get_content``."""
    _note_read(self)
    return _original("pelican.contents:Content.get_summary").__get__(self, type(self))(siteurl)


# --------------------------------------------------------------------------- stamps


def _content_files(path: str) -> dict[str, list[int]]:
    """Every file under ``path`` (relative name -> [mtime_ns, size])."""
    files: dict[str, list[int]] = {}
    for folder, dirs, names in os.walk(path):
        dirs.sort()
        for name in names:
            full = os.path.join(folder, name)
            stat = os.stat(full)
            files[os.path.relpath(full, path)] = [stat.st_mtime_ns, stat.st_size]
    return files


def site_stamp(settings: dict[str, Any], watched: list[Path]) -> str:
    """A digest of the settings and of the watched files (theme, data, loaded code)."""
    digest = hashlib.sha1()
    upper = {k: v for k, v in settings.items() if k.isupper()}
    if isinstance(upper.get("MARKDOWN"), dict):
        # Pelican's Markdown reader adds its "meta" extension to this setting in place on first
        # use: in one process (`pelican --autoreload`) the second build would look different.
        markdown = dict(upper["MARKDOWN"])
        extensions = markdown.get("extensions") or []
        markdown["extensions"] = [e for e in extensions if e != "markdown.extensions.meta"]
        upper["MARKDOWN"] = markdown
    # Function reprs carry addresses that change from one process to the next.
    digest.update(re.sub(r" at 0x[0-9a-f]+", "", repr(upper)).encode())
    for path in watched:
        stat = path.stat()
        digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}\n".encode())
    return digest.hexdigest()


def _deep_dumps(obj: Any) -> bytes:
    """``pickle.dumps`` of a deep object graph: articles link to the next one in time, so
    the pickler recurses once per article (about 40,000 levels at 10,000 articles). It runs in
    a thread with a large stack and a recursion limit to match."""
    result: list[Any] = []

    def dump() -> None:
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, 1_000_000))
        try:
            result.append(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
        except BaseException as exc:  # re-raised in the caller's thread
            result.append(exc)
        finally:
            sys.setrecursionlimit(limit)

    size = threading.stack_size()
    threading.stack_size(1024 * 1024 * 1024)  # reserved address space, not memory
    try:
        thread = threading.Thread(target=dump, name="pelican_speed-snapshot")
        thread.start()
    finally:
        threading.stack_size(size)
    thread.join()
    if isinstance(result[0], BaseException):
        raise result[0]
    return result[0]


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


# --------------------------------------------------------------------------- recording


class Recorder:
    """What one normal preview build wrote, for the next quick rebuild."""

    def __init__(self, settings: dict[str, Any], stamp: str, files: dict[str, list[int]]):
        self.cache = Path(settings["CACHE_PATH"])
        self.output = settings["OUTPUT_PATH"]
        self.stamp = stamp
        self.files = files
        self.calls: list[tuple[str, str, str | None, tuple, dict]] = []
        self.deps: dict[str, list[str]] = {}
        self.outputs: set[str] = set()
        self.unknown = False  # a skipped call whose reads the previous build did not record
        self.context: dict[str, Any] | None = None
        self.generators: list[Any] = []
        self.preview_stamp: str | None = None
        try:
            old = json.loads((self.cache / INDEX).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            old = {}
        self.old = old if old.get("format") == FORMAT else {}

    def record(
        self, kind: str, key: str, template: Any, args: tuple, kwargs: dict, read: set[str] | None
    ) -> None:
        """One writer call: ``read`` is the set of texts it read, or None when it was skipped
        (then the previous build's record says, as long as it was the same site)."""
        if read is None:
            if self.old.get(
                "preview_stamp"
            ) != self.current_preview_stamp() or key not in self.old.get("deps", {}):
                self.unknown = True
                return
            read = set(self.old["deps"][key])
        self.deps[key] = sorted(read)
        if read:
            name = getattr(template, "name", None)
            self.calls.append((kind, key, name, args, kwargs))

    def previous_reads(self, key: str) -> set[str] | None:
        """The texts the previous build's writer call ``key`` read; None when unknown."""
        if self.old.get("preview_stamp") != self.current_preview_stamp():
            return None
        deps = self.old.get("deps", {}).get(key)
        return None if deps is None else set(deps)

    def current_preview_stamp(self) -> str | None:
        """the preview.s stamp of this build (settings, code, every article's front-matter)."""
        from .fast import _previews

        preview = _previews.get(self.output)
        if preview is not None:
            self.preview_stamp = preview.stamp
        return self.preview_stamp

    def remove_stale(self) -> list[str]:
        """Delete the pages and feeds the previous preview build wrote and this one did not
        (a deleted article, a region or tag left without articles, a shorter pagination),
        as a full build, which starts from an empty folder, would not have them."""
        stale = sorted(set(self.old.get("outputs", [])) - self.outputs)
        root = Path(self.output).resolve()
        for name in stale:
            path = (root / name).resolve()
            if not path.is_relative_to(root) or not path.is_file():
                continue
            path.unlink()
            # Empty folders would be served as directory listings.
            for folder in path.parents:
                if folder == root or any(folder.iterdir()):
                    break
                folder.rmdir()
        if stale:
            log.info("pelican_speed: %d stale page(s) removed", len(stale))
        return stale

    def save(self, context: dict[str, Any], generators: list[Any]) -> None:
        """Remove stale pages; write the index (always: the next build needs this one's list
        of outputs) and, when every text read was seen, the snapshot."""
        self.remove_stale()
        self.cache.mkdir(parents=True, exist_ok=True)
        index = {
            "format": FORMAT,
            "id": None,  # no usable snapshot
            "output": os.path.abspath(self.output),
            "stamp": self.stamp,
            "preview_stamp": self.preview_stamp,
            "files": self.files,
            "deps": self.deps,
            "outputs": sorted(self.outputs),
            "texts": {},
        }
        if self.unknown or READS.outside or self.preview_stamp is None:
            log.info("pelican_speed: no quick-rebuild snapshot (article text read outside pages)")
        else:
            articles: dict[str, Any] = {}
            for gen in generators:
                if isinstance(gen, ArticlesGenerator):
                    for group in _ARTICLE_LISTS:
                        for article in getattr(gen, group):
                            articles[os.path.abspath(article.source_path)] = article
            build_id = uuid.uuid4().hex
            snapshot = {
                "id": build_id,
                "context": context,
                "calls": self.calls,
                "articles": articles,
            }
            try:
                _write_atomic(self.cache / SNAPSHOT, _deep_dumps(snapshot))
                index["id"] = build_id
            except Exception as exc:  # an object a plugin attached cannot be pickled
                log.info("pelican_speed: no quick-rebuild snapshot (%s)", exc)
        _write_atomic(self.cache / INDEX, json.dumps(index).encode())


_ARTICLE_LISTS = (
    "articles",
    "translations",
    "drafts",
    "drafts_translations",
    "hidden_articles",
    "hidden_translations",
)


# The recorder of each build, by output path.
RECORDERS: dict[str, Recorder] = {}


def _note_written(path: str, context: Any = None) -> None:
    for recorder in RECORDERS.values():
        prefix = os.path.join(recorder.output, "")
        if path.startswith(prefix):
            recorder.outputs.add(os.path.normpath(path[len(prefix) :]))


# --------------------------------------------------------------------------- the quick path


#: Whether the last quick attempt read a file (see :func:`run`).
READ_ONE = [False]
#: How the last preview build ran: ``{"quick": bool, "why": reason for a normal build}``.
LAST_RUN: dict[str, Any] = {}


class NotQuick(Exception):
    """This change needs the normal preview build (the message says why, for the log)."""


def quick_rebuild(pelican: Any, stamp: str, files: dict[str, list[int]]) -> int:
    """Rebuild after body-only edits from the snapshot; return the number of changed
    articles, or raise :class:`NotQuick`."""
    settings = pelican.settings
    cache = Path(settings["CACHE_PATH"])
    try:
        index = json.loads((cache / INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise NotQuick("no snapshot") from None
    if index.get("format") != FORMAT or index.get("stamp") != stamp:
        raise NotQuick("settings, theme, data or code changed")
    old_files = index["files"]
    if old_files.keys() != files.keys():
        raise NotQuick("files added or removed")
    changed = sorted(name for name in files if files[name] != old_files[name])
    output = pelican.output_path
    if not all(os.path.exists(os.path.join(output, name)) for name in index["outputs"]):
        raise NotQuick("an output file is missing")
    if not changed:
        return 0
    for name in changed:
        if not _under(name, settings["ARTICLE_PATHS"]):
            raise NotQuick(f"{name} is not an article")

    if not index.get("id"):
        raise NotQuick("no snapshot of the last build")
    try:
        with open(cache / SNAPSHOT, "rb") as fh:
            snap = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError):
        raise NotQuick("no snapshot of the last build") from None
    if snap.get("id") != index["id"]:
        raise NotQuick("snapshot and index differ")
    context: dict[str, Any] = snap["context"]
    articles: dict[str, Any] = snap["articles"]
    for path, text in index["texts"].items():
        _set_text(articles[path], *text)

    reading = {**settings, "LOAD_CONTENT_CACHE": False, "CACHE_CONTENT": False}
    generator = ArticlesGenerator(
        context=context,
        settings=reading,
        path=pelican.path,
        theme=pelican.theme,
        output_path=output,
    )
    sources = set()
    for name in changed:
        source = os.path.abspath(os.path.join(pelican.path, name))
        old = articles.get(source)
        if old is None:
            raise NotQuick(f"{name} is not a published article")
        READ_ONE[0] = True
        new = generator.readers.read_file(
            base_path=pelican.path,
            path=name,
            content_class=Article,
            context=context,
            preread_signal=signals.article_generator_preread,
            preread_sender=generator,
            context_signal=signals.article_generator_context,
            context_sender=generator,
        )
        if not new.is_valid() or getattr(new, "status", None) != old.status:
            raise NotQuick(f"{name} is not valid")
        _same_but_text(old, new, name)
        text = (new._content, new.metadata.get("fingerprint"))
        _set_text(old, *text)
        index["texts"][source] = text
        sources.add(source)

    # Cross-article checks (validation: duplicate texts) on the updated articles.
    generator.articles = context["articles"]
    generator.drafts = context["drafts"]
    generator.hidden_articles = context["hidden_articles"]
    signals.article_generator_pretaxonomy.send(generator)

    writer = pelican._get_writer()
    # pelican-sitemap and the like already know these files from the build that first wrote
    # them, and would keep them queued for the next build.
    with signals.content_written.muted():
        for kind, key, template_name, args, kwargs in snap["calls"]:
            if sources.isdisjoint(index["deps"][key]):
                continue
            if kind == "feed":
                writer.write_feed(*args, **kwargs)
            else:
                name, _template, *rest = args
                template = generator.env.get_template(template_name)
                writer.write_file(name, template, *rest, **kwargs)
    for name in changed:
        old_files[name] = files[name]
    _write_atomic(cache / INDEX, json.dumps(index).encode())
    return len(changed)


def _under(name: str, folders: list[str]) -> bool:
    """True when the relative path ``name`` lies in one of ``folders`` (relative to PATH;
    Pelican's default ARTICLE_PATHS, [""], is all of it)."""
    for folder in map(os.path.normpath, folders):
        if folder == "." or name == folder or name.startswith(folder + os.sep):
            return True
    return False


def _set_text(article: Any, content: str, fingerprint: str | None) -> None:
    article._content = content
    if fingerprint is not None:
        article.metadata["fingerprint"] = fingerprint
        article.fingerprint = fingerprint


_TEXT_FIELDS = {"_content", "fingerprint", "metadata", "_context", "settings"}
_MISSING = object()


def _plain(value: Any) -> Any:
    """A value to compare strictly: a tag equals another of the same slug in Pelican, but a
    page shows its name."""
    if isinstance(value, URLWrapper):
        return (type(value).__name__, value.name, value.slug)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _same_but_text(old: Any, new: Any, name: str) -> None:
    """Raise :class:`NotQuick` unless ``new`` differs from ``old`` in its text only."""
    meta_old = {k: v for k, v in old.metadata.items() if k != "fingerprint"}
    meta_new = {k: v for k, v in new.metadata.items() if k != "fingerprint"}
    if _plain(meta_old) != _plain(meta_new):
        raise NotQuick(f"{name}: front-matter changed")
    for key, value in vars(new).items():
        if key in _TEXT_FIELDS or key.startswith("_speed"):  # text, or memoized URLs
            continue
        if _plain(vars(old).get(key, _MISSING)) != _plain(value):
            raise NotQuick(f"{name}: {key} changed")


# --------------------------------------------------------------------------- Pelican.run


def run(pelican: Any) -> Any:
    """Pelican's ``run``; in preview mode the quick rebuild when it applies, else the normal
    preview build, recorded for the next one."""
    original = _original("pelican:Pelican.run")
    from .fast import _watched

    started = time.time()
    settings = pelican.settings
    conf = config(settings)
    if not conf.preview:
        return original(pelican)
    stamp = site_stamp(settings, _watched(settings, conf.watch))
    files = _content_files(settings["PATH"])
    READ_ONE[0] = False
    LAST_RUN.clear()
    try:
        count = quick_rebuild(pelican, stamp, files)
    except NotQuick as why:
        log.info("pelican_speed: normal preview build (%s)", why)
        LAST_RUN.update(quick=False, why=str(why))
    else:
        LAST_RUN.update(quick=True, why="", changed=count)
        print(
            f"Done: quick preview rebuild, {count} article text(s) changed, "
            f"in {time.time() - started:.2f} seconds.",
            file=sys.stderr,
        )
        return None
    if READ_ONE[0]:
        # Reading a file left state behind (validation's problems, once per file): start
        # again, as at the start of any build.
        signals.initialized.send(pelican)
    recorder = RECORDERS[pelican.output_path] = Recorder(settings, stamp, files)
    # The snapshot describes the previous build: a normal build that stops half-way must not
    # leave it behind (the index stays: its list of outputs finds the stale ones next time).
    (Path(settings["CACHE_PATH"]) / SNAPSHOT).unlink(missing_ok=True)
    READS.tracking, READS.outside = True, False
    try:
        return original(pelican)
    finally:
        READS.tracking = False
        RECORDERS.pop(pelican.output_path, None)
        del recorder


def forget(pelican: Any) -> None:
    """``initialized`` of a full build into the preview's output folder: it rewrites it (maybe
    with another SITEURL), so the preview's records of what is there (this snapshot,
    the preview.s page keys) no longer hold."""
    conf = config(pelican.settings)
    if conf.preview or not conf.enabled:
        return
    cache = Path(pelican.settings["CACHE_PATH"])
    try:
        index = json.loads((cache / INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    # A build made aside (tools/build.py) names the folder the site then moves into.
    output = pelican.settings.get("FINAL_OUTPUT_PATH") or pelican.settings["OUTPUT_PATH"]
    if index.get("output") == os.path.abspath(output):
        for name in (INDEX, SNAPSHOT, conf.state_file):
            (cache / name).unlink(missing_ok=True)


def finalize(pelican: Any) -> None:
    """``finalized``: write the snapshot of this preview build."""
    recorder = RECORDERS.get(pelican.output_path)
    if recorder is not None and recorder.context is not None:
        recorder.save(recorder.context, recorder.generators)


def remember_generators(generators: list[Any]) -> None:
    """``all_generators_finalized``: the shared context and the generators, for the snapshot."""
    for gen in generators:
        recorder = RECORDERS.get(getattr(gen, "output_path", None))
        if recorder is not None:
            recorder.context = gen.context
            recorder.generators = generators
            recorder.current_preview_stamp()
            return


def connect() -> None:
    """Connect the quick rebuild's receivers."""
    signals.initialized.connect(forget)
    signals.content_written.connect(_note_written)
    signals.all_generators_finalized.connect(remember_generators)
    signals.finalized.connect(finalize)
