"""Quotations in the article: where quoted words fall, who speaks, and whose voice fills the story.

- ``shape``: the quoted stretches of a text and each paragraph's quoted share.
- ``speakers``: the news-writing rules that find a speaker and the side they stand for.
- ``extract``: quotations with their kind and speaker, and reported speech.
- ``reference``: the kit's hand-made annotation (kit/data/quotes_reference.json).
- ``voices``: the extractor's accuracy against it, and each voice's words and sentiment.
"""

from kit.quotes.extract import Quote, ReportedSpeech, extract_quotes, reported_speech
from kit.quotes.reference import REFERENCE_FILE, reference_quotes, reference_reported
from kit.quotes.shape import ParagraphShape, quoted_spans, story_shape
from kit.quotes.speakers import KINDS, SIDES, side_of
from kit.quotes.voices import (
    NARRATION_LABEL,
    NO_SPEAKER,
    QuoteAccuracy,
    QuoteCheck,
    VoiceShare,
    narration_text,
    quote_accuracy,
    voice_share,
    voices_sentiment,
)

__all__ = [
    "KINDS",
    "NARRATION_LABEL",
    "NO_SPEAKER",
    "REFERENCE_FILE",
    "SIDES",
    "ParagraphShape",
    "Quote",
    "QuoteAccuracy",
    "QuoteCheck",
    "ReportedSpeech",
    "VoiceShare",
    "extract_quotes",
    "narration_text",
    "quote_accuracy",
    "quoted_spans",
    "reference_quotes",
    "reference_reported",
    "reported_speech",
    "side_of",
    "story_shape",
    "voice_share",
    "voices_sentiment",
]
