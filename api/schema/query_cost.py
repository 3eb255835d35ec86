"""A cost limit: the nodes an operation may ask for, estimated before it runs.

Every field costs one per time it can appear; a field's `first` or `last` argument
(its default when omitted, variables applied, at most the largest page) multiplies
everything under it. So `chats(first: 200) { edges { node { messages(last: 200)
{ nodes { id } } } } }` costs about 200 * 200 and is refused with QUERY_TOO_COMPLEX
when over MAX_QUERY_COST.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
)
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values
from strawberry.extensions import SchemaExtension

from core.errors import QueryTooComplex
from documents.chats import MAX_PAGE

PAGE_ARGUMENTS = ("first", "last")


class OperationCost:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        operation: OperationDefinitionNode,
        variables: dict[str, Any],
    ) -> None:
        self._schema = schema
        self._fragments = fragments
        self._operation = operation
        coerced = get_variable_values(schema, operation.variable_definitions or (), variables)
        # Bad variables: execution refuses them itself; count pages by their defaults.
        self._variables = coerced if isinstance(coerced, VariableValues) else None

    def total(self) -> int:
        root = self._schema.get_root_type(self._operation.operation)
        return self._selections(self._operation.selection_set, root, 1, frozenset()) if root else 0

    def _selections(
        self,
        selection_set: SelectionSetNode | None,
        parent: GraphQLObjectType | Any,
        times: int,
        visited: frozenset[str],
    ) -> int:
        total = 0
        for field, on_type in self._fields(selection_set, parent, visited):
            definition = getattr(on_type, "fields", {}).get(field.name.value)
            if definition is None:  # __typename and introspection
                total += times
                continue
            child_type = get_named_type(definition.type)
            nested = times * self._page_size(definition, field)
            total += times + self._selections(field.selection_set, child_type, nested, visited)
        return total

    def _fields(
        self, selection_set: SelectionSetNode | None, parent: Any, visited: frozenset[str]
    ) -> Iterator[tuple[FieldNode, Any]]:
        """The fields of a selection set, fragments expanded (each fragment once per path)."""
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                yield selection, parent
            elif isinstance(selection, InlineFragmentNode):
                on_type = self._type_named(selection.type_condition, parent)
                yield from self._fields(selection.selection_set, on_type, visited)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self._fragments.get(name)
                if fragment is not None and name not in visited:
                    on_type = self._type_named(fragment.type_condition, parent)
                    yield from self._fields(fragment.selection_set, on_type, visited | {name})

    def _type_named(self, condition: Any, parent: Any) -> Any:
        return self._schema.get_type(condition.name.value) if condition else parent

    def _page_size(self, definition: Any, field: FieldNode) -> int:
        if not any(name in definition.args for name in PAGE_ARGUMENTS):
            return 1
        try:
            values = get_argument_values(definition, field, self._variables)
        except GraphQLError:
            return 1  # execution reports the bad argument itself
        sizes = [values.get(name) for name in PAGE_ARGUMENTS]
        # A larger page is refused with BAD_USER_INPUT on its argument, the better answer.
        return min(max([size for size in sizes if isinstance(size, int)] + [1]), MAX_PAGE)


class QueryCostLimit(SchemaExtension):
    """Runs after validation (a valid document only) and refuses an operation over `max_cost`."""

    def __init__(self, max_cost: int) -> None:
        super().__init__()
        self.max_cost = max_cost

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.pre_execution_errors == [] and context.graphql_document is not None:
            document = context.graphql_document
            fragments = {
                definition.name.value: definition
                for definition in document.definitions
                if isinstance(definition, FragmentDefinitionNode)
            }
            operations = [
                definition
                for definition in document.definitions
                if isinstance(definition, OperationDefinitionNode)
                and (
                    context.operation_name is None
                    or definition.name is None
                    or definition.name.value == context.operation_name
                )
            ]
            variables = dict(context.variables or {})
            total = max(
                (
                    OperationCost(context.schema._schema, fragments, operation, variables).total()
                    for operation in operations
                ),
                default=0,
            )
            if total > self.max_cost:
                error = QueryTooComplex(
                    f"This operation may return about {total} items; at most"
                    f" {self.max_cost} are allowed. Ask for smaller pages.",
                    cost=total,
                    maxCost=self.max_cost,
                )
                context.pre_execution_errors = [GraphQLError(error.message, original_error=error)]
        yield
