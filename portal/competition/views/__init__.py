"""The competition's views: the public nomination form (`nominations`), the public vote
(`votes`), the results page (`results`) and the jury's pages in the Wagtail admin (`jury`).

The first three handle `EditionPage`'s routes and register on `EditionPage.views`; the app's
`ready()` imports them (see `portal.pageviews`).
"""
