"""The schema of data/anaphora.yaml (rasd.recognize.anaphora), registered in rasd.resources.schemas.

Like the other file schemas: no keys but the declared ones, strict types; a head noun names the kinds of actor
it may take up, and whether only one of another country than the document's, or one named after it; the
country section names the verbs a country's name is the subject of and the words after which it is no actor.
"""

from __future__ import annotations

from pydantic import Field

from rasd.resources.schema_types import ActorKind, Names, NonBlank, SomeNames, _Yaml


class HeadEntry(_Yaml):
    """A definite head noun (its forms) and the actors it may take up."""
    nouns: SomeNames  # without the article: مليشيا takes up in المليشيا، والمليشيا، للمليشيا
    kinds: list[ActorKind] = Field(min_length=1)
    foreign: bool = False  # only an actor of another country than the document's (العدوان)
    ahead: bool = False  # with none named before it, the first named after it


class FeminineVerbs(_Yaml):
    """The shape of a past-tense verb agreeing with a feminine subject (a country's name): its ending, the endings
    of nouns that look like it, the object pronouns that may follow it."""
    ending: NonBlank  # (قصفت)
    not_endings: Names = []  # (صادرات، بيروت، بيت)
    object_clitics: Names = []  # (شنتها، نفذته)


class CountryActorSection(_Yaml):
    """A country's name in an actor's place: the words a clause's subject follows, the lexicons' verbs that are
    prepositions before a name, the shape of a verb agreeing with it."""
    subject_after: Names = []  # verbs of being and complementizers (كانت إيران قد، أن إسرائيل وجهت)
    prepositions: Names = []  # (بين "showed", and "between": بين مصر والسودان)
    feminine_verbs: FeminineVerbs | None = None
    missions: Names = []  # a country's missions abroad (السفارة الأمريكية، سفارة تركيا): its government
    sponsors: Names = []  # a country's sponsorship or mediation (برعاية روسية، بوساطة قطر): its government
    statement_verbs: Names = []  # verbs of statement and diplomacy, agreeing with a feminine subject (أعلنت، تنفي):
    # a capital right after one (قالت موسكو), or a country or a capital right before one at the head of a clause
    # (إسرائيل تعلن), names its country's government


class OwnedSection(_Yaml):
    """A word for forces with an attached pronoun (قواته، عناصرها): the forces of the actor the pronoun refers to."""
    nouns: SomeNames  # the forces words, without the pronoun (قوات، عناصر، مقاتلي)
    pronouns: SomeNames  # the attached pronouns of a third person (ه، ها، هم)
    kinds: list[ActorKind] = Field(min_length=1)  # the actors whose forces they may be
    after: SomeNames  # the words that open a speaker's report (أن، إن)
    verbs: Names = []  # verbs of being between such a word and the noun (أن تكون قواته)
    gap: int = Field(default=3, ge=0, le=8)  # at most this many words between the speaker and the word


class AnaphoraFile(_Yaml):
    """anaphora.yaml."""
    heads: list[HeadEntry]
    relatives: Names = []  # relative pronouns: after a head noun they leave it alone (المهاجمين الذين)
    describing: Names = []  # definite adjectives that describe a group, no name (الحركة المتمردة، الجماعة المسلحة)
    family_words: Names = []  # a family name's first word (آل ثاني): after a person's full name it names them
    clause_words: Names = []  # words that open a clause (أن، فيما): an actor before them is no co-argument
    armed_men: Names = []  # words for armed men of no side told (مسلحون): with one armed group named, its men
    armed_men_linked: Names = []  # two words after them that tie them to someone (على صلة): they stay as they are
    countries: CountryActorSection = Field(default_factory=CountryActorSection)
    owned: OwnedSection | None = None
