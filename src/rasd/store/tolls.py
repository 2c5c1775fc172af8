"""Fatality figures of a report, and cumulative toll series: running totals per campaign, kind, group and source.

A toll is a running total ("the death toll rose to 230"): each cumulative count of an event is appended as a
point of the series of its campaign (`rasd.store.campaigns` assigns it), kind, group and source; a report naming
only one side lands in the same campaign as a report naming both. Points are never summed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from rasd.records import Count, DocumentRecord, Event
from rasd.resources.campaigns import Campaign
from rasd.store.campaigns import CampaignAssigner, toll_context, toll_source
from rasd.store.filters import TollFilter, toll_conditions
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


def toll_day(rec: DocumentRecord, ev: Event) -> str | None:
    """A toll's date: the report's publication date, else the date the text gives (never a "since …" date)."""
    if rec.document.published:
        return rec.document.published
    said = ev.date.text or ""
    if said.strip().startswith("منذ"):
        return None
    return ev.date.end or ev.date.start


def append_tolls(conn: Connection, t: Tables, rec: DocumentRecord, ev: Event, uid: str,
                 campaigns: Callable[[], CampaignAssigner]) -> None:
    """Append each cumulative count of event `uid` to the series of its campaign, kind, group and source
    (`campaigns` gives the assigner, loaded on first use)."""
    cumulative = [c for c in ev.counts if c.scope == "cumulative"]
    if not cumulative:
        return
    assigner = campaigns()
    info = rec.document
    loc = ev.location
    country = (loc.country if loc else None) or info.country
    day = toll_day(rec, ev)
    rows = []
    campaigns_ = assigner.assign_event([toll_context(assigner.catalog, rec, ev, c, day) for c in cumulative])
    for c, campaign in zip(cumulative, campaigns_, strict=True):
        ensure_campaign(conn, t, campaign)
        src = toll_source(assigner.catalog, rec, ev, c, campaign)
        rows.append({
            "series": f"{campaign.id}|{c.kind}|{c.who}|{src.key}", "campaign": campaign.id,
            "place_id": loc.id if loc else (country or ""),
            "place_name_en": loc.name_en if loc else None, "place_name_ar": loc.name_ar if loc else None,
            "country": country, "kind": c.kind, "who": c.who, "value": int(c.value),
            "qualifier": c.qualifier, "date": day, "document_id": info.id, "event_uid": uid,
            "source": info.source, "source_attribution": c.source_attribution or ev.source_attribution,
            "start": c.start, "end": c.end, "source_key": src.key, "source_label": src.label,
            "source_label_ar": src.label_ar, "belligerent": src.belligerent})
    conn.execute(insert(t.tolls), rows)


def ensure_campaign(conn: Connection, t: Tables, c: Campaign) -> None:
    """Store the campaign's row the first time a toll is assigned to it (an analyst may rename it later)."""
    cp = t.campaigns
    if conn.execute(select(cp.c.id).where(cp.c.id == c.id)).first() is not None:
        return
    conn.execute(insert(cp).values(
        id=c.id, name_en=c.name_en, name_ar=c.name_ar, country=c.country, theatre="|".join(c.theatre),
        start_date=c.start, end_date=c.end, parties="|".join(c.parties), provisional=c.provisional,
        created_at=datetime.now(UTC).isoformat(timespec="seconds")))


def toll_series(conn: Connection, t: Tables, f: TollFilter) -> list[dict[str, Any]]:
    """Cumulative toll series (one per campaign, kind, group and source), each point with its evidence.

    Points are ordered by date (undated first); `delta` is the rise over the previous dated point of the series
    (None for an undated point or the first dated one). A
    toll is a running total: aggregations use `latest`, never a sum of points or of series.
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
                "country": r["country"], "kind": r["kind"], "who": r["who"],
                "source_key": r["source_key"] or f"outlet:{r['source']}", "source_label": r["source_label"] or r["source"],
                "source_label_ar": r["source_label_ar"] or r["source_label"] or r["source"],
                "belligerent": bool(r["belligerent"]), "points": []}
        # (a rise is told only between two dated points: an undated one has no place in the curve's order)
        dated = [p["value"] for p in s["points"] if p["date"]]
        prev = dated[-1] if dated and r["date"] else None
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


def _campaign_dict(r: Any, series: list[dict[str, Any]]) -> dict[str, Any]:
    """A campaign row with its sources and the latest figure of each of its series (never a sum)."""
    dates = sorted(p["date"] for s in series for p in s["points"] if p["date"])
    sources: dict[str, dict[str, Any]] = {}
    for s in series:
        src = sources.setdefault(s["source_key"], {"source_key": s["source_key"], "source_label": s["source_label"],
                                                   "source_label_ar": s["source_label_ar"],
                                                   "belligerent": s["belligerent"], "points": 0})
        src["points"] += len(s["points"])
    latest = [{"kind": s["kind"], "who": s["who"], "source_key": s["source_key"], "source_label": s["source_label"],
               "source_label_ar": s["source_label_ar"], "belligerent": s["belligerent"], "date": s["latest"]["date"], "value": s["latest"]["value"],
               "qualifier": s["latest"]["qualifier"]} for s in series]
    return {"id": r["id"], "name_en": r["name_en"], "name_ar": r["name_ar"], "provisional": bool(r["provisional"]),
            "country": r["country"], "theatre": [x for x in r["theatre"].split("|") if x],
            "start": r["start_date"], "end": r["end_date"], "parties": [x for x in r["parties"].split("|") if x],
            "points": sum(len(s["points"]) for s in series),
            "documents": len({p["document_id"] for s in series for p in s["points"]}),
            "date_min": dates[0] if dates else None, "date_max": dates[-1] if dates else None,
            "sources": sorted(sources.values(), key=lambda x: (-x["points"], x["source_key"])), "latest": latest}


def campaigns(conn: Connection, t: Tables, f: TollFilter, campaign_id: str | None = None) -> list[dict[str, Any]]:
    """The campaigns with tolls matching `f` (known ones first, then by start), each with its latest figures."""
    cp = t.campaigns
    q = select(cp).order_by(cp.c.provisional, cp.c.start_date.desc().nulls_last(), cp.c.id)
    if campaign_id is not None:
        q = q.where(cp.c.id == campaign_id)
    by_campaign: dict[str, list[dict[str, Any]]] = {}
    for s in toll_series(conn, t, f if campaign_id is None else TollFilter(campaign=campaign_id)):
        by_campaign.setdefault(s["campaign"], []).append(s)
    return [_campaign_dict(r, by_campaign[r["id"]]) for r in conn.execute(q).mappings().all()
            if r["id"] in by_campaign]


def headline_tolls(conn: Connection, t: Tables, f: TollFilter) -> list[dict[str, Any]]:
    """The latest killed toll of each campaign (the most recent report; the highest claim of that day), with
    its source: one figure per campaign, never added across campaigns or sources."""
    out = []
    for c in campaigns(conn, t, TollFilter(country=f.country, date_from=f.date_from, date_to=f.date_to,
                                           kind="killed", who="total")):
        best = max(c["latest"], key=lambda x: (x["date"] or "", x["value"]))
        out.append({"campaign": c["id"], "name_en": c["name_en"], "name_ar": c["name_ar"],
                    "provisional": c["provisional"], "kind": "killed", "value": best["value"],
                    "qualifier": best["qualifier"], "date": best["date"], "source_label": best["source_label"],
                    "source_label_ar": best["source_label_ar"],
                    "belligerent": best["belligerent"], "sources": len(c["sources"])})
    return sorted(out, key=lambda x: (x["provisional"], -(x["value"])))
