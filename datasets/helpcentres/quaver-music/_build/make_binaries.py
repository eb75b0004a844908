"""Build the PDF and DOCX documents of the Quaver Music School help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
Source text for each binary document is kept in SOURCES, so that check_golden.py can
test the golden facts without parsing PDF or DOCX. The built files are written to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "exams/exam-entry-regulations.pdf": [
        ("title", "Graded Exam Entry Regulations"),
        ("p", "Quaver Music School Ltd, entering candidates for the graded practical and theory examinations of the Lindenmere Board of Music (\"the Board\"). Regulations QMS-EX-4, effective 1 August 2026. These Regulations form part of the contract between Quaver and the person making the entry (\"the Entrant\"). Where a candidate is under 18, the Entrant is the account holder."),
        ("h1", "1. Eligibility"),
        ("p", "1.1 A candidate may be entered through Quaver only if they are a current Quaver learner and have completed at least 8 lessons with Quaver before the closing date of the session. 1.2 The candidate's teacher must confirm in writing, through the app, that the candidate is ready for the grade entered. 1.3 There is no minimum age for any grade. Candidates do not need to pass lower grades before entering a higher one, save that candidates for practical Grades 6, 7 and 8 must hold Grade 5 Theory or an equivalent accepted by the Board."),
        ("h1", "2. Entry fees"),
        ("p", "2.1 Entry fees are set by the Board and collected by Quaver on the Board's behalf at the time of entry. They are payable in full and are separate from lesson fees and from Quaver account fees. 2.2 The fees for the 2026 to 2027 sessions are:"),
        ("grid", [
            ["Grade", "Remote practical (filmed at home)", "In-person practical (Board centre)"],
            ["Initial Grade", "£38.00", "£44.00"],
            ["Grade 1", "£45.00", "£52.00"],
            ["Grade 2", "£50.00", "£58.00"],
            ["Grade 3", "£56.00", "£64.00"],
            ["Grade 4", "£62.00", "£71.00"],
            ["Grade 5", "£69.00", "£79.00"],
            ["Grade 6", "£82.00", "£94.00"],
            ["Grade 7", "£91.00", "£104.00"],
            ["Grade 8", "£108.00", "£124.00"],
        ]),
        ("p", "2.3 Theory examinations (Grades 1 to 5) are taken online only, at a fee of £42.00 for any grade. 2.4 No VAT is charged on entry fees."),
        ("h1", "3. Sessions and closing dates"),
        ("grid", [
            ["Session", "Closing date for entries", "Exam period"],
            ["Spring", "31 January", "1 to 31 March"],
            ["Summer", "30 April", "10 June to 20 July"],
            ["Autumn", "15 September", "1 November to 10 December"],
        ]),
        ("p", "3.1 Entries are made by the teacher with the Entrant's consent, under Exams > Enter a candidate. 3.2 Entries received in the 7 days after a closing date are accepted as late entries and carry the late entry surcharge published in the Quaver Account Fees schedule. No entry is accepted more than 7 days after a closing date."),
        ("h1", "4. Withdrawals, transfers and refunds"),
        ("p", "4.1 An entry withdrawn on or before the closing date is refunded in full, less an administration charge of £5.00. 4.2 No refund is made for an entry withdrawn after the closing date, save under 4.3. 4.3 Where a candidate cannot take the exam because of illness or injury, the Entrant may, within 14 days after the exam date (or, for remote exams, after the upload deadline), submit a medical certificate. The Entrant may then choose either a refund of 50% of the entry fee or one free transfer to the next session. 4.4 A transfer for any other reason is at the Board's discretion and is subject to the session transfer fee in the Quaver Account Fees schedule."),
        ("h1", "5. Remote practical examinations"),
        ("p", "5.1 The candidate's performance shall be filmed in a single continuous take with no edits, cuts or filters. 5.2 The camera shall show the candidate's face, hands and instrument throughout; for pianists, both hands and the pedals. 5.3 The candidate shall state their name and candidate number to camera at the start. 5.4 No other person may be in view except an accompanist, and no one may prompt the candidate. 5.5 The recording shall be uploaded through the app within 10 days after the start of the candidate's booked upload window, in a single file no larger than 4 GB. 5.6 A recording that does not meet this clause 5 may be rejected by the Board without refund."),
        ("h1", "6. In-person practical examinations"),
        ("p", "6.1 The Board allocates the date, time and centre and notifies the Entrant at least 21 days beforehand. Dates cannot be chosen but a clash with a school exam may be notified at entry. 6.2 Candidates shall arrive at least 15 minutes before their allocated time with photographic identification or, if under 16, with an adult who can confirm their identity."),
        ("h1", "7. Access arrangements"),
        ("p", "7.1 Candidates with a disability, specific learning difficulty or medical condition may apply for access arrangements such as extra time, large-print papers or a modified scale requirement. 7.2 Applications shall be made at the time of entry, with supporting evidence, and no later than 21 days before the start of the session's exam period. Late applications cannot be guaranteed."),
        ("h1", "8. Results"),
        ("p", "8.1 Results are issued by the Board. Timescales, certificates and result reviews are described in Exam results, certificates and resits. 8.2 Quaver cannot change a mark or a result."),
        ("h1", "9. Conduct"),
        ("p", "9.1 Any attempt to deceive the Board, including a recording that is not wholly the candidate's own performance in a single take, will lead to the result being withheld and may bar the candidate from the Board's examinations for up to 2 years. 9.2 Queries about these Regulations: the Exams Office, 01 555 0142, exams@quaver-music.example."),
    ],
    "rental/instrumentcare-cover.pdf": [
        ("title", "InstrumentCare and InstrumentCare Plus: policy summary"),
        ("p", "InstrumentCare is optional insurance for instruments rented from Quaver Music School. It is underwritten by Fenwick Lane Assurance plc and sold by Quaver. It covers only instruments you rent from Quaver (including those on rent-to-own until they become yours); cover ends when the rental ends or on the day the instrument becomes yours."),
        ("h1", "1. Cover at a glance"),
        ("grid", [
            ["", "InstrumentCare", "InstrumentCare Plus"],
            ["Monthly price", "£2.50", "£4.50"],
            ["Accidental damage", "Covered, excess £30", "Covered, no excess"],
            ["Theft from your home", "Covered, excess £50", "Covered, excess £25"],
            ["Theft from a locked car boot", "Not covered", "Covered, excess £25"],
            ["Accidental loss (left behind)", "Not covered", "Covered, 1 claim in any 12 months, excess £50"],
            ["Cover outside the UK", "Not covered", "Up to 30 days a year in Europe"],
            ["Loan instrument during repair", "No", "Yes, sent within 5 working days"],
        ]),
        ("p", "The monthly price is added to your rental payment. You can add cover at any time from Account > Rentals > Cover; cover starts the next day, and damage that happened before that is not covered. You can cancel cover at any time and it ends at the end of the month paid for."),
        ("h1", "2. What is not covered"),
        ("bullets", [
            "Wear and tear, and consumables such as strings, reeds, pads and corks.",
            "Damage caused by pets or by insects such as moths or woodworm.",
            "Damage from heat, damp or sunlight, for example leaving a string instrument by a radiator.",
            "Theft from an unlocked home or car, or from a car overnight.",
            "Repairs you attempted yourself, and deliberate damage.",
            "Instruments that are not rented from Quaver.",
        ]),
        ("h1", "3. How to claim"),
        ("steps", [
            "Report the damage, loss or theft in the app within 7 days: Account > Rentals > Report a problem > Make a claim.",
            "For theft, report it to the police within 48 hours and note the crime reference number.",
            "Send the claim form, photos and any crime reference number to claims@fenwicklane.example within 30 days of the incident.",
            "Fenwick Lane Assurance contacts you within 5 working days and arranges the repair or replacement through Quaver.",
        ]),
        ("p", "Claims line (Fenwick Lane Assurance, Monday to Friday 09:00 to 17:00): 01 555 0168. The excess is added to your next rental payment."),
        ("h1", "4. Complaints"),
        ("p", "Write to complaints@fenwicklane.example. If you are not satisfied after 8 weeks, you can ask the Financial Ombudsman Service to review your complaint free of charge."),
    ],
    "rental/instrument-rental-agreement.docx": [
        ("title", "Instrument Rental and Rent-to-Own Agreement"),
        ("p", "Terms version R-7, effective 1 July 2026, between Quaver Music School Ltd (\"Quaver\", \"we\") and the account holder who orders the rental (\"the Hirer\", \"you\"). The Hirer must be 18 or over. This Agreement is separate from any lesson plan: ending a plan does not end a rental, and ending a rental does not end a plan."),
        ("h1", "1. Instruments, monthly rental and deposit"),
        ("grid", [
            ["Instrument", "Monthly rental", "Deposit", "Rent-to-own price"],
            ["Violin (1/4 to 4/4), with case and bow", "£14.00", "£40.00", "£336.00"],
            ["Viola (14\" to 16\"), with case and bow", "£18.00", "£50.00", "£432.00"],
            ["Cello (1/2 to 4/4), with soft case and bow", "£32.00", "£90.00", "£768.00"],
            ["Flute", "£19.00", "£50.00", "£456.00"],
            ["Clarinet", "£19.00", "£50.00", "£456.00"],
            ["Alto saxophone", "£29.00", "£80.00", "£696.00"],
            ["Trumpet", "£17.00", "£40.00", "£408.00"],
            ["Acoustic guitar, with gig bag", "£12.00", "£30.00", "£288.00"],
            ["Digital piano, 88 weighted keys, with stand", "£35.00", "£100.00", "£840.00"],
        ]),
        ("p", "1.1 The monthly rental is collected on the rental payment date, being the day of the month on which the instrument was delivered. 1.2 The deposit is a payment, not a card hold, and is taken when the order is placed. 1.3 Delivery and collection within the United Kingdom are free of charge, save as stated in clauses 8 and 9."),
        ("h1", "2. Minimum term"),
        ("p", "2.1 Each rental has a minimum term of 3 months from the delivery date, save for a return under the 14-day change-of-mind right described in Returning or swapping a rented instrument. 2.2 After the minimum term the rental continues from month to month until ended under clause 8 or completed under clause 3."),
        ("h1", "3. Rent-to-own"),
        ("p", "3.1 Every rental is a rent-to-own rental. When 24 monthly rentals have been paid for the same instrument, ownership passes to the Hirer and no further rental is due. 3.2 The Hirer may buy the instrument early at any time by paying the rent-to-own price less all rentals already paid, with a discount of 10% on that remaining balance. Request an early purchase under Account > Rentals > Buy now. 3.3 Rentals paid for an instrument exchanged under a free size swap count towards the replacement instrument. 3.4 On a completed purchase the deposit is refunded within 10 working days. 3.5 Until ownership passes, the instrument remains the property of Quaver and the Hirer may not sell, lend for payment, or pledge it."),
        ("h1", "4. Care and use"),
        ("p", "4.1 The Hirer shall keep the instrument at the UK address on the account, in its case when not in use, away from radiators, direct sunlight and damp. 4.2 The Hirer shall not alter the instrument or allow anyone other than a Quaver-approved repairer to repair it, save for changing strings. 4.3 The Hirer is responsible for consumables."),
        ("h1", "5. Damage, loss and theft"),
        ("p", "5.1 Fair wear and tear is Quaver's responsibility. 5.2 The Hirer shall report any damage, loss or theft within 7 days, and any theft to the police within 48 hours. 5.3 Where the Hirer holds InstrumentCare or InstrumentCare Plus, the Hirer's liability is limited to the excess in the policy summary. 5.4 Where the Hirer does not hold cover, the Hirer shall pay the repair charges published in Damage and repairs on rented instruments or, if the instrument is lost, stolen or beyond repair, the rent-to-own price less rentals already paid."),
        ("h1", "6. Missed payments"),
        ("p", "6.1 If a monthly rental is unpaid 14 days after its due date, Quaver may suspend rent-to-own progress until the arrears are paid. 6.2 If two consecutive monthly rentals are unpaid, Quaver may end this Agreement on 7 days' written notice and collect the instrument, and may apply the deposit to the arrears."),
        ("h1", "7. Changes to prices"),
        ("p", "7.1 Quaver shall not increase the monthly rental of an instrument during the first 12 months of its rental. Thereafter Quaver may increase it once in any 12 months on at least 30 days' written notice, and the Hirer may end the rental without notice before the increase takes effect."),
        ("h1", "8. Ending the rental"),
        ("p", "8.1 After the minimum term the Hirer may end the rental by giving at least 30 days' notice under Account > Rentals > End rental. 8.2 Quaver shall arrange a courier collection on a working day chosen by the Hirer within the notice period. 8.3 If the instrument is not ready for collection at the agreed time, a missed collection fee of £20.00 is payable for each missed collection. 8.4 Monthly rental is payable up to the end of the notice period. 8.5 The deposit is refunded to the original payment card within 10 working days after the instrument is received and inspected, less any sums due under clauses 5, 6 and 8.3."),
        ("h1", "9. Rentals Team"),
        ("p", "Rentals Team: 01 555 0131, Monday to Friday 09:00 to 17:30, rentals@quaver-music.example."),
    ],
    "safeguarding/safeguarding-policy.docx": [
        ("title", "Safeguarding Policy: learners under 18"),
        ("p", "Policy SG-3, approved by the Board of Directors of Quaver Music School Ltd, 1 September 2026. Reviewed annually. This Policy applies to every lesson, message and exam activity involving a learner under 18 (\"a young learner\"), and binds all Quaver teachers, staff and contractors."),
        ("h1", "1. Designated Safeguarding Lead"),
        ("p", "1.1 Quaver's Designated Safeguarding Lead is Dr Imogen Ashcroft. The Deputy Safeguarding Lead is Mr Tobias Penrose. 1.2 The Safeguarding line, 01 555 0157, is staffed every day from 08:00 to 22:00. Email: safeguarding@quaver-music.example. 1.3 If a child is in immediate danger, call 999 first."),
        ("h1", "2. Teacher vetting"),
        ("p", "2.1 Every teacher of young learners holds an enhanced criminal record check with a check of the children's barred list, renewed every 3 years. 2.2 Every teacher completes Quaver safeguarding training before their first lesson and a refresher every 12 months. 2.3 Two references are taken up before appointment, one from the most recent employer in a role involving children where there is one."),
        ("h2", "Supervision during lessons"),
        ("grid", [
            ["Age of learner", "Adult who must be present"],
            ["6 to 10", "A parent, guardian or adult they nominate must be in the same room for the whole lesson."],
            ["11 to 15", "An adult must be in the home, and the door of the room should be left open."],
            ["16 and 17", "An adult should be in the home; the learner may have lessons alone if the account holder has agreed in the app."],
        ]),
        ("p", "2.4 A teacher shall not start a lesson with a learner aged 6 to 10 until they have seen the adult on camera. If no adult is present within 10 minutes of the start time, the teacher ends the call and the lesson is credited."),
        ("h1", "3. Recording and images"),
        ("p", "3.1 All lessons with young learners are recorded automatically. Recordings are stored securely, are viewed only if a concern is raised or by the account holder, and are deleted after 30 days. 3.2 The account holder may ask for a copy of a recording within those 30 days under Account > Safeguarding > Request a recording. 3.3 Teachers shall not take screenshots, photographs or their own recordings of a young learner."),
        ("h1", "4. Communication"),
        ("p", "4.1 All communication between a teacher and a young learner shall take place through the Quaver app. Every message to or from a young learner is copied to the account holder. 4.2 Teachers shall not share personal phone numbers, email addresses or social media accounts with young learners or their families, and shall not accept friend or follow requests from them. 4.3 Teachers shall not meet young learners in person through Quaver."),
        ("h1", "5. Raising a concern"),
        ("steps", [
            "In the app, tap Report a concern on any lesson, message or teacher profile, or call the Safeguarding line on 01 555 0157.",
            "Say what happened, when, and who was involved. You do not need proof.",
            "The Safeguarding team acknowledges every concern within 24 hours and tells you what will happen next.",
            "Where the concern is about a teacher, that teacher is removed from lessons with young learners while it is looked into.",
        ]),
        ("p", "5.1 Staff and teachers must report any concern to the Designated Safeguarding Lead on the same day. 5.2 Quaver refers concerns to the local authority designated officer or the police where the law requires it."),
        ("h1", "6. Exams"),
        ("p", "6.1 For remote exams, the filming adult must be the account holder or an adult they nominate. 6.2 Exam recordings are sent only to the Lindenmere Board of Music and are not used for any other purpose."),
    ],
}


def plain_text(blocks: list[tuple[str, object]]) -> str:
    """The document's text as one string, for checking golden facts against it."""
    out: list[str] = []
    for kind, val in blocks:
        if kind in ("title", "h1", "h2", "p"):
            out.append(str(val))
        elif kind in ("bullets", "steps"):
            out.extend(val)  # type: ignore[arg-type]
        elif kind == "grid":
            out.extend(" | ".join(row) for row in val)  # type: ignore[union-attr]
    return "\n".join(out)


def build_pdf(path: Path, blocks: list[tuple[str, object]]) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import (ListFlowable, ListItem, Paragraph, SimpleDocTemplate,
                                    Spacer, Table, TableStyle)

    ss = getSampleStyleSheet()
    body = ss["BodyText"]
    story = []
    for kind, val in blocks:
        if kind == "title":
            story.append(Paragraph(escape(str(val)), ss["Title"]))
        elif kind == "h1":
            story.append(Paragraph(escape(str(val)), ss["Heading2"]))
        elif kind == "h2":
            story.append(Paragraph(escape(str(val)), ss["Heading3"]))
        elif kind == "p":
            story.append(Paragraph(escape(str(val)), body))
        elif kind in ("bullets", "steps"):
            items = [ListItem(Paragraph(escape(v), body)) for v in val]  # type: ignore[union-attr]
            story.append(ListFlowable(items, bulletType="1" if kind == "steps" else "bullet",
                                      start="1" if kind == "steps" else None, leftIndent=12))
        elif kind == "grid":
            data = [[Paragraph(escape(c), body) for c in row] for row in val]  # type: ignore[union-attr]
            t = Table(data, repeatRows=1)
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#3b2f7a")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Quaver Music School - help.quaver-music.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Quaver Music School",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Quaver Music School"
    for kind, val in blocks:
        if kind == "title":
            d.add_heading(str(val), level=1)
        elif kind == "h1":
            d.add_heading(str(val), level=1)
        elif kind == "h2":
            d.add_heading(str(val), level=2)
        elif kind == "p":
            d.add_paragraph(str(val))
        elif kind in ("bullets", "steps"):
            style = "List Number" if kind == "steps" else "List Bullet"
            for v in val:  # type: ignore[union-attr]
                d.add_paragraph(v, style=style)
        elif kind == "grid":
            rows = val  # type: ignore[assignment]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[arg-type]
            t.style = "Table Grid"
            for i, row in enumerate(rows):  # type: ignore[arg-type]
                for j, c in enumerate(row):
                    t.cell(i, j).text = c
                    if i == 0:
                        for r in t.cell(i, j).paragraphs[0].runs:
                            r.bold = True
    d.save(str(path))


def main() -> None:
    for rel, blocks in SOURCES.items():
        path = OUT / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if rel.endswith(".pdf"):
            build_pdf(path, blocks)
        else:
            build_docx(path, blocks)
        print("wrote", rel, len(plain_text(blocks).split()), "words")


if __name__ == "__main__":
    main()
