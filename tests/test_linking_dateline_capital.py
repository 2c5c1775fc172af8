"""A capital that names its government (الدوحة، أنقرة، واشنطن) is a place in a wire report's dateline, not the
government acting (recognize.linking); elsewhere it still names the government. All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest
from mention_fixtures import actor_mentions


@pytest.mark.parametrize(("text", "capital"), [
    ("الدوحة - أعلن وزير الخارجية القطري استئناف المفاوضات بين الطرفين.", "الدوحة"),
    ("أنقرة (رويترز) - قالت وزارة الدفاع التركية إن قواتها قصفت مواقع في شمال العراق.", "أنقرة"),
    ("واشنطن - فرضت وزارة الخزانة عقوبات جديدة على شركات تنقل الأسلحة إلى اليمن.", "واشنطن"),
])
def test_linking_dateline_capital_is_no_actor(pipeline: Any, text: str, capital: str) -> None:
    assert not any(t == capital for t, _ref in actor_mentions(pipeline, text))


def test_linking_dateline_capital_after_a_verb_still_names_its_government(pipeline: Any) -> None:
    text = "وقالت الدوحة إنها ستواصل جهود الوساطة بين الطرفين."
    assert ("الدوحة", "gov-qatar") in actor_mentions(pipeline, text)
