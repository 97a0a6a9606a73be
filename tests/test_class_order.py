"""The method resolution order the resolver follows is Python's own."""

from __future__ import annotations

from flake8_nylas_scopes.analysis.class_order import linearize


# The example of Python's documentation of the C3 order.
class Root:
    pass


class F(Root):
    pass


class E(Root):
    pass


class D(Root):
    pass


class C(D, F):
    pass


class B(E, D):
    pass


class A(B, C):
    pass


def test_the_order_is_c3_as_python_computes_it() -> None:
    bases = {"F": ["Root"], "E": ["Root"], "D": ["Root"], "C": ["D", "F"],
             "B": ["E", "D"], "A": ["B", "C"]}
    assert linearize("A", bases) == [
        klass.__name__ for klass in A.__mro__ if klass is not object]
    assert linearize("A", bases) == ["A", "B", "E", "C", "D", "F", "Root"]


def test_a_mixin_written_first_comes_before_the_base() -> None:
    assert linearize("Starrer", {"Starrer": ["StarMixin", "Worker"]}) == [
        "Starrer", "StarMixin", "Worker"]


def test_an_order_python_refuses_gives_none() -> None:
    # class X(A, B) and class Y(B, A): class Z(X, Y) is a TypeError in Python.
    bases = {"X": ["A", "B"], "Y": ["B", "A"], "Z": ["X", "Y"]}
    assert linearize("Z", bases) is None
    assert linearize("Loop", {"Loop": ["Back"], "Back": ["Loop"]}) is None
