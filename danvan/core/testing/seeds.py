"""Put back the configuration the data migrations seed: a transactional (browser) test flushes it."""

from django.apps import apps

# app label -> the models passed, in this order, to that app's seed.seed_config
SEEDS = {
    "org": ("Bloc", "UnitKind"),
    "practices": ("Field", "Level"),
    "documents": ("FormatProfile", "PartyTerm"),
    "awards": ("Authority", "AwardType"),
    "planning": ("DirectiveType", "IssuingBody"),
    "opinion": ("Topic",),
    "membership": ("Organization",),
}


def reseed_all() -> None:
    from importlib import import_module

    for label, names in SEEDS.items():
        models = [apps.get_model(label, name) for name in names]
        if not all(model.objects.exists() for model in models):
            import_module(f"danvan.{label}.seed").seed_config(*models)
