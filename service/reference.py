"""The reference data a store is set up with, from the pipeline's own tables: the divisions of the
gazetteer and the indicator taxonomy. Whoever sets a store up (`kaoju init-db`, extract, serve, the
tests) hands this to `store.init_db`, so the store itself never imports the pipeline."""
from __future__ import annotations

import json

from .store import Reference


def reference_data() -> Reference:
    """The gazetteer and taxonomy as store rows, made only if the store turns out to need them."""
    from .pipeline.places import GAZETTEER_VERSION

    return Reference(GAZETTEER_VERSION, _place_rows, _indicator_rows)


def _place_rows() -> list[tuple]:
    from .pipeline.places import load_gazetteer, short_names

    gazetteer = load_gazetteer()
    return [(d.code, d.name, (short_names(d.name, d.level) or [None])[0], d.level, d.parent or None,
             gazetteer.path(d.code)) for d in gazetteer.divisions.values()]


def _indicator_rows() -> list[tuple]:
    from .pipeline.indicators import load_indicators

    return [(i.code, i.label, i.description, json.dumps(i.dimensions), json.dumps(i.keywords, ensure_ascii=False))
            for i in load_indicators().values()]
