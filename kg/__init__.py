"""kg: a knowledge-graph builder for machine-learning literature.

Paper titles and abstracts go in; a graph of papers and the methods, models, datasets,
benchmarks, tasks and metrics they name comes out, as NetworkX, RDF/Turtle and HTML.

Examples
--------
>>> import kg
>>> result = kg.build(["examples/"])          # doctest: +SKIP
>>> paths = result.write("out/")              # doctest: +SKIP
>>> graph = kg.load("out/")                   # doctest: +SKIP
"""

from kg.api import BuildResult, ExtractResult, build, extract, load, read

__all__ = ["BuildResult", "ExtractResult", "__version__", "build", "extract", "load", "read"]
__version__ = "0.1.0"
