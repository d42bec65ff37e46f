"""The peer check: stock Pelican against the speed layer, each build in its own process."""
