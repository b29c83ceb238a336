"""The keyboard-wedge classifier on synthetic timing streams: scanner bursts vs human typing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.core.wedge import Scanned, Typed, WedgeClassifier, WedgeResult

Key = tuple[str, int]  # (key, gap in ms since the previous key)


def run(
    classifier: WedgeClassifier, keys: Iterable[Key], start_ms: int = 1_000
) -> list[WedgeResult]:
    t = start_ms
    results = []
    for key, gap in keys:
        t += gap
        result = classifier.feed(key, t)
        if result is not None:
            results.append(result)
    return results


def burst(text: str, gap: int = 4, lead: int = 2_000) -> list[Key]:
    """A scanner: every key `gap` ms apart, then Enter just as fast."""
    keys = [(c, gap) for c in text]
    keys[0] = (text[0], lead)
    return [*keys, ("Enter", gap)]


def typing(text: str, gaps: Sequence[int], enter_gap: int = 250) -> list[Key]:
    return [*zip(text, gaps, strict=True), ("Enter", enter_gap)]


def test_fast_burst_is_a_scan() -> None:
    assert run(WedgeClassifier(), burst("7038010055720")) == [Scanned("7038010055720")]


def test_slow_keys_are_typed() -> None:
    keys = typing("4011", [900, 140, 180, 120])
    assert run(WedgeClassifier(), keys) == [Typed("4011")]


def test_short_fast_burst_is_typed() -> None:
    assert run(WedgeClassifier(), burst("12345")) == [Typed("12345")]  # min_length 6


def test_fast_typist_with_one_slow_gap_is_typed() -> None:
    # 30 ms gaps are a very fast human, but the pause and the unhurried Enter give it away.
    keys = typing("7038010055720", [500, 30, 30, 400, 30, 30, 30, 30, 30, 30, 30, 30, 30], 120)
    assert run(WedgeClassifier(), keys) == [Typed("7038010055720")]


def test_slow_enter_after_a_fast_burst_is_typed() -> None:
    keys = [*burst("7038010055720")[:-1], ("Enter", 200)]
    assert run(WedgeClassifier(), keys) == [Typed("7038010055720")]


def test_scan_in_the_middle_of_typing_is_lifted_out() -> None:
    classifier = WedgeClassifier()
    keys = typing("12", [800, 150], 0)[:-1] + burst("7038010055720", lead=1_500)
    assert run(classifier, keys) == [Scanned("7038010055720")]
    assert classifier.pending == "12"  # the cashier's digits survive the scan
    assert run(classifier, [("3", 300), ("Enter", 200)], start_ms=90_000) == [Typed("123")]


def test_backspace_edits_typing() -> None:
    keys = [("1", 900), ("2", 150), ("9", 150), ("Backspace", 200), ("3", 150), ("Enter", 300)]
    assert run(WedgeClassifier(), keys) == [Typed("123")]


def test_backspace_breaks_a_burst() -> None:
    keys = [*burst("703801")[:-1], ("Backspace", 5), ("1", 5), ("Enter", 5)]
    assert run(WedgeClassifier(), keys) == [Typed("703801")]


def test_lone_enter_is_typed_empty() -> None:
    assert run(WedgeClassifier(), [("Enter", 0)]) == [Typed("")]


def test_modifier_keys_are_ignored() -> None:
    # A scanner presses Shift for capitals; the UI may pass such key names on too.
    keys = [("Shift", 2_000), ("R", 1), ("Shift", 4), ("T", 1), *burst("01-1234F", lead=3)]
    assert run(WedgeClassifier(), keys) == [Scanned("RT01-1234F")]


def test_prefix_is_matched_and_stripped() -> None:
    classifier = WedgeClassifier(prefix="~")
    assert run(classifier, burst("~7038010055720")) == [Scanned("7038010055720")]
    assert run(classifier, burst("7038010055720"), 50_000) == [Typed("7038010055720")]


def test_group_separator_is_kept_in_a_scan() -> None:
    data = "0107038010000089" + "10ABC\x1d" + "17261231"
    assert run(WedgeClassifier(), burst(data)) == [Scanned(data)]


def test_without_enter_suffix_silence_ends_the_scan() -> None:
    classifier = WedgeClassifier(suffix_enter=False)
    t = 1_000
    for c in "7038010055720":
        t += 5
        assert classifier.feed(c, t) is None
    assert classifier.poll(t + 20) is None  # still within the burst
    assert classifier.poll(t + 36) == Scanned("7038010055720")
    assert classifier.poll(t + 100) is None
    assert classifier.pending == ""


def test_without_enter_suffix_the_next_key_ends_the_scan() -> None:
    classifier = WedgeClassifier(suffix_enter=False)
    keys = [(c, 5) for c in "96385074"] + [("1", 400)]
    assert run(classifier, keys) == [Scanned("96385074")]
    assert classifier.pending == "1"


def test_time_going_backwards_counts_as_human() -> None:
    classifier = WedgeClassifier()
    for i, c in enumerate("7038010055720"):
        classifier.feed(c, 10_000 - i)
    assert classifier.feed("Enter", 9_000) == Typed("7038010055720")


def test_reset_forgets_everything() -> None:
    classifier = WedgeClassifier()
    run(classifier, [("1", 500), ("2", 200)])
    classifier.reset()
    assert classifier.pending == ""


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        WedgeClassifier(max_interkey_ms=-1)
    with pytest.raises(ValueError):
        WedgeClassifier(min_length=0)


printable = st.characters(min_codepoint=0x21, max_codepoint=0x7E)


@given(
    st.text(alphabet=printable, min_size=6, max_size=48),
    st.lists(st.integers(0, 35), min_size=48, max_size=48),
)
def test_any_fast_burst_of_six_or_more_is_scanned(data: str, gaps: list[int]) -> None:
    keys = [(c, g) for c, g in zip(data, gaps, strict=False)]
    keys[0] = (data[0], 5_000)
    keys.append(("Enter", gaps[-1]))
    assert run(WedgeClassifier(), keys) == [Scanned(data)]


@given(
    st.text(alphabet="0123456789", min_size=1, max_size=20),
    st.lists(st.integers(36, 600), min_size=21, max_size=21),
)
def test_human_timings_with_jitter_are_typed(text: str, gaps: list[int]) -> None:
    keys = [*zip(text, gaps, strict=False), ("Enter", gaps[-1])]
    assert run(WedgeClassifier(), keys) == [Typed(text)]


@given(
    st.text(alphabet="0123456789", min_size=1, max_size=8),
    st.lists(st.integers(36, 600), min_size=8, max_size=8),
    st.text(alphabet="0123456789", min_size=6, max_size=20),
    st.integers(0, 35),
)
def test_scan_after_human_keys_is_classified_on_its_own(
    typed: str, human_gaps: list[int], scanned: str, scan_gap: int
) -> None:
    classifier = WedgeClassifier()
    keys = [*zip(typed, human_gaps, strict=False), *burst(scanned, scan_gap, lead=700)]
    assert run(classifier, keys) == [Scanned(scanned)]
    assert classifier.pending == typed
