"""`python -m rasd`: the same command line as `rasd`."""

from rasd.cli.commands import main

main()
