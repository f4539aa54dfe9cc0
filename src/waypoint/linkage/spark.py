"""The same model on Apache Spark, for lists too big for one machine's DuckDB.

``deduplicate`` and ``link`` here take and give what their namesakes in ``engine`` do;
they build the same features, comparisons (in Spark's SQL dialect), blocking and training,
on a local Spark session with two workers: no web UI, temporary files in a directory of
their own, quiet logging, nothing listening beyond this machine. A cluster is a matter of
pointing ``SPARK_MASTER`` elsewhere.

pyspark is an optional dependency: ``SparkUnavailable`` says, in one line, when it (or
Java) is missing.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from waypoint.linkage.clustering import average_linkage
from waypoint.linkage.comparisons import Model
from waypoint.linkage.engine import (
    DEFAULT_THRESHOLD,
    Row,
    _check_ids,
    _check_threshold,
    _feature_table,
    order_link_pairs,
    splink_settings,
)
from waypoint.linkage.features import FEATURE_COLUMNS, LIST_FEATURES
from waypoint.linkage.scoring import BOOLEAN_FEATURES, INTEGER_FEATURES
from waypoint.linkage.training import train_linker

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

SHUFFLE_PARTITIONS = 4


class SparkUnavailable(Exception):
    """Spark cannot run here; the message says why in one line."""


def spark_missing() -> str | None:
    """Why Spark cannot run here (pyspark or Java missing), or None if it can."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "the spark engine needs pyspark, which is not installed (install waypoint[spark])"
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        return "the spark engine needs Java (set JAVA_HOME or put java on the PATH)"
    return None


@contextmanager
def spark_session() -> Iterator[SparkSession]:
    """A local Spark session for one run, stopped and cleaned up afterwards."""
    reason = spark_missing()
    if reason:
        raise SparkUnavailable(reason)
    from pyspark.sql import SparkSession
    from splink.backends.spark import similarity_jar_location

    scratch = tempfile.mkdtemp(prefix="waypoint-spark-")
    session = (
        SparkSession.builder.master(os.environ.get("SPARK_MASTER", "local[2]"))
        .appName("waypoint-link")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.local.dir", scratch)
        .config("spark.sql.warehouse.dir", os.path.join(scratch, "warehouse"))
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", str(SHUFFLE_PARTITIONS))
        .config("spark.default.parallelism", "2")
        .config("spark.jars", similarity_jar_location())
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    session.sparkContext.setCheckpointDir(os.path.join(scratch, "checkpoints"))
    logging.getLogger("py4j").setLevel(logging.ERROR)
    try:
        yield session
    finally:
        session.stop()
        shutil.rmtree(scratch, ignore_errors=True)


def _frame(session: SparkSession, features: list[dict[str, Any]], text_count: int) -> DataFrame:
    from pyspark.sql.types import (
        ArrayType,
        BooleanType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    columns = [*FEATURE_COLUMNS, *(f"text_{index}" for index in range(text_count))]
    fields = [StructField("unique_id", LongType(), False)]
    for column in columns:
        if column in INTEGER_FEATURES:
            kind: Any = LongType()
        elif column in BOOLEAN_FEATURES:
            kind = BooleanType()
        elif column in LIST_FEATURES:
            kind = ArrayType(StringType())
        else:
            kind = StringType()
        fields.append(StructField(column, kind, True))
    schema = StructType(fields)
    data = [tuple(row.get(field.name) for field in fields) for row in features]
    return session.createDataFrame(data, schema=schema)


def _linker(session: SparkSession, frames: Sequence[tuple[str, DataFrame]], settings: Any) -> Any:
    from splink import Linker, SparkAPI

    db_api = SparkAPI(spark_session=session, break_lineage_method="persist")
    tables = [db_api.register(frame, table_name=name) for name, frame in frames]
    return tables, Linker(
        tables if len(tables) > 1 else tables[0], settings, log_level=logging.WARNING
    )


def _predict(
    session: SparkSession,
    frames: list[tuple[str, DataFrame]],
    link_type: Any,
    text_count: int,
    records: int,
    threshold: float,
) -> list[tuple[Any, Any, Any]]:
    settings = Model("spark").settings(link_type, text_count, records)
    tables, linker = _linker(session, frames, settings)
    model = train_linker(linker, tables, records)
    from splink import Linker

    linker = Linker(
        tables if len(tables) > 1 else tables[0],
        splink_settings(model),
        log_level=logging.WARNING,
    )
    predictions = linker.inference.predict(threshold_match_probability=threshold)
    return [
        (row["unique_id_l"], row["unique_id_r"], row["match_probability"])
        for row in predictions.as_record_list()
    ]


def deduplicate(
    rows: Sequence[Row],
    *,
    ids: Sequence[str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    text_columns: tuple[str, ...] = (),
) -> dict[str, str]:
    """``engine.deduplicate`` on Spark."""
    _check_threshold(threshold)
    record_ids = _check_ids(ids, rows)
    if len(rows) < 2:
        return {record_id: record_id for record_id in record_ids}
    with spark_session() as session:
        frame = _frame(session, _feature_table(rows, text_columns).to_pylist(), len(text_columns))
        found = _predict(
            session,
            [("records", frame)],
            "dedupe_only",
            len(text_columns),
            len(rows),
            threshold,
        )
    groups = average_linkage(len(rows), found, threshold)
    return {record_ids[index]: record_ids[group] for index, group in enumerate(groups)}


def link(
    left_rows: Sequence[Row],
    right_rows: Sequence[Row],
    *,
    left_ids: Sequence[str] | None = None,
    right_ids: Sequence[str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    text_columns: tuple[str, ...] = (),
) -> list[tuple[str, str, float]]:
    """``engine.link`` on Spark."""
    _check_threshold(threshold)
    lefts = _check_ids(left_ids, left_rows)
    rights = _check_ids(right_ids, right_rows)
    if not left_rows or not right_rows:
        return []
    with spark_session() as session:
        left = _frame(
            session, _feature_table(left_rows, text_columns).to_pylist(), len(text_columns)
        )
        right = _frame(
            session,
            _feature_table(right_rows, text_columns, start=len(left_rows)).to_pylist(),
            len(text_columns),
        )
        found = _predict(
            session,
            [("left_records", left), ("right_records", right)],
            "link_only",
            len(text_columns),
            len(left_rows) + len(right_rows),
            threshold,
        )
    return order_link_pairs(found, lefts, rights)
