"""Resolve place names: name folding (:mod:`.names`), ``lat,lon`` text (:mod:`.coordinates`), the
offline index (:mod:`.index`) and its lookups (:mod:`.gazetteer`), and the geocoders behind one
protocol (:mod:`.geocoders`). Imports nothing of ours but ``geo.core``, ``geo.config``,
``geo.model`` and ``geo.errors``."""
