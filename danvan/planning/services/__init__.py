"""Every state change of planning records: one transaction each, each checking its own permission.

Views, the Excel imports, the CLI and the demo call these and nothing else.
"""
