import pytest


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # Every role fixture hashes a password; PBKDF2 would dominate the run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
