"""One parser per part of a proposal; each reads a located region and returns model objects."""
