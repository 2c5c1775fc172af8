"""The schema of data/descriptors.yaml (rasd.recognize.unlinked), registered in rasd.resources.schemas.

Like the other file schemas: no keys but the declared ones, strict types, categories (a place's feature, a
group's actor kind) taken from the loaders' own constants.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints

from rasd.resources.schema_types import ActorKind, Feature, _Yaml

Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class PlaceDescriptor(_Yaml):
    """A word of descriptors.yaml that introduces a place name (قرية، حي، مخيم …) and the feature it gives."""
    word: Word
    feature: Feature  # the feature the unlinked place gets
    strong: bool  # the next word is the name unless it is a common word (else the CRF must tag a name)


class GroupDescriptor(_Yaml):
    """A word of descriptors.yaml that introduces a group or a person (كتيبة، لواء، a title) and its kind."""
    word: Word
    kind: ActorKind
    strong: bool


class OrganisationHead(_Yaml):
    """A head noun of descriptors.yaml that names a body with its qualifiers (لجنة، مجلس، مفوضية) and its kind."""
    word: Word
    kind: ActorKind


class DescriptorsFile(_Yaml):
    """descriptors.yaml."""
    places: list[PlaceDescriptor]
    groups: list[GroupDescriptor]
    titles: list[Word]
    organisations: list[OrganisationHead] = []  # bodies named by head + qualifiers (recognize.organisations)
    quoted_heads: list[OrganisationHead] = []  # heads of group names in quotation marks (جبهة، جيش، عصبة)
    abbreviation_heads: list[OrganisationHead] = []  # more heads of a group named with its abbreviation (قوات)
    directions: list[Word] = []  # a region of a place: جنوبي سوريا، ريف حماة (the mention takes the word)
    site_heads: list[Word] = []  # descriptors that are part of the name of the site: القصر الجمهوري، شارع X، مبنى X
    also_adjectives: list[Word] = []  # descriptors that are nisba adjectives too: محلية "local" after a noun
    named_after: list[Word] = []  # place descriptors whose name is often another place's: شارع بغداد، دوار الكويت
    ranks: list[Word] = []  # military ranks and honorifics before a name (العقيد، اللواء، السيد): not part of it
    stop_words: list[Word]
    given_names: list[Word] = []  # stop words that are also given names (على/علي → علي): a person's, if the CRF says so
    compound_heads: list[Word]
    name_links: list[Word] = []  # particles inside a foreign place's name (دا، دي، دو): the word after goes with it
    name_link_articles: list[Word] = []  # articles after such a particle (دي لا، دي لوس): the name goes on past them
    duals: dict[Word, Word] = {}  # the dual construct of a place descriptor → the descriptor (منطقتي X وY → منطقة)
    regions: list[Word] = []  # open land that names the region around a place: في البادية القريبة
    provenance: list[Word] = []  # words of coming before من + a place: gunmen named by where they came from
    fighter_heads: list[Word] = []  # gunmen, fighters: an identity after them names their group (المسلحين الدروز)
    identities: list[Word] = []  # the communities, tribes and peoples that name such a group (الدروز، البدو، أكراد)
