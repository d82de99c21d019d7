"""``python -m govinfo`` runs the ``govinfo`` command."""

import sys

from .cli import main

sys.exit(main())
