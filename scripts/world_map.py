"""Writes static/places/world.svg, the country shapes under the maps of member cities.

Run once, by hand, when the projection or the source changes (the SVG is committed; nothing is
downloaded when the site runs):

    make node-deps && .venv/bin/python scripts/world_map.py

Source: Natural Earth 1:110m admin-0 countries (public domain), through the `world-atlas`
npm package's TopoJSON (countries-110m.json, ISC licence). Projection: equirectangular (plate
carrée), cropped to latitudes 84° N to 58° S (Antarctica left out); places.map projects
the cities' coordinates the same way.
"""

import json
import os
import sys
from itertools import pairwise
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aimf_portal.settings.dev")
django.setup()

from places.map import HEIGHT, WIDTH, project  # noqa: E402

SOURCE = ROOT / "node_modules" / "world-atlas" / "countries-110m.json"
OUTPUT = ROOT / "static" / "places" / "world.svg"
ANTARCTICA = "010"


def decoded_arcs(topology):
    """Each arc as [(longitude, latitude)], from TopoJSON's quantized, delta-encoded form."""
    (scale_x, scale_y), (shift_x, shift_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def unwrapped(points):
    """The ring with continuous longitudes: a ring crossing the 180th meridian (Fiji, the far
    east of Russia) goes past 180 instead of jumping across the whole map."""
    result = [points[0]]
    for longitude, latitude in points[1:]:
        previous = result[-1][0]
        while longitude - previous > 180:
            longitude -= 360
        while longitude - previous < -180:
            longitude += 360
        result.append((longitude, latitude))
    return result


def on_both_sides(rings):
    """Each ring, and a copy shifted by a full turn if it crosses the map's edge: the viewBox
    cuts each copy at the edge, which shows both halves."""
    for ring_points in map(unwrapped, rings):
        yield ring_points
        longitudes = [longitude for longitude, _latitude in ring_points]
        shift = -360 if max(longitudes) > 180 else 360 if min(longitudes) < -180 else 0
        if shift:
            yield [(longitude + shift, latitude) for longitude, latitude in ring_points]


def path_data(rings):
    parts = []
    for points in on_both_sides(rings):
        projected = []
        for longitude, latitude in points:
            x, y = project(latitude, longitude)
            point = (round(x, 1), round(y, 1))
            if not projected or projected[-1] != point:
                projected.append(point)
        if len(projected) < 3:
            continue
        (x0, y0), deltas = projected[0], pairwise(projected)
        steps = "".join(
            number(x - previous_x) + number(y - previous_y)
            for (previous_x, previous_y), (x, y) in deltas
        )
        parts.append(f"M{x0:g} {y0:g}l{steps.lstrip(' ')}z")
    return "".join(parts)


def number(value):
    """A relative coordinate in few characters: " .5", "-1.2" (a sign needs no space)."""
    text = f"{round(value, 1):g}"
    text = text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text
    return text if text.startswith("-") else f" {text}"


def main():
    topology = json.loads(SOURCE.read_text())
    arcs = decoded_arcs(topology)
    paths = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") == ANTARCTICA or "arcs" not in geometry:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [ring(arcs, indexes) for polygon in polygons for indexes in polygon]
        data = path_data(rings)
        if data:
            paths.append(f'<path d="{data}"/>')
    OUTPUT.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}">'
        "<!-- Natural Earth 1:110m (domaine public), via world-atlas 2.0.2 (ISC) ; "
        "scripts/world_map.py -->"
        '<g fill="#dfe6ec" stroke="#ffffff" stroke-width="0.5" stroke-linejoin="round">'
        + "".join(paths)
        + "</g></svg>\n"
    )
    sys.stdout.write(f"{len(paths)} pays écrits dans {OUTPUT} ({OUTPUT.stat().st_size} octets)\n")


if __name__ == "__main__":
    main()
