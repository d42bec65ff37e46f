"""Feed summaries plugin: topic feeds (tags, regions) carry each entry's summary, not its text."""

from .feed_summaries import DEFAULTS, FeedSummariesError, config, register

__all__ = ["DEFAULTS", "FeedSummariesError", "config", "register"]
