"""``python -m warlog`` runs the command line."""

from .cli import main

main()
