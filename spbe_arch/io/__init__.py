"""Reading model folders: files, parsing, source positions, shipped catalogs."""

from .catalog import catalog_dir, national_platforms
from .files import MANIFEST, ParsedFile, SpbeError, model_files, parse_file, relative_name
from .positions import element_lines, key_position

__all__ = [
    "MANIFEST",
    "ParsedFile",
    "SpbeError",
    "catalog_dir",
    "element_lines",
    "key_position",
    "model_files",
    "national_platforms",
    "parse_file",
    "relative_name",
]
