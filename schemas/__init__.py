"""marshmallow schemas: the API's query arguments (*Args) next to its response bodies."""
from .articles import ArticleListArgs, ArticleSchema, ParagraphSchema
from .facts import FactQueryArgs, FactSchema, ProvenanceSchema
from .errors import ProblemSchema
from .places import PlaceListArgs, PlaceSchema
from .taxonomy import IndicatorSchema, UnitSchema

__all__ = ["ArticleListArgs", "ArticleSchema", "FactQueryArgs", "FactSchema", "ParagraphSchema",
           "IndicatorSchema", "PlaceListArgs", "PlaceSchema", "UnitSchema", "ProblemSchema", "ProvenanceSchema"]
