import os
import sys

# Material prints its end-of-life banner when it is first imported unless this is set; the edition knows.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from .pipeline import main

sys.exit(main())
