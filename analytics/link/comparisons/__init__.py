"""The catalogue of comparisons: one small class per kind of evidence."""

from analytics.link.comparisons.base import Comparison, Level, Prepared
from analytics.link.comparisons.description import (
    AgeAndHeightFit,
    SharedMarks,
    SimilarDescription,
)
from analytics.link.comparisons.harm import SameHarmPattern
from analytics.link.comparisons.people import SameHandle, SameName
from analytics.link.comparisons.phone import SamePhone
from analytics.link.comparisons.place import CloseInTime, NearInSpaceAndTime
from analytics.link.comparisons.plate import PlateFits
from analytics.link.comparisons.vehicle import SimilarVehicle


def default_comparisons() -> tuple[Comparison, ...]:
    """The comparisons bdars uses unless told otherwise."""
    return (
        SamePhone(),
        PlateFits(),
        SimilarVehicle(),
        SharedMarks(),
        SimilarDescription(),
        AgeAndHeightFit(),
        SameName(),
        SameHandle(),
        SameHarmPattern(),
        NearInSpaceAndTime(),
        CloseInTime(),
    )


__all__ = [
    "AgeAndHeightFit",
    "CloseInTime",
    "Comparison",
    "Level",
    "NearInSpaceAndTime",
    "PlateFits",
    "Prepared",
    "SameHandle",
    "SameHarmPattern",
    "SameName",
    "SamePhone",
    "SharedMarks",
    "SimilarDescription",
    "SimilarVehicle",
    "default_comparisons",
]
