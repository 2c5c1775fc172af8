"""The schema of the `units` section of actors/generic.yaml (rasd.recognize.units), used by rasd.resources.schemas."""

from __future__ import annotations

from rasd.resources.schema_types import Names, SomeNames, _Yaml


class UnitWords(_Yaml):
    """An army's units named by number or ordinal (اللواء السابع، الفرقة السادسة مشاة، الكتيبة 128)."""

    nouns: SomeNames  # the unit nouns (لواء، الفرقة، الكتيبة)
    ordinals: SomeNames  # the ordinals after one (السابع، السادسة)
    arms: Names = []  # words of the unit's arm after its number (مشاة، مدرع، ميكا)
    belonging: Names = []  # words that tie the unit to its force with لـ (التابعة للجيش X)
    within: Names = []  # words that put the unit inside its force before the force's name (من، ضمن، في صفوف)
    senders: Names = []  # verbs of sending: the force that sends part of a unit owns it (نشرت قوات X وحدات من …)
    parts: Names = []  # the parts of a unit a force sends, before من (وحدات، عناصر، تعزيزات)
