"""The language resources: the packaged data files (data/), their declarative schemas (schemas), the trigger and
cue lexicons (lexicon), the gazetteer and the actor dictionary, each loaded once into an object."""
