# ruff: noqa: E501  (the records' text is kept in the published sentences, quoted whole)
"""Published decision records of PCCs and councils, rebuilt as Word files word for word, in their own layout.

Each builder returns the text of one real record as it was retrieved from its public page (typos, stray
spacing and odd punctuation kept), laid out as the page laid it out: Heading styles where the page had
headings, bold Normal lines where it typed its labels in bold, tables where it had tables. Where the
retrieved text stopped inside the record, the builder stops at the last whole sentence. Sources, dates
and layouts are in tests/data/collected-records/SOURCES.md; the defects a careful reader finds, and the
findings that would be wrong, are in tests/data/collected-records/DEFECTS.json.

Items are those of tests/foreign_drafts.py, plus one:
  ("grid", rows, header)  a table of any width; a cell is a string or a list of (style, text) paragraphs;
                          the first row is bold when `header` is true

Run as a script to write every record to a folder: python tests/collected_records.py FOLDER
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from foreign_drafts import _runs, _style, build

NBSP = "\u00a0"
COUNCIL = "council-executive-decision"
PCC = "pcc-decision-record"
_GRID_MARK = "@@grid-{}@@"


# -- London Borough of Harrow: modern.gov decision details, 2012 ---------------------------------
def harrow_cabinet_2012_public_realm():
    return [
        ("Heading 1", "Decision details"),
        (
            "Heading 2",
            "Public Realm Integrated Services Model: Business Case - Referral by Call-In Sub-Committee",
        ),
        ("p", "Decision Maker: Cabinet"),
        ("p", "Decision status: Recommendations approved"),
        ("p", "Is Key decision?: Yes"),
        ("p", "Is subject to call in?: No"),
        ("b", "Decision:"),
        (
            "p",
            "RESOLVED:  That having considered the legal implications set out at appendix 8 of the report and "
            "having reconsidered the decision of the Cabinet meeting held on 13 September 2012 set out in "
            "appendix 4 of the report, in relation to the Public Realm Integrated Services Strategy: Business "
            "Case, as a result of the decision of the Call-In Sub-Committee, the original Cabinet decision of "
            "13 September 2012 be confirmed.",
        ),
        ("p", NBSP),
        (
            "p",
            "Reason for Decision:  In accordance with Committee Procedure Rule 46.8.3, to reconsider the "
            "decision within 10 clear working days of a referral by the Call-In Sub-Committee.",
        ),
        ("p", NBSP),
        ("p", "Alternative Options considered and rejected:  To amend the decision."),
        ("p", NBSP),
        (
            "p",
            "Conflict of Interest relating to the matter declared by Cabinet Member / Dispensation granted:  None.",
        ),
        ("p", NBSP),
        ("p", "[Call-in does not apply]."),
        ("p", "Publication date: 12/10/2012"),
        ("p", "Date of decision: 11/10/2012"),
        ("p", "Decided at meeting: 11/10/2012 - Cabinet"),
        ("b", "Accompanying Documents:"),
    ]


# -- Tendring District Council: CMIS decision sheet, labels and values in a table, 2013 ----------
def tendring_cabinet_2013_call_in():
    return [
        ("Heading 1", "Meeting documents"),
        (
            "table",
            [
                ("Reference Number :-", "2367"),
                ("Date :-", "2013/12/13"),
                ("Decision Maker :-", "Cabinet"),
                ("Subject to Call-in :-", "Yes"),
                ("Subject of Decision :-", "Minor Review of Call-In Procedures"),
                (
                    "Decision :-",
                    "(a) That the introduction of the approach in line with the report of the Service "
                    "Development and Delivery Committee be approved with immediate effect and that its success, "
                    "or otherwise, be reviewed in six months’ time when, if required, Council be recommended to "
                    "incorporate the change within the Constitution.\n\n(b) That the introduction of the new "
                    "approach would not extend the time laid down in the Council",
                ),
                (
                    "Reason for Decision :-",
                    "Having considered the comments and recommendations of the Service Development and "
                    "Delivery Committee",
                ),
                ("Alternative Options Considered :-", "Not to put forward any changes."),
                (
                    "Conflicts of Interest Delared (and Dispensations Granted by the Monitoring Officer) :-",
                    "None",
                ),
                ("Consultation with Ward Member:", ""),
                ("Contact Officer :-", "Colin Sweeney, Democratic Services Manager"),
                ("Decision to Take Effect at end of :-", "2013/12/23"),
                ("Attachments :-", "Reference from SDDC Call-in Procedures Review (28K/bytes)"),
            ],
        ),
    ]


# -- Cambridge City Council: record of an Executive Councillor's decision, typed bold headings -----
def cambridge_exec_councillor_property_review():
    return [
        ("p", "The Officer’s report set out a proposal entitled Property Review."),
        ("b", "Decision of Executive Councillor for Finance and Resources"),
        ("p", "i. Approved the officer’s recommendation"),
        ("b", "Reason for the Decision"),
        ("p", "As set out in the Officer’s report."),
        ("b", "Any Alternative Options Considered and Rejected"),
        ("p", "Not applicable."),
        ("b", "Scrutiny Considerations"),
        (
            "p",
            "The Scrutiny Committee resolved (by 3 votes to 0) to exclude members of the public from the "
            "meeting on the grounds that, if they were present, there would be disclosure to them of "
            "information defined as exempt from publication by virtue of paragraph 3 of Part 1 of Schedule 12A "
            "of the Local Government Act 1972",
        ),
        (
            "p",
            "The Committee resolved (by 2 votes to 2 and on the Chair’s casting vote) to endorse the "
            "recommendations.",
        ),
        ("p", "The Executive Councillor approved the recommendations."),
        ("b", "Conflicts of Interest Declared by the Executive Councillor (and any Dispensations Granted)"),
        ("p", "No conflicts of interest were declared by the Executive Councillor."),
    ]


# -- Maidstone Borough Council: Record of Decision of the Cabinet, 2012 (text ends inside the reasons)
def maidstone_cabinet_2012_right_to_challenge():
    return [
        ("p", "<AI1>"),
        ("b", "MAIDSTONE BOROUGH COUNCIL"),
        ("p", NBSP),
        ("b", "RECORD OF DECISION OF THE Cabinet"),
        *[("p", NBSP)] * 4,
        ("b", "Decision Made:"),
        ("p", "12 September 2012"),
        ("p", NBSP),
        ("b", "The Community Right to Challenge"),
        *[("p", NBSP)] * 2,
        ("b", "Issue for Decision"),
        ("p", NBSP),
        (
            "p",
            "To set out the possible approaches the Council wishes to take in implementing these new powers.",
        ),
        ("p", NBSP),
        ("b", "Decision Made"),
        ("p", NBSP),
        ("p", "1.        That a proactive approach to the Community Right to Challenge be agreed."),
        ("p", NBSP),
        (
            "p",
            "2.        That the windows of opportunity when the Council will accept expressions of interest "
            "for services from suitable bodies, as set out in the draft programme attached at Appendix A to "
            "the report of the Assistant Director of Environment and Regulatory Services, be agreed.",
        ),
        ("p", NBSP),
        (
            "p",
            "3.        That the Cabinet Member for Corporate Services be appointed to champion the strategic "
            "development of the agreed approach with the appropriate Head(s) of Service and consult with other "
            "Cabinet Members affected by any particular challenges.",
        ),
        *[("p", NBSP)] * 2,
        ("b", "Reasons for Decision"),
        ("p", NBSP),
        ("b", "Background"),
        ("p", NBSP),
        (
            "p",
            "The Community Empowerment chapters of the Localism Act offer new opportunities for local people and "
            "groups to bid to run services they feel are important to their communities. The Act is a central "
            "plank of the Government’s drive for decentralisation.",
        ),
        ("p", NBSP),
        (
            "p",
            "The report of the Assistant Director of Environment and Regulatory Services focused on Part Five of "
            "the Localism Act – Community Empowerment, in particular the Community Right to Challenge, a summary "
            "of which was attached as Appendix B to the report of the Assistant Director of Environment and "
            "Regulatory Services.",
        ),
        ("p", NBSP),
        (
            "p",
            "The Community Right to Challenge gives voluntary or community groups, charitable bodies, parish "
            "councils or employees of the local authority the right to submit an expression of interest in "
            "running a service currently provided by the local authority. The local authority must consider and "
            "respond to the challenge.",
        ),
    ]


# -- North Hertfordshire District Council: modern.gov decision details, 2024 ---------------------
def north_herts_cabinet_2024_strategic_planning():
    return [
        ("Heading 1", "Decision details"),
        ("p", "Decision Maker: Cabinet"),
        ("p", "Decision status: Recommendations Approved (subject to call-in)"),
        ("p", "Is Key decision?: No"),
        ("p", "Is subject to call in?: No"),
        ("p", "RESOLVED: That Cabinet:"),
        ("p", "(1)   Noted the report on strategic planning matters."),
        ("p", "(2)   Endorsed the documents at Appendices A, C and D."),
        (
            "p",
            "(3)   Noted and endorsed the revised Terms of Reference for the Strategic Planning Project Board "
            "at Appendix B.",
        ),
        (
            "p",
            "REASON FOR DECISIONS: To keep Cabinet informed of recent developments on strategic planning matters.",
        ),
        ("p", "Report author: Deborah Coates"),
        ("p", "Publication date: 12/09/2024"),
        ("p", "Date of decision: 10/09/2024"),
        ("p", "Decided at meeting: 10/09/2024 - Cabinet"),
        ("b", "Accompanying Documents:"),
    ]


# -- Oxfordshire County Council: modern.gov decision details, 2015 -------------------------------
def oxfordshire_cabinet_2015_delegation():
    return [
        ("p", "Decision Maker: Cabinet"),
        ("p", "Decision status: Recommendations Approved"),
        ("p", "Is Key decision?: Yes"),
        ("p", "Is subject to call in?: Yes"),
        (
            "p",
            "To request delegation to the Chief Finance Officer and Director for Environment & Economy in "
            "consultation with the Leader to approve the Stage 2 Full Business Case and the award of the "
            "construction contract.",
        ),
        ("p", "Recommendations agreed."),
        ("p", "Report author: Philippa Patterson"),
        ("p", "Publication date: 22/07/2015"),
        ("p", "Date of decision: 21/07/2015"),
        ("p", "Decided at meeting: 21/07/2015 - Cabinet"),
        ("p", "Effective from: 29/07/2015"),
        ("b", "Accompanying Documents:"),
    ]


# -- Welwyn Hatfield Borough Council: modern.gov decision details with section headings, 2024 ----
def welhat_cabinet_2024_grounds_maintenance():
    return [
        ("p", "Decision status: Recommendations Approved"),
        ("p", "Is Key decision?: No"),
        ("p", "Is subject to call in?: No"),
        ("Heading 2", "Decision taken"),
        ("p", "Cabinet agreed the recommendations set out in the report."),
        ("Heading 2", "Reason for decision"),
        (
            "p",
            "On 20th November 2024, the Overview and Scrutiny Committee recommended to Cabinet the "
            "recommendations of the Grounds Maintenance Task & Finish Group for approval",
        ),
        ("p", "Publication date: 06/12/2024"),
        ("p", "Date of decision: 03/12/2024"),
        ("p", "Decided at meeting: 03/12/2024 - Cabinet"),
    ]


# -- Guildford Borough Council: modern.gov decision details whose typed labels were left blank, 2024
def guildford_executive_2024_whistleblowing():
    return [
        ("p", "Decision Maker: Executive"),
        ("p", "Decision status: Recommmend Forward to Council"),
        ("p", "Is Key decision?: No"),
        ("p", "Is subject to call in?: Yes"),
        (
            "p",
            "To adopt the policy set out in appendix 1 of the report incorporating the recommended amendments "
            "from the Corporate Governance and Standards Committee.",
        ),
        (
            "p",
            "It is right and proper to uphold the principles of transparency to encourage individuals to make "
            "any disclosures and raise any concerns where they suspect wrongdoing.",
        ),
        (
            "p",
            "It is important that the Council has a Policy in place to govern such disclosures and that such "
            "Policy is kept under regular review.",
        ),
        ("b", "Other options considered and rejected by the Executive:"),
        (
            "b",
            "Details of any conflict of interest declared by the Leader or lead councillors and any dispensation granted:",
        ),
        ("p", "Report author: Susan Sale"),
        ("p", "Publication date: 26/01/2024"),
        ("p", "Date of decision: 25/01/2024"),
        ("p", "Decided at meeting: 25/01/2024 - Executive"),
        ("p", "Effective from: 02/02/2024"),
        ("b", "Accompanying Documents:"),
    ]


# -- South Holland District Council: modern.gov decision details, 2022 ---------------------------
def sholland_cabinet_2022_task_group():
    return [
        ("p", "Decision Maker: Cabinet"),
        ("p", "Decision status: Recommendations Approved"),
        ("p", "Is Key decision?: No"),
        ("p", "Is subject to call in?: Yes"),
        ("p", "To present the task group’s final report for consideration."),
        (
            "p",
            "1. That the recommendations (1 to 6) as set out in section 7 of the of the Task Group’s Final "
            "Report are approved.",
        ),
        (
            "p",
            "2. That a Cabinet Task Group be set up and led by the Portfolio Holder for Communities and "
            "Facilities to ensure a realistic timetable was achieved and recommendations implemented;",
        ),
        (
            "p",
            "To ensure that Cabinet is fully briefed on the task group’s findings and identifies the appropriate "
            "recommendations which should be taken forward for further review.",
        ),
        ("p", "Do nothing – none of the task groups recommendations would be approved."),
        ("p", "Conflict of Interest: None"),
        ("p", "Dispensation Granted: None"),
        ("p", "Publication date: 07/06/2022"),
        ("p", "Date of decision: 07/06/2022"),
        ("p", "Decided at meeting: 07/06/2022 - Cabinet"),
        ("p", "Effective from: 15/06/2022"),
        ("b", "Accompanying Documents:"),
    ]


# -- East Sussex County Council: a Lead Member decision in the published decisions list, 2020 -----
def east_sussex_lead_member_2020_highway_character():
    return [
        ("Heading 1", "Decisions published"),
        ("b", "17/11/2020 - Highway Maintenance - Consideration of Character ref: 1249    Item Deferred"),
        (
            "p",
            "To consider a proposal for a new policy regarding the approach to the choice of materials used in "
            "the management of highway assets including those of particular conservation and historical interest",
        ),
        ("p", "Decision Maker: Lead Member for Transport and Environment"),
        ("p", "Made at meeting: 17/11/2020 - Lead Member for Transport and Environment"),
        ("p", "Decision published: 17/11/2020"),
        ("p", "Effective from: 17/11/2020"),
        ("b", "Decision:"),
        (
            "p",
            "24.1     The Lead Member considered a request by the Assistant Director, Operations to defer the "
            "report to a future meeting, to allow for further engagement with partner authorities.  ",
        ),
        ("p", NBSP),
        ("b", "DECISIONS"),
        ("p", NBSP),
        ("p", "24.2     The Lead Member RESOLVED to agree to the deferment of the report. "),
        ("p", NBSP),
        ("p", NBSP),
        ("p", "Divisions affected: (All Divisions);"),
        ("p", "Lead officer: Stephanie Everest"),
    ]


# -- Torbay Council: "Issue - decisions" page, recommendations listed (i) to (vii), 2019 ---------
def torbay_2019_land_release_fund():
    return [
        ("Heading 1", "Issue - decisions"),
        ("Heading 2", "Land Release Fund Recommendations from the Overview and Scrutiny Board"),
        ("Heading 3", "04/10/2019 - Land Release Fund Recommendations from the Overview and Scrutiny Board"),
        (
            "p",
            "(i)           that Council Directors ensure that all bids submitted for their portfolio are checked "
            "by them for accuracy;",
        ),
        ("p", NBSP),
        (
            "p",
            "(ii)          significant decisions made by Officers, such as the acceptance of the Land Release "
            "Fund (LRF) Grant, should have formal Record of Decisions, irrespective of whether or not the legal "
            "test for their preparation is met;",
        ),
        ("p", NBSP),
        (
            "p",
            "(iii)         meetings such as the one where the Mayor and Group Leaders were consulted on the LRF, "
            "should be minuted in the future;",
        ),
        ("p", NBSP),
        (
            "p",
            "(iv)      any information requested by Councillors for consideration by committees must be produced "
            "as requested and in a timely manner;",
        ),
        ("p", NBSP),
        (
            "p",
            "(v)       there is a need for clear and transparent reports.  All reports must include background "
            "information and context to items for which there is a need for a decision by either Cabinet or "
            "Full Council;",
        ),
        ("p", NBSP),
        (
            "p",
            "(vi)      all future bids for Government money must be made and submitted in accordance with the "
            "Constitution; and",
        ),
        ("p", NBSP),
        (
            "p",
            "(vii)     that Officers ensure that the submission of all future bids are in accordance with "
            "Council Policies.",
        ),
    ]


# -- Greater Manchester Combined Authority: officer decisions in the published decisions list ------
def gmca_treasurer_2022_bredbury_drainage():
    return [
        ("Heading 1", "Decisions published"),
        (
            "b",
            "27/07/2022 - Delivery of works to remediate the drainage at GMCA Bredbury Landfill Site. ref: 1402"
            "    Recommendations Approved",
        ),
        (
            "p",
            "This supplier provided the most economically advantageous tender which met the requirements of the "
            "project",
        ),
        ("p", "Decision Maker: Treasurer GMCA"),
        ("p", "Decision published: 10/08/2022"),
        ("p", "Effective from: 27/07/2022"),
        ("b", "Decision:"),
        ("p", "The contract is awarded to Eric Wright Civil Engineering Limited"),
        ("p", "Lead officer: Nicola Ward"),
    ]


def gmca_pcc_2023_lums_research_contract():
    return [
        ("Heading 1", "Decisions published"),
        (
            "b",
            "07/02/2023 - GMP DN - A0875 Research and development contract to Lancaster University Management "
            "School ref: 1785    Recommendations Approved",
        ),
        (
            "p",
            "The services can only be provided by a particular economic operator (LUMS). No other business "
            "schools are likely to have the previous experience to be able to carry out the particular piece of "
            "work and it is necessary in order to protect exclusive rights, including LUMS’ intellectual "
            "property rights), and there is no reasonable alternative or substitute provider.",
        ),
        (
            "p",
            "Under these circumstances a direct award of a contract to LUMS can be made under Regulation 32 of "
            "The Public Contracts Regulations 2015 without a formal procurement process having to be undertaken.",
        ),
        ("p", "Decision Maker: Treasurer GMCA"),
        ("p", "Decision published: 27/02/2023"),
        ("p", "Effective from: 07/02/2023"),
        ("b", "Decision:"),
        (
            "p",
            "The Deputy Mayor approves the direct award of a 3 year research contract to Lancaster University "
            "Management School (LUMS). studying the response to GMP being engaged by HMICRS which will be used "
            "to develop a practitioner guide to managing transformational change.",
        ),
        (
            "p",
            "The likely value of the contract would be circa £600,000 over 3 years with additional costs to "
            "cover practitioners.",
        ),
        ("p", "Lead officer: Lisa Lees"),
    ]


def gmca_pcc_2022_dhr_learning_event():
    return [
        ("Heading 1", "Decisions published"),
        ("b", "01/07/2022 - Domestic Homicide Review – learning event ref: 1401    Recommendations Approved"),
        ("p", "The reasons for the decision are:"),
        (
            "p",
            "The GMCA has held annual DHR learning events. The events in 2020 and 2021 were not held due to "
            "covid and therefore we will be holding an event in June 2022 to enable partners to come together to "
            "share learning.",
        ),
        (
            "p",
            "This event supports the dissemination of learning and recommendations arising from domestic "
            "homicides across Greater Manchester, with the ambition to drive improvement across all agencies in "
            "their response to domestic abuse.",
        ),
        ("p", "Decision Maker: Director for Police, Crime, Criminal Justice and Fire"),
        ("p", "Decision published: 08/08/2022"),
        ("p", "Effective from: 01/07/2022"),
        ("b", "Decision:"),
        (
            "p",
            "An amount of £1500 be provided to support GMCA holding a face-to-face Domestic Homicide Review "
            "event. The resource will be used for room hire, refreshments and other associated costs.",
        ),
        ("p", "Since sign off this cost has now increased to £1807.20"),
        (
            "p",
            "Rationale for this is that we used an external venue for this as we could not find a meeting room "
            "in GMCA / GMP which would accommodate the numbers.",
        ),
    ]


# -- Spelthorne Borough Council (committee system): a committee decision in the decisions list, 2024
def spelthorne_committee_2024_air_quality():
    return [
        ("Heading 1", "Decisions"),
        (
            "p",
            "Use the search options below to find information regarding recent decisions that have been taken "
            "by the council’s decision making bodies.",
        ),
        (
            "p",
            "Alternatively you can visit the officer decisions page for information on officer delegated "
            "decisions that have been taken by council officers.",
        ),
        ("Heading 2", "Decisions recommendations approved (subject to call-in)"),
        (
            "b",
            "16/04/2024 - Draft Air Quality Action Plan ref: 2113    Recommendations Approved (subject to call-in)",
        ),
        (
            "p",
            "A report will be presented with the draft AQAP in order to allow Members to decide to start the "
            "public consultation process for the AQAP.",
        ),
        ("p", "Decision Maker: Environment and Sustainability Committee"),
        ("p", "Made at meeting: 16/04/2024 - Environment and Sustainability Committee"),
        ("p", "Decision published: 17/04/2024"),
        ("p", "Effective from: 23/04/2024"),
        ("b", "Decision:"),
        ("p", "The Committee resolved to:"),
        ("p", NBSP),
        (
            "p",
            "1.    Approve the progression of the draft Air Quality Action Plan for submission to Defra for "
            "review; and",
        ),
        (
            "p",
            "2.    Approve the progression of the draft Air quality Action Plan to undergo Public Consultation.",
        ),
        ("p", "Wards affected: (All Wards);"),
        ("p", "Lead officer: Claire Lucas, Tracey Willmott-French"),
    ]


def gmca_cfo_2025_digital_inclusion():
    return [
        ("Heading 1", "Decisions published"),
        ("b", "14/03/2025 - Digital Inclusion – Funding for Schools ref: 3261    Recommendations Approved"),
        (
            "p",
            "This is in line with the strategic priorities set out in the GM Digital Blueprint and GM Strategy, and "
            "funding has been agreed with the Dept of Science Innovation & Technology (DSIT) specifically for these "
            "purposes.",
        ),
        (
            "p",
            "If we do not accept the funding Greater Manchester will miss out on £1m of additional investment in "
            "digital inclusion.",
        ),
        ("p", "Decision Maker: Group Chief Finance Officer"),
        ("p", "Decision published: 14/03/2025"),
        ("p", "Effective from: 14/03/2025"),
        ("b", "Decision:"),
        (
            "p",
            "The GMCA should accept a grant of £1M of funding from the Department of Science Innovation & "
            "Technology that is to then be provided to localities in support of Digital Inclusion.",
        ),
        (
            "p",
            "Given the funding is provided on the basis that it will be used for the purpose of funding schools "
            "(through local authorities) to provide digital participation/inclusion activities, approve the "
            "passporting of the money to the Local Authorities for onward transfer to schools.",
        ),
        ("p", "Lead officer: Nicola Ward"),
    ]


# -- Warwickshire PCC: decision notices on the decisions log, labels typed in bold ---------------
def warwickshire_pcc_wpcc3_0089():
    return [
        ("Heading 1", "WPCC3-0089 Police and Crime Commissioners Grants 2023/24"),
        ("p", "**Decision Reference Number:** WPCC3-0089"),
        ("p", "**Lead Officer:** Sara Ansell"),
        ("p", "**Chief Officer approval:** N/A"),
        ("p", "**Date:** 31/03/2023"),
        ("p", "**Status:** Non-confidential"),
        ("b", "Decision summary:"),
        (
            "p",
            "The 2023/24 Commissioner’s Grants round has been concluded, following a full and comprehensive "
            "process. The PCC has awarded a total of £525,179 (breakdown summarised in this decision notice and "
            "as part of the supporting documentation) to various community projects in Warwickshire split "
            "across the small grants scheme, road safety grants and community safety partnership priority (CSP) "
            "funding.  Aside from these grants the PCC also commissions and funds various other services which "
            "are outside the scope of this decision notice.",
        ),
        (
            "p",
            "The costs of the annual grants and partnership funded works will be met from within the 2023/24 PCC "
            "budget and the ring fenced road safety reserve, and this decision notice seeks formal approval of "
            "the allocations to the various specific organisations.",
        ),
        (
            "p",
            "I confirm that my register of interests declaration is up to date and that none of my interests "
            "preclude me from making this decision.",
        ),
        ("p", "**Signature:**  Philip Seccombe"),
        ("p", "**Date:**  4 April 2023"),
        ("b", "Supporting information"),
        ("b", "1. Background information"),
        (
            "p",
            "The annual grants process operates alongside the various PCC commissioned services and partnership "
            "working initiatives and projects. This decision notice relates solely to the annual grants awarded "
            "by the PCC for 2023/24.",
        ),
        (
            "p",
            "In 2023/24, the total budget for these grants was £510,000.  The PCC has agreed with the Treasurer "
            "that based on application merit, an over allocation of awards against the budget could be "
            "permitted, of approximately 10%.",
        ),
    ]


def warwickshire_pcc_wpcc3_0129():
    return [
        ("p", "**Decision Reference Number:** WPCC3-0129"),
        ("p", "**Lead Officer:** Emma Dixon"),
        ("p", "**Chief Officer approval:** N/A"),
        ("p", "**Date:** 12/03/2024"),
        ("p", "**Status:** Non-confidential"),
        ("b", "Decision summary:"),
        (
            "p",
            "The 2024/25 Commissioner’s Grants round has been concluded, following a full and comprehensive "
            "process. The PCC has awarded a total of £299,213.13 (breakdown summarised in this decision notice "
            "and as part of the supporting documentation) to various community projects in Warwickshire split "
            "across the small grants scheme, road safety grants. Aside from these grants the PCC also "
            "commissions and funds various other services including the Community Safety Partnerships (CSPs) "
            "which are outside the scope of this decision notice.",
        ),
        (
            "p",
            "The costs of the annual grants and partnership funded works will be met from within the 2024/25 PCC "
            "budget and the ring-fenced road safety reserve, and this decision notice seeks formal approval of "
            "the allocations to the various specific organisations.",
        ),
        (
            "p",
            "I confirm that my register of interests’ declaration is up to date and that none of my interests "
            "preclude me from making this decision.",
        ),
        ("p", "**Signature:** P.Seccombe"),
        ("p", "**Date:** 13/03/2024"),
        ("b", "Supporting information"),
        ("b", "1. Background information"),
        (
            "p",
            "The annual grants process operates alongside the various PCC commissioned services and partnership "
            "working initiatives and projects. This decision notice relates solely to the annual grants awarded "
            "by the PCC for 2024/25.",
        ),
        (
            "p",
            "In 2024/25, the total budget for these grants is £300,000. The PCC has agreed with the Treasurer "
            "that based on application merit, an over allocation of awards against the budget could be "
            "permitted, of approximately 10%. This has been agreed following year on year underspending on "
            "projects by a number of partners due to a variety of reasons, and there is therefore, a strong "
            "possibility that this will happen again in 2024/25.",
        ),
    ]


def warwickshire_pcc_wpcc4_0060():
    return [
        ("p", "**Decision Reference Number:** WPCC4-0060"),
        ("p", "**Lead Officer:** Polly Reed"),
        ("p", "**Chief Officer approval:** N/A"),
        ("p", "**Date:** 09/04/2025"),
        (
            "p",
            "**Publication:** Information in this form is subject to the Freedom of Information Act 2000 (FOI Act) "
            "and other legislation. Unless the information provided is covered by an exemption and stated to be "
            "either confidential or partly confidential, the information contained in the form will be published "
            "on the OPCC website.",
        ),
        ("p", "**Status:** Non-confidential"),
        (
            "p",
            "**If partially-confidential or confidential please detail the FOI exemption applied and specify which "
            "parts are confidential:**",
        ),
        ("b", "Decision summary:"),
        (
            "p",
            "This policy sets out the Office of the Police and Crime Commissioner’s approach in managing contact "
            "from members of the public in circumstances where their behaviour is considered unacceptable or "
            "unreasonable.",
        ),
        (
            "p",
            "I confirm that my register of interests declaration is up to date and that none of my interests "
            "preclude me from making this decision.",
        ),
        ("p", "**Signature:** P.Seccombe"),
        ("p", "**Date:** 11/04/2025"),
        ("b", "Supporting information"),
        ("b", "1. Background information: why do we need to make this decision?"),
        (
            "p",
            "The Office of the Police and Crime Commissioner (OPCC) deals with a significant volume of "
            "correspondence from the public each year and tries to ensure that the service provided is "
            "approachable, consistent, cost-effective and delivered fairly to all.",
        ),
        (
            "p",
            "This policy sets out the OPCC’s approach in managing contact from members of the public in "
            "circumstances where their behaviour is considered unacceptable or unreasonable, thereby adversely "
            "impacting on the work and welfare of the members of OPCC staff.",
        ),
        (
            "p",
            "In most cases interactions with the public are dealt with satisfactorily and without concern. "
            "However, in a small number of cases, people pursue their issues or complaints with us in a way that "
            "is not acceptable. They may behave unacceptably and / or be unreasonably persistent in their contact.",
        ),
    ]


# -- Lancashire PCC: one entry of the quarterly decisions table, labels and values in two columns --
def lancashire_pcc_2024_joint_procurement():
    return [
        ("Heading 1", "Decisions"),
        (
            "table",
            [
                ("Decision Ref:", "2023/52"),
                ("Issue:", "Joint Procurement Strategy"),
                (
                    "Decision:",
                    "The Joint Procurement Strategy was presented at the Accountability Board on 11th March 2024 "
                    "for approval.\n\nBoth the Chief Constable and I have considered and approved the Joint "
                    "Procurement Strategy.",
                ),
                ("Date of Decision:", "11th March 2024"),
                ("Decision Papers/Reason for Restricted", "Decision Notice Joint Procurement Strategy"),
                ("Decision Maker:", "PCC & CC"),
            ],
        ),
    ]


# -- Lancashire PCC, 2014: the same kind of entry, typed as label lines with the values under them -
def lancashire_pcc_2014_pension_scheme():
    return [
        ("b", "Decision Ref:"),
        ("Heading 2", "Local Government Pension Scheme"),
        (
            "p",
            "The Commissioner has approved the publication of the revised statement of policy in relation to the "
            "Local Government Pension Scheme (LGPS).",
        ),
        ("b", "Date of Decision:"),
        ("p", "27th June 2014"),
        ("b", "Decision Papers/Reason for Restricted"),
        ("p", "Decision-2014-18-Pension-Scheme"),
        ("b", "Decision Maker:"),
        ("p", "PCC"),
    ]


def lancashire_pcc_2020_reducing_reoffending():
    return [
        ("b", "Decision Ref:"),
        ("Heading 2", "Reducing Re-Offending Funding"),
        (
            "p",
            "The Commissioner has approved £89,350.00 from the Reducing Reoffending Fund for the four projects "
            "outlined in Appendix A.",
        ),
        ("b", "Date of Decision:"),
        ("p", "2nd September 2020"),
        ("b", "Decision Papers/Reason for Restricted"),
        ("p", "Decision 2020-17 Appendix A 2020/17"),
        ("b", "Decision Maker:"),
        ("p", "PCC"),
    ]


# -- Cleveland PCC: the first decision in the PCC's table of decisions, 2012 ----------------------
def cleveland_pcc_2012_key_documentation():
    summary = [
        (
            None,
            "Immediate adoption of the below items is required to enable the Office of the PCC (OPCC) to "
            "function. These policies have been prepared based on national Models and professional officer "
            "input. They have also in the main been approved through the Transition Programme Board. The PCC "
            "can change them at any time (subject to formal decision making processes).",
        ),
        *(
            ("List Bullet", item)
            for item in (
                "Scheme of Governance",
                "Financial Regulations",
                "Contract Standing Orders",
                "Decision Making Structure and Recording Decision",
                "Treasury Management Policy",
                "Police and Crime Commissioner Code of Conduct",
                "Audit Committee Arrangements",
            )
        ),
    ]
    return [
        ("Heading 1", "Decisions of the PCC - November & December 2012"),
        (
            "p",
            "On this page, any decisions made by the Police and Crime Commissioner for Cleveland will be "
            "published. The table below outlines each decision supported by the Decision Form used by the "
            "Commissioner to justify the decision.",
        ),
        (
            "p",
            "Note: Where a link to the decision document is unavailable. this will be updated as soon as possible",
        ),
        ("p", NBSP),
        (
            "grid",
            [
                ["DECISION REF NO.", "DETAILS OF DECISION", "DECISION SUMMARY ", "DATE AUTHORISED", "UPDATE"],
                [
                    "1 - 2012",
                    "Adoption of key documentation to enable the OPCC to function as necessary.",
                    summary,
                    "23/11/2012",
                    "",
                ],
            ],
            True,
        ),
    ]


# -- MOPAC: a DMPC decision as listed on the MOPAC decisions page, 2023 --------------------------
def mopac_pcd_1306_vawg_commissioning():
    return [
        (
            "Heading 2",
            "PCD 1306 - Tackling Violence Against Women and Girls Commissioning decision 2023/2024",
        ),
        ("p", "Page type: Decision"),
        ("List Bullet", "Date signed:"),
        ("List Bullet", "Date published:"),
        ("List Bullet", "Reference code: PCD 1306"),
        (
            "p",
            "The Mayor has committed to continuing to make Tackling Violence Against Women and Girls a top "
            "priority as part of London’s recovery from the COVID-19 pandemic and as cases continue to rise. "
            "This decision requests continuation and extension of funding to the end of March 2024 to the "
            "following projects and services for victims and survivors of Violence Against Women and Girls, to "
            "ensure they continue to have access to specialist support needed to help them cope and recover from "
            "crime or trauma and/or reduce risk of victimisation and exploitation.",
        ),
        (
            "p",
            "The following 5 services have been identified as key programmes supporting the delivery of the "
            "Mayor’s ambition to tackle Violence Against Women and Girls and support victims and survivors:",
        ),
        ("List Bullet", "the four London Rape Crisis Centres, covering north, south, east and west London."),
        ("List Bullet", "Survivors UK, specialist support for male victims of rape and sexual abuse"),
        (
            "List Bullet",
            "London Survivors Gateway, a partnership providing services for survivors of sexual violence",
        ),
        ("List Bullet", "Galop, specialist support for LGBTQI+ victims of rape and sexual abuse"),
        (
            "List Bullet",
            "Pan London Housing Reciprocal supporting victims and survivors of VAWG and youth violence into "
            "accommodation",
        ),
        ("p", "The total financial commitment will be £4,642,689 in 2023/24."),
    ]


RECORDS = {
    # file stem: (builder, closest built-in profile, document title)
    "harrow_cabinet_2012_public_realm": (
        harrow_cabinet_2012_public_realm,
        COUNCIL,
        "Public Realm Integrated Services Model: Business Case - Referral by Call-In Sub-Committee",
    ),
    "tendring_cabinet_2013_call_in": (
        tendring_cabinet_2013_call_in,
        COUNCIL,
        "Minor Review of Call-In Procedures",
    ),
    "cambridge_exec_councillor_property_review": (
        cambridge_exec_councillor_property_review,
        COUNCIL,
        "Property Review",
    ),
    "maidstone_cabinet_2012_right_to_challenge": (
        maidstone_cabinet_2012_right_to_challenge,
        COUNCIL,
        "The Community Right to Challenge",
    ),
    "north_herts_cabinet_2024_strategic_planning": (
        north_herts_cabinet_2024_strategic_planning,
        COUNCIL,
        "Decision details",
    ),
    "oxfordshire_cabinet_2015_delegation": (oxfordshire_cabinet_2015_delegation, COUNCIL, "Decision details"),
    "welhat_cabinet_2024_grounds_maintenance": (
        welhat_cabinet_2024_grounds_maintenance,
        COUNCIL,
        "Decision details",
    ),
    "guildford_executive_2024_whistleblowing": (
        guildford_executive_2024_whistleblowing,
        COUNCIL,
        "Decision details",
    ),
    "sholland_cabinet_2022_task_group": (sholland_cabinet_2022_task_group, COUNCIL, "Decision details"),
    "east_sussex_lead_member_2020_highway_character": (
        east_sussex_lead_member_2020_highway_character,
        COUNCIL,
        "Highway Maintenance - Consideration of Character",
    ),
    "torbay_2019_land_release_fund": (
        torbay_2019_land_release_fund,
        COUNCIL,
        "Land Release Fund Recommendations from the Overview and Scrutiny Board",
    ),
    "gmca_treasurer_2022_bredbury_drainage": (
        gmca_treasurer_2022_bredbury_drainage,
        COUNCIL,
        "Delivery of works to remediate the drainage at GMCA Bredbury Landfill Site",
    ),
    "gmca_pcc_2023_lums_research_contract": (
        gmca_pcc_2023_lums_research_contract,
        COUNCIL,
        "GMP DN - A0875 Research and development contract to Lancaster University Management School",
    ),
    "gmca_pcc_2022_dhr_learning_event": (
        gmca_pcc_2022_dhr_learning_event,
        COUNCIL,
        "Domestic Homicide Review – learning event",
    ),
    "gmca_cfo_2025_digital_inclusion": (
        gmca_cfo_2025_digital_inclusion,
        COUNCIL,
        "Digital Inclusion – Funding for Schools",
    ),
    "spelthorne_committee_2024_air_quality": (
        spelthorne_committee_2024_air_quality,
        COUNCIL,
        "Draft Air Quality Action Plan",
    ),
    "warwickshire_pcc_wpcc3_0089": (
        warwickshire_pcc_wpcc3_0089,
        PCC,
        "WPCC3-0089 Police and Crime Commissioners Grants 2023/24",
    ),
    "warwickshire_pcc_wpcc3_0129": (
        warwickshire_pcc_wpcc3_0129,
        PCC,
        "WPCC3-0129 Police and Crime Commissioners Grants 2024-25",
    ),
    "warwickshire_pcc_wpcc4_0060": (
        warwickshire_pcc_wpcc4_0060,
        PCC,
        "WPCC4-0060",
    ),
    "lancashire_pcc_2024_joint_procurement": (
        lancashire_pcc_2024_joint_procurement,
        PCC,
        "Joint Procurement Strategy",
    ),
    "lancashire_pcc_2014_pension_scheme": (
        lancashire_pcc_2014_pension_scheme,
        PCC,
        "Local Government Pension Scheme",
    ),
    "lancashire_pcc_2020_reducing_reoffending": (
        lancashire_pcc_2020_reducing_reoffending,
        PCC,
        "Reducing Re-Offending Funding",
    ),
    "cleveland_pcc_2012_key_documentation": (
        cleveland_pcc_2012_key_documentation,
        PCC,
        "Decisions of the PCC - November & December 2012",
    ),
    "mopac_pcd_1306_vawg_commissioning": (
        mopac_pcd_1306_vawg_commissioning,
        PCC,
        "PCD 1306 - Tackling Violence Against Women and Girls Commissioning decision 2023/2024",
    ),
}


def _fill_cell(document, cell, value, bold: bool) -> None:
    paragraphs = [(None, value)] if isinstance(value, str) else list(value)
    for n, (style, text) in enumerate(paragraphs):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        if style:
            paragraph.style = _style(document, style)
        _runs(paragraph, text, bold)


def _place_grids(path: Path, grids: list[tuple[list, bool]]) -> None:
    """Put each ("grid", ...) table where build() left its marker paragraph."""
    document = docx.Document(path)
    for n, (rows, header) in enumerate(grids):
        marker = next(p for p in document.paragraphs if p.text == _GRID_MARK.format(n))
        table = document.add_table(rows=0, cols=max(len(row) for row in rows))
        for r, row in enumerate(rows):
            for cell, value in zip(table.add_row().cells, row, strict=False):
                _fill_cell(document, cell, value, bold=header and r == 0)
        marker._p.addprevious(table._tbl)
        marker._p.getparent().remove(marker._p)
    document.save(path)


def write_record(folder: Path, name: str) -> Path:
    """Write one record as FOLDER/NAME.docx, with its title and language set in the properties."""
    builder, _, title = RECORDS[name]
    items, grids = [], []
    for item in builder():
        if item[0] == "grid":
            items.append(("p", _GRID_MARK.format(len(grids))))
            grids.append((item[1], item[2]))
        else:
            items.append(item)
    path = build(folder / f"{name}.docx", items, title=title, language="en-GB")
    if grids:
        _place_grids(path, grids)
    return path


def write_records(folder: Path) -> list[Path]:
    """Write every collected record into `folder` (created if need be); returns the paths, in RECORDS order."""
    folder.mkdir(parents=True, exist_ok=True)
    return [write_record(folder, name) for name in RECORDS]


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/collected_records.py FOLDER")
    for written in write_records(Path(sys.argv[1])):
        print(written)
