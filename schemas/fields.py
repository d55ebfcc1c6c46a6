"""Fields that read values the way users write them."""
from __future__ import annotations

from marshmallow import ValidationError, fields
from marshmallow.validate import Regexp

# Query values are text without control characters (a NUL cannot even be stored in PostgreSQL).
PRINTABLE = r"^[^\x00-\x1f\x7f]*$"


class Text(fields.String):
    """A query-string value: any text but control characters."""

    def __init__(self, *args, metadata=None, validate=None, **kwargs):
        checks = [Regexp(PRINTABLE, error="remove control characters such as NUL")]
        if validate is not None:
            checks += validate if isinstance(validate, list) else [validate]
        super().__init__(*args, validate=checks, metadata={"pattern": PRINTABLE, **(metadata or {})}, **kwargs)

from service.pipeline.numerals import parse_numeral


class HumanNumber(fields.Field):
    """A number as a user writes it: 1e7, 10000000, 1,000万, 0.1亿, 两千万."""

    def __init__(self, *args, metadata=None, **kwargs):
        super().__init__(*args, metadata={"pattern": PRINTABLE, **(metadata or {})}, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = str(value).strip().replace("萬", "万").replace("億", "亿")
        try:
            number = float(text)
        except ValueError:
            parsed = parse_numeral(text)
            if parsed is None or parsed[1] is not None:
                raise ValidationError(f"{value!r} is not a number (try 1e7, 10000000 or 1000万)") from None
            number = parsed[0]
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
    """a,b,c → ["a", "b", "c"]; empty items are refused."""

    def __init__(self, *args, metadata=None, **kwargs):
        super().__init__(*args, metadata={"pattern": PRINTABLE, **(metadata or {})}, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        items = [item.strip() for item in str(value).split(",")]
        if not all(items):
            raise ValidationError("give a comma-separated list without empty items")
        return items

    def _serialize(self, value, attr, obj, **kwargs):
        return ",".join(value) if value is not None else None
