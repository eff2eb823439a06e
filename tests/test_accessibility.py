"""The kit's palette stays distinguishable for readers with colour-vision deficiencies.

Each colour is passed through Machado, Oliveira & Fernandes (2009), "A Physiologically-based
Model for Simulation of Color Vision Deficiency" (IEEE TVCG 15(6)), at full severity, in
linear RGB, and compared in CIELAB (D65). A CIE76 distance of about 2.3 is just noticeable;
the kit asks for 15 between any two palette colours, and far more between the colours it sets
against each other (narration vs quotation, positive vs negative).
"""

from itertools import combinations

import numpy as np
import pytest

from kit.charts import PALETTE
from kit.charts.base import NARRATION, NEGATIVE, POSITIVE, QUOTED

SIMULATIONS = {
    "normal vision": np.eye(3),
    "protanopia": np.array(
        [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
    ),
    "deuteranopia": np.array(
        [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
    ),
    "tritanopia": np.array(
        [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]
    ),
}
SRGB_TO_XYZ = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
WHITE = np.array([0.95047, 1.0, 1.08883])


def linear_rgb(colour: str) -> np.ndarray:
    srgb = np.array([int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def cielab(rgb: np.ndarray) -> np.ndarray:
    t = SRGB_TO_XYZ @ np.clip(rgb, 0, 1) / WHITE
    f = np.where(t > (6 / 29) ** 3, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def distance(a: str, b: str, simulation: np.ndarray) -> float:
    return float(np.linalg.norm(cielab(simulation @ linear_rgb(a)) - cielab(simulation @ linear_rgb(b))))


def test_the_simulation_matrices_keep_white_white():
    for matrix in SIMULATIONS.values():
        assert matrix.sum(axis=1) == pytest.approx([1, 1, 1], abs=1e-5)
    assert cielab(np.ones(3)) == pytest.approx([100, 0, 0], abs=0.05)


@pytest.mark.parametrize("vision", list(SIMULATIONS))
def test_every_pair_of_palette_colours_stays_apart(vision):
    close = [
        (a, b, round(d, 1))
        for (a, ca), (b, cb) in combinations(PALETTE.items(), 2)
        if (d := distance(ca, cb, SIMULATIONS[vision])) < 15
    ]
    assert close == []


@pytest.mark.parametrize("vision", list(SIMULATIONS))
def test_contrasting_roles_are_far_apart(vision):
    assert distance(NARRATION, QUOTED, SIMULATIONS[vision]) > 70
    assert distance(POSITIVE, NEGATIVE, SIMULATIONS[vision]) > 70


def every_widget(work_folder):
    """Yield (name, widget) for every widget builder of the kit, built with its defaults."""
    from kit import widgets
    from kit.article import load_article
    from kit.framing import frame_scheme
    from kit.store import open_work
    from kit.widgets.targets import argument_weigher

    article, work = load_article(), open_work("a11y", work_folder)
    yield "keyword_explorer", widgets.keyword_explorer(article)
    yield "paragraph_explorer", widgets.paragraph_explorer(article)
    yield "frame_coder", widgets.frame_coder(article, work)
    yield "entman_tagger", widgets.entman_tagger(article, work)
    yield "paragraph_tagger", widgets.paragraph_tagger(article, work, frame_scheme())
    yield "reframing_lab", widgets.reframing_lab(article, work)
    yield "grid_placer", widgets.grid_placer(work)
    yield "two_level_game", widgets.two_level_game()
    yield "measurement_lab", widgets.measurement_lab()
    yield "target_growth", widgets.target_growth()
    yield "argument_weigher", argument_weigher(work)


def controls(widget):
    """Return every control (a widget a student sets) inside ``widget``."""
    import ipywidgets

    passive = (ipywidgets.HTML, ipywidgets.Label, ipywidgets.Image, ipywidgets.Output)
    found = []
    if isinstance(widget, ipywidgets.ValueWidget) and not isinstance(widget, passive):
        found.append(widget)
    for child in getattr(widget, "children", ()):
        found += controls(child)
    return found


def test_every_control_has_a_visible_label_and_a_description(tmp_path):
    import matplotlib.pyplot as plt

    missing = []
    for name, widget in every_widget(tmp_path):
        found = controls(widget)
        assert found, f"{name} has no controls"
        for control in found:
            label = getattr(control, "description", "") or ""
            if not label.strip():
                missing.append(f"{name}: a {type(control).__name__} has no visible label (description)")
            if not (control.tooltip or "").strip():
                missing.append(f"{name}: {label!r} has no description for screen readers (tooltip)")
    plt.close("all")
    assert not missing, "\n".join(missing)
