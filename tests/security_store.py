"""Two clients for the isolation tests: client A (counsel ``carla`` is assigned to it)
and client B, whose every trace (A-number in any spelling, names, the file name, the
comment text, a reviewer's note, the record hash) is listed in :data:`B_SECRETS` so a
test can look for them in whatever a page renders or a download holds.

Both clients' forms point at real page images (PNG files in the test's directory), so
the record page draws a page image for what counsel may see: a missing image is then
an access decision, not a missing file."""
from __future__ import annotations

from pathlib import Path

import pytest

from cases_archive import comments, entry, fobj, form
from review_store import PASSWORD

A, B = "A111222333", "A444555666"
A_NAMES = ("Ana Clienta", "Luis Clienta")
B_SECRETS = ("A444555666", "444555666", "444-555-666", "Bruna", "Secreta", "Tomas",
             "Secreto", "Bartolo", "Reservado", "no viaja sin", "llamó de nuevo")


def _png(path: Path, text: str) -> Path:
    from PIL import Image, ImageDraw
    im = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(im).text((20, 80), text, fill="black")
    im.save(path)
    return path


def build(tmp: Path) -> dict:
    """The store (SQLite in ``tmp``) with both clients; returns url and record ids."""
    from waiverscan.store import open_store
    from waiverscan.store.accounts import add_user, assign
    url = f"sqlite:///{tmp / 'sec.db'}"
    a_png = _png(tmp / "client-a-form.png", "form A")
    b_png = _png(tmp / "Bruna_Secreta_A444555666.png", "form B")
    fa = form("sec-a-form", A, fails=("F-DATED",), parent_name=A_NAMES[0],
              child_names=[A_NAMES[1]], official_name="DO J. Doe")
    fb = form("sec-b-form", B, fails=("F-DATED", "F-SUPERVISOR"), unknowns=("F-SIGNED",),
              parent_name="Bruna Secreta", child_names=["Tomas Secreto"],
              official_name="DO Bartolo Reservado")
    fa["source"], fb["source"] = str(a_png), str(b_png)
    eb = entry(B, "waive_reunification", "2018-06-20")
    eb["fields"]["decision"] = fobj("waive_reunification",
                                    evidence="Bruna Secreta dice que no viaja sin Tomas")
    eb["fields"]["child_names"] = fobj(["Tomas Secreto"])
    shared = comments("sec-shared-export", [entry(A, "waive_reunification", "2018-06-21"), eb])
    store = open_store(url)
    for doc in (fa, fb, shared):
        store.save_document(doc, pipeline_version="test")
    for name, role in (("rita", "reviewer"), ("carla", "counsel"), ("ada", "admin")):
        add_user(store, name, role, PASSWORD)
    assign(store, "carla", A)
    b_rid = fb["records"][0]["record_id"]
    store.reviews.add(b_rid, reviewer="rita", action="accept", check_id="F-DATED",
                      value_before="fail", value_after="fail", note="Bruna llamó de nuevo")
    store.close()
    return {"url": url, "a_rid": fa["records"][0]["record_id"], "b_rid": b_rid,
            "b_comment_rid": shared["records"][1]["record_id"], "b_sha": fb["sha256"]}


@pytest.fixture(scope="module")
def _two_clients_built(tmp_path_factory) -> dict:
    # built once per test module (a few seconds: migrations, argon2 hashes); the tests
    # only read it (refused decisions write nothing; sign-in sessions do not matter)
    return build(tmp_path_factory.mktemp("two_clients"))


@pytest.fixture
def two_clients(_two_clients_built, monkeypatch) -> dict:
    monkeypatch.setenv("WAIVERSCAN_DB", _two_clients_built["url"])
    return _two_clients_built


def leaks(text: str, extra: tuple[str, ...] = ()) -> list[str]:
    """Which of B's traces occur in ``text`` (case-insensitive)."""
    low = text.casefold()
    return [s for s in (*B_SECRETS, *extra) if s.casefold() in low]


# --------------------------------------------------------------------------- rendering

def media_capture(monkeypatch) -> list[tuple[bytes, str, str]]:
    """Every file a page hands the browser (download buttons, images) as
    ``(bytes, mimetype, file name)``, recorded as Streamlit stores it."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
    got: list[tuple[bytes, str, str]] = []
    real = MemoryMediaFileStorage.load_and_get_id

    def spy(self, path_or_data, mimetype, kind, filename=None):
        data = path_or_data if isinstance(path_or_data, bytes) else Path(path_or_data).read_bytes()
        got.append((data, mimetype, filename or ""))
        return real(self, path_or_data, mimetype, kind, filename)
    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", spy)
    return got


def file_text(data: bytes) -> str:
    """The text inside a download: an XLSX's XML parts unzipped, else the bytes as UTF-8."""
    import io
    import zipfile
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    return data.decode("utf-8", "replace")


def rendered(at) -> str:
    """Everything an AppTest run put on the page, as text: every element's message
    (UTF-8, not escaped), table and dataframe cells, widget labels, options and values.
    A text box shows only its label: its value is what the visitor typed (or put in
    the URL) themselves, not the archive's data."""
    from google.protobuf import text_format
    parts = []
    for node in at._tree:
        proto = getattr(node, "proto", None)
        if type(node).__name__ == "TextInput":
            parts.append(node.label)
        elif proto is not None:
            parts.append(text_format.MessageToString(proto, as_utf8=True))
        if type(node).__name__ in ("Dataframe", "Table"):
            parts.append(node.value.to_csv())
    return "\n".join(parts)
