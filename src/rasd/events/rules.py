"""The names of the rules that decide an event's fields, as enums whose values are the strings of `Event.rules`."""

from __future__ import annotations

from enum import Enum


class DraftRule(Enum):
    """How a draft came to be; the values that end in ':' are followed by a trigger id or a count kind."""

    TRIGGER = "trigger:"
    ANAPHOR = "anaphor:"
    PRELUDE = "prelude:"
    COUNTS_FROM_NEXT_SENTENCE = "counts_from_next_sentence"
    FALLBACK_PREVIOUS_TRIGGER = "fallback:previous_trigger:"
    FALLBACK_DOCUMENT_TRIGGER = "fallback:document_trigger:"
    FALLBACK = "fallback:"


class ScopeRule(Enum):
    """What bounds the stretch of text an event takes its parties from, and whether it is another happening."""

    CLAUSE_BREAK = "window:clause_break"
    ANOTHER_HAPPENING = "another_happening"


class AttributionRule(Enum):
    """Who the event is told on the authority of."""

    PHRASE = "attribution"
    REPORTER = "attribution:reporter"
    FIRST_FIGURE = "attribution:first_figure"


class RoleRule(Enum):
    """How actor1, actor2 and the other actors were chosen."""

    PREVIOUS_SENTENCE = "actors:previous_sentence"
    RETOLD = "actors:retold"  # named where a later sentence tells the happening again (ونشبت الاشتباكات بين …)
    SUBJECT_OF_SENTENCE = "actors:subject_of_sentence"
    SUBJECT_OF_PREVIOUS = "actors:subject_of_previous"  # a speech act's verb opens its sentence: the one before's subject
    SPEAKER = "roles:speaker"
    ADDRESSEE = "roles:addressee"  # the speaker unknown: those named after the verb are whom it addresses
    BETWEEN = "roles:between"
    TARGET_CUE = "roles:target_cue"
    TARGET_ONLY = "roles:target_only"
    SUBJECT_IS_TARGET = "roles:subject_is_target"
    ORDER = "roles:order"
    ALLIES = "roles:allies"
    CIVILIAN_VICTIMS = "actor2:civilian_victims"
    CIVILIANS_HIT = "roles:civilians_hit"  # civilians chosen first in a violent happening are its second side
    PROTESTERS = "actors:protesters"  # a protest's unarmed people are its protesters


class TypeRule(Enum):
    """An event type other than the trigger's."""

    DEMONSTRATORS_CLASH = "type:demonstrators_clash"
    CIVILIAN_TARGET = "type:civilian_target"
    COUNT_KIND = "type:count_kind"  # the trigger's with_counts: the kind of its count decides the type
    WEAPON = "type:weapon"
    PROTESTERS_HIT = "type:protesters_hit"
    CIVILIANS_KILLED = "type:civilians_killed"
    STRIKE_TOLD_BEFORE = "type:strike_told_before"
    BY_AGREEMENT = "type:by_agreement"  # a withdrawal by agreement: a non-violent transfer of territory
    ONE_SIDED_KILLING = "type:one_sided_killing"
    FIGHTERS_FLED = "type:fighters_fled"  # an armed side fleeing: a retreat, not displacement  # a toll of non-fighters killed at the hands of a side (على يد)


class BackgroundRule(Enum):
    """Why a trigger makes no event of its own: the report tells it as background."""

    PLUPERFECT = "background:pluperfect"
    HISTORY = "background:history"
    HISTORY_DATE = "background:history_date"
    HABITUAL = "background:habitual"
    FEAR = "background:fear"
    STATE = "background:state"
    DESCRIPTION = "background:description"
    RELATIVE = "background:relative_clause"
    PURPOSE = "background:purpose"
    SINCE = "background:since"
    ALLEGED = "background:alleged"
    TERMS = "background:terms"
    TALKS = "background:talks"
    GENERIC = "background:generic"
    COMPOUND = "background:compound"
    LISTED = "background:listed_crime"
    PROJECTION = "background:projection"
    FIGURATIVE = "background:figurative"
    LASTING = "background:lasting"
    CROSSHEAD = "background:crosshead"
    REFERENCE = "background:reference"
    LANDMARK = "background:landmark"


class PlaceRule(Enum):
    """Where the event's place was found."""

    CLAUSE = "location:clause"
    PREVIOUS_SENTENCE = "location:previous_sentence"
    DOCUMENT = "location:document"
    DATELINE_WITHIN = "location:dateline_within"
    HOST_COUNTRY = "location:host_country"
    THEATRE = "location:theatre"  # a running toll no clause places is the campaign's: the document's country
    COORDINATED = "location:coordinated"
    BREAKDOWN = "location:breakdown"  # a toll broken down by place (اثنان في رفح و13 في غزة): one event per place
    ANAPHOR = "location:anaphor"  # المدينة المحاصرة: the settlement named before
    INCIDENT = "location:incident"  # a statement about an incident takes its place and date
    TOLD = "location:told_before"  # a placeless violent happening goes on where the one told before it was
    # a statement placed only by the country or region in the name of its speaker or addressee (المفوضية العليا لحقوق
    # الإنسان في العراق، منسق الأمم المتحدة في اليمن): no place
    ACTORS_SCOPE = "location:actors_scope"


class DateRule(Enum):
    """How the event's date was set."""

    PUBLISHED = "date:published"
    EXPLICIT = "date:explicit"
    AFTER_PUBLISHED_DROPPED = "date:after_published_dropped"
    NOT_AFTER_PUBLISHED = "date:not_after_published"


class ModalityRule(Enum):
    """What set the event's modality (asserted has no rule)."""

    REQUEST_TRIGGER = "modality:request_trigger"
    PLANNED_FORM = "modality:planned_form"
    DENIED_CUE = "modality:denied_cue"
    NEGATED_CUE = "modality:negated_cue"
    CALLED_FOR_CUE = "modality:called_for_cue"
    PLANNED_CUE = "modality:planned_cue"
    REPORTED_CUE = "modality:reported_cue"


class MergeRule(Enum):
    """How an event absorbed another one telling the same happening."""

    MERGED = "merged"
    CONTINUED = "continued"
