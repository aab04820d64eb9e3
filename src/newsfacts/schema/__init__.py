"""The contract: schema/*.json, one Frictionless Table Schema per table, and every table fact
derived from it.

In: the JSON files of schema/ (or their copy inside an installed wheel).
Out: table names, column order, keys, enums, the record-id rule, span tables, Arrow and pandas
types (tables.py); the pydantic record models (models.py); the tables as Markdown (docs.py).
Every other folder imports from here; this folder imports none of them.
"""

from .tables import (
    ARROW_TYPES,
    CONTRACT_MARKER,
    CONTRACT_VALUE,
    ENUM_ARROW_TYPE,
    FALSE_VALUES,
    LIST_SEPARATOR,
    PANDAS_TYPES,
    SPAN_FIELDS,
    SPAN_TABLES,
    TABLES,
    TRUE_VALUES,
    Row,
    Rows,
    arrow_schema,
    arrow_type,
    column,
    column_names,
    enum,
    field,
    fields,
    id_letter,
    is_enum,
    is_required,
    is_span_table,
    primary_key,
    record_id,
    resource_schema,
    schema_dir,
    table_schema,
)

__all__ = [
    "ARROW_TYPES",
    "CONTRACT_MARKER",
    "CONTRACT_VALUE",
    "ENUM_ARROW_TYPE",
    "FALSE_VALUES",
    "LIST_SEPARATOR",
    "PANDAS_TYPES",
    "SPAN_FIELDS",
    "SPAN_TABLES",
    "TABLES",
    "TRUE_VALUES",
    "Row",
    "Rows",
    "arrow_schema",
    "arrow_type",
    "column",
    "column_names",
    "enum",
    "field",
    "fields",
    "id_letter",
    "is_enum",
    "is_required",
    "is_span_table",
    "primary_key",
    "record_id",
    "resource_schema",
    "schema_dir",
    "table_schema",
]
