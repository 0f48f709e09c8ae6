"""``python -m geo.cli``: the same as the ``geo`` console script."""

import sys

from geo.cli.main import main

sys.exit(main())
