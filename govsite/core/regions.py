"""Load the administrative divisions cpca ships (adcodes.csv, 12-digit codes) as Regions."""

import csv
from importlib import resources


def division_rows() -> list[tuple[str, str, float | None, float | None]]:
    """(6-digit code, name, longitude, latitude) for every division in cpca's list."""
    text = resources.files("cpca").joinpath("resources/adcodes.csv").read_text(encoding="utf-8")
    rows = []
    for row in csv.DictReader(text.splitlines()):
        code = row["adcode"][:6]
        lon = float(row["longitude"]) if row["longitude"] else None
        lat = float(row["latitude"]) if row["latitude"] else None
        rows.append((code, row["name"], lon, lat))
    return rows


def level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "county"


def parent_code(code: str, known: set[str]) -> str | None:
    level = level_of(code)
    if level == "province":
        return None
    city = code[:4] + "00"
    if level == "county" and city in known:
        return city
    return code[:2] + "0000"


def load_regions(region_model) -> int:
    """Create every missing region; returns how many were created. Idempotent."""
    rows = division_rows()
    known = {r[0] for r in rows}
    existing = set(region_model.objects.values_list("code", flat=True))
    by_code = {}
    created = 0
    for level in ("province", "city", "county"):
        new = [
            region_model(code=c, name=n, level=level, longitude=lon, latitude=lat)
            for c, n, lon, lat in rows
            if level_of(c) == level and c not in existing
        ]
        for region in new:
            pc = parent_code(region.code, known)
            region.parent_id = by_code.get(pc) if pc else None
        region_model.objects.bulk_create(new, batch_size=500)
        created += len(new)
        by_code.update(dict(region_model.objects.values_list("code", "id")))
    return created
