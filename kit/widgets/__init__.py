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

__getattr__, __dir__ = exports(__name__)
