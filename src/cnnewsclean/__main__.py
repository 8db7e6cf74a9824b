"""``python -m cnnewsclean``."""

from .cli import main

raise SystemExit(main())
