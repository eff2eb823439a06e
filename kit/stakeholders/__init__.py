"""Who has a stake in the talks: the registry of actors, where they speak, the grid and the two-level game.

The topic in four modules: ``data`` reads and validates the three data files
(the registry, the reference grid, the game's presets) into frozen dataclasses;
``speakers`` maps the speakers kit.quotes finds to actors and lists where each
appears; ``grid`` checks a student's power-interest placements against the
reference; ``game`` computes Putnam's win-sets and their overlap. Nothing here draws.
"""

from kit.stakeholders.data import (
    ACTOR_SIDES,
    FIELDS,
    GAME_FILE,
    GAME_SIDES,
    GRID_FILE,
    HIGH,
    PRESENTED,
    QUADRANTS,
    REGISTRY_FILE,
    STANCES,
    TYPES,
    Actor,
    Constituent,
    Evidence,
    Placement,
    Preset,
    actor,
    actor_sides,
    game_presets,
    is_cited_source,
    load_registry,
    parse_registry,
    preset,
    quadrant,
    reference_grid,
)
from kit.stakeholders.game import WinSet, Zone, play, preset_outcomes, win_set, zone_of_agreement
from kit.stakeholders.grid import GridDifference, compare_grid, placements_from
from kit.stakeholders.speakers import Appearance, appearance_rows, appearances, match_speaker, quoted_speakers

__all__ = [
    "ACTOR_SIDES",
    "FIELDS",
    "GAME_FILE",
    "GAME_SIDES",
    "GRID_FILE",
    "HIGH",
    "PRESENTED",
    "QUADRANTS",
    "REGISTRY_FILE",
    "STANCES",
    "TYPES",
    "Actor",
    "Appearance",
    "Constituent",
    "Evidence",
    "GridDifference",
    "Placement",
    "Preset",
    "WinSet",
    "Zone",
    "actor",
    "actor_sides",
    "appearance_rows",
    "appearances",
    "compare_grid",
    "game_presets",
    "is_cited_source",
    "load_registry",
    "match_speaker",
    "parse_registry",
    "placements_from",
    "play",
    "preset",
    "preset_outcomes",
    "quadrant",
    "quoted_speakers",
    "reference_grid",
    "win_set",
    "zone_of_agreement",
]
