"""Charts: each takes analysis results and an optional Axes, draws, and returns the Axes.

Charts never compute analyses. Each records a one-sentence description of what
it shows (``description(ax)``), used as the chart's caption and alt text.
Colours come from the Okabe-Ito palette, which stays distinguishable under the
common colour-vision deficiencies, and no chart relies on colour alone: series
also differ by marker, line style or hatching. One module per lesson topic;
every chart is importable from here.
"""

from kit.charts.base import PALETTE, Layers, description, layers
from kit.charts.framing import (
    coding_progress,
    frame_confusion,
    framing_scores,
    speaker_words,
    story_parts,
    voice_share,
    voices_sentiment,
)
from kit.charts.reading import keyword_strip, sentiment_arc, story_shape, word_scores
from kit.charts.stakeholders import appearance_strip, grid_comparison, power_interest_grid, win_sets
from kit.charts.targets import (
    current_account,
    dealer_outlets,
    goods_trade,
    growth_path,
    imported_vehicles,
    measurement_lab,
    semiconductor_share,
)

__all__ = [
    "PALETTE",
    "Layers",
    "appearance_strip",
    "coding_progress",
    "current_account",
    "dealer_outlets",
    "description",
    "frame_confusion",
    "framing_scores",
    "goods_trade",
    "grid_comparison",
    "growth_path",
    "imported_vehicles",
    "keyword_strip",
    "layers",
    "measurement_lab",
    "power_interest_grid",
    "semiconductor_share",
    "sentiment_arc",
    "speaker_words",
    "story_parts",
    "story_shape",
    "voice_share",
    "voices_sentiment",
    "win_sets",
    "word_scores",
]
