"""HID POS Scanned Data Report parsing: examples from the report layout, then fuzzing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.base import ScanEvent
from drivers.scanners.hidpos import (
    HidPosReportParser,
    scanned_data_report,
    scanned_data_reports,
)


def feed_all(p: HidPosReportParser, reports: list[bytes]) -> list[ScanEvent]:
    return [e for r in reports if (e := p.feed(r)) is not None]


def test_one_report_layout() -> None:
    report = scanned_data_report(b"4006381333931", "E0")
    assert len(report) == 64
    assert report[:5] == b"\x02\x0d]E0"
    assert report[5:18] == b"4006381333931"
    assert report[-1] == 0
    assert HidPosReportParser(source="u").feed(report) == ScanEvent("4006381333931", "E0", "u")


def test_barcode_across_reports_like_the_access_is_example() -> None:
    # 60 bytes of QR data: 56 in the first report (continued), 4 in the second
    data = b"M1GATHERGOOD/MICHAEL YABCDEF LHRDURAK 3542 052Y003D23  XY"
    data = data.ljust(60, b"Z")
    reports = scanned_data_reports(data, "Q0")
    assert [r[1] for r in reports] == [56, 4]
    assert [r[-1] & 1 for r in reports] == [1, 0]
    p = HidPosReportParser()
    assert p.feed(reports[0]) is None and p.pending
    assert p.feed(reports[1]) == ScanEvent(data.decode(), "Q0")


def test_symbology_bytes_absent_or_without_bracket() -> None:
    report = scanned_data_report(b"123")
    assert HidPosReportParser().feed(report) == ScanEvent("123", None)
    bare = bytearray(report)
    bare[2:5] = b"C1\x00"
    assert HidPosReportParser().feed(bytes(bare)) == ScanEvent("123", "C1")


def test_gs1_separator_kept() -> None:
    report = scanned_data_report(b"0104006381333931\x1d10ABC", "C1")
    assert HidPosReportParser().feed(report) == ScanEvent("0104006381333931\x1d10ABC", "C1")


def test_other_report_ids_are_ignored() -> None:
    p = HidPosReportParser()
    assert p.feed(b"\x04" + b"\x00" * 63) is None
    assert p.ignored == 1 and not p.dropped


def test_bad_length_drops_the_barcode_and_the_next_one_arrives() -> None:
    p = HidPosReportParser()
    first = scanned_data_reports(b"A" * 80, "Q1")
    broken = bytearray(first[1])
    broken[1] = 200
    good = scanned_data_report(b"XYZ", "A0")
    assert feed_all(p, [first[0], bytes(broken), good]) == [ScanEvent("XYZ", "A0")]
    assert p.dropped["garbage"] == 1


def test_control_bytes_in_data_are_garbage() -> None:
    p = HidPosReportParser()
    assert p.feed(scanned_data_report(b"12\x0734")) is None
    assert p.feed(scanned_data_report(b"", "E0")) is None  # no data at all
    assert p.dropped["garbage"] == 2


def test_continued_then_silence_is_a_dropped_partial() -> None:
    p = HidPosReportParser(gap=0.2)
    reports = scanned_data_reports(b"B" * 100, "Q1")
    assert p.feed(reports[0], now=1.0) is None
    p.expire(1.5)
    assert p.dropped["partial"] == 1 and not p.pending
    # the tail that arrives too late is a short barcode of its own: it is not glued on
    assert p.feed(scanned_data_report(b"OK"), now=2.0) == ScanEvent("OK", None)


def test_overlong_barcode_is_dropped() -> None:
    p = HidPosReportParser(max_length=100)
    reports = scanned_data_reports(b"C" * 300, "Q1")
    assert feed_all(p, [*reports, scanned_data_report(b"OK")]) == [ScanEvent("OK", None)]
    assert p.dropped == {"overlong": 1}


def test_report_builder_refuses_oversize_data() -> None:
    with pytest.raises(ValueError):
        scanned_data_report(b"x" * 57)


# --- fuzzing -------------------------------------------------------------------------------

datas = st.binary(min_size=1, max_size=300).map(
    lambda b: bytes(0x20 + (c % 0x5F) for c in b)  # printable ASCII
)
symbologies = st.none() | st.sampled_from(["E0", "C1", "Q1", "d2", "e0"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.binary(max_size=70), max_size=10))
def test_random_reports_never_raise(reports: list[bytes]) -> None:
    p = HidPosReportParser(max_length=200)
    for r in reports:
        event = p.feed(r)
        if event is not None:
            assert event.data and all(c.isprintable() or c == "\x1d" for c in event.data)
    p.flush()
    assert not p.pending


@settings(max_examples=300, deadline=None)
@given(st.lists(st.binary(min_size=1, max_size=64), max_size=6), datas, symbologies)
def test_good_barcode_after_garbage_and_silence_is_never_lost(
    garbage: list[bytes], data: bytes, symbology: str | None
) -> None:
    p = HidPosReportParser(gap=0.2)
    for r in garbage:
        p.feed(b"\x02" + r, now=0.0)  # report ID 2, random contents
    events = [p.feed(r, now=1.0) for r in scanned_data_reports(data, symbology)]
    assert events[-1] == ScanEvent(data.decode(), symbology)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(datas, symbologies), min_size=1, max_size=5))
def test_barcodes_in_sequence_all_arrive(barcodes: list[tuple[bytes, str | None]]) -> None:
    p = HidPosReportParser()
    reports = [r for d, s in barcodes for r in scanned_data_reports(d, s)]
    assert feed_all(p, reports) == [ScanEvent(d.decode(), s) for d, s in barcodes]
    assert not p.dropped
