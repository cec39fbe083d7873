"""The few lines of JavaScript the review UI runs in the browser, through ``st.html``
with ``unsafe_allow_javascript`` (not iframed: the script runs in the app's own page,
and only once per mount, so a listener added here outlives reruns).

Nothing here carries document text: the only value put into a script is the session
token, which :func:`set_cookie_html` checks is URL-safe base64 before quoting it.

* The session cookie keeps a signed-in tab signed in through a reload: Streamlit reads
  the cookies a (re)loaded tab sends (``st.context.cookies``), and the token is checked
  against the store on every run, so an expired or revoked session still ends. It is
  ``SameSite=Strict`` (no other site's page can make the browser send it), ``Path=/``,
  lives as long as the session may (``max_age``), ``Secure`` over https, and is
  cleared on sign-out. It cannot be HttpOnly (only a server response can set that, and
  Streamlit offers no such response); document values are shown escaped, so no
  document can run script in the page to read it.
* The keyboard shortcuts of the Record page.
"""
from __future__ import annotations

import json
import re

COOKIE = "waiverscan_session"
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,200}")


def cookie_token(cookies) -> str | None:
    """The session token in the cookies the browser sent, if it looks like one."""
    t = cookies.get(COOKIE) if cookies is not None else None
    return t if isinstance(t, str) and _TOKEN.fullmatch(t) else None


def _cookie_script(value: str, max_age: int) -> str:
    return ("<script>document.cookie = " + json.dumps(f"{COOKIE}={value}; Path=/; "
                                                       f"Max-Age={max_age}; SameSite=Strict")
            + ' + (location.protocol === "https:" ? "; Secure" : "");</script>')


def set_cookie_html(token: str, max_age: int) -> str:
    if not _TOKEN.fullmatch(token):
        raise ValueError("not a session token")
    return _cookie_script(token, max(0, int(max_age)))


def clear_cookie_html() -> str:
    return _cookie_script("", 0)


# Streamlit has no shortcuts: the script clicks the labelled buttons. Keys typed into a
# text box or a table are left alone, Esc leaves a text box; registered once per page
# load (reruns do not run it again, and it stays registered across pages).
KEYS = {"c": "Confirm (c)", "o": "Overturn (o)", "e": "Escalate (e)", "n": "Next (n)",
        "p": "Previous (p)"}
KEYS_HTML = """<script>
(function () {
  if (window.__waiverscanKeys) return;
  window.__waiverscanKeys = true;
  const keys = %s;
  document.addEventListener("keydown", function (ev) {
    const t = ev.target;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === "Escape" && t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA")) {
      t.blur(); return; }
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
    // a key typed on a table cell edits the cell (the values editor), never decides
    if (t && t.closest && t.closest('[data-testid="stDataFrame"], [data-testid="stDataFrameResizable"]')) return;
    const label = keys[ev.key];
    if (!label) return;
    const btn = Array.from(document.querySelectorAll("button")).find(
      b => b.innerText.trim() === label && !b.disabled);
    if (btn) { ev.preventDefault(); btn.click(); }
  }, true);  // capture: before a widget can swallow the key (Streamlit's inputs eat Esc)
  document.documentElement.dataset.waiverscanKeys = "on";
})();
</script>""" % json.dumps(KEYS)
