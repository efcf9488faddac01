"""``python -m storybrief`` runs the command line."""

from storybrief.cli.main import main

main()
