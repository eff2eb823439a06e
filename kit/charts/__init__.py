"""Charts: each takes analysis results and an optional Axes, draws, and returns the Axes.

Charts never compute analyses. Each records a one-sentence description of what
it shows (``description(ax)``), used as the chart's caption and alt text.
Colours come from the Okabe-Ito palette, which stays distinguishable under the
common colour-vision deficiencies, and no chart relies on colour alone: series
also differ by marker, line style or hatching. One module per lesson topic;
every chart is importable from here.
"""

from kit.charts.base import PALETTE, Layers, description, layers
from kit.charts.reading import keyword_strip, sentiment_arc, story_shape, word_scores

__all__ = [
    "PALETTE",
    "Layers",
    "description",
    "keyword_strip",
    "layers",
    "sentiment_arc",
    "story_shape",
    "word_scores",
]
