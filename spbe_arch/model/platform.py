"""National platforms: the shipped catalog's (`models/platforms.yaml`) and a model's own.

A model refers to a platform by id; inventories name it by whatever people write ("e-SAKIP",
"Aplikasi SAKIP", its address), so each platform also lists its aliases and addresses.
"""

from enum import StrEnum

from pydantic import Field

from .types import Identifier, InstansiLevel, SpbeModel, ref_code

__all__ = ["NationalPlatform", "PlatformKind"]


class PlatformKind(StrEnum):
    """What a national platform is.

    `aplikasi_umum`: designated for shared use by every instansi (SIPD, SRIKANDI, ...);
    `aplikasi_pusat`: run by a ministry or agency, used by or reported to by pemda without that
    designation (KRISNA, SIKS-NG, SIMBG, ...); `service`: a national service such as electronic
    certificates (BSrE).
    """

    aplikasi_umum = "aplikasi_umum"
    aplikasi_pusat = "aplikasi_pusat"
    gateway = "gateway"
    network = "network"
    data_centre = "data_centre"
    portal = "portal"
    service = "service"

    @property
    def is_infrastructure(self) -> bool:
        """True for SPLP, JIP and PDN and their like: what applications run on or exchange
        data through, never an application one integrates with or runs an instance of."""
        return self in (PlatformKind.gateway, PlatformKind.network, PlatformKind.data_centre)


class NationalPlatform(SpbeModel):
    """A platform run outside the instansi: nationally (SPLP, PDN, SIPD, ...) or by a province."""

    id: Identifier
    name: str = Field(min_length=1, description="Nama platform")
    kind: PlatformKind = Field(description="Jenis platform")
    operator: str | None = Field(
        default=None, min_length=1, description="Instansi pengelola (operator), where known"
    )
    ref: ref_code("RAA", "Referensi Arsitektur Aplikasi code") = None
    function: str | None = Field(
        default=None, min_length=1, description="What it is for (fungsi)"
    )
    indicator: int | None = Field(
        default=None, description="SPBE indicator its use counts for, if any"
    )
    aliases: list[str] = Field(
        default_factory=list,
        description="Other names and acronyms written in inventories (nama lain), "
        "e.g. 'e-SAKIP', 'Aplikasi SAKIP'",
    )
    url: str | None = Field(default=None, description="Main address (alamat), where known")
    domains: list[str] = Field(
        default_factory=list,
        description="Further host names it runs on, beyond the host of `url` (domain); "
        "an address on one of them or a subdomain of one is this platform",
    )
    levels: list[InstansiLevel] = Field(
        default_factory=list,
        description="The kinds of instansi it is for (jenis instansi), e.g. [kabupaten] for "
        "village finance: a kota has no desa; empty: every kind",
    )
