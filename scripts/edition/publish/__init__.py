"""The build: render the site, the PDF and the offline copy, post-process and check the output, publish.

`pipeline` runs the steps in order (`python -m edition.publish`); each other module is one step.
"""
