"""The nbgrader round trip for the exercise notebooks test_nbgrader.py leaves (tests/nbgrader_round_trip.py
says what it proves): a file of its own, so that the two halves run on both workers at once."""

from nbgrader_round_trip import SOURCES, SPLIT, RoundTrip


class TestSecondHalf(RoundTrip):
    SOURCES = SOURCES[SPLIT:]
