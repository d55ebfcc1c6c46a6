"""The one error body: RFC 9457 problem details, with the parameters at fault."""
from marshmallow import Schema, fields


class ParameterErrorSchema(Schema):
    parameter = fields.String(required=True)
    message = fields.String(required=True)


class ProblemSchema(Schema):
    type = fields.String(dump_default="about:blank")
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String()
    errors = fields.List(fields.Nested(ParameterErrorSchema))
