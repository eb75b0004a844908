"""Build the PDF and DOCX documents of the Wayfarer Holidays help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "booking/cancellation-charges.docx": [
        ("title", "Cancellation charges and compensation"),
        ("p", "This document forms part of the Wayfarer Holidays booking conditions (sections 10, 11 and 12). It sets out what you pay if you cancel your holiday, and what we pay you if we cancel or make a significant change. To change a booking you want to keep, see Changing your booking instead: amendment charges are different from cancellation charges."),
        ("h1", "1. How to cancel"),
        ("steps", [
            "The lead name must tell us in writing, by email to cancellations@wayfarer.example or in My Wayfarer under Bookings > Cancel my holiday.",
            "Cancellation takes effect on the day we receive your notice. Notices received after 6pm, or on a Sunday or public holiday, take effect on the next working day.",
            "We confirm the cancellation and the charge by email within 2 working days.",
            "Any refund due is paid within 14 days to the card or account you paid with.",
        ]),
        ("h1", "2. Cancellation charges if you cancel"),
        ("p", "Charges are a percentage of the total holiday price (excluding insurance premiums and amendment charges, which are never refundable). The period is counted in days before the departure date. If the percentage charge is less than the deposit, you lose the deposit only."),
        ("h2", "Package holidays"),
        ("grid", [
            ["Days before departure", "Cancellation charge"],
            ["More than 70 days", "Loss of deposit"],
            ["70 to 43 days", "30% of the holiday price"],
            ["42 to 29 days", "50% of the holiday price"],
            ["28 to 15 days", "70% of the holiday price"],
            ["14 days or fewer", "100% of the holiday price"],
        ]),
        ("h2", "Escorted coach tours"),
        ("grid", [
            ["Days before departure", "Cancellation charge"],
            ["More than 84 days", "Loss of deposit"],
            ["84 to 57 days", "40% of the holiday price"],
            ["56 to 29 days", "60% of the holiday price"],
            ["28 to 8 days", "80% of the holiday price"],
            ["7 days or fewer", "100% of the holiday price"],
        ]),
        ("h2", "City breaks"),
        ("grid", [
            ["Days before departure", "Cancellation charge"],
            ["More than 42 days", "Loss of deposit"],
            ["42 to 15 days", "50% of the holiday price"],
            ["14 days or fewer", "100% of the holiday price"],
        ]),
        ("p", "If you do not turn up for your holiday, or you leave it early, no refund is given for unused services. Your travel insurance may cover cancellation charges if you cancel for a reason covered by your policy, such as illness."),
        ("h1", "3. If one person cancels"),
        ("p", "The charge applies to the cancelled person's share of the price. The remaining travellers may have to pay a supplement, for example a single room supplement, which we will tell you about before you confirm the cancellation."),
        ("h1", "4. Compensation if we cancel or make a significant change"),
        ("p", "If we cancel your holiday (other than for minimum numbers notified by the deadline, or because of unavoidable and extraordinary circumstances), or make a significant change that you do not accept, you get a full refund and we also pay compensation per full-paying adult. The amount depends on when we tell you:"),
        ("grid", [
            ["When we tell you (days before departure)", "Compensation per person"],
            ["More than 56 days", "Nil"],
            ["56 to 29 days", "£30"],
            ["28 to 15 days", "£50"],
            ["14 days or fewer", "£75"],
        ]),
        ("p", "Children under 16 receive half the adult amount. Compensation is paid with your refund, within 14 days. If you accept the significant change or an alternative holiday, you receive the same compensation."),
        ("h1", "5. Questions"),
        ("p", "Call Customer Care on 01 555 0120, 9am to 6pm Monday to Friday and 9am to 1pm Saturday."),
    ],
    "groups/group-bookings-agreement.docx": [
        ("title", "Group bookings agreement"),
        ("p", "This agreement applies to bookings of 10 or more people travelling together on the same holiday, arranged by one group leader. It is in addition to our booking conditions. Where this agreement and the booking conditions differ, this agreement applies. Group bookings are handled by the Groups team on 01 555 0140 (9am to 5pm Monday to Friday) or groups@wayfarer.example."),
        ("h1", "1. The group leader"),
        ("p", "The group leader makes the booking, collects payments from the members of the group and is our only contact for changes. The group leader must be at least 21 years old."),
        ("h1", "2. Group deposit and payments"),
        ("grid", [
            ["Payment", "Amount", "When"],
            ["Group deposit", "£100 per person", "Within 14 days of our group quote being accepted"],
            ["Name list", "Full names as on passports", "At least 8 weeks before departure"],
            ["Balance", "Remaining price for the whole group", "12 weeks before departure, for every holiday type"],
        ]),
        ("p", "The group deposit replaces the normal deposit for each holiday type. The group leader pays the balance in one payment for the whole group."),
        ("h1", "3. Free places"),
        ("p", "For every 15 full-paying passengers we give 1 free place, up to a maximum of 3 free places per group. The free place covers the holiday price but not insurance, optional extras or single supplements. Free places are calculated on the final number of travellers, so if the group gets smaller the number of free places may fall."),
        ("h1", "4. Reducing the size of the group"),
        ("p", "You may reduce the number of people in the group by up to 10% without charge, as long as you tell us more than 12 weeks before departure. After that, the cancellation charges in our Cancellation charges document apply to each person who cancels. If the group falls below 10 people, the group price and free places no longer apply and we will requote the holiday at our normal prices."),
        ("h1", "5. Name changes"),
        ("p", "The group leader can change names on the booking free of charge until the name list deadline. After the deadline, each name change costs £25 per person plus any airline charges."),
        ("h1", "6. Rooms"),
        ("p", "Most groups share twin or double rooms. Single rooms are limited to 10% of the group and carry a single supplement."),
        ("h1", "7. Private coach tours for groups"),
        ("p", "Groups of 30 or more can book a private escorted coach tour on dates of their choice, with their own tour manager and coach. Ask the Groups team for a quote."),
    ],
    "insurance/travelsafe-insurance.pdf": [
        ("title", "TravelSafe travel insurance: policy summary"),
        ("p", "TravelSafe is single-trip travel insurance sold by Wayfarer Holidays Ltd and underwritten by Meridian Shield Insurance plc. This summary does not contain the full terms of the policy, which are in the policy wording sent with your certificate. You can add TravelSafe when you book or up to the date your balance is due."),
        ("h1", "1. Levels of cover"),
        ("grid", [
            ["Benefit", "TravelSafe Essential", "TravelSafe Comprehensive"],
            ["Emergency medical expenses and repatriation", "£5,000,000", "£10,000,000"],
            ["Cancellation and cutting short your holiday", "£3,000 per person", "£7,500 per person"],
            ["Missed departure", "£300", "£1,000"],
            ["Baggage", "£1,000 (single item limit £200)", "£2,500 (single item limit £500)"],
            ["Delayed baggage (after 12 hours)", "£100", "£250"],
            ["Travel delay (per 12 hours)", "£20, up to £200", "£40, up to £400"],
            ["Personal liability", "£1,000,000", "£2,000,000"],
            ["Excess per claim, per person", "£75", "£0"],
        ]),
        ("h1", "2. Prices per person"),
        ("grid", [
            ["Trip length", "Essential, age up to 64", "Essential, age 65 to 84", "Comprehensive, age up to 64", "Comprehensive, age 65 to 84"],
            ["Up to 5 days", "£19", "£38", "£29", "£55"],
            ["6 to 10 days", "£25", "£49", "£39", "£72"],
            ["11 to 17 days", "£32", "£64", "£49", "£95"],
        ]),
        ("p", "Travellers aged 85 or over cannot buy TravelSafe. Children under 18 travelling with an insured adult are covered free of charge."),
        ("h1", "3. Medical conditions"),
        ("p", "You must declare any medical condition for which you have received treatment or medication in the last 2 years. Some conditions can be covered for an extra premium after a medical screening by phone on 01 555 0177. Undeclared conditions are not covered."),
        ("h1", "4. Main exclusions"),
        ("bullets", [
            "Cancellation because you no longer want to travel, or because of work commitments.",
            "Claims arising from alcohol or drug use.",
            "Losses you don't report to the police within 24 hours.",
            "Valuables left unattended in a public place or in luggage in a coach hold.",
            "Hazardous activities, including scuba diving below 30 metres.",
        ]),
        ("h1", "5. Cooling-off period"),
        ("p", "You can cancel your TravelSafe policy within 14 days of buying it, or of receiving your documents if later, and get a full refund, provided you have not travelled or made a claim. After that, the premium is not refundable."),
        ("h1", "6. Making a claim"),
        ("steps", [
            "In a medical emergency abroad, call Meridian Assist 24 hours a day on +44 1 555 0188 before you go to hospital if you can.",
            "For all other claims, call the claims line on 01 555 0177 or claim online at claims.meridianshield.example.",
            "Send your claim form with receipts and reports within 31 days of your return.",
        ]),
        ("h1", "7. Complaints about your insurance"),
        ("p", "Complaints about TravelSafe go to Meridian Shield Insurance plc, not to Wayfarer Customer Relations. Write to the Customer Care Manager, Meridian Shield Insurance plc, 2 Bridge Row, Kingsbridge KB2 7MS."),
    ],
    "coach-tours/coach-tour-passenger-handbook.pdf": [
        ("title", "Escorted coach tours: passenger handbook"),
        ("p", "Welcome aboard! This handbook has the practical information for your escorted coach tour with Wayfarer Holidays. Please read it before you travel and keep it with your tour documents."),
        ("h1", "1. On the first day"),
        ("bullets", [
            "Be at your pick-up point 15 minutes before the pick-up time printed on your tour documents.",
            "Attach the Wayfarer luggage label to your suitcase so the driver knows which coach it belongs to.",
            "Your tour manager will check your name, passport and the emergency number of your travel insurance policy.",
            "If you are running late on the day, call the Tour Operations line on 01 555 0135, open from 5am on tour departure days.",
        ]),
        ("h1", "2. Luggage on tour"),
        ("p", "Each guest may bring one suitcase of up to 20 kg, and one small bag that fits under the seat. The driver loads and unloads suitcases at each hotel, and hotel porters take them to your room at most hotels. Put your suitcase outside your room by the time given by your tour manager on mornings when you change hotel. Please keep medicines, passports and valuables in your small bag, never in the coach hold."),
        ("h1", "3. On the coach"),
        ("grid", [
            ["Feature", "Details"],
            ["Seats", "Reclining seats with seat belts, which must be worn by law"],
            ["Seat rotation", "Everyone moves forward 2 rows each morning, except Premium Seats in rows 1 to 3"],
            ["Toilet", "On board, for emergencies; comfort stops are planned"],
            ["Comfort stops", "About every 2 hours, for at least 20 minutes"],
            ["Driving hours", "Drivers may not drive more than 9 hours a day by law"],
            ["Food and drink", "Cold snacks and soft drinks are welcome; no hot food or alcohol on board"],
        ]),
        ("h1", "4. Meals and hotels"),
        ("p", "Dinners included in your tour are usually a set three-course menu taken together in the hotel. If you have a dietary requirement, tell us at least 14 days before departure and remind your tour manager on day 1. Drinks with dinner are not included unless the itinerary says so."),
        ("h1", "5. Optional excursions"),
        ("p", "Your tour manager may offer optional excursions during the tour. They are paid locally in cash or by card and are not part of your contract with Wayfarer. If fewer than 15 guests sign up, an optional excursion may not run."),
        ("h1", "6. Tipping"),
        ("p", "Tipping is voluntary. As a guide, many guests give around £4 per person per day for the tour manager and driver together, usually in an envelope on the last day."),
        ("h1", "7. Keeping to time"),
        ("p", "The coach leaves on time. If you are not back at the agreed time, the tour manager will wait 15 minutes and then continue, and you will need to make your own way to the next stop at your own cost."),
        ("h1", "8. If you are unwell"),
        ("p", "Tell your tour manager straight away. They will help you find a doctor or pharmacy. Keep receipts for your insurance claim. If you cannot continue the tour, the tour manager will help arrange your journey home with your insurer's assistance line."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1d4e89")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Wayfarer Holidays - help.wayfarer.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Wayfarer Holidays",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Wayfarer Holidays"
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
