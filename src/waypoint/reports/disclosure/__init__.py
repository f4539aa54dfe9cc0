"""Statistical disclosure control for published count tables, as plain functions.

A published figure about migrants must never expose a small group. ``protect`` takes an exact
count table and decides what a release shows: small cells and small aggregates are hidden
("<5"), more cells are hidden ("x") until linear programming confirms that no hidden figure can
be narrowed below ``Rules.min_interval`` from what is shown, and shown values are optionally
rounded. ``intervals`` is the independent check: what a reader can work out from a release.
``collapse_categories`` coarsens columns so that being in a row does not reveal an attribute.

Every published figure is an *item*: an interior cell, or an aggregate (a row, column, group or
grand total) that is the sum of a set of interior cells. A reader who sees a release knows that
the interior cells are non-negative, that shown cells have their shown values and that shown
aggregates equal the sums of their cells; the interval of a hidden item is its minimum and
maximum over all tables consistent with that (a linear programme).

Tables of one round share figures (a centre's people "in centres" in one table are its row
total in another; the boys in centres are the children's male subtotal of the age bands).
Protecting each table alone is then not enough: a figure hidden in one table may be shown in
another, or the equations of two tables together may pin it down. ``protect_linked`` protects
such tables as one system, with each ``Link`` (two figures that are the same number) as an
equation, and ``intervals_linked`` checks them together. ``protect`` is ``protect_linked`` with
one table and no links.

No Django and no database: services build ``Table``s from queries and render ``Protected``.
The modules of this package are its internals; what is public is exported here.
"""

from waypoint.reports.disclosure.collapse import collapse_categories
from waypoint.reports.disclosure.model import (
    RULE_KEYS,
    SENSITIVE,
    STANDARD,
    Key,
    Link,
    Protected,
    Rules,
    Shown,
    Table,
)
from waypoint.reports.disclosure.protection import protect, protect_linked
from waypoint.reports.disclosure.reader import intervals, intervals_linked

__all__ = [
    "RULE_KEYS",
    "SENSITIVE",
    "STANDARD",
    "Key",
    "Link",
    "Protected",
    "Rules",
    "Shown",
    "Table",
    "collapse_categories",
    "intervals",
    "intervals_linked",
    "protect",
    "protect_linked",
]
