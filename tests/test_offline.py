"""The kit works offline: no NLTK corpora, no network.

conftest.py points NLTK_DATA at an empty folder and installs an audit hook that
refuses non-loopback connections. These tests prove both guards are live, so
every other test's success means the kit needs neither.
"""

import os
import socket
import urllib.request
from pathlib import Path

import nltk
import pytest
from textblob import TextBlob
from textblob.exceptions import MissingCorpusError

from kit.article import load_article
from kit.quotes import story_shape
from kit.text import sentence_spans, sentiment, sentiment_arc, words


def test_nltk_data_is_an_empty_folder():
    folder = Path(os.environ["NLTK_DATA"])
    assert folder.is_dir() and not any(folder.iterdir())
    assert str(folder) in nltk.data.path


def test_textblobs_corpus_paths_really_fail_here():
    # If this ever passes, corpora leaked into the test machine and the offline proof is void.
    with pytest.raises((MissingCorpusError, LookupError)):
        TextBlob("One sentence. Another one.").sentences  # noqa: B018


def test_the_kits_text_analysis_needs_no_corpus():
    article = load_article()
    assert len(sentence_spans(article.paragraph(7).text)) == 3
    assert words("Try again.") == ["Try", "again"]
    assert sentiment("a troubled relationship").polarity == pytest.approx(-0.5)
    assert len(sentiment_arc(article)) == len(story_shape(article)) == 20


def test_the_network_is_closed_to_tests():
    with pytest.raises(RuntimeError, match="tests run offline: looking up 'example.org'"):
        urllib.request.urlopen("http://example.org", timeout=1)
    with (
        socket.socket() as raw,
        pytest.raises(RuntimeError, match="tests run offline: connecting to '192.0.2.1'"),
    ):
        raw.connect(("192.0.2.1", 80))


def test_loopback_stays_open():
    server = socket.create_server(("127.0.0.1", 0))
    with server, socket.create_connection(server.getsockname(), timeout=1):
        pass
