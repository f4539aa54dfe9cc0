"""Simulation study: how the estimators behave when the true population size is known.

Scenarios (each for N = 1,000 and 5,000, with 3 and 4 lists):

* independent: every person has the same chance to be on each list, lists independent;
* dependent: being on list 1 makes being on list 2 much more likely (positive dependence);
* heterogeneous: two latent classes, a visible 30% often listed and a hidden 70% rarely listed.

Methods: Chapman on lists 1-2; the independence log-linear model (Wald interval); the
default ``estimate`` (model search + averaging + bootstrap interval); and, where people
differ (heterogeneous), ``stratified_estimate`` by a recorded covariate that tells the two
classes apart for 90% of people (as sleeping rough against staying in rented rooms might),
to show what strata buy and what they do not.

Prints a markdown table of relative bias, RMSE, 95% interval coverage, median interval width,
failures and time per scenario and method.

    uv run python benchmarks/estimation.py [--replicates 100] [--bootstrap 500] [--seed 0]
"""

from __future__ import annotations

import argparse
import itertools
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from waypoint.estimation.histories import EstimationInputError, Histories
from waypoint.estimation.mse import Estimate, estimate, fixed_model_estimate
from waypoint.estimation.strata import StratifiedEstimate, stratified_estimate

BASE_PROBABILITIES = (0.30, 0.25, 0.20, 0.25)


@dataclass(frozen=True)
class Scenario:
    name: str
    n: int
    k: int

    @property
    def label(self) -> str:
        return f"{self.name}, N={self.n:,}, k={self.k}"


COVARIATE_RIGHT = 0.9  # how often the recorded covariate names a person's latent class


def simulate(scenario: Scenario, rng: np.random.Generator) -> dict[str, Histories]:
    """One capture-history table drawn from the scenario's capture process, split by the
    recorded covariate (two strata; the whole table is their sum)."""
    n, k = scenario.n, scenario.k
    p = np.array(BASE_PROBABILITIES[:k])
    visible = rng.random(n) < 0.3
    if scenario.name == "independent":
        caught = rng.random((n, k)) < p
    elif scenario.name == "dependent":
        caught = rng.random((n, k)) < p
        # List 2 follows list 1: 0.55 if on list 1, 0.15 otherwise (odds ratio about 7).
        p2 = np.where(caught[:, 0], 0.55, 0.15)
        caught[:, 1] = rng.random(n) < p2
    elif scenario.name == "heterogeneous":
        per_person = np.where(visible[:, None], 0.5, 0.08)
        caught = rng.random((n, k)) < per_person
    else:
        raise ValueError(scenario.name)
    recorded = np.where(rng.random(n) < COVARIATE_RIGHT, visible, ~visible)
    index = caught.astype(int) @ (1 << np.arange(k - 1, -1, -1))
    strata = {}
    for label, members in (("often", recorded), ("rarely", ~recorded)):
        tally = np.bincount(index[members], minlength=2**k)
        counts = {}
        for code, history in enumerate(itertools.product((0, 1), repeat=k)):
            if code:  # 0 is the all-zero history: the people never seen
                counts[history] = int(tally[code])
        strata[label] = Histories(tuple("ABCD"[:k]), counts)
    return strata


def pooled(strata: dict[str, Histories]) -> Histories:
    first = next(iter(strata.values()))
    counts = {
        history: sum(table.count(history) for table in strata.values())
        for history in first.all_histories()
    }
    return Histories(first.lists, counts)


Method = Callable[[dict[str, Histories], int], Estimate | StratifiedEstimate]


def _methods(bootstrap: int, *, strata: bool) -> dict[str, Method]:
    methods: dict[str, Method] = {
        "Chapman (lists 1-2)": lambda s, seed: estimate(pooled(s), method="chapman"),
        "independence log-linear": lambda s, seed: fixed_model_estimate(pooled(s), ()),
        "estimate() default": lambda s, seed: estimate(pooled(s), bootstrap=bootstrap, seed=seed),
    }
    if strata:
        methods["stratified_estimate() by covariate"] = lambda s, seed: stratified_estimate(
            s, bootstrap=bootstrap, seed=seed
        )
    return methods


def run(replicates: int, seed: int, bootstrap: int) -> str:
    scenarios = [
        Scenario(name, n, k)
        for name in ("independent", "dependent", "heterogeneous")
        for n in (1_000, 5_000)
        for k in (3, 4)
    ]
    lines = [
        f"Replicates per scenario: {replicates}; bootstrap replicates in estimate(): "
        f"{bootstrap}; seed {seed}.",
        "",
        "| scenario | method | rel. bias | RMSE | rel. RMSE | coverage | median CI width "
        "| failures | seconds |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s_index, scenario in enumerate(scenarios):
        rng = np.random.default_rng([seed, s_index])
        tables = [simulate(scenario, rng) for _ in range(replicates)]
        methods = _methods(bootstrap, strata=scenario.name == "heterogeneous")
        for name, method in methods.items():
            estimates, covered, widths, failures = [], [], [], 0
            started = time.perf_counter()
            for r, table in enumerate(tables):
                try:
                    result = method(table, r)
                except EstimationInputError:
                    failures += 1
                    continue
                estimates.append(result.estimate)
                covered.append(result.ci_low <= scenario.n <= result.ci_high)
                widths.append(result.ci_high - result.ci_low)
            seconds = time.perf_counter() - started
            if estimates:
                errors = np.array(estimates) - scenario.n
                bias = errors.mean() / scenario.n
                rmse = math.sqrt(float(np.mean(errors**2)))
                cells = (
                    f"{bias:+.1%} | {rmse:,.0f} | {rmse / scenario.n:.1%} | "
                    f"{np.mean(covered):.0%} | {np.median(widths):,.0f}"
                )
            else:
                cells = "- | - | - | - | -"
            lines.append(f"| {scenario.label} | {name} | {cells} | {failures} | {seconds:.1f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicates", type=int, default=100, help="tables per scenario")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--bootstrap", type=int, default=500, help="bootstrap replicates inside estimate()"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    print(run(args.replicates, args.seed, args.bootstrap))
    print(f"\nTotal time: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
