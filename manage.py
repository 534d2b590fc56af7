#!/usr/bin/env python
"""Django's command-line utility; `danvan` (danvan.cli) is the installed equivalent."""

from danvan.cli import main

if __name__ == "__main__":
    main()
