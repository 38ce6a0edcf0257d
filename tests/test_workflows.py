"""The workflows no test can run here (GitHub Actions): each read as YAML, and checked to say what it is meant to."""

from __future__ import annotations

import yaml

from conftest import ROOT


def test_the_weekly_link_check_proposes_archived_copies_as_a_pull_request():
    workflow = yaml.safe_load((ROOT / ".github/workflows/linkcheck.yml").read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read"}  # the link check itself stays read-only
    assert "permissions" not in workflow["jobs"]["linkcheck"]
    job = workflow["jobs"]["archives"]
    assert "needs" not in job  # runs when the link check fails too
    assert job["permissions"] == {"contents": "write", "pull-requests": "write"}
    runs = [step.get("run") for step in job["steps"]]
    assert "make archives WRITE=1" in runs
    proposal = next(step for step in job["steps"] if step.get("uses", "").startswith("peter-evans/create-pull-request@"))
    assert job["steps"].index(proposal) > runs.index("make archives WRITE=1")
    version = proposal["uses"].split("@", 1)[1]
    assert version.startswith("v") and version.count(".") == 2  # pinned to a release, not a moving branch
    assert proposal["with"]["add-paths"] == "sources/*.yml"  # only the records the tool writes
