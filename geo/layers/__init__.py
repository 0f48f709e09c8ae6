"""Reference layers with their role and provenance: Natural Earth borders, dated
front-line snapshots and the territory they cut, users' own files, and the catalogue that
turns a name and a date into a layer."""
