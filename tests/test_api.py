"""The public API is small and stable."""

import warlog


def test_api_all_is_exactly_the_public_names():
    assert sorted(warlog.__all__) == sorted(
        [
            "__version__",
            "ConfigError",
            "ExportError",
            "IngestError",
            "StoreError",
            "WarlogError",
            "export",
            "ingest",
            "load_settings",
            "open_store",
        ]
    )


def test_api_every_name_in_all_resolves():
    for name in warlog.__all__:
        assert getattr(warlog, name) is not None


def test_api_errors_share_one_base_and_carry_codes():
    for cls in (warlog.ConfigError, warlog.ExportError, warlog.IngestError, warlog.StoreError):
        assert issubclass(cls, warlog.WarlogError)
    exc = warlog.IngestError("W105", size=10, cap=5)
    assert exc.code == "W105" and "over the cap of 5" in str(exc)
