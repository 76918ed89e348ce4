"""The world's map for authors (`elysium map`): the rooms and exits of every pack loaded, laid out
on a grid, drawn as text for the terminal, as SVG or as Graphviz DOT.

Nothing is imported here: the TUI reads `layout` alone.
"""
