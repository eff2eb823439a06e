"""kit.display's framing helpers: devices marked without relying on colour, and plain tables."""

from kit.article import load_article
from kit.display import DEVICE_STYLES, devices_html, devices_legend_html, rows_html
from kit.framing import find_devices


def test_every_device_category_has_its_own_line_style_and_letter():
    letters = [letter for letter, _line, _colour in DEVICE_STYLES.values()]
    lines = [line for _letter, line, _colour in DEVICE_STYLES.values()]
    assert len(set(letters)) == len(letters) == 5 and len(set(lines)) == 5


def test_devices_html_marks_each_hit_with_its_tag_and_note():
    article = load_article()
    page = devices_html(article, find_devices(article)).data
    assert "diplomatic veneer<sup><b>F</b></sup>" in page
    assert "little more than<sup><b>M</b></sup>" in page
    assert 'title="hedge: the reporters&#x27; doubt about the timetable"' in page  # "might", ¶19
    assert "wavy underline, tag <b>F</b> (13 found)" in page
    assert page.count('<span class="kit-num">') == 20


def test_the_legend_without_counts_and_escaped_tables():
    assert "(0 found)" not in devices_legend_html()
    table = rows_html(["a", "b"], [("<x>", None)]).data
    cell = '<td style="padding:.2em .6em;vertical-align:top;text-align:left">'
    assert f"{cell}&lt;x&gt;</td>{cell}</td>" in table
