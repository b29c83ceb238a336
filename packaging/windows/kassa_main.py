"""The frozen programs' entry point (kassa.exe and kassa-till.exe): the `kassa` command."""

import sys

from pos.cli import main

if __name__ == "__main__":
    sys.exit(main())
