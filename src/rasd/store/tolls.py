"""Fatality figures of a report and cumulative toll series (running totals per campaign, place, kind and who).

A toll is a running total ("the death toll rose to 230"): each cumulative count of an event is appended as
a point of its series; a report naming only one side continues the series of a report naming both.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, insert, select

from rasd.records import Count, DocumentRecord, Event
from rasd.store.filters import TollFilter, toll_conditions
from rasd.store.merging import actor_set
from rasd.store.schema import Tables


def incident_fatalities(counts: Sequence[Count]) -> int | None:
    """ACLED-style fatalities of one report of an event: incident-scope killed counts only.

    A `total` figure wins (the largest when a report gives several, e.g. a first and an updated figure);
    without one, the top-level groups (soldiers + civilians) are added, never a subset with its parent.
    Cumulative tolls never count here. None when the report gives no killed figure at all.
    """
    killed = [c for c in counts if c.kind == "killed" and c.scope == "incident"]
    upper = {(c.start, c.high) for c in killed if c.high is not None}  # a range counts by its lower end
    killed = [c for c in killed if (c.start, c.value) not in upper]
    if not killed:
        return None
    totals = [c.value for c in killed if c.who == "total"]
    if totals:
        return max(totals)
    by_who: dict[str, int] = {}
    for c in killed:
        if c.parent is None:
            by_who[c.who] = max(by_who.get(c.who, 0), c.value)
    if by_who:
        return sum(by_who.values())
    return max(c.value for c in killed)


def cumulative_killed(counts: Sequence[Count]) -> int | None:
    """The largest cumulative killed total among an event's counts, None when it has none."""
    vals = [c.value for c in counts if c.kind == "killed" and c.scope == "cumulative" and c.who == "total"]
    return max(vals) if vals else None


def campaign_of(ev: Event) -> str:
    """The campaign an event's tolls belong to: its sorted actor ids joined by "+", else "type:<type>"."""
    ids = sorted(actor_set([ev.actor1.id if ev.actor1 else None, ev.actor2.id if ev.actor2 else None]))
    if ids:
        return "+".join(ids)
    return "type:" + (ev.acled_event_type or ev.plover)


def append_tolls(conn: Connection, t: Tables, rec: DocumentRecord, ev: Event, uid: str) -> None:
    """Append each cumulative count of event `uid` to its toll series."""
    cumulative = [c for c in ev.counts if c.scope == "cumulative"]
    if not cumulative:
        return
    info = rec.document
    loc = ev.location
    country = (loc.country if loc else None) or info.country
    place_id = loc.id if loc else (country or "")
    as_of = info.published or ev.date.end or ev.date.start
    rows = []
    for c in cumulative:
        campaign = series_campaign(conn, t, campaign_of(ev), place_id, c.kind, c.who)
        rows.append({
            "series": f"{campaign}|{place_id}|{c.kind}|{c.who}", "campaign": campaign, "place_id": place_id,
            "place_name_en": loc.name_en if loc else None, "place_name_ar": loc.name_ar if loc else None,
            "country": country, "kind": c.kind, "who": c.who, "value": int(c.value),
            "qualifier": c.qualifier, "date": as_of, "document_id": info.id, "event_uid": uid,
            "source": info.source, "source_attribution": c.source_attribution or ev.source_attribution,
            "start": c.start, "end": c.end})
    conn.execute(insert(t.tolls), rows)


def series_campaign(conn: Connection, t: Tables, campaign: str, place_id: str, kind: str, who: str) -> str:
    """Join an existing series of the same place whose campaign's actors are compatible with ours.

    A report naming only one side ("lna") continues the series of a report naming both ("gna+lna").
    """
    if campaign.startswith("type:"):
        return campaign
    tl = t.tolls
    known = conn.execute(select(tl.c.campaign).distinct().where(
        tl.c.place_id == place_id, tl.c.kind == kind, tl.c.who == who)).scalars().all()
    mine = frozenset(campaign.split("+"))
    best: tuple[int, str] | None = None
    for other in known:
        if other.startswith("type:"):
            continue
        theirs = frozenset(other.split("+"))
        if mine <= theirs or theirs <= mine:
            score = (-len(mine & theirs) - len(theirs), other)
            if best is None or score < best:
                best = score
    return best[1] if best else campaign


def toll_series(conn: Connection, t: Tables, f: TollFilter) -> list[dict[str, Any]]:
    """Cumulative toll series (one per campaign, place, kind and who), each point with its source.

    Points are ordered by date; `delta` is the rise over the previous point of the series (a toll is a
    running total: aggregations use `latest`, never a sum of points).
    """
    tl = t.tolls
    rows = conn.execute(select(tl).where(*toll_conditions(t, f)).order_by(
        tl.c.series, tl.c.date.asc().nulls_first(), tl.c.value, tl.c.id)).mappings().all()
    series: dict[str, dict[str, Any]] = {}
    for r in rows:
        s = series.get(r["series"])
        if s is None:
            s = series[r["series"]] = {
                "series": r["series"], "campaign": r["campaign"], "place_id": r["place_id"],
                "place_name_en": r["place_name_en"], "place_name_ar": r["place_name_ar"],
                "country": r["country"], "kind": r["kind"], "who": r["who"], "points": []}
        prev = s["points"][-1]["value"] if s["points"] else None
        s["points"].append({
            "date": r["date"], "value": r["value"], "qualifier": r["qualifier"],
            "delta": None if prev is None else r["value"] - prev, "source": r["source"],
            "source_attribution": r["source_attribution"], "document_id": r["document_id"],
            "event_id": r["event_uid"], "start": r["start"], "end": r["end"]})
    for s in series.values():
        pts = s["points"]
        same_day = [p for p in pts if p["date"] == pts[-1]["date"]]
        s["latest"] = max(same_day, key=lambda p: p["value"])  # a running total only rises
    return list(series.values())
