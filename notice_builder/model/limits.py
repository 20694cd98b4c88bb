"""The caps on what one input may hold: set here and nowhere else, and listed in README's Security section.

Every stage of the tool is linear in its input, but a real notice is small: tens to a few hundred
paragraphs (the reference decision is about 190 lines of text, 60 kB). An input far beyond that is
refused at once, with the limit and the value, rather than costing minutes and gigabytes. Each cap
is some hundred times what a real notice needs, so that no genuine document comes near it.
"""

from __future__ import annotations

# A Word draft: paragraphs in the main document, table cells' included. Refused as unreadable (exit 2).
MAX_DRAFT_PARAGRAPHS = 20_000  # the reference notice is ~190; a 300-page report is ~6,000

# Any JSON file this tool reads (decision, profile, meeting, ledger) is read only if it is a regular
# file, and at most this much of it: a larger one, a device or a pipe is refused unread.
MAX_JSON_FILE_BYTES = 20 * 1024 * 1024
# The longest number a JSON file may hold, in characters. Amounts of money and counts need a few digits;
# Python refuses to convert an integer of more than 4,300 digits, and no notice needs a hundred.
MAX_NUMBER_CHARACTERS = 100

# A decision file (refused with a finding naming the field, the limit and the value; exit 1):
MAX_DECISION_BYTES = 2 * 1000 * 1000  # UTF-8 bytes of the whole file; the reference is 60 kB
# Non-blank lines of text in all fields together (a Markdown paragraph is one or more): as a draft's cap.
MAX_DECISION_LINES = 20_000
MAX_LIST_ITEMS = 2_000  # items of any one list (sections, paragraphs, annexes, papers); a real one has tens
# One Markdown body or line of text: the schema's maxLength of `markdown` and `body` (a test checks the
# schema agrees), enforced there so that the finding names the field like every other schema error.
MAX_BODY_CHARACTERS = 200_000
