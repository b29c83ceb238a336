"""What the SAF-T export needs from the till's configuration: the company, the store, the time
zone, and where the database is (a real till's config, or the demo's data directory)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pos.app.config import TillConfig, default_demo_config, load_config
from pos.reports.saft import Identity


def software_version() -> str:
    try:
        return version("kassa")
    except PackageNotFoundError:
        return "0+unknown"


def identity_of(config: TillConfig) -> Identity:
    till = config.till
    return Identity(
        company_name=till.company_name,
        org_no=till.company_org_no,
        store_name=till.store_name or till.store_id,
        address=till.address,
        currency=till.currency,
        timezone=till.timezone,
        software_version=software_version(),
        register_descriptions=((till.register_id, f"{till.store_name or till.store_id} "
                                                  f"register {till.register_id}"),),
    )


def till_config(config_path: Path | None, demo: bool,
                data_dir: Path | None = None) -> tuple[TillConfig, Path]:
    """The configuration and the database file of a configured till, or of the demo."""
    if demo or config_path is None:
        from pos.app.demo import demo_data_dir

        directory = data_dir or demo_data_dir()
        return default_demo_config(directory), directory / "till.db"
    from pos.app.bootstrap import data_dir_of

    config = load_config(config_path)
    return config, data_dir_of(config) / "till.db"
