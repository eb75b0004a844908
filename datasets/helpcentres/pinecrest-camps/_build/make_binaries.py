"""Build the PDF and DOCX documents of the Pinecrest Camps help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "booking/cancellations-and-transfers.docx": [
        ("title", "Cancelling or changing a booking"),
        ("p", "Plans change, children get chickenpox, grandparents book surprise holidays. We completely understand, and we try to make changing a booking as painless as we can. This page explains what happens to your money when you cancel, and how to move a booking to a different week, a different site or a different child. It covers both our day camps and our residential camps, which work quite differently, so please make sure you are reading the right part."),
        ("h1", "Cancelling a residential camp"),
        ("p", "When you book a residential week or a residential weekend, you pay a deposit, and the balance is due 8 weeks before the camp starts. If you cancel, what you get back depends on how long before the first day of camp you tell us. We count from the day we receive your cancellation in the parent portal (My bookings > Cancel) or by email to families@pinecrestcamps.example, not from the day you decided."),
        ("grid", [
            ["When you cancel", "What you pay"],
            ["More than 8 weeks before the camp starts", "You lose the deposit only; anything else you paid is refunded"],
            ["Between 4 and 8 weeks before", "50% of the total camp price"],
            ["Less than 4 weeks before", "100% of the total camp price"],
        ]),
        ("p", "If your child cannot come because of illness or injury and you cancel less than 4 weeks before, send us a doctor's note within 7 days of the start date and we will give you a credit of 50% of the camp price to use on any Pinecrest camp in the next 12 months. The credit is not cash and cannot be transferred to another family."),
        ("h1", "Cancelling a day camp"),
        ("p", "Day camps are much more flexible. If you cancel more than 14 days before the first booked day, we refund everything you paid except a £10 admin fee per booking (not per day, and not per child on the same booking). If you cancel 14 days or less before the first booked day, we do not give a refund, but if you let us know before 9:00 on the day and your child is unwell, we will turn that day into a credit for another day of camp in the same holiday. Days your child simply does not turn up to, without telling us, are not refunded or credited."),
        ("h1", "Moving to a different week or site (transfers)"),
        ("p", "You can move a booking to another week, another site, or from a day camp to another day camp, as long as there is a space. Your first transfer on each booking is free if you ask more than 28 days before the original start date. Any later transfer, or a transfer asked for 28 days or less before the start date, costs £15 per child. If the new camp costs more, you pay the difference; if it costs less, we refund the difference as long as you are still outside the cancellation charges above. Transfers from a residential camp to a day camp are treated as a cancellation and a new booking."),
        ("h1", "Changing the child on a booking"),
        ("p", "If one child can no longer come, you can give their place to a brother, sister or cousin in the same age group free of charge, up to 14 days before the camp starts. We will need a new health form for the new child. Within 14 days of the start, a name change is only possible on day camps."),
        ("h1", "How and when refunds are paid"),
        ("p", "Refunds go back to the card or account you paid with, within 10 working days of our confirmation email. Money paid through Tax-Free Childcare goes back to your childcare account, and money paid with childcare vouchers goes back to your voucher provider, not to you. Sibling and multi-week discounts are recalculated when part of a booking is cancelled, so the refund may be a little less than you expect."),
        ("h1", "If we cancel"),
        ("p", "If we have to cancel a camp, for example because a site becomes unavailable or too few children have booked, we will tell you at least 21 days before the start where we can, and you choose between a full refund, including the deposit, and a free transfer to another camp. Days closed because of severe weather are covered in the weather policy."),
        ("p", "Questions about a cancellation? Call the Family Office on 01 555 0120 (Monday to Friday, 9am to 5pm)."),
    ],
    "policies/behaviour-policy.docx": [
        ("title", "Pinecrest Camps behaviour policy"),
        ("p", "Version 4, reviewed March 2026. Camp works because everyone, campers and staff, agrees to look after each other. We share our Camp Promise with every child on the first morning: be kind, be safe, give things a go, and look after our camp. Most of the time, a friendly word is all that is needed. This policy explains what happens on the rare occasions when it isn't, so that families know what to expect."),
        ("h1", "Praise first"),
        ("p", "Our leaders are trained to notice good behaviour and say so. Every group has a Pine Cone jar: campers earn pine cones for kindness, teamwork and trying something new, and a full jar earns the group a reward chosen by the children, usually an extra swim or a film afternoon. Each Friday one camper per group is named Camper of the Week and goes home with a certificate."),
        ("h1", "Our three steps"),
        ("steps", [
            "A reminder. A leader quietly reminds the camper of the Camp Promise and what they need to do differently.",
            "Time to think. If the behaviour continues, the camper spends up to 10 minutes away from the activity with a leader, talks about what happened, and then rejoins.",
            "A call home. If the behaviour still continues, the site manager phones a parent or carer the same day, and we agree a plan together.",
        ]),
        ("p", "We never use shouting, physical punishment, missing meals or being left alone as a consequence. A camper on time to think is always with an adult."),
        ("h1", "Serious behaviour"),
        ("p", "Some behaviour skips the steps: bullying of any kind, including online, fighting or hurting someone on purpose, leaving the site without permission, bringing alcohol, vapes, drugs or a knife, or deliberately damaging property. In these cases the site manager will call you straight away. On a day camp, we may ask you to collect your child early that day. On a residential camp, we may ask you to collect your child, and you must arrange collection within 24 hours at your own cost. No refund is given for days missed after a child has been sent home."),
        ("h1", "Damage"),
        ("p", "Accidents happen and we don't charge for them. If a camper deliberately damages equipment or buildings, we may ask the family to pay the repair cost, up to a maximum of £150."),
        ("h1", "Campers who need extra support"),
        ("p", "Some children find camp harder because of additional needs, anxiety or a difficult time at home. Tell us on the booking form or call us, and we will agree a support plan before camp. A plan might include a quiet space, a visual timetable, agreed calm-down strategies or a named key worker. The three steps are always applied with the child's plan in mind."),
        ("h1", "Behaviour towards staff"),
        ("p", "We also ask parents and carers to treat our team with respect. Shouting at or threatening staff, at drop-off, on the phone or online, may lead to us cancelling future bookings."),
        ("h1", "Concerns about how behaviour was handled"),
        ("p", "If you are unhappy with how we dealt with an incident, speak to the site manager first. If you are still unhappy, write to the Camp Director at director@pinecrestcamps.example; you will have a reply within 10 working days."),
    ],
    "residential/residential-kit-list.pdf": [
        ("title", "Residential camp kit list"),
        ("p", "For Pathfinders (ages 8 to 12) and Summit (ages 13 to 16) at Fernwood Lodge and Harrow Ridge. Version 2026. Please label every item with your child's full name: lost property without a name is very hard to return. This list is for residential camps only. For day camps, see What to bring to day camp."),
        ("h1", "1. Clothes for a six-night week"),
        ("grid", [
            ["Item", "How many", "Notes"],
            ["T-shirts", "7", "Old ones: they will get muddy"],
            ["Jumpers or fleeces", "2", "Evenings by the lake are cold, even in August"],
            ["Trousers or tracksuit bottoms", "3", "No white jeans, please"],
            ["Shorts", "2", ""],
            ["Underwear and socks", "8 of each", "Extra socks are never wasted"],
            ["Pyjamas", "2", ""],
            ["Waterproof jacket with hood", "1", "Essential; not a showerproof fashion coat"],
            ["Swimsuit", "2", "Lake and pool sessions"],
            ["Old trainers for water activities", "1 pair", "Closed toes; they go in the lake"],
            ["Trainers or walking shoes", "1 pair", "Plus wellies if you have them"],
        ]),
        ("p", "For a residential weekend (2 nights) roughly halve the quantities, but still send a waterproof and two pairs of shoes."),
        ("h1", "2. Bedding and wash kit"),
        ("bullets", [
            "Sleeping bag and pillow case (we provide the mattress, a mattress protector and a pillow).",
            "Two towels: one for showers and one for swimming.",
            "Wash bag: toothbrush, toothpaste, shampoo, shower gel, hairbrush, deodorant (roll-on or stick only, no aerosols).",
            "A named bag for dirty laundry.",
            "A torch with spare batteries.",
        ]),
        ("h1", "3. Other useful things"),
        ("bullets", [
            "Refillable water bottle, named.",
            "Sun hat and suncream (SPF 30 or higher), plus a warm hat for evenings.",
            "Small rucksack for day hikes.",
            "A book or a pack of cards for quiet time.",
            "Stamped addressed envelopes if your child would like to write home.",
            "Pocket money for the tuck shop, in a named envelope: no more than £15 for the week.",
        ]),
        ("h1", "4. Please do not send"),
        ("bullets", [
            "Phones, tablets, games consoles or smartwatches (see the phones policy).",
            "Food, sweets or fizzy drinks: our sites are nut-free and we cannot check food from home.",
            "Aerosols, lighters, matches or penknives.",
            "Expensive jewellery or clothes you would be upset to see covered in mud.",
        ]),
        ("h1", "5. Medication"),
        ("p", "Medication does not go in the suitcase. Hand it to the Camp Nurse at arrival in its original packaging with the Medication Form. Inhalers and adrenaline auto-injectors stay with your child."),
        ("p", "Suitcase limit: one suitcase or holdall of no more than 20 kg, plus a small rucksack. If your child travels on the Pinecrest coach, luggage over 20 kg cannot be taken on the coach."),
    ],
    "safeguarding/staff-ratios-and-checks.pdf": [
        ("title", "Our staff: ratios, checks and training"),
        ("p", "Safeguarding statement for families. Pinecrest Camps Ltd, reviewed January 2026. The people who look after your child are the most important part of camp. This summary explains how many staff we have, how we choose them and what training they have."),
        ("h1", "1. Staff-to-camper ratios"),
        ("p", "These are the minimum ratios we keep at all times. Most weeks we are better than this. Junior Leaders (see section 3) are never counted in these ratios."),
        ("grid", [
            ["Group", "Ages", "Normal activities", "Water activities (lake, pool, river)"],
            ["Acorns (day camp)", "4 to 6", "1 adult to 6 campers", "1 adult to 3 campers"],
            ["Explorers (day camp)", "7 to 10", "1 adult to 8 campers", "1 adult to 4 campers"],
            ["Trailblazers (day camp)", "11 to 14", "1 adult to 10 campers", "1 adult to 6 campers"],
            ["Pathfinders (residential)", "8 to 12", "1 adult to 6 campers", "1 adult to 4 campers"],
            ["Summit (residential)", "13 to 16", "1 adult to 8 campers", "1 adult to 6 campers"],
        ]),
        ("p", "At night on residential camps, every cabin has a leader sleeping in a staff room next to it, and a duty manager and the Camp Nurse are awake or on call all night."),
        ("h1", "2. How we recruit and check staff"),
        ("bullets", [
            "Every member of staff aged 18 or over has an enhanced criminal record check before they start, renewed every 3 years.",
            "We take up two references, at least one from someone who has seen the applicant work with children.",
            "Every applicant has a face-to-face interview that includes safeguarding questions.",
            "Group leaders must be at least 18 years old. Site managers must be at least 21 and have worked at least two summers with us or a similar organisation.",
            "Lifeguards hold a current pool or open-water lifeguard qualification.",
        ]),
        ("h1", "3. Junior Leaders"),
        ("p", "Junior Leaders are 16 and 17 year olds, often former campers, who help with activities as part of our Leader-in-Training programme. They are always supervised, never alone with a camper, never help with toileting or changing, and are never counted in the ratios above."),
        ("h1", "4. Training"),
        ("p", "All staff complete 4 days of training before camp starts, including safeguarding, behaviour support, allergies and medication, and emergency procedures. On every day site at least 2 staff hold a paediatric first aid certificate; on residential camps every group leader does. A qualified Camp Nurse is on site 24 hours a day at both residential sites."),
        ("h1", "5. Safeguarding lead"),
        ("p", "Our Designated Safeguarding Lead is Marguerite Olande. If you are worried about the safety or wellbeing of any child at camp, call the safeguarding line on 01 555 0133 or email safeguarding@pinecrestcamps.example. In an emergency, always call the emergency services first."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#2e5d3a")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Pinecrest Camps - help.pinecrestcamps.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Pinecrest Camps",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Pinecrest Camps"
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
