"""Spelling variants of names in Arabic: a long vowel written or left out between consonants in a foreign person's
name; a name written with its gloss in brackets (أنصار الله (الحوثيين))."""

from __future__ import annotations

# the letters that write long vowels: a foreign name is spelt with or without one (سلفا كير / سالفا كير،
# نتنياهو / نتانياهو); the other two (و، ي) also write consonants, so only alif is added or dropped
VOWEL_LETTERS = frozenset("اويى")
ALIF = "ا"
MIN_WORD = 4  # words shorter than this are left as they are (كير، علي)


def alif_variants(name: str) -> list[str]:
    """The name with one alif added between two consonants, or one dropped from between two, in one of its words
    (a name of two words or more; its short words and the article stay as written)."""
    words = name.split()
    if len(words) < 2:
        return []
    out: list[str] = []
    for i, w in enumerate(words):
        for form in _word_forms(w):
            out.append(" ".join([*words[:i], form, *words[i + 1:]]))
    return list(dict.fromkeys(v for v in out if v != name))


def _word_forms(word: str) -> list[str]:
    """One word with one alif added or dropped between two consonants."""
    if len(word) < MIN_WORD or word.startswith("ال"):
        return []
    forms = []
    for k in range(1, len(word)):
        a, b = word[k - 1], word[k]
        if a not in VOWEL_LETTERS and b not in VOWEL_LETTERS:
            forms.append(word[:k] + ALIF + word[k:])
    for k in range(1, len(word) - 1):
        if word[k] == ALIF and word[k - 1] not in VOWEL_LETTERS and word[k + 1] not in VOWEL_LETTERS:
            forms.append(word[:k] + word[k + 1:])
    return forms


def gloss_parts(name: str) -> tuple[str, ...]:
    """A name as written, then — when it ends with a gloss in brackets (أنصار الله (الحوثيين)، القيادة المركزية
    الأمريكية (سنتكوم)) — the name before the brackets and the gloss: both name the one entity."""
    head, bracket, rest = name.partition("(")
    gloss = rest.removesuffix(")").strip() if rest.rstrip().endswith(")") else ""
    if not bracket or not head.strip() or not gloss or "(" in gloss:
        return (name,)
    return name, head.strip(), gloss



_QUOTATION_MARKS = str.maketrans("", "", "\"«»“”„″‘’‚")  # (not the ASCII apostrophe: Ta'sis)


def unquoted_name(name: str) -> str:
    """A name with the quotation marks between or around its words taken out (تنظيم "الدولة الإسلامية"،
    طيران «العدوان»): the marks are no part of the name."""
    return " ".join(name.translate(_QUOTATION_MARKS).split())
