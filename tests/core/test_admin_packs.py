"""servicedesk-admin pack export / merge: one summary line, exit 0 / 1 / 2 (R-X-2, #16)."""
from __future__ import annotations

from servicedesk.admin.cli import main
from servicedesk.services import requests as rq

from .pack_helpers import build_office, laptop, request


def test_export_and_merge_from_the_command_line(tmp_path, capsys):
    office = build_office(tmp_path)
    office.db.close()
    pack = tmp_path / "luca.sdpack"
    assert main(["pack", "export", "--operator", "tecnico", "--days", "7", str(office.path),
                 str(pack)]) == 0
    out = capsys.readouterr()
    assert out.out.count("\n") == 1 and "3 interventions, 3 requests" in out.out
    assert main(["pack", "export", "--operator", "tecnico", str(office.path),
                 str(tmp_path / "again.sdpack")]) == 0
    assert "not merged back yet" in capsys.readouterr().err
    office.reopen()
    rid = office.request_ids[0]
    with laptop(office, pack):
        req = request(rid)
        rq.update_request(req, rq.RequestInput(**{**rq.RequestInput.of(req).__dict__,
                                                  "subject": "laptop"}))
    req = request(rid)
    rq.update_request(req, rq.RequestInput(**{**rq.RequestInput.of(req).__dict__,
                                              "subject": "office"}))
    office.db.close()
    assert main(["pack", "merge", str(office.path), str(pack), "--dry-run"]) == 1
    assert "1 conflicts (0 decided, 1 left)" in capsys.readouterr().out
    assert main(["pack", "merge", str(office.path), str(pack)]) == 1
    assert "nothing written" in capsys.readouterr().out
    assert main(["pack", "merge", str(office.path), str(pack), "--prefer", "laptop"]) == 0
    line = capsys.readouterr().out
    assert line.count("\n") == 1 and "merged 0 new, 1 updated" in line
    assert main(["pack", "merge", str(office.path), str(pack)]) == 0
    assert "already merged" in capsys.readouterr().out
    assert main(["pack", "merge", str(office.path), str(office.path)]) == 2
    assert "not an offline pack" in capsys.readouterr().err
    assert main(["pack", "export", "--operator", "nobody", str(office.path),
                 str(tmp_path / "x.sdpack")]) == 2
    office.reopen()
    assert request(rid).subject == "laptop"
    office.db.close()
