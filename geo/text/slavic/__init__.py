"""Ukrainian and Russian distance claims: the same ``Claim`` records as the English extractor.

Modules: ``numbers`` (figures in digits and in words, in their case forms), ``vocabulary`` (hedges,
units, references, directions and line nouns of both languages), ``morph`` (place names in their
grammatical cases → nominative, with pymorphy3's dictionaries), ``names`` (which name a figure is
about), ``extract`` (text → ``Claim``). Language detection and the dispatch between languages are in
``geo.text.lang``.
"""
