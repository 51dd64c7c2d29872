"""Casualty and arrest counts (event size). First cut."""


def attach_sizes(ctx) -> None:
    return None
