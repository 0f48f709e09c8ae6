"""The only place→place and place→layer measurement (one point or millions), what a
``--from`` means, and exact range rings around layers."""
