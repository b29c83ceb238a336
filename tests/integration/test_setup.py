"""`kassa setup` against a real hub (uvicorn subprocess): the config written and validated, the
code traded once, the credential in the OS keystore (a real keyring backend held in memory)
or a 0600 file, a second run safe, and every kind of bad input a clear message with nothing
lost."""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from hub.testing import HubProcess, running_hub
from pos.app.config import load_config
from pos.app.hub_link import client_for
from pos.cli import main
from pos.store.db import open_database
from tests.memory_keyring import MemoryKeyring
from tests.memory_keyring import memory_keyring as swapped_keyring


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    with running_hub(tmp_path_factory.mktemp("hub")) as hub:
        hub.seed_demo(("S1",))
        yield hub


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with swapped_keyring() as backend:
        yield backend


def code_for(hub: HubProcess, store: str, register: str) -> str:
    answer = hub.admin.post("/v1/admin/enrolment-codes",
                            json={"store_id": store, "register_id": register})
    answer.raise_for_status()
    return str(answer.json()["code"])


def setup_args(tmp: Path, hub_url: str, code: str, *extra: str) -> list[str]:
    return ["setup", "--config", str(tmp / "till.toml"), "--hub", hub_url, "--enrol", code,
            "--company-name", "Testbutikken AS", "--org-no", "923609016",
            "--data-dir", str(tmp / "data"), *extra]


def test_setup_enrols_into_the_keystore_and_a_second_run_is_safe(
        hub: HubProcess, tmp_path: Path, memory_keyring: MemoryKeyring,
        capsys: pytest.CaptureFixture[str]) -> None:
    code = code_for(hub, "S1", "R1")
    args = setup_args(tmp_path, hub.url, code, "--printer", "escpos+tcp://127.0.0.1:9100",
                      "--scanner", "serial:///dev/ttyACM0", "--card-terminal",
                      "zvt+tcp://127.0.0.1:20007", "--credential-store", "keyring")
    assert main(args) == 0  # keyring named: "auto" keeps root's (an installer's) out of it
    config = load_config(tmp_path / "till.toml")  # valid, as the till reads it
    assert (config.till.store_id, config.till.register_id) == ("S1", "R1")  # from the code
    assert config.devices.payment == "zvt+tcp://127.0.0.1:20007"
    assert config.hub is not None and config.hub.credential_ref is not None
    assert config.hub.credential_ref.startswith("keyring:kassa/")
    [(key, credential)] = memory_keyring.secrets.items()
    assert config.hub.credential_ref == f"keyring:{key[0]}/{key[1]}"
    assert not (tmp_path / "data" / "hub-credential").exists()  # nothing on disk
    assert credential not in (tmp_path / "till.toml").read_text()
    db = open_database(tmp_path / "data" / "till.db")
    try:  # the till reads it back and the hub accepts it
        client = client_for(db, config.hub, tmp_path / "data")
        assert client.poll(after=0, timeout_s=0).next_after >= 0
        client.close()
    finally:
        db.close()
    before = (tmp_path / "till.toml").read_bytes()
    capsys.readouterr()

    assert main(args) == 0  # the installer run again: nothing spent, nothing changed
    out = capsys.readouterr().out
    assert "already enrolled: store S1 register R1, epoch 1" in out and "kept" in out
    assert (tmp_path / "till.toml").read_bytes() == before

    other = code_for(hub, "S1", "R1")  # and the unused code still works elsewhere
    assert main(setup_args(tmp_path / "b", hub.url, other, "--credential-store", "file")) == 0


def test_a_reused_code_is_refused_clearly_and_nothing_changes(
        hub: HubProcess, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = code_for(hub, "S1", "R2")
    assert main(setup_args(tmp_path / "a", hub.url, code, "--credential-store", "file")) == 0
    credential = tmp_path / "a" / "data" / "hub-credential"
    assert credential.stat().st_mode & 0o777 == 0o600
    capsys.readouterr()
    assert main(setup_args(tmp_path / "b", hub.url, code, "--credential-store", "file")) == 1
    err = capsys.readouterr().err
    assert "already used" in err and "--enrol NEW_CODE" in err
    assert not (tmp_path / "b" / "till.toml").exists()


def test_an_existing_config_is_kept_unless_forced(
        hub: HubProcess, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = code_for(hub, "S1", "R3")
    assert main(setup_args(tmp_path, hub.url, code, "--credential-store", "file",
                           "--printer", "escpos+tcp://127.0.0.1:9100")) == 0
    path = tmp_path / "till.toml"
    path.write_text(path.read_text().replace("[devices]", "# the printer by the door\n[devices]"))
    before = path.read_text()
    capsys.readouterr()
    moved = setup_args(tmp_path, hub.url, code, "--printer", "escpos+tcp://127.0.0.2:9100")
    assert main(moved) == 2
    err = capsys.readouterr().err
    assert "devices.printer is 'escpos+tcp://127.0.0.1:9100'" in err and "--force" in err
    assert path.read_text() == before
    assert main([*moved, "--force"]) == 1  # forced: re-enrols, and the code is spent
    assert path.read_text() == before  # so nothing was written
    fresh = code_for(hub, "S1", "R3")
    assert main([*setup_args(tmp_path, hub.url, fresh, "--printer",
                             "escpos+tcp://127.0.0.2:9100"), "--force"]) == 0
    assert "escpos+tcp://127.0.0.2:9100" in path.read_text()
    assert "# the printer by the door" in path.read_text()  # comments kept
    assert (tmp_path / "till.toml.bak").read_text() == before


def test_bad_input_each_gets_a_message_naming_what_to_do(
        hub: HubProcess, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = code_for(hub, "S1", "R4")
    assert main(setup_args(tmp_path, hub.url, code, "--scale", "toledo8217+tcp://scale")) == 2
    assert "--scale 'toledo8217+tcp://scale': expected host and port" in capsys.readouterr().err
    assert main(setup_args(tmp_path, hub.url, code, "--printer", "::nonsense")) == 2
    assert "--printer '::nonsense'" in capsys.readouterr().err

    path = tmp_path / "till.toml"
    path.write_text('[till]\ncompany_name = "A AS"\ncompany_org_no = "923609016"\n'
                    'store_id = "S1"\nregister_id = "R4"\nprinterr = "x"\n')
    assert main(setup_args(tmp_path, hub.url, code)) == 2
    err = capsys.readouterr().err
    assert "unknown key 'printerr'" in err and "correct it" in err
    path.unlink()

    with socket.socket() as closed:  # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        down = f"http://127.0.0.1:{closed.getsockname()[1]}"
    assert main(setup_args(tmp_path, down, code)) == 1
    err = capsys.readouterr().err
    assert "does not answer" in err and "the code was not used" in err
    assert not path.exists() and not (tmp_path / "data" / "hub-credential").exists()

    with self_signed_tls_server(tmp_path) as url:
        assert main(setup_args(tmp_path, url, code)) == 1
    err = capsys.readouterr().err
    assert "TLS certificate this till does not trust" in err and "--hub-ca FILE" in err
    assert "self-signed" in err or "self signed" in err

    assert main(setup_args(tmp_path, hub.url, code, "--credential-store", "file")) == 0  # unspent


def self_signed_tls_server(tmp: Path):  # type: ignore[no-untyped-def]
    """A TLS socket with a self-signed certificate for 127.0.0.1, answering the handshake."""
    from contextlib import contextmanager

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    import ipaddress

    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .sign(key, hashes.SHA256()))
    pem = tmp / "selfsigned.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM) + key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(pem)

    @contextmanager
    def serving() -> Iterator[str]:
        listener = socket.create_server(("127.0.0.1", 0))
        stop = threading.Event()

        def accept() -> None:
            listener.settimeout(0.2)
            while not stop.is_set():
                try:
                    raw, _ = listener.accept()
                except TimeoutError:
                    continue
                try:
                    with context.wrap_socket(raw, server_side=True) as tls:
                        tls.recv(1)
                except (ssl.SSLError, OSError):
                    pass  # the client rejects our certificate: that is the point

        thread = threading.Thread(target=accept, daemon=True)
        thread.start()
        try:
            yield f"https://127.0.0.1:{listener.getsockname()[1]}"
        finally:
            stop.set()
            thread.join(5)
            listener.close()

    return serving()


def test_the_till_reads_a_file_or_keyring_reference(tmp_path: Path,
                                                    memory_keyring: MemoryKeyring) -> None:
    from pos.app.hub_link import read_credential
    from pos.app.setup_secrets import store_credential

    ref = store_credential("keyring:kassa/hub-credential@x", "secret-1")
    assert read_credential(ref) == "secret-1"
    path = tmp_path / "cred"
    assert read_credential(store_credential(f"file:{path}", "secret-2")) == "secret-2"
    assert path.stat().st_mode & 0o777 == 0o600
    with pytest.raises(OSError, match="no such entry"):
        read_credential("keyring:kassa/absent")


def test_a_new_config_needs_the_company_and_without_a_code_only_the_config_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "till.toml"
    base = ["setup", "--config", str(path), "--hub", "https://hub.example.no", "--store", "S1",
            "--register", "R1", "--data-dir", str(tmp_path / "data")]
    assert main(base) == 2
    assert "--company-name NAME --org-no ORGNR" in capsys.readouterr().err
    assert main([*base, "--company-name", "A AS", "--org-no", "923609017"]) == 2
    assert "till.company_org_no" in capsys.readouterr().err and not path.exists()
    assert main([*base, "--company-name", "A AS", "--org-no", "923609016"]) == 0
    assert "not enrolled (no --enrol CODE given)" in capsys.readouterr().out
    config = load_config(path)
    assert config.hub is not None and config.hub.url == "https://hub.example.no"
    other = [*base, "--config", str(tmp_path / "other.toml"), "--company-name", "A AS",
             "--org-no", "923609016", "--hub", "http://hub.example.no"]
    assert main(other) == 2  # plain http to another machine
    assert "hub.url" in (err := capsys.readouterr().err) and "https:// for a hub" in err
    assert not (tmp_path / "other.toml").exists()


def test_keyring_is_chosen_only_where_a_real_backend_exists(tmp_path: Path,
                                                            memory_keyring: MemoryKeyring) -> None:
    from keyring.backends import fail

    from pos.app.setup_secrets import CredentialError, choose_ref, usable_keyring

    file_ref = f"file:{(tmp_path / 'cred').resolve()}"
    assert usable_keyring() is not None and usable_keyring().endswith("MemoryKeyring")
    assert choose_ref("keyring", tmp_path, tmp_path / "cred") == (
        f"keyring:kassa/hub-credential@{tmp_path.resolve()}")
    assert choose_ref("file", tmp_path, tmp_path / "cred") == file_ref
    keyring.set_keyring(fail.Keyring())  # what keyring gives where no keystore exists
    assert usable_keyring() is None
    with pytest.raises(CredentialError, match="--credential-store file"):
        choose_ref("keyring", tmp_path, tmp_path / "cred")
    assert choose_ref("auto", tmp_path, tmp_path / "cred") == file_ref
