"""kg's spaCy stage: a pipeline factory and one module per component.

Import :func:`kg.nlp.pipeline.make_pipeline` for a ready pipeline; the plain functions each
component wraps live in :mod:`~kg.nlp.abbreviations`, :mod:`~kg.nlp.discovery`,
:mod:`~kg.nlp.cues` and :mod:`~kg.nlp.assemble`.
"""
