"""``python -m guide``: the same as the ``guide`` command."""
from guide.cli.app import main

if __name__ == "__main__":
    main()
