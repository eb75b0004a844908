"""Build the PDF and DOCX documents of the Oakridge Driving School help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "courses/intensive-courses.pdf": [
        ("title", "Intensive driving courses: course guide"),
        ("p", "Edition 4, October 2026. An intensive course packs your lessons into a few days or weeks, with a practical test booked at the end. This guide explains the courses, what they cost, and what happens if you need to cancel. For ordinary weekly lessons, see Lesson prices and block bookings instead."),
        ("h1", "1. Courses and prices"),
        ("grid", [
            ["Course", "Lesson hours", "Spread over", "Manual", "Automatic"],
            ["Starter Intensive", "10 hours", "5 days", "£420.00", "£450.00"],
            ["Semi-Intensive", "20 hours", "2 weeks", "£820.00", "£880.00"],
            ["Full Intensive", "30 hours", "2 weeks", "£1,190.00", "£1,280.00"],
            ["Complete Intensive", "40 hours", "3 weeks", "£1,560.00", "£1,680.00"],
        ]),
        ("p", "Every course includes the test-day car package, free theory classroom sessions, the Oakridge Theory Trainer app, and pick-up anywhere in the free pick-up area. The Road Test Agency test fee is not included: you pay it to the RTA yourself."),
        ("h1", "2. Who can book"),
        ("bullets", [
            "You must have passed your theory test before the course starts. We need your theory certificate number when you book.",
            "If you have had driving lessons before, with us or anyone else, you first take a 2-hour assessment lesson (£74.00 manual, £80.00 automatic) so that we can recommend the right course. If you book a course within 14 days of the assessment, its price comes off the course.",
            "Complete beginners usually need the Full Intensive or the Complete Intensive.",
        ]),
        ("h1", "3. Your practical test"),
        ("p", "We book your practical test for you, aiming for the last day of your course. Test dates depend on the Road Test Agency. If there is no test available during your course, your test may be up to 6 weeks after the course ends; in that case you get a free 2-hour refresher lesson in the week before the test."),
        ("h1", "4. A day on the course"),
        ("p", "Course days run between 08:30 and 16:30. You drive for up to 5 hours a day, with a break of at least 30 minutes after every 2 hours of driving. Bring water, a packed lunch, your glasses if you need them, and your provisional licence photocard."),
        ("h1", "5. Paying"),
        ("p", "A deposit of £150.00 is taken when you book. The rest is due 14 days before the course starts. Intensive courses cannot be paid with Spread the Cost."),
        ("h1", "6. Cancelling or moving your course"),
        ("grid", [
            ["When you cancel", "What you get back"],
            ["More than 14 days before the start", "Everything except the £150.00 deposit"],
            ["7 to 14 days before the start", "50% of the course price"],
            ["Less than 7 days before the start", "No refund"],
        ]),
        ("p", "You can move your course to new dates once, for a fee of £50.00, if you tell us at least 7 days before it starts. Once the course has started, unused hours are not refunded, unless you have to stop because of illness and send us a doctor's note. If we have already booked your test, changing or cancelling it with the RTA is your responsibility."),
        ("h1", "7. If you don't pass"),
        ("p", "Don't worry: plenty of people pass on the second try. Our retest package gives you 5 hours of lessons plus the test-day car package for £265.00 (manual) or £285.00 (automatic). Book it within 8 weeks of your first test. You book and pay for the new test with the RTA yourself."),
        ("p", "Questions about intensive courses: call the office on 01 555 0120."),
    ],
    "insurance/learner-insurance.pdf": [
        ("title", "Learner driver insurance: policy summary"),
        ("p", "Learner driver insurance lets you practise between lessons in a car that belongs to a family member or friend. It is arranged by Oakridge Driving School and underwritten by Greystone Mutual Insurance. You do not need it for lessons or your test in an Oakridge car: our fleet insurance covers you then."),
        ("h1", "1. Prices"),
        ("grid", [
            ["Length of cover", "Price", "Price with Oakridge pupil discount"],
            ["7 days", "£19.00", "£17.10"],
            ["30 days", "£49.00", "£44.10"],
            ["90 days", "£119.00", "£107.10"],
            ["180 days", "£199.00", "£179.10"],
        ]),
        ("p", "Oakridge pupils get 10% off with the code OAKLEARN10 when buying at greystone-learner.example. Cover can start the same day."),
        ("h1", "2. What is covered"),
        ("bullets", [
            "Fully comprehensive cover while you drive the named car as a learner.",
            "Damage to the car you are driving, with an excess of £250 per claim.",
            "Injury to other people and damage to their property.",
            "Fire and theft of the car while you are the insured driver.",
            "A claim on this policy does not affect the car owner's own no-claims discount.",
        ]),
        ("h1", "3. Conditions"),
        ("bullets", [
            "You must be aged 17 to 75 and hold a valid provisional licence.",
            "Your supervisor must be at least 21 years old and have held a full licence for at least 3 years. They must sit in the front passenger seat.",
            "The car must be worth no more than £30,000 and have a valid MOT, tax and the owner's permission.",
            "L plates must be displayed on the front and back of the car.",
            "No driving between 23:00 and 05:00.",
        ]),
        ("h1", "4. When cover ends"),
        ("p", "Cover ends at the end of the period you bought, or at the moment you pass your practical test, whichever comes first. Once you pass, you need your own insurance to drive alone. You can cancel within 14 days of buying and get a full refund if you have not made a claim; after that there is no refund."),
        ("h1", "5. Claims"),
        ("steps", [
            "Call the Greystone Mutual claims line on 01 555 0137 (24 hours) within 48 hours of an accident.",
            "You receive a claim reference beginning with GM-.",
            "Send photos, the other driver's details and any police reference to claims@greystone-learner.example.",
        ]),
        ("p", "Oakridge cannot handle claims for learner insurance. Questions about buying the cover: 01 555 0120."),
    ],
    "courses/pass-plus.docx": [
        ("title", "Pass Plus with Oakridge"),
        ("p", "Pass Plus is a practical course for new drivers who have already passed their practical test. It builds the experience you don't get as a learner: night driving, bad weather, fast roads and motorways. There is no test at the end."),
        ("h1", "Price and length"),
        ("p", "The course is at least 6 hours long and costs £210.00 in a manual car or £225.00 in an automatic. It can be taken over 3 sessions of 2 hours or 6 sessions of 1 hour, and must be completed within 3 months of the first session."),
        ("h1", "Who can take it"),
        ("p", "Anyone with a full driving licence. It is most useful in the first 12 months after passing, when new drivers are most likely to have an accident."),
        ("h1", "The six modules"),
        ("grid", [
            ["Module", "What you practise", "Time"],
            ["1. Town driving", "Busy junctions, bus lanes, one-way systems", "1 hour"],
            ["2. All-weather driving", "Rain, fog, ice and bright sun; if the weather is dry we cover it by discussion", "1 hour"],
            ["3. Out of town", "Country lanes, bends, farm traffic", "1 hour"],
            ["4. Night driving", "Dipped and full beam, judging distance; booked after sunset", "1 hour"],
            ["5. Dual carriageways", "Joining, overtaking, leaving at speed", "1 hour"],
            ["6. Motorways", "Lane discipline, smart motorway signs, breakdowns", "1 hour"],
        ]),
        ("h1", "Certificate"),
        ("p", "Your instructor assesses each module as you drive. When you reach the required standard in all six, we apply for your Pass Plus certificate, which is posted to you within 10 working days."),
        ("h1", "Insurance discount"),
        ("p", "Some insurers give new drivers a discount for Pass Plus. Our partner Greystone Mutual gives 15% off the first year of car insurance to drivers who complete Pass Plus with Oakridge. This discount is for your own car insurance after you pass, not for learner driver insurance."),
        ("h1", "Kingsbrook council grant"),
        ("p", "Kingsbrook Borough Council pays £60.00 towards Pass Plus for Kingsbrook residents aged 17 to 24 who passed their test within the last 6 months. Apply on the council website before your first Pass Plus session and send us the grant letter; we take the £60.00 off your price."),
        ("h1", "Booking"),
        ("steps", [
            "Sign in to the learner portal and go to Shop > Pass Plus.",
            "Choose manual or automatic and pay in full.",
            "Your instructor calls you within 3 working days to plan the sessions.",
        ]),
    ],
    "courses/motorway-lessons.docx": [
        ("title", "Motorway lessons for learner drivers"),
        ("p", "Learner drivers may drive on motorways, but only with an approved driving instructor in a car with dual controls and L plates. You cannot practise on a motorway with a parent or friend, even if you have learner insurance. Motorway lessons are optional: motorways are not part of the practical test, but dual carriageways often are."),
        ("h1", "When am I ready?"),
        ("p", "Your instructor decides. Usually pupils are ready after at least 20 hours of lessons, once they can join, overtake and leave a dual carriageway confidently at 70 mph. If you are not ready, we will say so and suggest a dual carriageway lesson first."),
        ("h1", "Where we go"),
        ("p", "Motorway lessons use the M64 between junction 12 (Kingsbrook) and junction 15 (Harlow Cross). It takes about 25 minutes to reach junction 12 from the town centre."),
        ("h1", "Length and price"),
        ("p", "Motorway lessons are always 2 hours long, because of the drive to and from the motorway."),
        ("grid", [
            ["How you pay", "Manual", "Automatic"],
            ["Pay as you go", "£84.00", "£90.00"],
            ["With block hours", "2 block hours plus £8.00", "2 block hours plus £8.00"],
        ]),
        ("h1", "What we cover"),
        ("steps", [
            "Joining from a slip road and matching your speed to the traffic.",
            "Lane discipline and keeping a 2-second gap (4 seconds in the wet).",
            "Overtaking and returning to the left lane.",
            "Reading overhead signs, including red X lane closures.",
            "Leaving at the right junction using the countdown markers.",
            "What to do if the car breaks down.",
        ]),
        ("h1", "Good to know"),
        ("bullets", [
            "Observers are not allowed in the car on motorway lessons.",
            "We don't run motorway lessons in snow, ice or thick fog; your instructor will swap it for a normal lesson or move it without charge.",
            "The 48-hour rule for cancelling lessons applies to motorway lessons too.",
            "After you pass, module 6 of Pass Plus covers motorways again.",
        ]),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#2b5d34")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Oakridge Driving School - help.oakridge-driving.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Oakridge Driving School",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Oakridge Driving School"
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
