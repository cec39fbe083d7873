__version__ = "0.1.0"

#: The version of what reading and scoring produce. `waiverscan scan` skips a file
#: already scored with this version and re-scores one scored with any other: bump it
#: whenever a change to extraction or scoring should reach archives scanned before.
PIPELINE_VERSION = "9"
