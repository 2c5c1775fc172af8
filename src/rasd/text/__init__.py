"""Stage 1 of the pipeline, the text itself: decoding bytes (decode), normalizing with an offset map
(normalize) and cutting sentences and tokens (segment)."""
