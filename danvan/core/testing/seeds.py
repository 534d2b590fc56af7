"""Put back the configuration the data migrations seed: a transactional (browser) test flushes it.

Every app with a `seed.py` declares `MODELS`, the models its `seed_config` takes in that order."""

from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule


def seeded_apps() -> list[tuple[str, object]]:
    """(label, seed module) of every installed danvan app that seeds configuration, in INSTALLED_APPS order."""
    return [
        (config.label, import_module(f"{config.name}.seed"))
        for config in apps.get_app_configs()
        if config.name.startswith("danvan.") and module_has_submodule(config.module, "seed")
    ]


def reseed_all() -> None:
    for label, seed in seeded_apps():
        models = [apps.get_model(label, name) for name in seed.MODELS]
        if not all(model.objects.exists() for model in models):
            seed.seed_config(*models)
