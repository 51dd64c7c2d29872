"""Places: where. First cut."""


class Geocoder:
    def locate(self, ctx) -> None:
        return None
