"""Word drafts in other offices' house styles, built with python-docx, each clean or with typical defects.

Modelled on published forms (none copied): an OPCC "Decision Making Record" with its fields in a
two-column table (Devon and Cornwall, Northamptonshire); a council "Record of Executive Decision"
with hand-typed numbered headings ("1. Decision", "6.1 Financial implications"), as regulation 13
of the 2012 Executive Arrangements Regulations lists them; the same record numbered by Word's
multi-level list on List Paragraph headings; a MOPAC-style "Request for DMPC decision" with Part 1
and Part 2, numbered comments and an appendix; a Lancashire-style short "Decision Notice" whose
values sit in content controls; a council record typed in a German-language Word ("Überschrift 1",
"Standard"); a Staffordshire/Cleveland-style decision form with officers' sign-off boxes; a
record with tracked changes and a repeating-section content control.

A draft is a list of items:
  ("p", text)            Normal paragraph; **bold** spans become bold runs
  ("b", text)            Normal paragraph, all bold
  (style, text)          a paragraph in a named paragraph style ("Heading 1", "Überschrift 1" ...)
  ("num", style, level, text, bold)  a paragraph in Word's multi-level list (1. / 1.1), in `style`
  ("table", rows)        a two-column table; a value may be ("sdt", text, showing_placeholder)
  ("rows-sdt", rows)     a table whose rows sit in a repeating-section content control
  ("sdt", before, text, showing_placeholder)  a paragraph with a content control after `before`
  ("track", before, deleted, inserted, after) a paragraph with a tracked deletion and insertion
  ("page",)              a page break
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

# The implications a council record of decision lists, in the order council templates give them.
COUNCIL_IMPLICATIONS = (
    "Financial implications",
    "Legal implications",
    "Equality implications",
    "Human rights implications",
    "Risk management",
    "Consultation",
    "Crime and disorder implications (section 17 Crime and Disorder Act 1998)",
    "Data protection implications",
    "Climate change implications",
)
_CHANGE = 'w:author="Officer" w:date="2024-03-01T10:00:00Z"'
_NUMBERING = (
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
    '<w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>'
    "</w:abstractNum>"
)


def _runs(paragraph, text: str, bold: bool = False) -> None:
    for n, piece in enumerate(text.split("**")):
        if piece:
            paragraph.add_run(piece).bold = True if (bold or n % 2 == 1) else None


def _style(document, name: str):
    """The named paragraph style, created on first use: localised or house heading styles."""
    try:
        return document.styles[name]
    except KeyError:
        pass
    match = re.search(r"([1-9])$", name)
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if name.startswith("OPCC Heading") and match:
        style.base_style = document.styles[f"Heading {match.group(1)}"]
    else:
        style.base_style = document.styles["Normal"]
        style.font.bold = bool(match)
    return style


def _sdt_run(text: str, placeholder: bool) -> str:
    shown = "<w:showingPlcHdr/>" if placeholder else ""
    style = '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>' if placeholder else ""
    return (
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:id w:val="7"/>{shown}</w:sdtPr>'
        f'<w:sdtContent><w:r>{style}<w:t xml:space="preserve">{text}</w:t></w:r></w:sdtContent></w:sdt>'
    )


def _numbering_id(document) -> str:
    numbering = document.part.numbering_part.element
    if not any(num.get(qn("w:numId")) == "90" for num in numbering.iterchildren(qn("w:num"))):
        first_num = numbering.find(qn("w:num"))
        abstract = parse_xml(_NUMBERING)
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        numbering.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
        )
    return "90"


def _table(document, rows, wrap_rows: bool = False) -> None:
    table = document.add_table(rows=0, cols=2)
    for label, value in rows:
        left, right = table.add_row().cells
        left.paragraphs[0].add_run(label).bold = True
        if isinstance(value, tuple):
            right.paragraphs[0]._p.append(parse_xml(_sdt_run(value[1], value[2])))
        else:
            right.text = value
    if wrap_rows:
        rows_xml = list(table._tbl.iterchildren(qn("w:tr")))
        sdt = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr><w:id w:val="9"/></w:sdtPr><w:sdtContent/></w:sdt>')
        rows_xml[0].addprevious(sdt)
        content = sdt.find(qn("w:sdtContent"))
        for row in rows_xml:
            content.append(row)


def build(path: Path, items, *, title: str | None = "A decision", language: str | None = None) -> Path:
    document = docx.Document()
    if title:
        document.core_properties.title = title
    if language:
        document.core_properties.language = language
    for item in items:
        kind = item[0]
        if kind == "p":
            _runs(document.add_paragraph(), item[1])
        elif kind == "b":
            _runs(document.add_paragraph(), item[1], bold=True)
        elif kind == "num":
            _, style, level, text, bold = item
            paragraph = document.add_paragraph(style=_style(document, style) if style else None)
            _runs(paragraph, text, bold)
            numpr = parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                f'<w:numId w:val="{_numbering_id(document)}"/></w:numPr>'
            )
            paragraph._p.get_or_add_pPr().append(numpr)
        elif kind in ("table", "rows-sdt"):
            _table(document, item[1], wrap_rows=kind == "rows-sdt")
        elif kind == "sdt":
            paragraph = document.add_paragraph()
            paragraph.add_run(item[1])
            paragraph._p.append(parse_xml(_sdt_run(item[2], item[3])))
        elif kind == "track":
            _, before, deleted, inserted, after = item
            paragraph = document.add_paragraph(before)
            paragraph._p.append(
                parse_xml(
                    f'<w:del {nsdecls("w")} w:id="1" {_CHANGE}><w:r><w:delText xml:space="preserve">'
                    f"{deleted}</w:delText></w:r></w:del>"
                )
            )
            paragraph._p.append(
                parse_xml(
                    f'<w:ins {nsdecls("w")} w:id="2" {_CHANGE}><w:r><w:t xml:space="preserve">'
                    f"{inserted}</w:t></w:r></w:ins>"
                )
            )
            if after:
                paragraph.add_run(after)
        elif kind == "page":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            _runs(document.add_paragraph(style=_style(document, kind)), item[1])
    document.save(path)
    return path


# -- 1. OPCC Decision Making Record: fields in a table, house heading style based on Heading 1 ----
def opcc_record(defects: bool = False):
    fields = [
        ("Decision number", "2024/031"),
        ("Title", "Rural crime drone pilot"),
        ("Author and Job Role", "Priya Raman, Head of Commissioning"),
        ("Protective Marking", "OFFICIAL" if not defects else ""),
        ("Date", "12/03/2024"),
    ]
    items = [
        ("b", "OFFICE OF THE POLICE AND CRIME COMMISSIONER FOR NORTHSHIRE"),
        ("Title", "Decision Making Record"),
        ("table", fields),
        ("OPCC Heading 1", "Executive Summary"),
        (
            "p",
            "The Rural Crime Team asked for a drone to search farmland after thefts of machinery. "
            "The Office of the Police and Crime Commissioner (OPCC) has tested the idea with the "
            "National Farmers' Union (NFU).",
        ),
        (
            "p",
            "The pilot costs £48,500 in 2024/25, within the £1.2m Safer Communities Fund; "
            "running costs are about £5k a year.",
        ),
        ("OPCC Heading 1", "Recommendation"),
        ("p", "That the Commissioner approves a grant of £48,500 for a twelve-month pilot."),
        ("b", "Police and Crime Commissioner"),
        ("p", "I hereby approve the recommendation above."),
        (
            "p",
            "Signed: Sam Okafor"
            if not defects
            else "Signed: ..................................... Police and Crime Commissioner",
        ),
        ("p", "Date: 12/03/2024" if not defects else "Date: ../../...."),
        ("OPCC Heading 1", "Areas of consideration"),
        ("b", "Consultation"),
        (
            "p",
            "The OPCC consulted the NFU and the parish councils. "
            + ("The 0PCC will report back." if defects else "The OPCC will report back."),
        ),
        ("b", "Financial implications"),
        (
            "p",
            "The grant of £48,500 is met from the Safer Communities Fund. "
            + (
                "A further £1,000.50 covers insurance."
                if not defects
                else "A further £1000.50 covers insurance and £2,500 covers training, with £1,250 for spares."
            ),
        ),
        ("b", "Legal"),
        (
            "p",
            "The Commissioner may make crime and disorder reduction grants (section 9 of the Police "
            "Reform and Social Responsibility Act 2011).",
        ),
        ("b", "Risks"),
        ("p", "If officers cannot be released for training, the pilot starts later."),
        ("b", "Equality and diversity"),
        ("p", "An equality impact assessment found no adverse impact." if not defects else ""),
        ("b", "Risks to human rights"),
        ("p", "Flights follow the force's published drone policy."),
        ("b", "Public access to information"),
        (
            "p",
            "This form will be published on the Commissioner's website. Contact: Priya Raman, "
            "01392 225555 ext. 1234, or +44 (0)1392 225555, priya.raman@northshire.pcc.police.uk"
            if not defects
            else "This form will be published on the Commissioner's website. Contact: Priya Raman, "
            "01392 22555, priya.raman@northshire-pcc",
        ),
    ]
    if defects:
        # Left over from a copy of last year's form: "Equality and diversity" is now empty.
        items = [item for item in items if item != ("p", "")]
    return items


# -- 2. Council record of executive decision: numbered headings typed in bold ----------------------
def council_typed(defects: bool = False):
    heading = "b"
    items = [
        ("b", "NORTHSHIRE BOROUGH COUNCIL"),
        ("Title", "RECORD OF EXECUTIVE DECISION"),
        (
            "table",
            [
                ("Decision reference:", "ED/2024/031"),
                ("Title:", "Eastgate leisure centre roof"),
                ("Decision maker:", "Councillor Helen Marsh, Cabinet Member for Leisure"),
                ("Key decision:", "Yes"),
                ("Contact officer:", "Daniel Price, Leisure Services Manager"),
                ("Telephone:", "01234 567890" if not defects else "01234 56789"),
                ("Email:", "daniel.price@northshire.gov.uk"),
            ],
        ),
        (heading, "1. Decision"),
        (
            "p",
            "1.1 To award the contract for replacing the roof of Eastgate Leisure Centre to Roofline "
            "Ltd for £250,000.",
        ),
        ("p", "1.2 To note the timetable at Appendix 1."),
        (heading, "2. Reasons for the decision"),
        ("p", "2.1 The roof is at the end of its life and leaks in three places."),
        ("p", "2.2 The tender was evaluated on price (60%) and quality (40%):"),
        ("p", "1. Roofline Ltd scored 87;"),
        ("p", "2. Apex Roofing scored 79."),
        ("p", "2.3 Roofline Ltd offered the most economically advantageous tender (MEAT)."),
        (heading, "3. Alternative options considered and rejected"),
        ("p", "3.1 Patch repairs only. Rejected: they would last two winters at most."),
        (heading, "4. Conflicts of interest declared"),
        ("p", "4.1 None declared."),
        (heading, "5. Dispensations granted"),
        ("p", "5.1 None."),
        (heading, "6. Implications"),
        (heading, "6.1 Financial implications"),
        ("p", "6.1.1 The cost of £250,000 is within the approved capital budget of £1.2m."),
        (heading, "6.2 Legal implications"),
        ("p", "6.2.1 The tender followed the contract procedure rules."),
        (heading, "6.3 Equality implications"),
        ("p", "6.3.1 The centre stays open for all its users."),
        (heading, "6.4 Human rights implications"),
        ("p", "6.4.1 There are no human rights implications."),
        (heading, "6.5 Risk management"),
        ("p", "6.5.1 Work will be done when the centre is quiet."),
        (heading, "6.6 Consultation"),
        ("p", "6.6.1 The centre's user forum was told of the timetable."),
        (heading, "6.7 Crime and disorder implications (section 17 Crime and Disorder Act 1998)"),
        ("p", "6.7.1 Scaffolding will be alarmed and lit."),
        (heading, "6.8 Data protection implications"),
        ("p", "6.8.1 No personal data is processed as a result of this decision."),
        (heading, "6.9 Climate change implications"),
        ("p", "6.9.1 The new roof is insulated to current standards."),
        (heading, "7. Background papers"),
        ("p", "7.1 Eastgate Leisure Centre roof condition survey, October 2023."),
        ("p", "Signed: Helen Marsh        Cabinet Member for Leisure"),
        ("p", "Date: 3 June 2024"),
        ("page",),
        ("b", "Appendix 1 – Timetable"),
        ("p", "Work starts on 1 July 2024 and ends on 30 September 2024."),
    ]
    if defects:
        items = [i for i in items if i[1:2] != ("6.4.1 There are no human rights implications.",)]
        items[items.index(("p", "5.1 None."))] = ("p", "5.1 None.")
        items.insert(
            items.index((heading, "6.2 Legal implications")), (heading, "6.1 Financial implications")
        )
        items.insert(items.index((heading, "6.2 Legal implications")), ("p", "6.1.2 Costs to be confirmed."))
        items[items.index(("p", "1.2 To note the timetable at Appendix 1."))] = (
            "p",
            "1.2 To note the timetable at Appendix 1 and the risk register at Appendix 2.",
        )
        items[
            items.index(("p", "3.1 Patch repairs only. Rejected: they would last two winters at most."))
        ] = ("p", "3.3 Patch repairs only. Rejected: they would last two winters at most.")
    return items


# -- 3. The same record numbered by Word's multi-level list on List Paragraph headings ------------
def council_word_numbered(defects: bool = False):
    items = [
        ("Title", "Record of Executive Decision"),
        (
            "table",
            [
                ("Title", "Allotment rents 2025/26"),
                ("Decision maker", "Cabinet Member for Environment"),
                (
                    "Contact officer",
                    "Ruth Okonjo" if not defects else ("sdt", "Click or tap here to enter text.", True),
                ),
                ("Telephone", "0300 123 1101"),
                ("Email", "ruth.okonjo@northshire.gov.uk"),
            ],
        ),
    ]
    sections = [
        ("Decision", ["To raise allotment rents by 3% from 1 April 2025."]),
        ("Reasons for the decision", ["Rents have not risen since 2021.", "Costs of water rose by £5k."]),
        ("Alternative options considered and rejected", ["Keeping rents as they are: rejected."]),
        ("Conflicts of interest declared", ["None."]),
        ("Dispensations granted", ["None."]),
    ]
    for title, paragraphs in sections:
        items.append(("num", "List Paragraph", 0, title, True))
        items += [("num", "List Paragraph", 1, text, False) for text in paragraphs]
    items.append(("num", "List Paragraph", 0, "Implications", True))
    for title in COUNCIL_IMPLICATIONS:
        items.append(("num", "List Paragraph", 1, title, True))
        items.append(
            ("p", "Considered; nothing further to report." if title != "Consultation" or not defects else "")
        )
    items.append(("num", "List Paragraph", 0, "Background papers", True))
    items.append(("p", "None."))
    items.append(("p", "Signed:\tJo Bloggs, Cabinet Member for Environment"))
    items.append(
        ("sdt", "Date: ", "14 May 2025" if not defects else "Click or tap to enter a date.", defects)
    )
    return [i for i in items if i != ("p", "")]


# -- 4. MOPAC-style request for a decision: Part 1 / Part 2, numbered comments, an appendix ------
def mopac_request(defects: bool = False):
    items = [
        ("Title", "REQUEST FOR DMPC DECISION – PCD 1234"),
        ("Heading 1", "Title: Violence against women and girls helpline"),
        ("Heading 2", "Executive Summary"),
        (
            "p",
            "Violence Against Women and Girls (VAWG) services asked for a single helpline. This "
            "decision seeks approval of £1.2m over two years (£600k a year).",
        ),
        ("Heading 2", "Recommendation"),
        ("p", "The Deputy Mayor for Policing and Crime (DMPC) is recommended to:"),
        ("List Number", "Approve expenditure of £1.2m on a VAWG helpline; and"),
        ("List Number", "Delegate the award of the contract to the Chief Executive."),
        ("Heading 2", "Deputy Mayor for Policing and Crime"),
        (
            "p",
            "I confirm I have considered whether or not I have any personal or prejudicial interest "
            "in this matter and take the proposed decision in compliance with the Code of Conduct.",
        ),
        ("p", "The above request has my approval."),
        (
            "table",
            [
                ("Signature", "Sophie Linden" if not defects else "…………………………"),
                ("Date", "14/05/2024" if not defects else ""),
            ],
        ),
        ("page",),
        ("Heading 1", "PART I – NON-CONFIDENTIAL FACTS AND ADVICE TO THE DMPC"),
        ("Heading 2", "1. Introduction and background"),
        ("p", "1.1. The VAWG strategy commits MOPAC to one point of contact for victims."),
        ("p", "1.2. Callers are currently passed between three services."),
        ("Heading 2", "2. Issues for consideration"),
        ("p", "2.1. The helpline will be open 24 hours a day; see Appendix 1 for the service model."),
        ("Heading 2", "3. Financial Comments"),
        (
            "p",
            "3.1. The cost of £1.2m is met from the VAWG budget; £250,000 of it is grant from the "
            "Ministry of Justice (MoJ)." + (" The MOJ grant is confirmed." if defects else ""),
        ),
        ("Heading 2", "4. Legal Comments"),
        (
            "p",
            "4.1. MOPAC may commission victims' services under section 143 of the Anti-social "
            "Behaviour, Crime and Policing Act 2014.",
        ),
        ("Heading 2", "5. Equality Comments"),
        ("p", "5.1. The service will be accessible by text relay on 18001 0800 555 111."),
        ("Heading 2", "6. Background/supporting papers"),
        ("p", "6.1. Appendix 1 – Service model."),
        ("Heading 2", "Public access to information"),
        (
            "p",
            "Information in this form (Part 1) is subject to the Freedom of Information Act 2000 "
            "(FOIA) and will be made available on the MOPAC website within one working day of approval.",
        ),
        ("Heading 2", "Part 2 Confidentiality"),
        (
            "p",
            "Only the facts or advice considered as likely to be exempt from disclosure under the FOIA "
            "should be in the separate Part 2 form. Is there a Part 2 form? NO",
        ),
        ("p", "Contact: Governance team, 020 7983 6532, governance@mopac.london.gov.uk"),
        ("page",),
        ("Heading 1", "Appendix 1 – Service model"),
        ("p", "Calls are answered by trained advocates; the average call lasts twenty minutes."),
    ]
    if defects:
        items.insert(items.index(("Heading 2", "4. Legal Comments")), ("Heading 2", "3. Financial Comments"))
        items.insert(items.index(("Heading 2", "4. Legal Comments")), ("p", "3.2. [insert CFO comments]"))
        items[items.index(("Heading 2", "5. Equality Comments"))] = ("Heading 4", "5. Equality Comments")
    return items


# -- 5. A short decision notice whose values sit in content controls ------------------------------
def short_notice(defects: bool = False):
    return [
        (
            "b",
            "Lancshire Police and Crime Commissioner"
            if defects
            else "Northshire Police and Crime Commissioner",
        ),
        ("Title", "Decision Notice"),
        ("sdt", "Decision Maker: ", "PCC", False),
        ("sdt", "Decision Ref: ", "2024/07" if not defects else "Enter reference", defects),
        ("b", "Title: Letter of intent for Blue Light Commercial"),
        (
            "p",
            "I have considered a report seeking my authority to sign a letter of intent for Blue Light "
            "Commercial (BLC). Accordingly I have agreed to sign it. The guarantee is capped at £5k.",
        ),
        (
            "sdt",
            "Date of Decision: ",
            "31st January 2024" if not defects else "Click here to enter a date.",
            defects,
        ),
        ("b", "Decision Papers/Reason for Restricted"),
        ("p", "RESTRICTED – the papers contain commercial information about BLC."),
        ("p", "Signed: A. Commissioner" if not defects else "Signed:"),
        ("p", "Date: 31/01/2024" if not defects else "Date: DD/MM/YYYY"),
        ("p", "Enquiries: 01772 533587 or 0845 1 25 35 45"),
    ]


# -- 6. A council record typed in a German-language Word -----------------------------------------
def german_word(defects: bool = False):
    items = [
        ("Title", "Record of Executive Decision"),
        ("p", "**Title:** Town centre CCTV upgrade"),
        ("p", "**Decision maker:** Cabinet Member for Community Safety"),
        ("p", "**Contact officer:** Anna Becker, tel. +44 1234 567 890, anna.becker@northshire.gov.uk"),
        ("Überschrift 1", "Decision"),
        ("p", "To replace 40 analogue cameras with digital ones at a cost of £85,000."),
        ("Überschrift 1", "Reasons for the decision"),
        ("p", "Spare parts for the analogue system are no longer made."),
        ("Überschrift 1", "Alternative options considered and rejected"),
        ("p", "Doing nothing: rejected, the cameras would fail one by one."),
        ("Überschrift 1", "Conflicts of interest declared"),
        ("p", "None."),
        ("Überschrift 1", "Dispensations granted"),
        ("p", "None."),
        ("Überschrift 1", "Implications"),
    ]
    for title in COUNCIL_IMPLICATIONS:
        items.append(
            ("Überschrift 2" if not (defects and title == "Legal implications") else "Überschrift 3", title)
        )
        items.append(
            (
                "p",
                "A data protection impact assessment (DPIA) was done; see the DPIA register."
                if title.startswith("Data")
                else "Considered; nothing further to report.",
            )
        )
    items += [
        ("Überschrift 1", "Background papers"),
        ("p", "None."),
        ("Überschrift 1", "Background papers") if defects else ("p", "Signed: Karl Schmidt"),
        ("p", "Date: 2 May 2024"),
    ]
    return items


# -- 7. A decision form with officers' sign-off boxes (Chief Finance Officer, Monitoring Officer) --
def signoff_form(defects: bool = False):
    return [
        ("Title", "Decision Record Form"),
        (
            "table",
            [
                ("Decision number:", "012/2024"),
                ("Title:", "Victims' Code compliance audit"),
                ("Author and Job Role:", "Tom Reid, Policy Officer"),
                ("Protective Marking:", "OFFICIAL"),
            ],
        ),
        ("Heading 1", "Executive Summary"),
        (
            "p",
            "The Commissioner must monitor compliance with the Code of Practice for Victims of Crime "
            "(VCOP). This decision buys an independent audit for £12,500.",
        ),
        ("Heading 1", "Recommendation"),
        ("p", "That the Commissioner approves the audit."),
        ("p", "Signature: J. Smith, Police and Crime Commissioner"),
        ("p", "Date: 5 April 2024"),
        ("Heading 1", "Areas of consideration"),
        ("Heading 2", "Consultation"),
        ("p", "Victim Support was consulted."),
        ("Heading 2", "Financial implications"),
        ("p", "Met from the commissioning budget. Chief Finance Officer: signed M. Patel, 3 April 2024."),
        ("Heading 2", "Legal"),
        ("p", "The Commissioner has the power under section 14 of the 2011 Act."),
        ("Heading 2", "Risks"),
        ("p", "None significant." if not defects else "TBC"),
        ("Heading 2", "Equality and diversity"),
        ("p", "No adverse impact."),
        ("Heading 2", "Risks to human rights"),
        ("p", "None."),
        ("Heading 2", "Public access to information"),
        ("p", "This form will be published."),
        (
            "table",
            [
                (
                    "Monitoring Officer",
                    "I have been consulted about the proposal and confirm that "
                    "legal advice has been taken into account.",
                ),
                ("Signed", "R. Jones" if not defects else "______________"),
                ("Date", "4 April 2024" if not defects else "__/__/____"),
            ],
        ),
        ("p", "Queries: 01785 232385 or Text Relay 18001 01785 232385 (Mon-Fri)."),
    ]


# -- 8. Tracked changes and a repeating-section content control ----------------------------------
def tracked_record(defects: bool = False):
    return [
        ("Title", "Decision Making Record"),
        (
            "rows-sdt",
            [
                ("Decision number", "2024/044"),
                ("Title", "Custody nurse contract extension"),
                ("Author and Job Role", "Lee Chan, Contracts Manager"),
                ("Protective Marking", "OFFICIAL" if not defects else ("sdt", "Choose an item.", True)),
            ],
        ),
        ("Heading 1", "Executive Summary"),
        (
            "track",
            "The contract ends on 31 March; this ",
            "decision extends it by six months.",
            "decision extends it by twelve months.",
            "",
        ),
        ("Heading 1", "Recommendation"),
        ("track", "Approve the extension at a cost of ", "£XX,XXX", "£310,000", "."),
        ("p", "Signature: A. Commissioner"),
        ("p", "Date: 20 March 2024"),
        ("Heading 1", "Areas of consideration"),
        ("Heading 2", "Consultation"),
        ("p", "The custody inspector was consulted."),
        ("Heading 2", "Financial implications"),
        ("p", "Within budget."),
        ("Heading 2", "Legal"),
        ("p", "The extension is allowed by the contract."),
        ("Heading 2", "Risks"),
        ("p", "Without it, custody would have no nurses."),
        ("Heading 2", "Equality and diversity"),
        ("p", "No adverse impact."),
        ("Heading 2", "Risks to human rights"),
        ("p", "Healthcare in custody protects detainees' rights."),
        ("Heading 2", "Public access to information"),
        (
            "track",
            "This form will be published",
            " in full",
            " with the price redacted" if not defects else "",
            "." if not defects else " [insert redaction note]",
        ),
    ]


DRAFTS = {
    # name: (builder, best-matching built-in profile)
    "opcc-record": (opcc_record, "pcc-decision-record"),
    "council-typed": (council_typed, "council-executive-decision"),
    "council-word-numbered": (council_word_numbered, "council-executive-decision"),
    "mopac-request": (mopac_request, "wmpcc"),
    "short-notice": (short_notice, "pcc-decision-record"),
    "german-word": (german_word, "council-executive-decision"),
    "signoff-form": (signoff_form, "pcc-decision-record"),
    "tracked-record": (tracked_record, "pcc-decision-record"),
}


def write_draft(folder: Path, name: str, defects: bool = False) -> Path:
    builder, _ = DRAFTS[name]
    suffix = "defective" if defects else "clean"
    return build(folder / f"{name}-{suffix}.docx", builder(defects), language="en-GB")
