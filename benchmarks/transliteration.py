"""How often a name written in its own script gets the same search key as its Latin forms.

    uv run python benchmarks/transliteration.py

Every name of the synthetic generator's pools that has an original-script form (Arabic,
Perso-Arabic, Urdu, Sorani Kurdish, Bengali) is keyed with ``people.names.name_keys``; it
counts as matched when the script form's keys equal those of one of its Latin spellings.
Side by side: the script form transliterated and folded compared as text with the folded
Latin spellings, what a registry that transliterates but has no name keys would compare.
Prints the shares per nationality.
"""

from __future__ import annotations

from collections import Counter

from waypoint.demo.names import POOLS
from waypoint.people.names import fold, name_keys


def main() -> None:
    matched: Counter[str] = Counter()
    folded: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for nationality, pool in POOLS.items():
        for community in pool.communities:
            for names in (community.male, community.female, community.family):
                for name in names:
                    if not name.original:
                        continue
                    total[nationality] += 1
                    keys = name_keys(name.original)
                    matched[nationality] += any(name_keys(v) == keys for v in name.variants)
                    written = fold(name.original)
                    folded[nationality] += any(fold(v) == written for v in name.variants)
    print("| nationality | names in script | same key as a Latin spelling | folded text equal |")
    print("|---|---:|---:|---:|")
    for nationality in sorted(total, key=lambda code: -total[code]):
        count = total[nationality]
        print(
            f"| {nationality} | {count} | {matched[nationality] / count:.1%} | "
            f"{folded[nationality] / count:.1%} |"
        )
    count = sum(total.values())
    print(
        f"| all | {count} | {sum(matched.values()) / count:.1%} | "
        f"{sum(folded.values()) / count:.1%} |"
    )


if __name__ == "__main__":
    main()
