"""The pre-commit hooks of `.pre-commit-hooks.yaml`, run by pre-commit itself (`try-repo`) in a
temporary repository holding the example, from a git copy of this checkout (committed work and
not, so that what is tested is what is here)."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml_rs
from conftest import EXAMPLE, ROOT

PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
HOOK_REPO_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "spbe_arch", "models")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Uji", "-c", "user.email=uji@example.id", *args],
        cwd=cwd, check=True, capture_output=True,
    )


def _repo(path: Path, files: dict[str, Path]) -> Path:
    path.mkdir()
    for name, source in files.items():
        copy = shutil.copytree if source.is_dir() else shutil.copy2
        copy(source, path / name)
    _git(path, "init", "-q")
    _git(path, "add", ".")
    _git(path, "commit", "-qm", "init")
    return path


@pytest.fixture(scope="module")
def hooks(tmp_path_factory):
    """A function running one hook on a repository holding a copy of `model`."""
    if shutil.which("git") is None or not PRE_COMMIT.is_file():
        pytest.skip("needs git and pre-commit (pip install -e '.[test]')")
    base = tmp_path_factory.mktemp("precommit")
    hook_repo = _repo(base / "spbe-arch", {name: ROOT / name for name in HOOK_REPO_FILES})
    env = {**os.environ, "PRE_COMMIT_HOME": str(base / "cache")}

    def run(hook: str, model: Path) -> subprocess.CompletedProcess:
        user = base / f"pemda-{hook}-{model.name}"
        _repo(user, {p.name: p for p in model.iterdir()})
        return subprocess.run(
            [str(PRE_COMMIT), "try-repo", str(hook_repo), hook, "--all-files"],
            cwd=user, env=env, capture_output=True, text=True, check=False,
        )

    run.hook_repo, run.base, run.env = hook_repo, base, env
    return run


def test_validate_hook_passes_on_the_example(hooks):
    result = hooks("spbe-arch-validate", EXAMPLE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "spbe-arch validate" in result.stdout
    assert "Passed" in result.stdout


def test_audit_hook_fails_on_the_examples_planted_errors(hooks):
    result = hooks("spbe-arch-audit", EXAMPLE)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert (
        "aplikasi/khusus.yaml:49:5: error SPBE-A002 aplikasi 'e-pbb' reads data "
        "'data-kependudukan' produced by 'siak-lembah-hijau'"
    ) in result.stdout


def test_validate_hook_fails_on_a_broken_model(hooks, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(EXAMPLE, broken)
    units = broken / "units.yaml"
    units.write_text(units.read_text().replace("kind: dinas", "kind: Dinas", 1))
    result = hooks("spbe-arch-validate", broken)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "error SPBE-R003 kind: input should be" in result.stdout


def test_the_ci_recipes_are_valid_yaml_and_pin_spbe_arch():
    """Every YAML block of docs/ci.md parses, and each installs a pinned revision."""
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    assert len(blocks) >= 4
    for block in blocks:
        yaml_rs.loads(block)
    installs = re.findall(r"pip install (.*)", text)
    assert installs and all("@REV" in line for line in installs)
    assert 'if: $CI_PIPELINE_SOURCE == "merge_request_event"' in text


def test_the_audit_hook_with_the_docs_baseline_gates_only_what_a_commit_adds(hooks):
    """docs/ci.md's hook arguments for a model with errors already: the example in
    `arsitektur/` with its baseline committed passes; an application reading data with no
    integration, added by the next commit, fails it."""
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    args = re.search(r"`args: \[(arsitektur, [^\]]*--baseline[^\]]*)\]`", text).group(1)
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hooks.hook_repo, check=True,
                         capture_output=True, text=True).stdout.strip()
    user = hooks.base / "pemda-baseline"
    _repo(user, {"arsitektur": EXAMPLE})
    baseline = subprocess.run([str(PRE_COMMIT.with_name("spbe-arch")), "audit", "arsitektur",
                               "--format", "json"], cwd=user, capture_output=True, text=True)
    (user / "audit-baseline.json").write_text(baseline.stdout, encoding="utf-8")
    (user / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks.hook_repo}\n    rev: {rev}\n    hooks:\n"
        f"      - id: spbe-arch-audit\n        args: [{args}]\n", encoding="utf-8")

    def run() -> subprocess.CompletedProcess:
        return subprocess.run([str(PRE_COMMIT), "run", "--all-files"], cwd=user, env=hooks.env,
                              capture_output=True, text=True, check=False)

    passed = run()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    apps = user / "arsitektur" / "aplikasi" / "khusus.yaml"
    apps.write_text(apps.read_text(encoding="utf-8").replace(
        "applications:\n", "applications:\n  - {id: e-bansos, name: e-Bansos, kind: khusus, "
        "owner: dinsos, status: active, reads: [data-kependudukan]}\n", 1), encoding="utf-8")
    failed = run()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "error SPBE-A002 aplikasi 'e-bansos' reads data 'data-kependudukan'" in failed.stdout
