"""Fields that read values the way users write them."""
from __future__ import annotations

import re

from marshmallow import ValidationError, fields
from marshmallow.validate import Regexp

# Query values are text without control characters (a NUL cannot even be stored in PostgreSQL), and
# never empty: `limit=` is a mistake to report, not a filter to drop.
PRINTABLE = r"^[^\x00-\x1f\x7f]+$"


class Text(fields.String):
    """A query-string value: any text but control characters, at least one character; with `pattern`,
    text that matches it (the OpenAPI document shows the pattern)."""

    def __init__(self, *args, metadata=None, validate=None, pattern=None, pattern_error=None, **kwargs):
        # one pattern per field (the OpenAPI document can show only one); a closed vocabulary's has no
        # control characters either
        checks = [Regexp(PRINTABLE, error="give a value without control characters, or leave the parameter out")
                  if pattern is None else Regexp(pattern, error=pattern_error or "not an accepted value")]
        if validate is not None:
            checks += validate if isinstance(validate, list) else [validate]
        super().__init__(*args, validate=checks, metadata={"pattern": pattern or PRINTABLE, **(metadata or {})},
                         **kwargs)

from service.pipeline.numerals import parse_numeral  # noqa: E402

# The Arabic forms, which the OpenAPI document gives as the pattern: 1e7, 10000000, 1,000万, 0.1亿, -5.
NUMBER_PATTERN = (r"^-?(?:(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,15})(?:\.[0-9]{1,6})?|\.[0-9]{1,6})"
                  r"(?:[eE][-+]?[0-9]{1,2})?[十百千万亿萬億]{0,2}$")
# Chinese numerals are read too (两千万, 一亿二千万), as the description says.
CHINESE_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿萬億壹贰叁肆伍陆柒捌玖拾佰仟点]+")
MULTIPLIERS = "十百千万亿"
MULTIPLIER_VALUES = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}


class HumanNumber(fields.Field):
    """A number as a user writes it: 1e7, 10000000, 1,000万, 0.1亿, 两千万."""

    def __init__(self, *args, metadata=None, **kwargs):
        super().__init__(*args, metadata={"pattern": NUMBER_PATTERN, **(metadata or {})}, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = str(value).replace("萬", "万").replace("億", "亿")
        number = None
        if re.fullmatch(NUMBER_PATTERN, text):
            digits = text.rstrip(MULTIPLIERS)
            number = float(digits.replace(",", ""))
            for multiplier in text[len(digits):]:
                number *= MULTIPLIER_VALUES[multiplier]
        elif CHINESE_NUMERAL.fullmatch(text):
            parsed = parse_numeral(text)
            if parsed is not None and parsed[1] is None:
                number = parsed[0]
        if number is None:
            raise ValidationError(f"{value!r} is not a number (try 1e7, 10000000, 1000万 or 两千万)")
        if number != number or number in (float("inf"), float("-inf")):
            raise ValidationError(f"{value!r} is not a finite number")
        return number

    def _serialize(self, value, attr, obj, **kwargs):
        return value


class SimplifiedText(Text):
    """Text compared in simplified script, so 鄉寧 finds 乡宁县 too."""

    def _deserialize(self, value, attr, data, **kwargs):
        from service.pipeline.normalise import to_simplified

        return to_simplified(super()._deserialize(value, attr, data, **kwargs).strip())


class CommaList(fields.Field):
    """a,b,c → ["a", "b", "c"]; empty items, and with `choices` items not among them, are refused."""

    def __init__(self, *args, choices=None, metadata=None, **kwargs):
        self.choices = list(choices) if choices is not None else None
        super().__init__(*args, metadata={"pattern": PRINTABLE, **(metadata or {})}, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        items = [item.strip() for item in str(value).split(",")]
        if not all(items):
            raise ValidationError("give a comma-separated list without empty items")
        unknown = [item for item in items if self.choices is not None and item not in self.choices]
        if unknown:
            raise ValidationError(f"not known: {', '.join(unknown)}; choose from {', '.join(self.choices)}")
        return items

    def _serialize(self, value, attr, obj, **kwargs):
        return ",".join(value) if value is not None else None


class SortKeys(Text):
    """`-value,year`: keys from a closed list, comma-separated, each at most once, `-` for descending."""

    def __init__(self, keys: list[str], *args, **kwargs):
        from .choices import list_pattern

        self.keys = keys
        super().__init__(*args, pattern=list_pattern(keys, signed=True),
                         pattern_error=f"sort by {', '.join(keys)}, comma-separated; prefix - for descending",
                         **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        names = [part.lstrip("-") for part in text.split(",")]
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            raise ValidationError(f"sort by each key once ({', '.join(repeated)} is given more than once)")
        return text
