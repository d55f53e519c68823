"""``python -m kg``: the ``kg`` command, for an environment whose scripts folder is not on
``PATH`` (``python -m kg build examples/ --out out/``)."""

from kg.cli import main

if __name__ == "__main__":
    main()
