"""`python -m rasd.cli` runs the command line."""

from .commands import main

main()
