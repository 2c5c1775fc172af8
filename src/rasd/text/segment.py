"""Sentence splitting, tokenization and clitic analysis over normalized text.

All spans here are offsets into the *normalized* text; `Normalized.to_original` maps them back.
"""

from __future__ import annotations

# (Sentence and Segmented live in text.layers; Token, TokenIndex and the proclitics in text.words; the tokenizer and
# the sentence splitter in text.tokens: compiled with the rules that read them hundreds of times per article)
from .layers import Segmented as Segmented
from .layers import Sentence as Sentence
from .tokens import segment as segment
from .tokens import split_sentences as split_sentences
from .tokens import tokenize as tokenize
from .words import ARABIC_WORD_RANGES as ARABIC_WORD_RANGES
from .words import ARTICLE as ARTICLE
from .words import CONJUNCTIONS as CONJUNCTIONS
from .words import PREPOSITIONS as PREPOSITIONS
from .words import PROCLITIC_SEQUENCES as PROCLITIC_SEQUENCES
from .words import Token as Token
from .words import TokenIndex as TokenIndex
from .words import clitic_splits as clitic_splits
from .words import is_proclitic_sequence as is_proclitic_sequence
