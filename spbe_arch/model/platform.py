"""National platforms and aplikasi umum that a local model refers to by id."""

from enum import StrEnum

from pydantic import Field

from .types import Identifier, SpbeModel, ref_code

__all__ = ["NationalPlatform", "PlatformKind"]


class PlatformKind(StrEnum):
    """What a national platform is."""

    aplikasi_umum = "aplikasi_umum"
    gateway = "gateway"
    network = "network"
    data_centre = "data_centre"
    portal = "portal"


class NationalPlatform(SpbeModel):
    """A platform run nationally (SPLP, JIP, PDN, SIPD, SRIKANDI, ...)."""

    id: Identifier
    name: str = Field(min_length=1, description="Nama platform")
    kind: PlatformKind = Field(description="Jenis platform")
    operator: str = Field(min_length=1, description="Instansi pengelola (operator)")
    ref: ref_code("RAA", "Referensi Arsitektur Aplikasi code") | None = None
    function: str = Field(min_length=1, description="What it is for (fungsi)")
    indicator: int | None = Field(
        default=None, description="SPBE indicator its use counts for, if any"
    )
