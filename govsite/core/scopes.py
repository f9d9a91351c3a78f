"""Scope resolution: which scopes contain an object.

core knows the platform and organisation scopes. Apps that own scoped objects (sites:
site and column) register a resolver that turns a scope id into the scope chain above it,
so core never imports them.
"""

from collections.abc import Callable

from .models import Organization
from .roles import ScopeType

Chain = list[tuple[str, int | None]]
_resolvers: dict[str, Callable[[int], Chain]] = {}
_labels: dict[str, Callable[[int], str | None]] = {}
_options: dict[str, Callable[[], list[tuple[int, str]]]] = {}


def register(
    scope_type: str,
    chain: Callable[[int], Chain],
    label: Callable[[int], str | None],
    options: Callable[[], list[tuple[int, str]]] | None = None,
):
    """``options`` lists every (id, label) of the scope type, for the role-grant screen."""
    _resolvers[scope_type] = chain
    _labels[scope_type] = label
    if options is not None:
        _options[scope_type] = options


def options_of(scope_type: str) -> list[tuple[int, str]]:
    """Every scope of a registered type as (id, label); empty when none was registered."""
    options = _options.get(scope_type)
    return options() if options else []


def chain_of(scope_type: str, scope_id: int | None) -> Chain:
    """The scope itself and every scope containing it, innermost first, platform last."""
    if scope_type == ScopeType.PLATFORM:
        return [(ScopeType.PLATFORM.value, None)]
    if scope_type == ScopeType.ORGANIZATION:
        org = Organization.objects.filter(pk=scope_id).first()
        return org.scope_chain() if org else []
    resolver = _resolvers.get(scope_type)
    return resolver(scope_id) if resolver and scope_id is not None else []


def label_of(scope_type: str, scope_id: int | None) -> str | None:
    """A human name of the scope, or None when it does not exist."""
    if scope_type == ScopeType.PLATFORM:
        return "全平台"
    if scope_type == ScopeType.ORGANIZATION:
        return Organization.objects.filter(pk=scope_id).values_list("name", flat=True).first()
    label = _labels.get(scope_type)
    return label(scope_id) if label and scope_id is not None else None
