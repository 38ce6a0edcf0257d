import os
import sys

from ..interrupt import ready, until_ready

until_ready(__name__, "build")

# Material prints its end-of-life banner when it is first imported unless this is set; the edition knows.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from .pipeline import main  # after the Ctrl-C handling above: it loads for half a second

ready()
sys.exit(main())
