"""Widgets: thin shells that wire controls to a pure view function and a kit chart.

Each widget has a pure core, a ``*_view`` function that returns what the widget
shows as plain data; tests call it directly. The shell only reads its controls,
calls the core, draws with a kit chart and shows the result. Callbacks run
inside an ``Output`` so a student sees any error. Charts are redrawn by blitting
on one reused figure, which keeps an update well under the 0.1 s that feels
instant. One module per lesson topic; every widget is importable from here, and a
topic's module loads on first use.
"""

from kit.lazy import exports

__getattr__, __dir__, __all__ = exports(
    __name__,
    {
        "base": ["DiscussionView", "KitBox", "discussion", "discussion_view", "friendly"],
        "framing": [
            "FrameCodingView",
            "ReframeView",
            "entman_reference",
            "entman_tagger",
            "frame_coder",
            "frame_coding_view",
            "frame_reference",
            "paragraph_tagger",
            "reframe_view",
            "reframing_lab",
            "saved_rewrite",
            "saved_tags",
            "tagging_view",
        ],
        "reading": [
            "KeywordView",
            "ParagraphView",
            "event_orderer",
            "keyword_explorer",
            "keyword_view",
            "paragraph_explorer",
            "paragraph_view",
            "term_matcher",
        ],
        "prediction": ["prediction_comparison", "prediction_form"],
        "reveal": ["RevealBox", "RevealState", "reveal_after", "reveal_state"],
        "stakeholders": [
            "GameView",
            "GridView",
            "game_view",
            "grid_comparison_view",
            "grid_placer",
            "grid_reference",
            "grid_view",
            "two_level_game",
        ],
        "targets": ["GrowthView", "LabView", "growth_view", "lab_view", "measurement_lab", "target_growth"],
    },
)
