"""The rule model: what a rule file may say, validated strictly.

A rule is data (``rules/PRV001-*.toml``): its id and readable name, severity,
weight, message template, the rationale with the editorial standard it encodes,
its help text, the conditions it matches and its own ``pass``/``fail``
examples. Rules that need more than declarative conditions name a Python
``check`` (``package.module:function``) and keep all the rest of their metadata
here, so every rule — declarative or Python, built in or third-party — is listed,
explained, exported (SARIF) and tested the same way.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from types import SimpleNamespace
from typing import Annotated, Any, Generic, Literal, NamedTuple, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, model_validator

from provenance.config import Config
from provenance.models import Anonymity, CueKind, HedgeKind, Severity, SourceType, Span
from provenance.scoring.facts import ArticleFacts
from provenance.scoring.footing import Footing, footing

__all__ = [
    "ArticleConditions",
    "Check",
    "ClaimConditions",
    "Count",
    "Example",
    "ExampleCrossCheck",
    "Hit",
    "Members",
    "Rule",
    "RulePack",
]

T = TypeVar("T")

CLAIM_PLACEHOLDERS = frozenset(
    {
        "claim",
        "sources",
        "cues",
        "hedges",
        "relays",
        "chain",
        "count",
        "depth",
        "own_depth",
        "publisher",
        "corroborators",
    }
)
ARTICLE_PLACEHOLDERS = frozenset({"relays", "chain", "depth", "publisher", "claims"})
CHECK_PLACEHOLDERS = frozenset({"matches", "count"})


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Count(_Strict):
    """A numeric condition: ``{ min = 2 }``, ``{ max = 1 }``, ``{ eq = 1 }`` or a bare integer."""

    eq: StrictInt | None = Field(default=None, ge=0)
    min: StrictInt | None = Field(default=None, ge=0)
    max: StrictInt | None = Field(default=None, ge=0)

    @model_validator(mode="before")
    @classmethod
    def _bare_integer(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return {"eq": value}
        return value

    @model_validator(mode="after")
    def _not_empty(self) -> Count:
        if self.eq is None and self.min is None and self.max is None:
            raise ValueError("give at least one of eq, min, max")
        return self

    def tests(self, fact: str) -> list[tuple[str, str, Any]]:
        """Lower to ``(fact, operator, value)`` triples for the engine."""
        return [
            (fact, op, value)
            for op, value in (("eq", self.eq), ("min", self.min), ("max", self.max))
            if value is not None
        ]


class Members(_Strict, Generic[T]):
    """A condition on a set: ``any`` of these present, ``only`` these (at least one), ``none`` present."""

    any: tuple[T, ...] | None = None
    only: tuple[T, ...] | None = None
    none: tuple[T, ...] | None = None

    @model_validator(mode="after")
    def _not_empty(self) -> Members[T]:
        if self.any is None and self.only is None and self.none is None:
            raise ValueError("give at least one of any, only, none")
        return self

    def tests(self, fact: str) -> list[tuple[str, str, Any]]:
        """Lower to ``(fact, operator, frozenset)`` triples for the engine."""
        return [
            (fact, op, frozenset(values))
            for op, values in (("any", self.any), ("only", self.only), ("none", self.none))
            if values is not None
        ]


class _Conditions(_Strict):
    """Conditions all of which must hold; lowered once to data the engine walks quickly."""

    @cached_property
    def tests(self) -> tuple[tuple[str, str, Any], ...]:
        """The conditions lowered to ``(fact, operator, value)`` triples, worked out once."""
        tests: list[tuple[str, str, Any]] = []
        for name in type(self).model_fields:
            value = getattr(self, name)
            if value is None or name == "scope":
                continue
            if isinstance(value, bool):
                tests.append((name, "eq", value))
            else:
                tests.extend(value.tests(name))
        return tuple(tests)

    def residual_tests(self, known: Mapping[str, Any]) -> tuple[tuple[str, str, Any], ...] | None:
        """Return the tests left to run where some facts have known values; None if those facts fail them.

        The engine scores sourced and unsourced claims in separate branches, and
        on an unsourced claim every source fact is known ahead (``UNSOURCED``).
        """
        decided = tuple(test for test in self.tests if test[0] in known)
        if not compile_tests(decided)(SimpleNamespace(**known)):
            return None
        return tuple(test for test in self.tests if test[0] not in known)

    @cached_property
    def needs_sources(self) -> bool:
        """Whether only a claim with a source can match (unsourced claims are then skipped unseen)."""
        return self.residual_tests(UNSOURCED) is None

    @cached_property
    def holds(self) -> Predicate:
        """Whether every condition holds for some facts: the tests compiled once into one function."""
        return compile_tests(self.tests)


UNSOURCED: dict[str, Any] = {
    "sourced": False,
    "on_record": False,
    "all_anonymous": False,
    "source_count": 0,
    "headcount": 0,
    "independent_sources": 0,
    "source_types": frozenset(),
    "anonymities": frozenset(),
    "cue_kinds": frozenset(),
    "opinion": False,
    "corroborations": 0,
}
"""The value every source-derived fact has on a claim without a source."""

Predicate = Callable[[Any], bool]
"""A compiled condition: facts (claim or article, read by attribute) in, whether it holds out."""


OPERATORS = {
    "eq": "{fact} == {value}",
    "min": "{fact} >= {value}",
    "max": "{fact} <= {value}",
    "any": "not {value}.isdisjoint({fact})",
    "only": "bool({fact}) and {fact} <= {value}",
    "none": "{value}.isdisjoint({fact})",
}
"""Each lowered operator as a Python comparison; every one yields a bool."""


def compile_tests(tests: tuple[tuple[str, str, Any], ...]) -> Predicate:
    """Turn lowered ``(fact, operator, value)`` tests into one plain function, their conjunction.

    Rules run on every claim of every article, so the tests become the source of
    one ``lambda`` (as ``collections.namedtuple`` builds its class), compiled
    once per rule: fact names are the condition models' own field names and the
    expected values are bound by name, never pasted into the source.
    """
    bound: dict[str, Any] = {"__builtins__": {"bool": bool}}
    return cast(Predicate, eval(f"lambda facts: {conjunction_source(tests, bound, 'value')}", bound))


def conjunction_source(tests: tuple[tuple[str, str, Any], ...], bound: dict[str, Any], prefix: str) -> str:
    """Write lowered tests as one Python expression over ``facts``, binding each expected value in ``bound``.

    The names bound start with ``prefix``, so the tests of several rules can share one namespace.
    """
    clauses: list[str] = []
    for index, (fact, op, expected) in enumerate(tests):
        if not fact.isidentifier():
            raise ValueError(f"fact name {fact!r} is not an identifier")
        name = f"{prefix}{index}"
        bound[name] = expected
        clauses.append(OPERATORS[op].format(fact=f"facts.{fact}", value=name))
    return " and ".join(clauses) or "True"


class ClaimConditions(_Conditions):
    """Conditions on one claim's facts (see ``provenance.scoring.facts.ClaimFacts``)."""

    scope: Literal["claim"] = "claim"
    sourced: StrictBool | None = None
    inherited: StrictBool | None = None
    headline: StrictBool | None = None
    hedged: StrictBool | None = None
    on_record: StrictBool | None = None
    all_anonymous: StrictBool | None = None
    source_count: Count | None = None
    headcount: Count | None = None
    independent_sources: Count | None = None
    relay_depth: Count | None = None
    own_relay_depth: Count | None = None
    source_types: Members[SourceType] | None = None
    anonymities: Members[Anonymity] | None = None
    cue_kinds: Members[CueKind] | None = None
    hedge_kinds: Members[HedgeKind] | None = None
    footings: Members[Footing] | None = None
    opinion: StrictBool | None = None
    relayed_hops: Count | None = None
    corroborations: Count | None = None

    def evidence_filter_source(self, bound: dict[str, Any], prefix: str) -> str | None:
        """Write which sources are evidence for this rule as an expression over ``source``, or None for all.

        A rule that names source types or anonymities (``any``) shows only the
        sources it is about; the named values are bound in ``bound`` under ``prefix``.
        """
        clauses = []
        for fact, members in (("type", self.source_types), ("anonymity", self.anonymities)):
            if members is not None and members.any is not None:
                bound[f"{prefix}{fact}"] = frozenset(members.any)
                clauses.append(f"source.{fact} in {prefix}{fact}")
        if self.footings is not None and self.footings.any is not None:
            bound[f"{prefix}footings"] = frozenset(self.footings.any)
            bound["footing_of"] = footing
            clauses.append(f"footing_of(source) in {prefix}footings")
        return " and ".join(clauses) or None


class ArticleConditions(_Conditions):
    """Conditions on the whole article (see ``provenance.scoring.facts.ArticleFacts``)."""

    scope: Literal["article"] = "article"
    relay_depth: Count | None = None
    claim_count: Count | None = None


class ExampleCrossCheck(_Strict):
    """Corroboration data an example runs with: how many matches of each kind the claim has."""

    independent: StrictInt = Field(default=0, ge=0)
    dependent: StrictInt = Field(default=0, ge=0)
    contradictions: StrictInt = Field(default=0, ge=0)


class Example(_Strict):
    """A short article snippet the rule must flag (``fail``) or leave alone (``pass``).

    ``claim`` names the claim the example is about by a piece of its text; without
    it a ``fail`` example must flag something and a ``pass`` example nothing.
    """

    kind: Literal["pass", "fail"]
    text: str = Field(min_length=1)
    claim: str | None = Field(default=None, min_length=1)
    crosscheck: ExampleCrossCheck | None = None
    xfail: str | None = Field(
        default=None,
        min_length=1,
        description="a known extraction limitation this example exposes; its test is expected to fail "
        "(strictly: it turns red once extraction handles the case, so the mark cannot go stale)",
    )


class Hit(NamedTuple):
    """One place a rule matched, before it becomes a ``Finding``.

    ``values`` fill the message template; ``scale`` multiplies the rule's weight
    (a relay two hops deep costs twice one hop).
    """

    claim_id: str | None
    evidence: tuple[Span, ...] = ()
    values: Mapping[str, str] | None = None
    scale: float = 1.0


Check = Callable[[ArticleFacts, "Rule"], Iterable[Hit]]
"""A Python rule: article facts and its own rule metadata in, hits out; pure."""


class Rule(_Strict):
    """One rule of a pack, declarative (``when``) or Python (``check``)."""

    id: str = Field(pattern=r"^[A-Z]{2,}[0-9]{3,}$", description="stable id, e.g. PRV003")
    name: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$", description="readable kebab-case name")
    summary: str = Field(min_length=1, description="one line: what the rule flags or credits")
    severity: Severity
    weight: float = Field(ge=0, strict=True, description="points lost (penalty) or gained (credit) per hit")
    effect: Literal["penalty", "credit"]
    scope: Literal["claim", "article"] = "claim"
    message: str = Field(min_length=1, description="template naming the claim and the evidence")
    rationale: str = Field(min_length=1, description="why, citing the editorial standard (code and section)")
    help: str = Field(min_length=1, description="what an editor can do about it")
    needs: tuple[Literal["crosscheck"], ...] = ()
    when: Annotated[ClaimConditions | ArticleConditions, Field(discriminator="scope")] | None = None
    check: str | None = Field(default=None, pattern=r"^[A-Za-z_][\w.]*:[A-Za-z_]\w*$")
    scale: Literal["relay_depth", "own_relay_depth", "relayed_hops"] | None = None
    evidence: Literal["sources", "cues", "hedges", "claim", "relays"] = "sources"
    examples: tuple[Example, ...] = ()
    origin: str | None = Field(default=None, description="the file the rule was read from")

    @model_validator(mode="before")
    @classmethod
    def _conditions_for_scope(cls, data: Any) -> Any:
        """Tag the conditions with the rule's scope, so they validate against the right model."""
        if isinstance(data, dict) and isinstance(data.get("when"), dict):
            if "scope" in data["when"]:
                raise ValueError("'scope' belongs to the rule, not to its [when] conditions")
            data = {**data, "when": {**data["when"], "scope": data.get("scope", "claim")}}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Rule:
        if (self.when is None) == (self.check is None):
            raise ValueError("a rule needs exactly one of 'when' (conditions) or 'check' (a Python function)")
        allowed = ARTICLE_PLACEHOLDERS if self.scope == "article" else CLAIM_PLACEHOLDERS
        if self.check is not None:
            allowed = allowed | CHECK_PLACEHOLDERS
        for _, placeholder, _, _ in string.Formatter().parse(self.message):
            if placeholder is not None and placeholder not in allowed:
                raise ValueError(
                    f"message placeholder {{{placeholder}}} is unknown; use {', '.join(sorted(allowed))}"
                )
        if self.scope == "article" and self.evidence not in {"relays", "claim"}:
            raise ValueError("an article rule's evidence is 'relays' or 'claim'")
        return self

    @property
    def points(self) -> float:
        """The signed points of one hit: negative for a penalty, positive for a credit, 0 when neutral."""
        return -self.weight if self.effect == "penalty" and self.weight else self.weight

    def overridden(self, config: Config) -> Rule:
        """Return this rule with the config's severity/weight override applied, if any."""
        override = config.rules.get(self.id)
        if override is None:
            return self
        update = {
            key: value
            for key, value in (("severity", override.severity), ("weight", override.weight))
            if value is not None
        }
        return self.model_copy(update=update) if update else self


class RulePack(_Strict):
    """The loaded rules (the default pack plus any extra folders and plugins).

    ``load_errors`` lists third-party packs that could not be loaded: reported to
    the user, never fatal, so one broken plugin does not stop the built-in rules.
    """

    rules: tuple[Rule, ...] = ()
    load_errors: tuple[str, ...] = ()

    def get(self, rule_id: str) -> Rule:
        """Return the rule with this id; ``KeyError`` if there is none."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    @property
    def ids(self) -> tuple[str, ...]:
        """Every rule id in the pack, in order."""
        return tuple(rule.id for rule in self.rules)

    def active(self, config: Config) -> tuple[Rule, ...]:
        """Return the rules the config selects and does not ignore, with its overrides applied.

        Unknown ids in the config are errors here, because only the loaded pack knows every id.
        """
        config.check_rule_ids(self.ids)
        chosen: list[Rule] = []
        for rule in self.rules:
            if config.select and not rule.id.startswith(config.select):
                continue
            if rule.id.startswith(config.ignore) if config.ignore else False:
                continue
            chosen.append(rule.overridden(config))
        return tuple(chosen)
