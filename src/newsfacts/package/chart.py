"""The chart written next to each package's card: the most quoted speakers."""

from __future__ import annotations

from pathlib import Path

from newsfacts.read.summary import CHART_TOP

CHART = "quotes_per_speaker.png"


def chart(ranking: list[tuple[str, int]], path: Path, top: int = CHART_TOP) -> None:
    """A bar chart of quotes per speaker (the most quoted first), as a reproducible PNG."""
    import matplotlib  # imported here: most commands never draw

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    rows = ranking[:top][::-1]
    figure, axes = plt.subplots(figsize=(7, 0.4 * max(len(rows), 3) + 1.2), dpi=100)
    # a name is text, never math: "$" would start matplotlib's math mode (and could fail it)
    names = [name.replace("$", r"\$") for name, _ in rows]
    axes.barh(names, [n for _, n in rows], color="#3b6ea8")
    axes.set_xlabel("quotes (direct and indirect)")
    axes.set_title("Quotes per speaker")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    figure.tight_layout()
    figure.savefig(path, format="png", metadata={"Software": None})
    plt.close(figure)
