"""Charts: each takes analysis results and an optional Axes, draws, and returns the Axes.

Charts never compute analyses. Each records a one-sentence description of what
it shows (``description(ax)``), used as the chart's caption and alt text.
Colours come from the Okabe-Ito palette, which stays distinguishable under the
common colour-vision deficiencies, and no chart relies on colour alone: series
also differ by marker, line style or hatching. One module per lesson topic;
every chart is importable from here, and a topic's module loads on first use.
"""

from kit.lazy import exports

__getattr__, __dir__ = exports(__name__)
