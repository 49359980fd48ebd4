"""The word models as a rebuildable artefact (match/artefact.py, ADR 0146).

The failure this shows: every process trained the theme, safety and writer models at start-up (~6 s, 15 s under
load) and kept the training's peak in its RSS. Now they are trained once, kept as plain .npz files keyed by a hash of
everything the training reads, and loaded. What must hold: a loaded model predicts exactly what the model trained in
the process predicts; another key (changed data or code) is never loaded; a torn file or a folder we cannot write
retrains instead of failing; the files hold no pickle; `kaart models` writes them and `kaart check` names them.
"""

from __future__ import annotations

import builtins
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from match import artefact, safety_model, themeclf, writer
from match.safety_model import SafetyModel
from match.themeclf import ThemeModel
from match.writer import WriterModel
from ontology import load_ontology

ROOT = Path(__file__).resolve().parents[1]

# Our own sentences (not from any measured set): a need in lay words, a danger and its harmless twin, a child and an
# adult, chat spelling, a story, text the models know nothing of, and one word.
OWN = [
    "ik krijg de huur niet meer betaald en de brieven blijven komen",
    "sinds mijn vrouw er niet meer is, eet ik elke avond alleen",
    "mijn vriend duwt me tegen de muur als hij gedronken heeft",
    "mijn vriend duwt de kast tegen de muur want we gaan verhuizen",
    "ik wil er niet meer zijn, iedereen is beter af zonder mij",
    "ik wil er even tussenuit, een weekje zonder mij is de zaak ook beter af",
    "mn moeder zuipt elke avond en ik durf niks te zeggen op school",
    "mijn dochter van 14 spijbelt en ik weet niet meer wat ik moet doen",
    "buurman hoort stemmen en heeft zijn deur gebarricadeerd",
    "qwrtp zxcvb",
    "hallo",
    "Ik woon al twintig jaar in Aalten en werkte als kok. Sinds de zomer ben ik mijn baan kwijt. Mijn kinderen "
    "wonen ver weg. De post stapelt zich op en ik durf de enveloppen niet meer open te maken. Wie kan met mij kijken?",
    "als leerkracht maak ik me zorgen: een leerling heeft steeds blauwe plekken en zegt dat hij gevallen is",
]


def sentences() -> list[str]:
    """Our own sentences and the first 80 of lay batch 1 (training data of every model, so every feature kind)."""
    lay = themeclf._yaml(themeclf.LAY_FILE)["sentences"][:80]
    return OWN + [s["text"] for s in lay]


@pytest.fixture(scope="module")
def pairs(tmp_path_factory):
    """Each model trained in this process and the same model read back from the artefact it wrote."""
    onto = load_ontology()
    folder = tmp_path_factory.mktemp("models")
    spelling = dict(onto.spelling or {})
    out = {}
    with artefact.using(folder):
        for name, recipe, train, to_arrays, from_arrays in (
            (
                "themes",
                themeclf.recipe(onto),
                lambda: themeclf.build(onto),
                ThemeModel.to_arrays,
                lambda a: ThemeModel.from_arrays(onto, a),
            ),
            (
                "safety",
                safety_model.recipe(onto),
                lambda: SafetyModel(safety_model.authored(), spelling),
                SafetyModel.to_arrays,
                lambda a: SafetyModel.from_arrays(a, spelling),
            ),
            (
                "writer",
                writer.recipe(),
                lambda: writer.train_arrays(d for ds in writer.training_sets().values() for d in ds),
                lambda a: a,
                lambda a: a,
            ),
        ):
            trained = artefact.cached(recipe, train, to_arrays, from_arrays)
            assert artefact.used()[name][1] == "getraind en bewaard"
            loaded = artefact.cached(recipe, lambda: pytest.fail("trained twice"), to_arrays, from_arrays)
            assert artefact.used()[name][1] == "geladen"
            out[name] = (trained, loaded, artefact.path_for(name, recipe.key()))
    return out


def test_a_loaded_theme_model_gives_the_same_probabilities_bit_for_bit(pairs):
    trained, loaded, _ = pairs["themes"]
    assert loaded is not trained and loaded.classes == trained.classes and loaded.parents == trained.parents
    for text in sentences():
        a, b = trained.probabilities(text), loaded.probabilities(text)
        assert (a is None and b is None) or np.array_equal(a, b), text
        assert themeclf.candidates(trained, text) == themeclf.candidates(loaded, text), text


def test_a_loaded_safety_model_gives_the_same_probabilities_bit_for_bit(pairs):
    trained, loaded, _ = pairs["safety"]
    for text in sentences():
        for professional in (False, True):
            assert trained.predict(text, professional) == loaded.predict(text, professional), text
            assert trained.opinion(text, professional=professional) == loaded.opinion(
                text, professional=professional
            )


def test_a_loaded_writer_model_gives_the_same_probability_bit_for_bit(pairs):
    arrays, loaded_arrays, _ = pairs["writer"]
    in_process = WriterModel(d for ds in writer.training_sets().values() for d in ds)  # as before ADR 0146
    trained, loaded = WriterModel.from_arrays(arrays), WriterModel.from_arrays(loaded_arrays)
    assert np.array_equal(in_process.hashes, loaded.hashes)
    assert np.array_equal(in_process.log_odds, loaded.log_odds) and loaded.log_odds.dtype == np.float32
    for text in sentences():
        assert in_process.p_young(text) == trained.p_young(text) == loaded.p_young(text), text


def test_the_files_hold_plain_arrays_and_no_pickle(pairs):
    for name, (_, _, path) in pairs.items():
        with np.load(path, allow_pickle=False) as npz:
            kinds = {k: npz[k].dtype.kind for k in npz.files}
        assert kinds and set(kinds.values()) <= {"u", "i", "f"}, (name, kinds)
        assert path.stat().st_mode & 0o044 == 0o044, "readable by the user a container runs as"
        assert path.name.startswith(name + "-") and path.suffix == ".npz"


def _recipe(tmp_path: Path, data: str = "a", code: str = "x = 1", extra: object = None) -> artefact.Recipe:
    (tmp_path / "data.yaml").write_text(data)
    (tmp_path / "code.py").write_text(code)
    return artefact.Recipe("toy", files=(tmp_path / "data.yaml",), code=(tmp_path / "code.py",), extra=extra)


def test_the_key_changes_with_the_data_the_code_the_ontology_inputs_and_the_libraries(tmp_path):
    base = _recipe(tmp_path).key()
    assert _recipe(tmp_path).key() == base, "the same inputs, the same key"
    assert _recipe(tmp_path, data="b").key() != base
    assert _recipe(tmp_path, code="x = 2").key() != base
    assert _recipe(tmp_path, extra={"spelling": {"schuld": "schulden"}}).key() != base
    other = dict(artefact.library_versions(), numpy="0.0")
    assert (
        artefact.Recipe("toy", (tmp_path / "data.yaml",), (tmp_path / "code.py",), None, other).key() != base
    )
    missing = artefact.Recipe("toy", (tmp_path / "gone.yaml",), (tmp_path / "code.py",))
    assert missing.key() != base, "a file that is not there is part of the key too"


def test_the_key_of_a_checkout_does_not_depend_on_where_it_lies():
    """Paths in the key are relative to the checkout: a Docker build, another worktree, the same key."""
    recipe = themeclf.recipe(load_ontology())
    assert artefact._shown(recipe.files[0]) == "ontology/lay-voorbeelden.yaml"
    assert artefact._shown(recipe.code[0]) == "match/themeclf.py"


def _toy(tmp_path: Path, recipe: artefact.Recipe, value: float, calls: list[int]) -> np.ndarray:
    def train() -> np.ndarray:
        calls.append(1)
        return np.array([value])

    with artefact.using(tmp_path / "models"):
        return artefact.cached(recipe, train, lambda a: {"v": a}, lambda d: d["v"])


def test_an_artefact_of_other_data_is_never_loaded_and_the_old_one_stays_for_its_own(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    calls: list[int] = []
    old = _recipe(tmp_path / "a")
    assert _toy(tmp_path, old, 1.0, calls)[0] == 1.0 and len(calls) == 1
    assert _toy(tmp_path, old, 9.0, calls)[0] == 1.0 and len(calls) == 1, "loaded, not trained"
    new = _recipe(tmp_path / "b", data="changed")  # the same file names, another content
    assert _toy(tmp_path, new, 2.0, calls)[0] == 2.0 and len(calls) == 2, "another key: trained"
    assert len(list((tmp_path / "models").glob("toy-*.npz"))) == 2
    assert _toy(tmp_path, old, 9.0, calls)[0] == 1.0 and len(calls) == 2


def test_a_torn_or_foreign_file_is_trained_again_and_replaced(tmp_path):
    (tmp_path / "a").mkdir()
    recipe, calls = _recipe(tmp_path / "a"), []
    path = artefact.path_for("toy", recipe.key(), tmp_path / "models")
    path.parent.mkdir()
    path.write_bytes(b"PK\x03\x04 half a zip file")
    assert _toy(tmp_path, recipe, 3.0, calls)[0] == 3.0 and len(calls) == 1
    assert _toy(tmp_path, recipe, 9.0, calls)[0] == 3.0 and len(calls) == 1, "the file was replaced"
    # a file of another key under this name (copied by hand) is not trusted either
    other = _recipe(tmp_path / "a", data="other")
    with artefact.using(tmp_path / "models"):
        artefact.save("toy", other.key(), {"v": np.array([7.0])})
        os.replace(artefact.path_for("toy", other.key()), path)
        assert artefact.load("toy", recipe.key()) is None
    assert not list((tmp_path / "models").glob(".toy-*.tmp")), "no temporary file left behind"


def test_a_folder_that_cannot_be_written_trains_in_memory(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "file").write_text("not a folder")
    recipe, calls = _recipe(tmp_path / "a"), []
    with artefact.using(tmp_path / "file" / "models"):
        value = artefact.cached(
            recipe, lambda: calls.append(1) or np.array([4.0]), lambda a: {"v": a}, lambda d: d
        )
        assert value[0] == 4.0 and artefact.used()["toy"][1] == "getraind, niet bewaard"
    with artefact.using(None):
        assert artefact.folder() is None
        artefact.cached(recipe, lambda: calls.append(1) or np.array([4.0]), lambda a: {"v": a}, lambda d: d)
    assert len(calls) == 2


def test_every_file_the_training_reads_is_in_its_key(monkeypatch):
    """The key must cover what training reads: each model is trained here while every file opened is recorded."""
    from ontology import inwoner

    onto = load_ontology()
    opened: set[Path] = set()
    read_text, read_bytes, real_open = Path.read_text, Path.read_bytes, builtins.open

    def record(path: object) -> None:
        if isinstance(path, (str, Path)) and str(path).endswith((".yaml", ".yml", ".json", ".tsv", ".csv")):
            opened.add(Path(path).resolve())

    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: (record(self), read_text(self, *a, **k))[1])
    monkeypatch.setattr(
        Path, "read_bytes", lambda self, *a, **k: (record(self), read_bytes(self, *a, **k))[1]
    )
    monkeypatch.setattr(builtins, "open", lambda f, *a, **k: (record(f), real_open(f, *a, **k))[1])
    inwoner._load.cache_clear()
    for recipe, train in (
        (themeclf.recipe(onto), lambda: themeclf.build(onto)),
        (safety_model.recipe(onto), lambda: SafetyModel(safety_model.authored(), dict(onto.spelling or {}))),
        (
            writer.recipe(),
            lambda: writer.train_arrays(d for ds in writer.training_sets().values() for d in ds),
        ),
    ):
        opened.clear()
        train()
        assert opened, recipe.name
        assert opened <= {Path(p).resolve() for p in recipe.files}, (recipe.name, opened - set(recipe.files))


def test_kaart_models_writes_the_three_and_kaart_models_check_says_they_are_current(tmp_path):
    env = {**os.environ, "KAART_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    env.pop("KAART_MODEL_DIR", None)

    def kaart(*args: str) -> subprocess.CompletedProcess:
        cmd = [sys.executable, "-c", "from webapp.cli import cli; cli()", *args]
        return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)

    before = kaart("models", "--check")
    assert before.returncode == 1 and before.stdout.count("current=nee") == 3, before.stdout
    built = kaart("models")
    assert built.returncode == 0, built.stderr[-2000:]
    assert built.stdout.count("how=getraind_en_bewaard") == 3, built.stdout
    assert {p.name.split("-")[0] for p in (tmp_path / "models").glob("*.npz")} == {
        "themes",
        "safety",
        "writer",
    }
    after = kaart("models", "--check")
    assert after.returncode == 0 and after.stdout.count("current=ja") == 3, after.stdout


def test_kaart_check_names_the_model_files_it_uses(app, tmp_path):
    from webapp.cli import cli

    runner = app.test_cli_runner()
    env = {
        "KAART_GRAPH_URI": app.config["GRAPH_URI"],
        "KAART_DATA_DIR": app.config["DATA_DIR"],
        "KAART_INDEX_DIR": app.config["INDEX_DIR"],
        "KAART_MODEL_DIR": str(tmp_path / "models"),
    }
    before = list(artefact._FOLDER)
    try:
        assert runner.invoke(cli, ["init"], env=env).exit_code == 0
        out = runner.invoke(cli, ["check"], env=env).output
    finally:
        artefact._FOLDER[:] = before
    for name in ("themes", "safety", "writer"):
        assert f"word_model_{name}={tmp_path / 'models' / name}-" in out, out
    assert "ontbreekt" in out and "kaart models" in out


def test_the_model_folder_is_a_setting_next_to_the_data(tmp_path):
    from webapp.config import parse

    assert parse({"DATA_DIR": str(tmp_path)})[0].model_dir == tmp_path.resolve() / "models"
    chosen = parse({"DATA_DIR": str(tmp_path), "MODEL_DIR": str(tmp_path / "elders")})[0].model_dir
    assert chosen == tmp_path.resolve() / "elders"


def test_the_docker_image_builds_the_models_where_its_containers_read_them():
    text = (ROOT / "Dockerfile").read_text()
    env = [line for line in text.splitlines() if "KAART_MODEL_DIR=" in line]
    assert env and "kaart models" in text
    folder = env[0].split("KAART_MODEL_DIR=")[1].split()[0]
    assert text.index("KAART_MODEL_DIR") < text.index("kaart models"), "built where the containers read"
    assert folder.startswith("/app/"), "inside the image, not on the /data volume that hides it"
