"""The Trends page's counts, grouped by the database instead of read report by report.

Each table is one ``GROUP BY`` over the feature columns it counts (the first 7 characters of the
dates for months, the first 10 and the hour for weekday and time), so at most a few thousand
rows come back however many reports there are; ``analytics.trends`` then counts those rows,
each weighted by how many reports it stands for, exactly as it counts single reports. A filter
is turned into the raw values it keeps: the distinct values of the column are read, those
whose category is chosen are kept, and the query asks for those values only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import (
    ColumnElement,
    Engine,
    and_,
    case,
    func,
    literal_column,
    not_,
    or_,
    select,
    true,
    tuple_,
)

from analytics import trends
from analytics.features import split_list
from analytics.publish.monthly import ELSEWHERE, report_areas
from analytics.vocabulary import HARM_TYPES, REPORTER_GENDERS, SECTORS
from pipelines.storage.tables import aggressor_members, aggressors, features

__all__ = ["Base", "trend_base", "trend_months", "trend_tables"]


def _prefix(column: ColumnElement[str], length: int) -> ColumnElement[str]:
    """The first ``length`` characters, with literal bounds so that the ``GROUP BY`` matches
    the selected expression on a server that binds parameters itself."""
    return func.substr(column, literal_column("1"), literal_column(str(length)))


_RECEIVED_MONTH = _prefix(features.c.received_at, 7).label("received_at")
_INCIDENT_DAY = _prefix(features.c.incident_date, 10).label("incident_date")


def _grouped(
    engine: Engine, keys: Iterable[ColumnElement], where: ColumnElement[bool]
) -> tuple[pd.DataFrame, pd.Series]:
    """One row per distinct ``keys`` among the reports ``where`` holds, and how many each has."""
    keys = list(keys)
    count = func.count().label("reports")
    query = select(*keys, count).select_from(features).where(where).group_by(*keys)
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    frame = pd.DataFrame([tuple(row) for row in rows], columns=[*(k.name for k in keys), "n"])
    return frame.drop(columns="n"), frame["n"].astype("int64")


@dataclass(frozen=True)
class Base:
    """Reports per (incident day, incident hour, month received): enough for the months, the
    month filter and the weekday and time table, from one ``GROUP BY``."""

    keys: pd.DataFrame
    weights: pd.Series
    months: tuple[str, ...]
    """Each row's month (see ``analytics.trends.month_of``)."""


def trend_base(engine: Engine) -> Base:
    keys, weights = _grouped(
        engine, (_INCIDENT_DAY, features.c.incident_hour, _RECEIVED_MONTH), true()
    )
    month_of: dict[tuple[object, object], str] = {}
    for pair in zip(keys["incident_date"], keys["received_at"], strict=True):
        if pair not in month_of:
            month_of[pair] = trends.month_of(*pair)
    months = tuple(
        month_of[pair] for pair in zip(keys["incident_date"], keys["received_at"], strict=True)
    )
    return Base(keys, weights, months)


def _counts_per_month(months: Iterable[str], weights: pd.Series) -> pd.Series:
    """``analytics.trends.counts_per_month`` of rows already given their month: the weights are
    summed per month first, and a month written as the incident's date is its own month."""
    summed = pd.Series(list(weights), index=pd.Index(list(months), dtype="object"), dtype="int64")
    summed = summed.groupby(level=0).sum()
    frame = pd.DataFrame({"incident_date": summed.index, "received_at": ""})
    return trends.counts_per_month(frame, summed.reset_index(drop=True))


def trend_months(engine: Engine, base: Base | None = None) -> list[str]:
    """The months that have reports, oldest first (without ``date unknown``)."""
    base = base or trend_base(engine)
    counts = _counts_per_month(base.months, base.weights)
    return [m for m in counts.index if m != trends.UNKNOWN_MONTH]


def _month_filter(base: Base, first: str, last: str) -> tuple[ColumnElement[bool], pd.Series]:
    """The condition keeping months ``first..last`` and which rows of ``base`` it keeps. Written
    over (incident, received) month pairs, as the shorter of the pairs kept and the pairs left
    out, or no condition when every pair is kept."""
    kept = pd.Series([first <= m <= last for m in base.months], index=base.keys.index, dtype=bool)
    pairs = pd.DataFrame(
        {"i": base.keys["incident_date"].str[:7], "r": base.keys["received_at"], "kept": kept}
    ).drop_duplicates(["i", "r"])
    pair = tuple_(_prefix(features.c.incident_date, 7), _prefix(features.c.received_at, 7))

    def listed(chosen: pd.Series) -> list[tuple[str, str]]:
        return [(str(i), str(r)) for i, r in pairs.loc[chosen, ["i", "r"]].itertuples(index=False)]

    if kept.all():
        return true(), kept
    if (~pairs["kept"]).sum() < pairs["kept"].sum():
        return not_(pair.in_(listed(~pairs["kept"]))), kept
    return pair.in_(listed(pairs["kept"])), kept


def _values_filter(
    engine: Engine, column: str, keep: set[str], category: object
) -> ColumnElement[bool]:
    """``column`` in those of its distinct values whose ``category(value)`` meets ``keep``."""
    with engine.connect() as connection:
        values = connection.execute(select(features.c[column]).distinct()).scalars().all()
    return features.c[column].in_([v for v in values if category(v, keep)])  # type: ignore[operator]


def _sector_kept(value: str, keep: set[str]) -> bool:
    return (str(value or "").strip() or trends.NOT_STATED) in keep


def _harm_kept(value: str, keep: set[str]) -> bool:
    return bool(keep & set(split_list(value) or [trends.NOT_STATED]))


def _area_filter(engine: Engine, areas: set[str], known: tuple[str, ...]) -> ColumnElement[bool]:
    keys, _ = _grouped(engine, (features.c.neighbourhood, features.c.municipality), true())
    named = report_areas(keys, known)
    pairs = [
        (hood, town)
        for hood, town, area in zip(keys["neighbourhood"], keys["municipality"], named, strict=True)
        if area in areas
    ]
    return tuple_(features.c.neighbourhood, features.c.municipality).in_(pairs)


def _current(aggressor_id: str, merged: dict[str, str]) -> str:
    seen = {aggressor_id}
    while aggressor_id in merged and merged[aggressor_id] not in seen:
        aggressor_id = merged[aggressor_id]
        seen.add(aggressor_id)
    return aggressor_id


def _repeated(engine: Engine) -> ColumnElement[bool]:
    """A member row's aggressor has 2 or more reports once merges are followed: its own id
    holds 2 or more, or it is one of the ids a merge joined (merged away, or merged into)
    whose current profile holds 2 or more over all of them."""
    member = aggressor_members.c.aggressor_id
    own = select(member).group_by(member).having(func.count() >= 2)
    with engine.connect() as connection:
        merged = {
            str(a): str(b)
            for a, b in connection.execute(
                select(aggressors.c.aggressor_id, aggressors.c.merged_into).where(
                    aggressors.c.merged_into.is_not(None)
                )
            ).tuples()
        }
        if not merged:
            return member.in_(own)
        joined = sorted(set(merged) | {_current(a, merged) for a in merged})
        sizes: dict[str, int] = {}
        for start in range(0, len(joined), 500):
            query = (
                select(member, func.count())
                .where(member.in_(joined[start : start + 500]))
                .group_by(member)
            )
            for aggressor_id, count in connection.execute(query).tuples():
                current = _current(str(aggressor_id), merged)
                sizes[current] = sizes.get(current, 0) + int(count)
    grown = [a for a in joined if sizes.get(_current(a, merged), 0) >= 2]
    return or_(member.in_(own), member.in_(grown)) if grown else member.in_(own)


def _profile_groups(engine: Engine, where: ColumnElement[bool]) -> tuple[pd.DataFrame, pd.Series]:
    """Reports per sector, reporter gender, neighbourhood, municipality and ``repeat`` (1 when
    the report's profile has 2 or more reports, see :func:`_repeated`)."""
    repeat = case((_repeated(engine), 1), else_=0).label("repeat")
    keys = [
        features.c.sector,
        features.c.reporter_gender,
        features.c.neighbourhood,
        features.c.municipality,
        repeat,
    ]
    query = (
        select(*keys, func.count().label("reports"))
        .select_from(
            features.outerjoin(
                aggressor_members, aggressor_members.c.report_id == features.c.report_id
            )
        )
        .where(where)
        .group_by(*keys)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    names = ["sector", "reporter_gender", "neighbourhood", "municipality", "repeat", "n"]
    frame = pd.DataFrame([tuple(row) for row in rows], columns=names)
    return frame.drop(columns="n"), frame["n"].astype("int64")


def trend_tables(
    engine: Engine,
    known: tuple[str, ...],
    first: str = "",
    last: str = "",
    sectors: tuple[str, ...] = (),
    harm_types: tuple[str, ...] = (),
    areas: tuple[str, ...] = (),
    base: Base | None = None,
) -> dict[str, pd.Series | pd.DataFrame]:
    """The Trends page's tables (before suppression) for months ``first..last`` (all when
    blank) and the chosen sectors, harm types and areas (all when none); ``area`` counts
    reports per map area (``known``, then ``ELSEWHERE``) as the monthly report does. ``base``
    is :func:`trend_base` when already read."""
    base = base or trend_base(engine)
    conditions: list[ColumnElement[bool]] = []
    kept = pd.Series(True, index=base.keys.index, dtype=bool)
    if first and last:
        month_condition, kept = _month_filter(base, first, last)
        conditions.append(month_condition)
    if sectors:
        conditions.append(_values_filter(engine, "sector", set(sectors), _sector_kept))
    if harm_types:
        conditions.append(_values_filter(engine, "incident_types", set(harm_types), _harm_kept))
    if areas:
        conditions.append(_area_filter(engine, set(areas), known))
    where = and_(true(), *conditions)

    if sectors or harm_types or areas:
        when, when_weights = _grouped(
            engine, (_INCIDENT_DAY, features.c.incident_hour, _RECEIVED_MONTH), where
        )
        month = trends.counts_per_month(when, when_weights)
    else:
        when, when_weights = base.keys[kept], base.weights[kept]
        month = _counts_per_month(
            (m for m, keep in zip(base.months, kept, strict=True) if keep), when_weights
        )
    harms, harm_weights = _grouped(engine, (features.c.incident_types,), where)
    rest, weights = _profile_groups(engine, where)
    area = pd.Series(list(weights), index=pd.Index(report_areas(rest, known)))
    repeat = pd.Series(list(weights), index=rest.index)[rest["repeat"].astype(int) == 1].sum()
    return {
        "month": month,
        "harm type": trends.multi_category_counts(
            harms, "incident_types", HARM_TYPES, harm_weights
        ),
        "sector": trends.category_counts(rest, "sector", SECTORS, weights),
        "reporter gender": trends.category_counts(
            rest, "reporter_gender", REPORTER_GENDERS, weights
        ),
        "repeat aggressor": trends.repeat_counts(
            pd.Series([2, 1]), pd.Series([int(repeat), int(weights.sum()) - int(repeat)])
        ),
        "weekday and time": trends.weekday_hour_table(when, when_weights),
        "area": area.groupby(level=0)
        .sum()
        .reindex([*known, ELSEWHERE], fill_value=0)
        .astype("int64")
        .rename("count")
        .rename_axis("area"),
    }
