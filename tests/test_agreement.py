"""kit.agreement: percent agreement, Cohen's and Fleiss' kappa, worked by hand and on textbook examples."""

import pytest

from kit.agreement import (
    UndefinedAgreementError,
    chance_agreement,
    cohen_kappa,
    confusion,
    fleiss_counts,
    fleiss_kappa,
    fleiss_kappa_from_counts,
    percent_agreement,
)
from kit.errors import InvalidInputError, KitError


def test_cohen_kappa_small_example_by_hand():
    a = ["Economic", "Political", "Political", "Legal"]
    b = ["Economic", "Political", "Legal", "Legal"]
    # p_o = 3/4; rates a: E1 P2 L1, b: E1 P1 L2; p_e = (1*1 + 2*1 + 1*2) / 16 = 5/16
    assert percent_agreement(a, b) == 0.75
    assert chance_agreement(a, b) == pytest.approx(5 / 16)
    assert cohen_kappa(a, b) == pytest.approx((0.75 - 5 / 16) / (1 - 5 / 16))  # 0.6364


def test_cohen_kappa_textbook_example():
    # The worked example of Wikipedia's "Cohen's kappa" article: 50 grant proposals, two readers,
    # yes/yes 20, yes/no 5, no/yes 10, no/no 15. p_o = 0.7, p_e = 0.5*0.6 + 0.5*0.4 = 0.5, kappa = 0.4.
    first = ["yes"] * 25 + ["no"] * 25
    second = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert percent_agreement(first, second) == pytest.approx(0.7)
    assert chance_agreement(first, second) == pytest.approx(0.5)
    assert cohen_kappa(first, second) == pytest.approx(0.4)


def test_cohen_kappa_perfect_chance_and_worse():
    assert cohen_kappa(["a", "b", "a", "b"], ["a", "b", "a", "b"]) == 1.0
    # p_o = 0.5, p_e = 0.5: no better than chance
    assert cohen_kappa(["a", "a", "b", "b"], ["a", "b", "a", "b"]) == 0.0
    # total disagreement: p_o = 0, p_e = 0.5, kappa = -1
    assert cohen_kappa(["a", "b"], ["b", "a"]) == -1.0


def test_single_category_gives_a_clear_answer_not_nan():
    with pytest.raises(UndefinedAgreementError, match="chance agreement is 1"):
        cohen_kappa(["Economic"] * 5, ["Economic"] * 5)
    # each coder used one category, but different ones: p_o = 0, p_e = 0, kappa = 0
    assert cohen_kappa(["a", "a"], ["b", "b"]) == 0.0
    assert issubclass(UndefinedAgreementError, KitError)


def test_unequal_lengths_and_empty_input_are_errors_that_say_what_is_wrong():
    with pytest.raises(InvalidInputError, match="one has 3 codes and the other 2"):
        cohen_kappa(["a", "b", "c"], ["a", "b"])
    with pytest.raises(InvalidInputError, match="at least one coded item"):
        percent_agreement([], [])
    with pytest.raises(
        InvalidInputError,
        match=r"^every item in first and second must be coded \(leave uncoded items out\), not None\.$",
    ):
        cohen_kappa(["a", None], ["a", "b"])


def test_confusion_counts_pairs():
    table = confusion(["x", "x", "y"], ["x", "y", "y"])
    assert table.categories == ("x", "y")
    assert (table.count("x", "x"), table.count("x", "y"), table.count("y", "x"), table.count("y", "y")) == (
        1,
        1,
        0,
        1,
    )


FLEISS_EXAMPLE = [  # Wikipedia, "Fleiss' kappa": 10 items, 14 raters, 5 categories
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def test_fleiss_kappa_textbook_example():
    # Column totals 20, 28, 39, 21, 32 of 140: P_e = sum p_j^2 = 0.2128; the mean P_i = 0.3780
    # (the first row, all 14 in one category, has P_i = 1); kappa = (0.378 - 0.2128) / (1 - 0.2128) = 0.210.
    assert fleiss_kappa_from_counts(FLEISS_EXAMPLE) == pytest.approx(0.20993, abs=1e-4)


def test_fleiss_kappa_by_hand_from_ratings():
    # 3 items, 2 raters: agree, agree, differ. p_j = 3/6, 3/6 -> P_e = 0.5; P_i = 1, 1, 0 -> mean 2/3.
    ratings = [["a", "a"], ["b", "b"], ["a", "b"]]
    assert fleiss_counts(ratings) == (("a", "b"), [[2, 0], [0, 2], [1, 1]])
    assert fleiss_kappa(ratings) == pytest.approx((2 / 3 - 0.5) / 0.5)
    # With two raters Fleiss' kappa is close to, not equal to, Cohen's (it pools the raters' rates).
    assert cohen_kappa(["a", "b", "a"], ["a", "b", "b"]) == pytest.approx((2 / 3 - 4 / 9) / (1 - 4 / 9))


def test_fleiss_kappa_degenerate_input():
    with pytest.raises(UndefinedAgreementError, match="chance agreement is 1"):
        fleiss_kappa([["a", "a", "a"], ["a", "a", "a"]])
    with pytest.raises(InvalidInputError, match="same number of raters"):
        fleiss_kappa([["a", "b"], ["a", "b", "a"]])
    with pytest.raises(InvalidInputError, match="at least one rated item"):
        fleiss_kappa([])
    with pytest.raises(InvalidInputError, match="at least two raters"):
        fleiss_kappa([["a"], ["b"]])
    with pytest.raises(InvalidInputError, match="same number of raters"):
        fleiss_kappa_from_counts([[2, 0], [1, 2]])


def test_nan_is_not_a_code():
    """Issue 13 item 9: identical lists with NaN gave 0.5; NaN marks a missing code, so it is refused."""
    nan = float("nan")
    with pytest.raises(InvalidInputError, match=r"every item in first and second must be coded.*float nan"):
        percent_agreement([nan, "a"], [nan, "a"])
    with pytest.raises(InvalidInputError, match=r"every item in ratings must be coded .*, not float nan"):
        fleiss_kappa([["a", nan], ["b", "b"]])


def test_codes_are_compared_as_text_in_every_measure():
    """Issue 13 item 9: 1 and "1" disagreed in percent agreement but agreed in confusion and Fleiss."""
    first, second = [1, 2, "x"], ["1", "2", "y"]
    assert percent_agreement(first, second) == pytest.approx(2 / 3)
    # p_e: first rates 1,2,x; second 1,2,y: (1*1 + 1*1) / 9
    assert chance_agreement(first, second) == pytest.approx(2 / 9)
    assert cohen_kappa(first, second) == pytest.approx((2 / 3 - 2 / 9) / (1 - 2 / 9))
    table = confusion(first, second)
    assert table.count("1", "1") == 1 and table.categories == ("1", "2", "x", "y")
    assert fleiss_kappa([[1, "1"], [2, "2"], ["x", "y"]]) == pytest.approx(
        fleiss_kappa([["1", "1"], ["2", "2"], ["x", "y"]])
    )
