"""The brief's templates; this file lets them travel inside the wheel as careerstory.templates."""
