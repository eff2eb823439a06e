"""A teaching kit for reading one news story closely."""
