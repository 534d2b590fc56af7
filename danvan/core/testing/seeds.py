"""Put back the configuration the data migrations seed: a transactional (browser) test flushes it."""

from django.apps import apps

# app label -> (first model of the pair passed to seed_config, second model)
SEEDS = {
    "org": ("Bloc", "UnitKind"),
    "practices": ("Field", "Level"),
    "documents": ("FormatProfile", "PartyTerm"),
    "awards": ("Authority", "AwardType"),
    "planning": ("DirectiveType", "IssuingBody"),
}


def reseed_all() -> None:
    from importlib import import_module

    for label, (first, second) in SEEDS.items():
        models = [apps.get_model(label, first), apps.get_model(label, second)]
        if not all(model.objects.exists() for model in models):
            import_module(f"danvan.{label}.seed").seed_config(*models)
