"""The store is one package with no import circle, and it never imports the pipeline or the API."""
import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "service" / "store"
ORDER = ["connection", "models", "search", "summary", "claims", "schema", "writer", "runs", "bulk", "export", "keys"]  # each may import only those before it


def local_imports(module: str) -> set[str]:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found.add((node.module or "").split(".")[0])
    return found


def test_each_module_imports_only_the_ones_before_it():
    assert sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__") == sorted(ORDER)
    for index, module in enumerate(ORDER):
        assert local_imports(module) <= set(ORDER[:index]), module


def test_importing_the_store_loads_neither_the_pipeline_nor_the_api():
    code = ("import sys, service.store, service.store.writer, service.store.export; "
            "print(sorted(m for m in sys.modules if m.startswith(('service.pipeline', 'service.api', 'service.web'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=PACKAGE.parents[1])
    assert result.stdout.strip() == "[]"
