"""Execute scripts/chapter.ipynb end to end with nbclient on the la kernel
(run by tests/jupyter.rs with JUPYTER_PATH naming the installed kernelspec)."""

import sys

import nbformat
from nbclient import NotebookClient

path = sys.argv[1]
nb = nbformat.read(path, as_version=4)
NotebookClient(nb, kernel_name="la", timeout=120).execute()
code = [c for c in nb.cells if c.cell_type == "code"]
assert code and all(c.execution_count for c in code), "every code cell ran"
errors = [o for c in code for o in c.outputs if o.output_type == "error"]
assert not errors, errors
data = [o.get("data", {}) for c in code for o in c.outputs]
assert any("text/latex" in d and "\\frac" in d["text/latex"] for d in data), "typeset values"
assert any("\\begin{align" in d.get("text/latex", "") for d in data), "typeset working"
assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
print(f"notebook ok: {len(code)} cells, {len(data)} outputs")
