"""A tokenizer that cuts ML names at the same places every time.

spaCy's English rules split ``MT-Bench`` at the hyphen but leave ``GPT-4`` whole, and treat
the ``K`` of ``ImageNet-1K`` as a unit. Names then tokenize differently inside longer names
(``Qwen-7B``) than alone, and a phrase pattern for ``Qwen`` cannot match. This tokenizer
splits every hyphen between letters and digits, opens parentheses glued to a word, and drops
the unit suffixes, so a name is always the same run of tokens wherever it appears. Entity
spans, not tokens, then keep names whole.

Examples
--------
>>> import spacy
>>> nlp = spacy.blank("en")
>>> nlp.tokenizer = create_tokenizer()(nlp)
>>> [t.text for t in nlp("Qwen-7B beats GPT-4V(ision) on ImageNet-1K.")]
['Qwen', '-', '7B', 'beats', 'GPT', '-', '4V', '(', 'ision', ')', 'on', 'ImageNet', '-', '1K', '.']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from spacy.lang.char_classes import ALPHA
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import (
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
    registry,
)

__all__ = ["NameTokenizer", "create_tokenizer", "name_exceptions", "name_infixes", "name_suffixes"]

_EXTRA_INFIXES = (
    rf"(?<=[{ALPHA}])-(?=[0-9])",  # GPT-4, CIFAR-10
    rf"(?<=[{ALPHA}0-9])\((?=[{ALPHA}0-9])",  # GPT-4V(ision)
    rf"(?<=[{ALPHA}0-9])\)(?=[{ALPHA}0-9-])",  # (ision)-based
    # a dash run into the bracket it follows: "(Roget's and WordNet)—corpora"
    rf"(?<=[{ALPHA}0-9])\)(?=[—–])",
    r"(?<=\))[—–](?=\S)",
    rf"(?<=[{ALPHA}0-9])[=<>≤≥](?=[0-9.+\-])",  # IoU=0.5, k<10: no name holds a comparison
    rf"(?<=\.),(?=[{ALPHA}])",  # "e.g.,β-TCVAE"
    # "SYNTHIA→Cityscapes": an arrow joins two names (not a split's letters: CALVIN's "ABC→D")
    rf"(?<=[{ALPHA}0-9]{{2}})[→⇒](?=[{ALPHA}0-9]{{2}})",
    # "DDPG+HER": two names joined (not "HumanEval+", "C++", nor the words of "tie+win rate")
    rf"(?<=[{ALPHA}0-9])\+(?=[A-Z])",
    # "Qwen2.5-{7,14,32}B": braces spell a set of names (LaTeX's "S$^{2}$FT" stays whole)
    r"-?(?<!\^)\{|\}(?!\$)",
)


def name_suffixes(defaults: list[str]) -> list[str]:
    """Default suffixes less the unit rule that cuts ``1K`` or ``7M`` off a name, plus a
    rule that frees a sentence's full stop from ``GSM8K.``, ``7B.``, ``OLMoE.``, ``μP.`` or ``ImageNet-C.``
    and one that frees a hyphen left open ("PPO- and GRPO-tuned")."""
    return [
        *(s for s in defaults if "km|km²" not in s),
        r"(?<=[0-9][A-Za-z])\.",
        r"(?<=[a-zα-ω][A-Z])\.",  # "OLMoE.", "μP."
        r"(?<=-[A-Z])\.",  # "ImageNet-C."
        r"(?<=[A-Za-z0-9])-",  # a hyphen left open: "PPO- and GRPO-tuned"
    ]


def name_exceptions(defaults: dict) -> dict:
    """Default special cases less a lower-case letter and its full stop ("o.", "a."), which
    kept the stop on a name that ends a sentence: "... than Show-o." (initials of people,
    their other use, name nothing kg extracts)."""
    return {text: value for text, value in defaults.items() if not _LETTER_AND_STOP.fullmatch(text)}


_LETTER_AND_STOP = re.compile(r"[a-z]\.")


def name_infixes(defaults: list[str]) -> list[str]:
    """Default infixes plus hyphen and parenthesis splits inside names."""
    return [*defaults, *_EXTRA_INFIXES]


class NameTokenizer(Tokenizer):
    """spaCy's tokenizer, keeping each doc's input text in ``doc.user_data["kg_text"]``.

    Rebuilding ``doc.text`` walks every token in Python, which costs more than tokenizing;
    kg's components read the stored text instead.
    """

    def __call__(self, text: str) -> Doc:
        doc = super().__call__(text)
        doc.user_data["kg_text"] = text
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)


@registry.tokenizers("kg.NameTokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """Registered tokenizer factory (``[nlp.tokenizer] @tokenizers = "kg.NameTokenizer.v1"``)."""

    def make(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        return NameTokenizer(
            nlp.vocab,
            rules=name_exceptions(defaults.tokenizer_exceptions),
            prefix_search=compile_prefix_regex(list(defaults.prefixes)).search,
            suffix_search=compile_suffix_regex(name_suffixes(list(defaults.suffixes))).search,
            infix_finditer=compile_infix_regex(name_infixes(list(defaults.infixes))).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return make
