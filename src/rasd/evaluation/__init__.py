"""Scoring records against gold files (score, gold, report, floors) and the recognizer against CoNLL data (ner),
as ../shared/eval/FORMAT.md says."""
