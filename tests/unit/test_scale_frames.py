"""Scale frame parsers (Toledo 8217, SMA): known answers, exact grams, and fuzzing.

Fuzz properties: random bytes never make the splitter/decoder/reading raise anything but a
DeviceError subclass, and a valid frame that follows garbage is still read.
"""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from drivers.base import DeviceError, ProtocolError, WeightReading, WeightState
from drivers.scales import sma_frames as sf
from drivers.scales import toledo_frames as tf
from drivers.scales.common import ScaleFault, to_grams

S, M, OVER, U, Z = (
    WeightState.STABLE,
    WeightState.MOTION,
    WeightState.OVER_CAPACITY,
    WeightState.UNDER_ZERO,
    WeightState.ZERO,
)


def toledo(raw: bytes, unit: str = "kg") -> WeightReading:
    frames = tf.ToledoSplitter().feed(raw)
    assert len(frames) == 1
    return tf.to_reading(tf.decode(frames[0]), unit)


def sma(raw: bytes) -> WeightReading:
    frames = sf.SmaSplitter().feed(raw)
    assert len(frames) == 1
    return sf.to_reading(sf.decode(frames[0]))


# --- Toledo 8217 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "unit", "expected"),
    [
        (b"\x0201.234\r", "kg", WeightReading(1234, S)),
        (b"\x0200.005\r", "kg", WeightReading(5, S)),
        (b"\x0200.000\r", "kg", WeightReading(0, Z)),
        (b"\x02 01.234N\r", "kg", WeightReading(1234, S)),  # net, blank after STX (Odoo)
        (b"\x0201.234KG\r", "lb", WeightReading(1234, S)),  # a unit sent wins over config
        (b"\x02002.72\r", "lb", WeightReading(1234, S)),  # 2.72 lb = 1233.77 g
        (b"\x02000.01\r", "lb", WeightReading(5, S)),  # 4.5359 g rounds to 5
        (b"\x02?A\r", "kg", WeightReading(0, M)),  # 0x41: always-1 bit + motion
        (b"\x02?B\r", "kg", WeightReading(0, OVER)),
        (b"\x02?D\r", "kg", WeightReading(0, U)),  # Odoo's example status 'D'
        (b"\x02?P\r", "kg", WeightReading(0, Z)),  # center of zero
        (b"\x02?C\r", "kg", WeightReading(0, OVER)),  # motion + over: over wins
        (b"\x02?\xc1\r", "kg", WeightReading(0, M)),  # parity bit set on an 8-bit port
    ],
)
def test_toledo_answers(raw: bytes, unit: str, expected: WeightReading) -> None:
    assert toledo(raw, unit) == expected


@pytest.mark.parametrize(
    "raw",
    [
        b"\x02?\r",
        b"\x02?AB\r",
        b"\x02?\x01\r",
        b"\x0212,34\r",
        b"\x021.2.3\r",
        b"\x02\r",
        b"\x02?@\r",
        b"\x02-01.234\r",
        b"\x02\xd9\xa3\r",
    ],
)
def test_toledo_rejects_what_it_cannot_read(raw: bytes) -> None:
    with pytest.raises(ProtocolError):
        toledo(raw)


def test_toledo_zero_error_is_a_scale_fault() -> None:
    with pytest.raises(ScaleFault):
        toledo(b"\x02?H\r")  # 0x48: outside zero capture range


def test_toledo_splitter_reassembles_and_resyncs() -> None:
    split = tf.ToledoSplitter()
    assert split.feed(b"noise\r\x0201.") == []
    assert split.feed(b"2") == []
    assert split.feed(b"34\r\x02?A") == [b"01.234"]
    assert split.feed(b"\x0200.5\x0202.000\r") == [b"02.000"]  # STX restarts a frame
    assert split.feed(b"\x02" + b"9" * 100 + b"\r") == []  # too long: garbage


def test_toledo_encoder_matches_the_manual_shapes() -> None:
    assert tf.encode_weight(1234) == b"\x0201.234\r"  # STX WW.WWW CR
    assert tf.encode_weight(1234, "lb") == b"\x02002.72\r"  # STX 0WW.WW CR
    assert tf.encode_weight(50, net=True) == b"\x0200.050N\r"
    assert tf.encode_status(tf.MOTION) == b"\x02?A\r"


# --- SMA -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"\n 1G       1.234kg \r", WeightReading(1234, S)),
        (b"\n 1N       1.234kg \r", WeightReading(1234, S)),
        (b"\n 1G         250g  \r", WeightReading(250, S)),
        (b"\n 1G       5.025lb \r", WeightReading(2279, S)),  # the standard's example
        (b"\n 1GM      0.800kg \r", WeightReading(800, M)),
        (b"\nZ1G       0.000kg \r", WeightReading(0, Z)),
        (b"\n 1G       0.000kg \r", WeightReading(0, Z)),
        (b"\nO1G      31.000kg \r", WeightReading(31000, OVER)),
        (b"\nU1G      -0.050kg \r", WeightReading(-50, U)),
        (b"\nU1GM     -0.050kg \r", WeightReading(-50, U)),  # under zero wins over motion
        (b"\n 1G       1.234KG \r", WeightReading(1234, S)),  # units in upper case (DIVA)
    ],
)
def test_sma_answers(raw: bytes, expected: WeightReading) -> None:
    assert sma(raw) == expected


@pytest.mark.parametrize("status", ["E", "I", "T"])
def test_sma_error_status_is_a_scale_fault(status: str) -> None:
    with pytest.raises(ScaleFault):
        sma(f"\n{status}1G       -----kg \r".encode())


@pytest.mark.parametrize(
    "raw",
    [
        b"\n?\r",
        b"\n 1G 1.234kg\r",
        b"\nX1G       1.234kg \r",
        b"\n 1G       1.2.4kg \r",
        b"\n 1G       1.234st \r",
        b"\n 1GX      1.234kg \r",
        b"\n 1G       1.234\xe9g \r",
    ],
)
def test_sma_rejects_what_it_cannot_read(raw: bytes) -> None:
    with pytest.raises(ProtocolError):
        sma(raw)


def test_sma_encoder_matches_the_standard_layout() -> None:
    frame = sf.encode(5025)
    assert frame == b"\n 1G       5.025kg \r"
    assert len(frame) == 2 + sf.BODY_LEN
    assert sf.encode(0, status="Z") == b"\nZ1G       0.000kg \r"
    assert sf.encode(800, motion=True) == b"\n 1GM      0.800kg \r"


# --- exact grams -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "grams"),
    [
        ("1.2345", "kg", 1235),
        ("1.2344", "kg", 1234),
        ("0.0005", "kg", 1),
        ("1", "lb", 454),
        ("16", "oz", 454),
        ("-0.050", "kg", -50),
        ("99.999", "kg", 99999),
        ("2.2046", "lb", 1000),
    ],
)
def test_to_grams_is_exact_and_rounds_half_up(text: str, unit: str, grams: int) -> None:
    assert to_grams(text, unit) == grams


@pytest.mark.parametrize("text", ["NaN", "Infinity", "1e3", "1_000", "", "-", "٣", "²"])
def test_to_grams_accepts_plain_decimals_only(text: str) -> None:
    with pytest.raises(ProtocolError):
        to_grams(text, "kg")


# --- fuzzing -------------------------------------------------------------------------------------


def read_all_toledo(data: bytes, chunk: int) -> list[WeightReading]:
    split, readings = tf.ToledoSplitter(), []
    for i in range(0, len(data), chunk):
        for frame in split.feed(data[i : i + chunk]):
            with contextlib.suppress(DeviceError):
                readings.append(tf.to_reading(tf.decode(frame), "kg"))
    return readings


def read_all_sma(data: bytes, chunk: int) -> list[WeightReading]:
    split, readings = sf.SmaSplitter(), []
    for i in range(0, len(data), chunk):
        for frame in split.feed(data[i : i + chunk]):
            with contextlib.suppress(DeviceError):
                readings.append(sf.to_reading(sf.decode(frame)))
    return readings


# Bytes that look like the protocols often enough to reach the decoders' deep branches.
frameish = st.one_of(
    st.binary(max_size=80),
    st.lists(
        st.sampled_from(
            [
                b"\x02",
                b"\r",
                b"\n",
                b"?",
                b"A",
                b"D",
                b"P",
                b"H",
                b".",
                b"0",
                b"1",
                b"9",
                b" ",
                b"N",
                b"kg",
                b"lb",
                b"M",
                b"Z",
                b"O",
                b"U",
                b"G",
                b"-",
                b"\xff",
                b"\x00",
            ]
        ),
        max_size=60,
    ).map(b"".join),
)


@given(frameish, st.integers(min_value=1, max_value=7))
@example(b"\x02?", 1)
@example(b"\x02?\x02", 3)
def test_fuzz_toledo_raises_only_device_errors(data: bytes, chunk: int) -> None:
    split = tf.ToledoSplitter()
    for i in range(0, len(data), chunk):
        for frame in split.feed(data[i : i + chunk]):
            with contextlib.suppress(DeviceError):
                tf.to_reading(tf.decode(frame), "kg")


@given(frameish, st.integers(min_value=1, max_value=7))
@example(b"\n", 1)
def test_fuzz_sma_raises_only_device_errors(data: bytes, chunk: int) -> None:
    split = sf.SmaSplitter()
    for i in range(0, len(data), chunk):
        for frame in split.feed(data[i : i + chunk]):
            with contextlib.suppress(DeviceError):
                sf.to_reading(sf.decode(frame))


weights = st.integers(min_value=0, max_value=99_999)
toledo_states = st.sampled_from([S, M, OVER, U, Z])


def toledo_frame(grams: int, state: WeightState) -> tuple[bytes, WeightReading]:
    bits = {M: tf.MOTION, OVER: tf.OVER_CAPACITY, U: tf.UNDER_ZERO}
    if state in bits:
        return tf.encode_status(bits[state]), WeightReading(0, state)
    if state is Z or grams == 0:
        return tf.encode_weight(0), WeightReading(0, Z)
    return tf.encode_weight(grams), WeightReading(grams, S)


@given(frameish, weights, toledo_states, st.integers(min_value=1, max_value=9))
@example(b"\x02?", 1234, S, 1)
@example(b"\x0201.2", 1234, S, 2)
def test_fuzz_toledo_frame_after_garbage_is_read(
    garbage: bytes, grams: int, state: WeightState, chunk: int
) -> None:
    frame, expected = toledo_frame(grams, state)
    readings = read_all_toledo(garbage + frame, chunk)
    assert readings and readings[-1] == expected


sma_cases = st.sampled_from(["stable", "motion", "zero", "over", "under"])


def sma_frame(grams: int, case: str) -> tuple[bytes, WeightReading]:
    if case == "zero" or grams == 0:
        return sf.encode(0, status="Z"), WeightReading(0, Z)
    if case == "motion":
        return sf.encode(grams, motion=True), WeightReading(grams, M)
    if case == "over":
        return sf.encode(grams, status="O"), WeightReading(grams, OVER)
    if case == "under":
        return sf.encode(-grams, status="U"), WeightReading(-grams, U)
    return sf.encode(grams), WeightReading(grams, S)


@given(frameish, weights, sma_cases, st.integers(min_value=1, max_value=9))
@example(b"\n 1G   ", 1234, "stable", 1)
def test_fuzz_sma_frame_after_garbage_is_read(
    garbage: bytes, grams: int, case: str, chunk: int
) -> None:
    frame, expected = sma_frame(grams, case)
    readings = read_all_sma(garbage + frame, chunk)
    assert readings and readings[-1] == expected
