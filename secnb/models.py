"""Teaching models behind the widgets: pure functions, seeded where random, unit-tested.

Each model is a teaching device, not a forecast: its docstring states the equations and the
assumptions, and the notebook that uses it says so to the learner.
"""
