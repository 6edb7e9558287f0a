"""Widgets on the iterated prisoner's dilemma (the teaching model of notebook 03)."""

from __future__ import annotations

import ipywidgets as W

from .. import charts
from ..models import dilemma
from .base import explorer

__all__ = ["dilemma_explorer"]


def dilemma_explorer(strategy_a: str = "tit_for_tat", strategy_b: str = "tit_for_tat", rounds: int = 50,
                     noise: float = 0.0, seed: int = 0, generosity: float = 0.1) -> W.VBox:
    """Two strategies, misperception, the number of rounds, generosity and the run of chance
    (seed): the game redraws round by round on every change."""
    options = [(f"{dilemma.STRATEGY_NAMES[k]} ({dilemma.ANALOGIES[k].split(':')[0]})", k) for k in dilemma.STRATEGIES]
    style = {"description_width": "initial"}
    slider = dict(continuous_update=False, style=style, layout=W.Layout(width="24em"))
    controls = {
        "strategy_a": W.Dropdown(options=options, value=strategy_a, description="Player A", style=style,
                                 layout=W.Layout(width="30em")),
        "strategy_b": W.Dropdown(options=options, value=strategy_b, description="Player B", style=style,
                                 layout=W.Layout(width="30em")),
        "noise": W.FloatSlider(value=noise, min=0.0, max=0.3, step=0.01, readout_format=".2f",
                               description="Misperception", **slider),
        "rounds": W.IntSlider(value=rounds, min=1, max=200, step=1, description="Rounds (shadow of the future)",
                              **slider),
        "generosity": W.FloatSlider(value=generosity, min=0.0, max=0.5, step=0.05, readout_format=".2f",
                                    description="Generosity", **slider),
        "seed": W.IntSlider(value=seed, min=0, max=9, step=1, description="Run of chance (seed)", **slider),
    }

    def render(strategy_a, strategy_b, noise, rounds, generosity, seed):
        game = dilemma.play_dilemma(strategy_a, strategy_b, rounds=rounds, noise=noise, seed=seed,
                                    generosity=generosity)
        return charts.dilemma_rounds(game)

    return explorer(controls, render, intro=(
        "A teaching model, not a forecast. Pick a strategy for each player, then move the sliders: "
        "<em>misperception</em> is the chance that a player misreads the other's move in a round; "
        "<em>rounds</em> is how long the relationship lasts; <em>generosity</em> matters only to "
        "generous tit-for-tat; <em>run of chance</em> replays the game with other random misreadings."))
