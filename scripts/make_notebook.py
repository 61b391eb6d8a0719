"""Make scripts/chapter.ipynb from scripts/chapter.la: one code cell per `%%`
section, its title as a markdown cell. Run: python3 scripts/make_notebook.py
(needs no packages; the notebook is committed, this keeps it in step)."""

import json
import pathlib

here = pathlib.Path(__file__).parent
lines = (here / "chapter.la").read_text().splitlines()
cells = []


def md(text):
    cells.append({"cell_type": "markdown", "metadata": {}, "source": text})


def code(text):
    cells.append({"cell_type": "code", "execution_count": None, "metadata": {},
                  "outputs": [], "source": text})


intro = []
section = None
body = []
for line in lines:
    if line.startswith("%%"):
        if section is not None:
            code("\n".join(body).strip("\n"))
        section, body = line[2:].strip(), []
        md(f"## {section}")
    elif section is None:
        intro.append(line.lstrip("% "))
    else:
        body.append(line)
if section is not None:
    code("\n".join(body).strip("\n"))
cells.insert(0, {"cell_type": "markdown", "metadata": {},
                 "source": "# la: a linear-algebra chapter\n\n" + "\n".join(intro).strip()
                 + "\n\nEvery value shows typeset; `latex steps` shows the working."})
cells.append({"cell_type": "markdown", "metadata": {}, "source": "## The working, typeset"})
code("latex steps rref([2 1 -1 8; -3 -1 2 -11; -2 1 2 -3])")
nb = {
    "cells": cells,
    "metadata": {
        "kernelspec": {"name": "la", "display_name": "la (linear algebra)", "language": "la"},
        "language_info": {"name": "la", "file_extension": ".la", "mimetype": "text/x-octave",
                          "codemirror_mode": "octave", "pygments_lexer": "octave"},
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}
for i, c in enumerate(nb["cells"]):
    c["id"] = f"cell-{i}"
(here / "chapter.ipynb").write_text(json.dumps(nb, indent=1) + "\n")
