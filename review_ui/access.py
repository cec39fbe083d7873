"""Everything the review UI reads or writes goes through :class:`Archive`, which knows
who is asking. Counsel see only the records, cases and decisions of the A-numbers an
admin assigned to them; the pages never filter anything themselves, so a page that
forgets to check cannot leak a case (asking for another client's record or case raises
:class:`AccessDenied`, whichever way the request arrived: link, URL or search).

Downloads go through it too (:meth:`Archive.cases_csv`, :meth:`Archive.cases_xlsx`,
:meth:`Archive.decisions_csv`, :meth:`Archive.client_report_pdf`,
:meth:`Archive.page_image`), and an Archive cannot be made without a signed-in, still
active account: nothing behind a page or a download works signed out.

Decisions map onto the review log's actions: confirm the deficiency -> ``accept``,
overturn with a corrected field value -> ``correct``, overturn with a reason ->
``reject``, escalate -> ``escalate``. Only reviewers, investigators and admins decide.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional

from scoring.cases import normalise_a_number, roll_up, value
from waiverscan.store import Store
from waiverscan.store.accounts import Account, assigned_a_numbers, get_user

from review_ui.queue import QueueItem, queue_page
from review_ui.reviewed import reviewed_documents
from review_ui.typed_values import typed_value

DECIDERS = ("reviewer", "investigator", "admin")


class AccessDenied(PermissionError):
    """The signed-in account may not see (or change) this."""


def record_a_number(record: dict[str, Any]) -> Optional[str]:
    fields = record.get("fields") or {}
    return normalise_a_number(value(fields, "parent_a_number") or value(fields, "a_number"))


@dataclass
class Archive:
    store: Store
    account: Account

    def __post_init__(self) -> None:
        # signed out, or an Account object that outlived its user's deactivation or role
        # change: the store's current answer decides, not what the caller holds
        live = get_user(self.store, self.account.name) if isinstance(self.account, Account) else None
        if live is None or live != self.account:
            raise AccessDenied("sign in first")
        # None: the whole archive; a set: only these A-numbers (counsel)
        self.allowed: Optional[frozenset[str]] = (
            assigned_a_numbers(self.store, self.account) if self.account.role == "counsel"
            else None)

    # ------------------------------------------------------------------ visibility

    def shown_source(self, source: Optional[str]) -> str:
        """A document's source as this account may see it: counsel get the file name
        only (never a server path: where the archive or the uploads live), an upload as
        "uploaded file"."""
        src = source or ""
        if self.account.role != "counsel":
            return src
        name = src.replace("\\", "/").rsplit("/", 1)[-1]
        from review_ui.upload import upload_dir
        try:
            uploaded = Path(src).resolve().parent == upload_dir()
        except OSError:
            uploaded = False
        return f"uploaded file {name[:12]}…{Path(name).suffix}" if uploaded else name

    @property
    def can_decide(self) -> bool:
        return self.account.role in DECIDERS

    def may_see_a_number(self, a_number: Optional[str]) -> bool:
        if self.allowed is None:
            return True
        return a_number is not None and normalise_a_number(a_number) in self.allowed

    def _visible(self, record: dict[str, Any]) -> bool:
        return self.allowed is None or record_a_number(record) in self.allowed

    def documents(self) -> Iterator[dict[str, Any]]:
        """Scored documents, each holding only the records this account may see
        (documents left with none are skipped)."""
        for doc in self.store.iter_documents(status="scored"):
            if self.allowed is None:
                yield doc
                continue
            recs = [r for r in doc.get("records") or [] if self._visible(r)]
            if recs:
                yield dict(doc, records=recs)

    def reviewed_documents(self) -> list[dict[str, Any]]:
        """:meth:`documents` with the reviewers' decisions applied (scores and checks as
        reviewed, :mod:`review_ui.reviewed`)."""
        return list(reviewed_documents(self.documents(), self.history()))

    def report(self) -> dict[str, Any]:
        """The case roll-up, as reviewed, over what this account may see."""
        return roll_up(self.reviewed_documents())

    def history(self, record_id: Optional[str] = None) -> list[dict[str, Any]]:
        if record_id is not None:
            self.record(record_id)  # raises for a record out of reach
            return self.store.reviews.history(record_id)
        rows = self.store.reviews.history()
        if self.allowed is None:
            return rows
        from waiverscan.store import queries
        visible = {r["record_id"] for key in self.allowed
                   for r in (x["record"] for x in queries.case_records(self.store, key))}
        return [d for d in rows if d["record_id"] in visible]

    def history_of(self, record_ids: Any) -> list[dict[str, Any]]:
        """The decisions on these records (those this account may see), in order."""
        from waiverscan.store import queries
        got = queries.histories(self.store, record_ids)
        rows = [d for ds in got.values() for d in ds]
        if self.allowed is not None:
            seen = queries.records_data(self.store, got)
            rows = [d for d in rows if self._visible(seen.get(d["record_id"]) or {})]
        return sorted(rows, key=lambda d: d["id"])

    def may_see_record(self, record: dict[str, Any]) -> bool:
        return self._visible(record)

    # ------------------------------------------------------------------ pages

    def queue(self, *, category: Optional[str] = None, check: Optional[str] = None,
              doc_type: Optional[str] = None, date_from: Optional[str] = None,
              date_to: Optional[str] = None, second_review: bool = False) -> list[QueueItem]:
        """Flagged checks nobody decided yet; ``second_review``: that this account has
        not decided (others' decisions stay in the queue)."""
        return queue_page(self, category=category, check=check, doc_type=doc_type,
                          date_from=date_from, date_to=date_to, limit=None,
                          not_decided_by=self.account.name if second_review else None).items

    def record(self, record_id: str) -> dict[str, Any]:
        """``{"record", "document"}`` (the document without its other records)."""
        rec = self.store.record(record_id)
        if rec is None or not self._visible(rec):
            # the same answer for "no such record" and "not yours": nothing to probe
            raise AccessDenied("no such record, or not one of your cases")
        doc = self.store.document(record_id.split(":", 1)[0]) or {}
        meta = {k: doc.get(k) for k in ("source", "sha256", "doc_type", "pages")}
        meta["source"] = self.shown_source(meta["source"])
        return {"record": rec, "document": meta}

    def case(self, a_number: str) -> dict[str, Any]:
        """One A-number's case: ``{"case", "records": [{"record", "document"}...]}``,
        records (as reviewed) in date order (the timeline). Read from the case the store
        keeps up to date (a few indexed queries, whatever the archive's size).
        AccessDenied when this account may not see the A-number (whether or not it
        exists); LookupError when it may but the archive holds nothing for it."""
        from scoring.reviewed import apply_reviews
        from waiverscan.store import queries
        a = self._allowed_a_number(a_number)
        case = queries.case(self.store, a)
        if case is None:  # this account may see the A-number: saying it is empty leaks nothing
            raise LookupError(f"no records for {a} in the archive yet")
        rows = queries.case_records(self.store, a)
        hist = queries.histories(self.store, [r["record"]["record_id"] for r in rows])
        return {"case": case, "records": [
            {"record": apply_reviews(r["record"], hist.get(r["record"]["record_id"], [])),
             "document": {"source": self.shown_source(r["source"]), "sha256": r["sha256"],
                          "doc_type": r["doc_type"]}} for r in rows]}

    def account_of(self, a_number: str) -> tuple[dict[str, Any], dict[str, str]]:
        """Counsel's account of the case (:mod:`scoring.account`) and, per record, the
        stored file its crops are cut from (never shown)."""
        from waiverscan.case_account import load_account
        a = self._allowed_a_number(a_number)
        got = load_account(self.store, a, self.shown_source)
        if got is None:
            raise LookupError(f"no records for {a} in the archive yet")
        return got

    def _allowed_a_number(self, a_number: str) -> str:
        a = normalise_a_number(a_number)
        if not a or not self.may_see_a_number(a):
            raise AccessDenied("no such case, or not one of your cases")
        return a

    def a_numbers(self) -> list[str]:
        """The A-numbers this account may look up (counsel: the assigned ones; others:
        the first 50 of the archive, as examples)."""
        if self.allowed is not None:
            return sorted(self.allowed)
        from waiverscan.store import queries
        return queries.case_keys(self.store)

    # ------------------------------------------------------------------ downloads

    def cases_csv(self) -> str:
        from review_ui.exports import cases_csv
        return cases_csv(self.report())

    def cases_xlsx(self) -> bytes:
        from review_ui.exports import cases_xlsx
        return cases_xlsx(self.report())

    def decisions_csv(self) -> str:
        from review_ui.exports import decisions_csv
        return decisions_csv(self.history())

    def client_report_pdf(self, a_number: str) -> bytes:
        """Counsel's account as a text PDF (the same as `report --case A --format pdf`)."""
        from waiverscan.account_pdf import account_pdf
        return account_pdf(*self.account_of(a_number))

    def page_image(self, record_id: str, page: int, highlight: tuple[str, ...] = ()):
        """The record's page with its field boxes (a PIL image), or None when the source
        file is gone; AccessDenied for a record out of reach."""
        from review_ui.images import record_page_image
        got = self.record(record_id)  # raises for a record out of reach
        return record_page_image(self.file_source(record_id), got["record"], page, highlight)

    def file_source(self, record_id: str) -> str:
        """Where the record's file is stored, to render its pages from (never shown to
        counsel: :meth:`shown_source`). AccessDenied for a record out of reach."""
        self.record(record_id)
        return self.store.document_source(record_id.split(":", 1)[0]) or ""

    # ------------------------------------------------------------------ decisions

    def decide(self, record_id: str, check_id: str, action: str, *,
               field: Optional[str] = None, value_after: Any = None,
               note: Optional[str] = None) -> dict[str, Any]:
        """Store one decision on a flagged check, attributed to the signed-in account.

        ``action``: "confirm", "overturn" (``field`` + ``value_after`` = a corrected
        value, or ``note`` = the reason) or "escalate".
        """
        if not self.can_decide:
            raise AccessDenied(f"{self.account.role} accounts do not record decisions")
        rec = self.record(record_id)["record"]
        check = next((c for c in rec.get("checks") or [] if c["id"] == check_id), None)
        if check is None:
            raise ValueError(f"the record has no check {check_id}")
        note = (note or "").strip() or None
        if action == "confirm":
            return self.store.reviews.add(record_id, reviewer=self.account.name, action="accept",
                                          check_id=check_id, value_before=check["status"],
                                          value_after="fail", note=note)
        if action == "escalate":
            return self.store.reviews.add(record_id, reviewer=self.account.name,
                                          action="escalate", check_id=check_id,
                                          value_before=check["status"], note=note)
        if action != "overturn":
            raise ValueError("action must be confirm, overturn or escalate")
        if field:
            fields = rec.get("fields") or {}
            if field not in fields:
                raise ValueError(f"the record has no field {field}")
            typed = typed_value(field, value_after)  # InvalidValue: nothing is stored
            return self.store.reviews.add(record_id, reviewer=self.account.name, action="correct",
                                          check_id=check_id, field=field,
                                          value_before=value(fields, field),
                                          value_after=typed, note=note)
        if not note:
            raise ValueError("overturning a flag needs a corrected value or a reason")
        return self.store.reviews.add(record_id, reviewer=self.account.name, action="reject",
                                      check_id=check_id, value_before=check["status"],
                                      value_after="pass", note=note)


    def undo(self, record_id: str, check_id: str) -> dict[str, Any]:
        """Take back this account's own decision on a check: a ``withdraw`` appended to
        the log (nothing is deleted; the check is back in the queue unless another
        reviewer decided it). ValueError when this account has no decision on it."""
        if not self.can_decide:
            raise AccessDenied(f"{self.account.role} accounts do not record decisions")
        from scoring.reviewed import effective_decisions
        mine = [d for d in effective_decisions(self.history(record_id))
                if d["reviewer"] == self.account.name and d["check_id"] == check_id]
        if not mine:
            raise ValueError(f"you have no decision on {check_id} to undo")
        return self.store.reviews.add(record_id, reviewer=self.account.name, action="withdraw",
                                      check_id=check_id, value_before=mine[-1]["action"])


def parse_value(text: str) -> Any:
    """A corrected value as typed: JSON literals (true, false, null) and JSON lists or
    objects are parsed; anything else stays text (an A-number must not become a number)."""
    t = text.strip()
    if t in ("true", "false", "null") or t[:1] in ("[", "{"):
        try:
            return json.loads(t)
        except ValueError:
            pass
    return t
