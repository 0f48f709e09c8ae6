"""Geocoders: turn a place name into a :class:`~geo.model.Place`, behind one protocol.

* :mod:`.base`: the :class:`~.base.Geocoder` protocol and what every geocoder shares
  (query and country normalisation, the valid names).
* :mod:`.offline`: :class:`~.offline.OfflineGeocoder` (the default), the bundled offline
  gazetteer; it never touches the network.
* :mod:`.geopy_service`: :class:`~.geopy_service.GeopyGeocoder`, any online geopy service
  (Nominatim by default), rate-limited, with every failure as one line for the user.
* :mod:`.cache`: the on-disk JSON cache of online answers.
* :mod:`.factory`: :func:`~.factory.get_geocoder` picks one by name.
"""
