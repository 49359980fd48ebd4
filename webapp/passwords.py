"""Password policy and argon2id hashing, split out of `webapp.accounts` to keep that module readable.

Holds the length limits, the shipped list of common passwords, the policy check and the hashing helpers
(also used for recovery codes). `webapp.accounts` re-exports every name, so callers keep using it.
"""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from flask import current_app

MIN_PASSWORD = 12
MAX_PASSWORD = 128

# Common passwords of 12+ characters (shorter ones are refused anyway), lower case. Sources: the public
# top lists of leaked passwords (NCSC/HIBP/SecLists top 100 000), filtered to length >= 12, plus Dutch ones.
COMMON_PASSWORDS = frozenset(
    [
        "123456789012",
        "1234567890123",
        "12345678901234",
        "123456789012345",
        "1234567890qwerty",
        "1q2w3e4r5t6y",
        "1q2w3e4r5t6y7u",
        "1qaz2wsx3edc",
        "1qaz2wsx3edc4rfv",
        "123qweasdzxc",
        "123456qwerty",
        "1234qwerasdf",
        "1234567890abc",
        "0987654321qwerty",
        "qwertyuiop12",
        "qwertyuiop123",
        "qwerty123456",
        "qwertyuiopasdf",
        "qwertyuiopasdfgh",
        "qwertyuiopasdfghjkl",
        "qwertyqwerty",
        "asdfghjkl123",
        "asdfghjkl1234",
        "zxcvbnm12345",
        "azertyuiop12",
        "azerty123456",
        "qazwsxedcrfv",
        "passwordpassword",
        "password1234",
        "password12345",
        "password123456",
        "password123!",
        "password1234!",
        "passw0rd1234",
        "p@ssword1234",
        "p@ssw0rd1234",
        "mypassword123",
        "letmein12345",
        "letmeinletmein",
        "welcome12345",
        "welcome123456",
        "iloveyou1234",
        "iloveyou12345",
        "iloveyouiloveyou",
        "trustno1trustno1",
        "administrator",
        "admin1234567",
        "adminadmin123",
        "changeme1234",
        "changemenow!",
        "abcdefghijkl",
        "abcdefghijklm",
        "abcdefg12345",
        "abc123456789",
        "aaaaaaaaaaaa",
        "111111111111",
        "000000000000",
        "123123123123",
        "121212121212",
        "112233445566",
        "147258369147",
        "987654321000",
        "999999999999",
        "666666666666",
        "monkeymonkey",
        "football1234",
        "baseball1234",
        "superman1234",
        "starwars1234",
        "dragondragon",
        "sunshine1234",
        "princess1234",
        "whatever1234",
        "michael12345",
        "jessica12345",
        "charlie12345",
        "liverpool123",
        "chelsea12345",
        "wachtwoord12",
        "wachtwoord123",
        "wachtwoord1234",
        "wachtwoord12345",
        "wachtwoordwachtwoord",
        "welkom123456",
        "welkomwelkom",
        "welkom12345!",
        "geheim123456",
        "geheimgeheim",
        "wachtwoord01",
        "wachtwoord2024",
        "wachtwoord2025",
        "wachtwoord2026",
        "voetbal12345",
        "ajax12345678",
        "feyenoord123",
        "amsterdam123",
        "rotterdam123",
        "nederland123",
        "zomer2024!!",
        "winter2025!!",
        "sociale-kaart",
        "socialekaart",
        "socialekaart1",
        "socialekaart123",
        "gemeente1234",
        "gemeente12345",
        "gemeenteaalten",
        "aalten123456",
        "welkombijdegemeente",
        "hallo1234567",
        "hallohallo12",
        "qwerty12345678",
        "iloveyou123!",
        "1234567890-=",
        "correcthorsebatterystaple",
    ]
)


class PasswordRejected(ValueError):
    """The password does not meet the policy; the message says why, in Dutch."""


def check_password_policy(password: str, email: str | None = None) -> None:
    if len(password) < MIN_PASSWORD:
        raise PasswordRejected(f"Kies een wachtwoord van minstens {MIN_PASSWORD} tekens.")
    if len(password) > MAX_PASSWORD:
        raise PasswordRejected(f"Kies een wachtwoord van hoogstens {MAX_PASSWORD} tekens.")
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS or len(set(lowered)) <= 2:
        raise PasswordRejected("Dit wachtwoord wordt veel gebruikt en is makkelijk te raden. Kies een ander.")
    if email:
        local = email.split("@", 1)[0].lower()
        if len(local) >= 4 and local in lowered:
            raise PasswordRejected("Gebruik uw e-mailadres niet in uw wachtwoord.")


def _hasher() -> PasswordHasher:
    try:
        cheap = current_app.config.get("TESTING")
    except RuntimeError:
        cheap = False
    if cheap:  # tests only: same algorithm (argon2id), smaller cost
        return PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    return PasswordHasher()  # argon2id, RFC 9106 low-memory profile


def hash_secret(secret: str) -> str:
    return _hasher().hash(secret)


def verify_secret(stored: str, secret: str) -> bool:
    try:
        return _hasher().verify(stored, secret)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


_DUMMY_HASH: str | None = None


def _burn_time(secret: str) -> None:
    """Spend the time of a real verification, so an unknown e-mail address is not faster to reject."""
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_secret(secrets.token_urlsafe(16))
    verify_secret(_DUMMY_HASH, secret)
