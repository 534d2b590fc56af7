"""Static files storage: WhiteNoise's hashed, compressed names once `collectstatic` has run."""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Hashed names (cached forever by browsers) from the manifest `collectstatic` writes.

    Before `collectstatic` has run (a fresh checkout, `runserver`, the tests) there is no manifest:
    URLs then keep the plain names, which the finders serve, instead of failing every page.
    """

    # The vendored minified files name source maps that are not vendored (they are for debugging
    # the libraries themselves): rewrite url() and @import references, leave sourceMappingURL alone.
    patterns = tuple(
        (glob, tuple(p for p in rules if "sourceMappingURL" not in (p if isinstance(p, str) else p[0])))
        for glob, rules in CompressedManifestStaticFilesStorage.patterns
    )

    def create_compressor(self, **kwargs):
        # gzip only: Brotli at its default quality took ~25 s of every `make serve` for a few
        # percent less on an intranet; browsers all take gzip.
        return super().create_compressor(use_brotli=False, **kwargs)

    def stored_name(self, name):
        if not self.hashed_files:
            return name
        return super().stored_name(name)
