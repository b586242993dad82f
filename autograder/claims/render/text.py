"""How entries are shown on the drawn forms: dates as MM/DD/YYYY (the typed text when it is not a
real date, so a mistake stays visible), money with cents, names last name first."""

from __future__ import annotations

from decimal import Decimal

from autograder.claims.models import Address, Insured, Patient, Provider, claim_date


def show(value: object) -> str:
    if value is None:
        return ""
    return value.strip() if isinstance(value, str) else str(value)


def day(text: str | None, short: bool = False) -> str:
    when = claim_date(text)
    if when is None:
        return show(text)
    return when.strftime("%m/%d/%y" if short else "%m/%d/%Y")


def money(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


def number(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:f}"


def check(value: bool | None) -> str:
    return {True: "[X] YES  [ ] NO", False: "[ ] YES  [X] NO"}.get(value, "[ ] YES  [ ] NO")


def person_name(person: Patient | Insured | None) -> str:
    if person is None:
        return ""
    last, first, middle = show(person.last_name), show(person.first_name), show(person.middle_initial)
    name = ", ".join(p for p in (last, first) if p)
    return f"{name} {middle}".strip()


def provider_name(provider: Provider | None) -> str:
    if provider is None:
        return ""
    if show(provider.last_name):
        return ", ".join(p for p in (show(provider.last_name), show(provider.first_name)) if p)
    return show(provider.name)


def address_lines(address: Address | None) -> list[str]:
    if address is None:
        return []
    street = " ".join(p for p in (show(address.street), show(address.street2)) if p)
    city = " ".join(p for p in (show(address.city), show(address.state), show(address.zip_code)) if p)
    return [line for line in (street, city) if line]
