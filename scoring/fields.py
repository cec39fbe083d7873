"""Which contract fields each check reads: the evidence shown beside a check (the
reports, the review UI, the client PDF) and the fields whose correction re-runs it."""

CHECK_FIELDS = {
    "F-CHILD-NAMED": ("child_names",),
    "F-DATED": ("date_signed",),
    "F-OFFICIAL-NAMED": ("official_name",),
    "F-PARENT-SIGNED": ("parent_signed",),
    "F-ELECTION-CLEAR": ("election",),
    "F-LANGUAGE": ("form_languages", "read_in_language"),
    "F-INTERPRETER": ("interpreter_name", "read_in_language", "form_languages"),
    "F-SUPERVISOR": ("supervisor_name", "supervisor_signed"),
    "F-A-NUMBER": ("parent_a_number",),
    "C-DECISION": ("decision",),
    "C-INFO": ("info_provided",),
    "C-OPTION": ("option_offered",),
    "C-LANGUAGE": ("language", "interpreter_or_fluent"),
    "C-WITNESS": ("witness_name",),
    "C-DATED": ("entry_date",),
}
