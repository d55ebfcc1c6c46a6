"""marshmallow schemas: the API's query arguments (*Args) next to its response bodies."""
from .articles import ArticleListArgs, ArticleSchema, ParagraphSchema
from .facts import FactQueryArgs, FactSchema, ProvenanceSchema
from .errors import ProblemSchema
from .places import PlaceListArgs, PlaceSchema

__all__ = ["ArticleListArgs", "ArticleSchema", "FactQueryArgs", "FactSchema", "ParagraphSchema",
           "PlaceListArgs", "PlaceSchema", "ProblemSchema", "ProvenanceSchema"]
