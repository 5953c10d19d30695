"""Hostile or broken XML given to `spbe-arch import archimate`: a message and exit 2, never a
traceback, never a file read outside the input, nothing written."""

import os
import threading
from pathlib import Path

from spbe_arch.cli import app
from spbe_arch.interop.xml_safety import MAX_XML_BYTES

NS3 = "http://www.opengroup.org/xsd/archimate/3.0/"
MODEL = f'<model xmlns="{NS3}" identifier="m"><name>{{name}}</name></model>'


class Watched:
    """A named pipe standing in for a local file: it records whether anyone opened it."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "rahasia"
        os.mkfifo(self.path)
        self.opened = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        fd = os.open(self.path, os.O_WRONLY)  # blocks until a reader opens the pipe
        self.opened.set()
        try:
            os.write(fd, b"SECRET-PASSWORD")
        except BrokenPipeError:  # the reader was `was_read` letting the writer go
            pass
        finally:
            os.close(fd)

    def was_read(self) -> bool:
        opened = self.opened.is_set()
        if not opened:  # let the waiting writer go
            os.close(os.open(self.path, os.O_RDONLY | os.O_NONBLOCK))
        self.thread.join(timeout=5)
        return opened


def _run(runner, tmp_path, text: str | bytes):
    source = tmp_path / "input.xml"
    source.write_bytes(text.encode() if isinstance(text, str) else text)
    out = tmp_path / "out"
    result = runner.invoke(app, ["import", "archimate", str(source), "-o", str(out)])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not out.exists()
    return source, result


def test_external_entity_to_a_local_file_is_refused_unread(runner, tmp_path):
    watched = Watched(tmp_path)
    text = (
        f'<?xml version="1.0"?>\n<!DOCTYPE model [<!ENTITY x SYSTEM "file://{watched.path}">]>\n'
        + MODEL.format(name="&x;")
    )
    source, result = _run(runner, tmp_path, text)
    assert not watched.was_read()
    assert result.exit_code == 2
    assert result.stderr == (
        f"spbe-arch: {source}: declares a DOCTYPE, which exchange files never need and which "
        "can hide entity attacks; refused (remove the <!DOCTYPE ...> line)\n"
    )
    assert "SECRET" not in result.output


def test_external_dtd_is_neither_fetched_nor_read(runner, tmp_path):
    watched = Watched(tmp_path)
    text = f'<!DOCTYPE model SYSTEM "{watched.path}">\n' + MODEL.format(name="x")
    _, result = _run(runner, tmp_path, text)
    assert not watched.was_read()
    assert result.exit_code == 2
    assert "declares a DOCTYPE" in result.stderr


def test_billion_laughs_is_refused_without_expansion(runner, tmp_path):
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10)
    )
    text = f"<!DOCTYPE model [{entities}]>\n" + MODEL.format(name="&a9;")
    _, result = _run(runner, tmp_path, text)
    assert result.exit_code == 2
    assert "declares a DOCTYPE" in result.stderr


def test_archimate_2_file_is_named_as_such(runner, tmp_path):
    text = '<model xmlns="http://www.opengroup.org/xsd/archimate"><name>x</name></model>'
    source, result = _run(runner, tmp_path, text)
    assert result.exit_code == 2
    assert result.stderr == (
        f"spbe-arch: {source}: an ArchiMate 2.x exchange file "
        "(http://www.opengroup.org/xsd/archimate); only 3.x files can be imported: open it in "
        "an ArchiMate 3 tool (e.g. Archi) and export it again\n"
    )


def test_xml_that_is_not_archimate_is_named(runner, tmp_path):
    text = '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'
    source, result = _run(runner, tmp_path, text)
    assert result.exit_code == 2
    assert result.stderr == (
        f"spbe-arch: {source}: not an ArchiMate exchange file (root element "
        "'{http://www.w3.org/2000/svg}svg', expected 'model' in "
        "http://www.opengroup.org/xsd/archimate/3.0/); export the model from its tool as an "
        "Open Exchange File (XML)\n"
    )


def test_an_archi_model_file_says_how_to_export_it(runner, tmp_path):
    text = ('<archimate:model xmlns:archimate="http://www.archimatetool.com/archimate" '
            'name="Kota" id="m1" version="5.0.0"><folder name="Business"/></archimate:model>')
    source, result = _run(runner, tmp_path, text)
    assert result.exit_code == 2
    assert result.stderr == (
        f"spbe-arch: {source}: an Archi model file (.archimate), not an exchange file: in Archi, "
        "use File > Export > Model to Open Exchange File..., and import the file it writes\n")


def test_truncated_file_names_the_line(runner, tmp_path):
    fixture = Path(__file__).parent / "fixtures" / "bizzdesign-nested-organizations-views.xml"
    data = fixture.read_bytes()
    source, result = _run(runner, tmp_path, data[: len(data) // 2])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"spbe-arch: {source}:")
    assert "not well-formed XML" in result.stderr
    assert "the file may be truncated or damaged: export it again" in result.stderr


def test_elements_nested_too_deep_are_refused_as_such(runner, tmp_path):
    """libxml2 stops at 256 levels; the message says that, not "truncated", nor its option."""
    deep = b'<?xml version="1.0"?><model xmlns="http://www.opengroup.org/xsd/archimate/3.0/">'
    source, result = _run(runner, tmp_path, deep + b"<a>" * 300 + b"</a>" * 300 + b"</model>")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"spbe-arch: {source}")
    assert result.stderr.endswith(": elements nested more than 256 deep, which no exchange "
                                  "file needs; refused\n")
    assert "XML_PARSE_HUGE" not in result.stderr


def test_a_text_past_libxml2_s_limit_is_refused_as_such(runner, tmp_path):
    """A 12 MB name is no damage an export would mend: the message says what it is."""
    huge = (b'<?xml version="1.0"?><model xmlns="http://www.opengroup.org/xsd/archimate/3.0/">'
            b"<name>" + b"x" * 12_000_000 + b"</name></model>")
    source, result = _run(runner, tmp_path, huge)
    assert result.exit_code == 2
    assert result.stderr == (f"spbe-arch: {source}: a text of the file is larger than an "
                             "exchange file ever needs; refused\n")  # one line, no libxml2 hint


def test_file_that_is_not_xml(runner, tmp_path):
    source, result = _run(runner, tmp_path, b"not xml at all")
    assert result.exit_code == 2
    assert result.stderr == (
        f"spbe-arch: {source}:1:1: not well-formed XML (Start tag expected, '<' not found); "
        "the file may be truncated or damaged: export it again\n"
    )


def test_a_spreadsheet_given_as_an_exchange_file_is_named_with_the_command_it_needs(
        runner, tmp_path):
    import io

    import openpyxl

    book, data = openpyxl.Workbook(), io.BytesIO()
    book.active.append(["Nama Aplikasi", "OPD"])
    book.save(data)
    source, result = _run(runner, tmp_path, data.getvalue())
    assert result.exit_code == 2
    assert result.stderr == (
        f"spbe-arch: {source}: a ZIP file (a spreadsheet, XLSX, or a document), not XML: an "
        "application inventory is imported with `spbe-arch import inventory`\n")


def test_bytes_not_in_the_declared_encoding_are_named_as_such(runner, tmp_path):
    text = MODEL.format(name="Dinas Pendapatan — Pajak").replace("—", "\u0097")
    source, result = _run(runner, tmp_path, text.encode("latin-1"))
    assert result.exit_code == 2
    assert "the bytes here are not UTF-8, the encoding the file declares (or XML's default); " \
        "save the file as UTF-8" in result.stderr
    assert result.stderr.startswith(f"spbe-arch: {source}:1:")


def test_empty_file_is_named_empty_without_a_position(runner, tmp_path):
    source, result = _run(runner, tmp_path, b"")
    assert result.exit_code == 2
    assert result.stderr == f"spbe-arch: {source}: is empty (0 bytes); export the model again\n"


def test_file_cut_short_in_a_tag_names_its_line_once(runner, tmp_path):
    source, result = _run(runner, tmp_path, MODEL.format(name="x")[:-15])
    assert result.exit_code == 2
    assert result.stderr == (
        f"spbe-arch: {source}:1:82: not well-formed XML (Premature end of data in tag name "
        "line 1); the file may be truncated or damaged: export it again\n"
    )


def test_file_over_the_size_limit_is_refused_before_parsing(runner, tmp_path):
    source = tmp_path / "input.xml"
    with source.open("wb") as handle:  # sparse: no disk space used
        handle.write(MODEL.format(name="x").encode())
        handle.truncate(MAX_XML_BYTES + 1)
    out = tmp_path / "out"
    result = runner.invoke(app, ["import", "archimate", str(source), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"spbe-arch: {source}: 536,870,913 bytes, over the limit of 536,870,912 (512 MiB) for "
        "XML files; split the model in the tool that wrote it\n"
    )
    assert not out.exists()


def test_missing_file(runner, tmp_path):
    source = tmp_path / "nothing.xml"
    result = runner.invoke(app, ["import", "archimate", str(source), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert result.stderr == f"spbe-arch: {source}: cannot read (No such file or directory)\n"


def test_file_cut_short_in_its_views_is_refused(runner, tmp_path):
    fixture = Path(__file__).parent / "fixtures" / "bizzdesign-nested-organizations-views.xml"
    data = fixture.read_bytes()
    cut = data.index(b"<view identifier=\"id-v2\"")  # the views are not parsed, yet
    source, result = _run(runner, tmp_path, data[:cut])
    assert result.exit_code == 2
    assert result.stderr == (
        f"spbe-arch: {source}: does not end with </model>; the file may be truncated or "
        "damaged: export it again\n"
    )


def test_utf_16_file_cut_short_in_its_views_is_refused(runner, tmp_path):
    fixture = Path(__file__).parent / "fixtures" / "bizzdesign-nested-organizations-views.xml"
    text = fixture.read_text("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    cut = text.index('<view identifier="id-v2"')
    source, result = _run(runner, tmp_path, ("\ufeff" + text[:cut]).encode("utf-16-le"))
    assert result.exit_code == 2
    assert result.stderr == (
        f"spbe-arch: {source}: does not end with </model>; the file may be truncated or "
        "damaged: export it again\n"
    )
