"""Stage 2 of the pipeline, recognizers over the normalized text: the phrase matcher, numbers, casualty and
displacement counts, dates, and the linking of place and actor names to the resources."""
