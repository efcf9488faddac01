"""``storybrief serve``: a local web app and JSON API over the library.

A thin shell over the same library calls as the command line: pages read through
:class:`~storybrief.store.library.LibraryReads`, story pages use the brief cache
(:func:`~storybrief.store.briefs.report_from_store`) and the HTML renderer, and the Add page calls
:func:`~storybrief.store.grow.add`, what ``storybrief add`` runs. :func:`create_app` builds the app.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
