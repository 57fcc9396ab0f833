"""Where each page of the site lives (paths relative to docs/): shared by the renderers and the downloads,
which name the page each dataset belongs to. No renderer, no MkDocs."""

HOME = "index.md"
DATA = "data.md"
PLANT = "kia-plant.md"
PROGRAM = "program/index.md"
FIGURES = "figures.md"
TRADE = "trade.md"
PEOPLE = "people.md"
SOURCES = "sources.md"
SECTOR_DIR = "program/sectors"
# The pages every edition has; the editors' guides (editing.md, data-safety.md) stay English.
READER_PAGES = (HOME, PLANT, PROGRAM, FIGURES, TRADE, PEOPLE, SOURCES, DATA)
EDITORS_GUIDES = ("editing.md", "data-safety.md")
