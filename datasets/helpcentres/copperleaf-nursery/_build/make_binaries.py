"""Build the PDF and DOCX documents of the Copperleaf Nurseries help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "health/medication-policy.pdf": [
        ("title", "Medication Policy"),
        ("p", "Copperleaf Nurseries Ltd. Policy HS-04, version 6, reviewed August 2026, next review August 2027. Applies at Riverside, Mill Lane, Hatherley Green and Station Road. This policy explains when and how staff give medicines to children, which forms you need to complete, and which medicines we will not give. Please read it together with When your child is unwell, which sets out exclusion periods."),
        ("h1", "1. Principles"),
        ("p", "We give medicines only when it is necessary for a child's health and when it would be harmful to the child if the dose were not given during the nursery day. Wherever possible, doses should be timed so that they can be given at home, before and after nursery: a medicine taken three times a day can usually be given at breakfast, after nursery and at bedtime. Staff will never give any medicine without written consent from a parent with parental responsibility."),
        ("h1", "2. The three medication forms"),
        ("grid", [
            ["Form", "Used for", "How long it lasts"],
            ["MED-1 Short-term Medication Form", "A prescribed medicine for a short course, for example antibiotics or eye drops", "One course only; a new form for every new course"],
            ["MED-2 Long-term Medication and Care Plan", "Ongoing conditions: asthma inhalers, adrenaline auto-injectors, epilepsy, diabetes, eczema creams on prescription", "Reviewed every 6 months, and whenever the dose changes"],
            ["MED-3 Non-prescribed Medicine Consent", "Paracetamol or ibuprofen suspension, and antihistamine for mild allergic reactions", "Signed at registration, renewed each September"],
        ]),
        ("p", "All three forms are completed in the Copperleaf Connect app under Child > Medication. Paper copies are available from the Nursery Manager for parents who cannot use the app."),
        ("h1", "3. Prescribed medicines"),
        ("bullets", [
            "The medicine must be prescribed for your child by a doctor, dentist, nurse prescriber or pharmacist, and be in its original container with the pharmacy label showing your child's name, the dose and the date.",
            "For any antibiotic that is new to your child, your child must stay at home for the first 24 hours of the course.",
            "Hand the medicine to a member of staff, never leave it in your child's bag.",
            "Every dose is measured by one member of staff and checked by a second member of staff, who both sign the record.",
            "The dose and time are recorded in the app, and you acknowledge the record at collection.",
        ]),
        ("h1", "4. Non-prescribed medicines (paracetamol and ibuprofen)"),
        ("p", "We keep our own stock of paracetamol suspension and ibuprofen suspension, but we will only give it if you have signed Form MED-3, and only in this situation: your child has a temperature of 38°C or above and you have been phoned and are on your way to collect them. We always phone you before giving a dose, to check when your child last had a dose at home, and we give one dose only. Paracetamol or ibuprofen is never given so that a child can stay at nursery, and never to a baby under 3 months old. If your child needed a dose before nursery, please tell us at drop-off and keep them at home if they are unwell."),
        ("p", "Antihistamine (cetirizine) may be given under Form MED-3 for a mild allergic reaction such as hives, after phoning you. For a child with a known allergy, follow the Allergy Care Plan instead."),
        ("h1", "5. Long-term conditions"),
        ("p", "A child with an ongoing condition needs a MED-2 Long-term Medication and Care Plan before their first settling-in session. The plan is written with you, the key person and the Nursery Manager, and where needed with your child's doctor or nurse. Inhalers must come with a spacer and are kept in the room in a named bag, and they go with your child on outings. Adrenaline auto-injectors are covered by the Allergy Care Plan as well (see Allergies and special diets): we need two in-date pens in nursery at all times."),
        ("h1", "6. Storage"),
        ("p", "Medicines are kept in a locked medicine box in each room, out of reach of children, or in a locked medicine fridge at 2°C to 8°C where the label says so. Emergency medicines (inhalers and auto-injectors) are kept in the room, not locked, but out of children's reach. The room leader checks all expiry dates on the first Monday of each month and tells you 4 weeks before any medicine expires."),
        ("h1", "7. Medicines we will not give"),
        ("bullets", [
            "Aspirin, unless prescribed by a doctor for your child.",
            "Herbal, homeopathic and teething remedies, including amber necklaces (which are not allowed in nursery).",
            "Any medicine in an unlabelled container, or decanted into another bottle.",
            "A medicine prescribed for a brother, sister or other person.",
            "Cough medicines and decongestants for children under 6.",
        ]),
        ("h1", "8. Mistakes and emergencies"),
        ("p", "If a dose is missed or a wrong dose is given, the Nursery Manager phones you straight away, seeks medical advice from the pharmacy or the 111 service, and records the incident. If a child has a severe reaction, staff call 999 first and then phone you."),
        ("h1", "9. Training"),
        ("p", "Every room has at least one member of staff with a current 12-hour paediatric first aid certificate on duty at all times. Staff who give medicines complete Copperleaf's medicines training every year, and specific training (for example on an epilepsy rescue medicine) before they care for a child who needs it."),
    ],
    "policies/parent-terms-and-conditions.pdf": [
        ("title", "Parent Terms and Conditions"),
        ("p", "Copperleaf Nurseries Ltd, 4 Weir Walk, Brackenford BF2 7QA (company number 07700123). Version 2026.2, effective 1 April 2026. These terms form the contract between Copperleaf Nurseries Ltd and the parent or parents who sign the Childcare Agreement. Please read them carefully; the parent handbook explains many of the same things in plainer language, but if the two ever disagree, these terms apply."),
        ("h1", "1. Definitions"),
        ("p", "1.1 \"We\", \"us\" and \"Copperleaf\" mean Copperleaf Nurseries Ltd. \"You\" means each parent or carer who signs the Childcare Agreement; where two people sign, each is responsible for the whole of the fees. 1.2 \"Session\" means a full day, morning session, afternoon session or school day as described in Session types and day rates. 1.3 \"All-year place\" means a place for 51 weeks a year; \"term-time-only place\" means a place for 38 weeks a year in school term time. 1.4 \"The app\" means Copperleaf Connect."),
        ("h1", "2. Offer and acceptance"),
        ("p", "2.1 An offer of a place is held for 7 days. 2.2 You accept by signing the Childcare Agreement in the app and paying the registration fee of £75.00 and the deposit. 2.3 The registration fee is not refundable in any circumstances. 2.4 If you withdraw after accepting but before the first settling-in session, the deposit is kept in full."),
        ("h1", "3. Sessions and minimum booking"),
        ("p", "3.1 Your child's regular sessions are set out in the Childcare Agreement. 3.2 The minimum booking is two full days or three sessions each week. 3.3 We will try to keep your child at the nursery named in the Childcare Agreement but may, with one calendar month's notice, ask you to move to another Copperleaf nursery if the nursery must reduce its numbers; in that case you may end the agreement without notice instead."),
        ("h1", "4. Fees and invoices"),
        ("p", "4.1 Fees for all-year places are calculated over 51 weeks and divided into 12 equal monthly instalments. Fees for term-time-only places are calculated over 38 weeks and also divided into 12 equal monthly instalments. 4.2 Invoices are issued in the app on the 1st of each month and are payable in advance by the 5th of that month. 4.3 Fees are payable for all booked sessions, including bank holidays and days your child is absent for any reason, including illness, exclusion and family holidays, except as set out in clauses 8 and 9."),
        ("h1", "5. Funded hours"),
        ("p", "5.1 Funded hours are applied in accordance with Brackenford Borough Council's rules and the Funded hours page. 5.2 It is your responsibility to reconfirm any 30-hour eligibility code every 3 months. If funding is withdrawn because a code has lapsed, you must pay the full day rates for the hours no longer funded, from the date the funding ends. 5.3 Consumables charges are optional in the sense described on the Funded hours page."),
        ("h1", "6. Price changes"),
        ("p", "6.1 We review our prices once a year. 6.2 New prices take effect on 1 April. 6.3 We will give you at least 6 weeks' written notice of any price increase. 6.4 If the council changes its funding rate during the year, we may change the consumables charge with one calendar month's notice."),
        ("h1", "7. Sibling discount"),
        ("p", "7.1 Where two or more children from the same family attend any Copperleaf nursery at the same time, we take 10% off the session fees of the older child (or of each older child). The youngest child pays full fees. 7.2 The sibling discount does not apply to funded hours, consumables charges, extra hours, extra sessions, the Nappy Scheme, the registration fee or late collection fees. 7.3 The discount ends on the last day that two children are both attending."),
        ("h1", "8. Holiday allowance"),
        ("p", "8.1 Families with an all-year place may take up to 2 weeks of holiday a year (1 September to 31 August) at half price: we charge 50% of the session fees for the sessions your child would have attended. 8.2 You must book the holiday allowance in the app (Attendance > Holidays) at least 4 weeks before the holiday starts. Holidays booked with less notice are charged in full. 8.3 The allowance must be taken in blocks of whole weeks, cannot be taken in December, and cannot be carried over to the next year. 8.4 The holiday allowance does not apply to term-time-only places or funded-only places."),
        ("h1", "9. Closures"),
        ("p", "9.1 We close for one week over Christmas and New Year, on public bank holidays and on two staff training days a year. 9.2 Bank holidays are charged; staff training days are not charged. 9.3 If we have to close a nursery, or part of it, for reasons beyond our control (for example severe weather, loss of power or water, or on the instruction of public health authorities), no refund or credit is given for the first 3 days of closure in any year (1 September to 31 August). From the 4th day of closure, we credit the fees for the sessions missed to your next invoice. 9.4 If a closure is caused by our own fault, we credit every session missed."),
        ("h1", "10. Late payment"),
        ("p", "10.1 If an invoice is not paid 7 days after the due date, we add a late payment fee of £25.00. 10.2 If fees remain unpaid 30 days after the due date, we may suspend your child's place until the balance is paid; fees continue to be charged during the suspension. 10.3 If fees remain unpaid 60 days after the due date, we may end the agreement immediately and refer the debt to a collection agency, whose costs you will be charged."),
        ("h1", "11. Illness and exclusion"),
        ("p", "11.1 You agree to keep your child away from nursery for the exclusion periods in When your child is unwell and to collect your child within 1 hour when we ask you to. 11.2 Fees are payable for sessions missed through illness or exclusion. 11.3 If your child is in hospital or seriously ill for more than two consecutive weeks, the Nursery Manager may agree a reduction in fees at their discretion."),
        ("h1", "12. Collection"),
        ("p", "12.1 We will only release your child to a parent with parental responsibility or a named collector aged 16 or over, or to another person you have authorised who gives your collection password and shows photo ID. 12.2 A late collection fee of £15.00 for each 15 minutes or part of 15 minutes is charged after the 5-minute grace period following closing time. 12.3 If your child is collected late three times within any 3 months, we will ask to meet you and may require you to change your booking pattern or name an additional collector. 12.4 If no one has collected your child or contacted us 30 minutes after closing time, we will follow our uncollected child procedure, which may include contacting Children's Social Care."),
        ("h1", "13. Notice to leave and changes to sessions"),
        ("p", "13.1 You must give two calendar months' written notice to end the agreement. 13.2 To reduce sessions you must give one calendar month's written notice, no more than twice in any 12 months. 13.3 Funded-only places need 4 weeks' notice. 13.4 During the first 4 weeks of attendance after settling in, either side may end the agreement with 2 weeks' notice. 13.5 Notice must be given in the app or by email; notice given verbally is not valid."),
        ("h1", "14. Deposit"),
        ("p", "14.1 The deposit is £350.00 for an all-year place and £200.00 for a term-time-only place. 14.2 The deposit is set against your final invoice. Any balance in your favour is repaid by bank transfer within 14 days of your child's last day. 14.3 We may keep the deposit, in whole or in part, for fees owed, including fees for any notice period not given."),
        ("h1", "15. Health and emergencies"),
        ("p", "15.1 You consent to staff obtaining emergency medical treatment for your child if we cannot reach you. 15.2 In an emergency we call 999 first and then phone you; a member of staff who knows your child will go with them to hospital and stay until you arrive. 15.3 You must tell us about any accident or injury your child has had outside nursery when you drop them off, so that it can be recorded."),
        ("h1", "16. Belongings and lost property"),
        ("p", "16.1 Please label all clothing and belongings with your child's name. 16.2 We are not responsible for loss of or damage to clothing, toys or other belongings, except where caused by our negligence. 16.3 Unclaimed lost property is kept for 4 weeks and then given to a local children's charity. 16.4 Buggies may be left in the buggy store at your own risk; car seats cannot be stored."),
        ("h1", "17. Photographs, records and your data"),
        ("p", "17.1 Photographs of your child are taken only on nursery devices and shared only through the app, and in displays inside the nursery, unless you give separate consent for our website or social media. 17.2 Photographs stay in the app for 12 months. 17.3 Your child's learning journal can be downloaded for 60 days after the last day. 17.4 We keep children's general records for 3 years after they leave. Accident records and safeguarding records are kept until the child reaches the age of 25. 17.5 Our privacy notice is at www.copperleaf.example/privacy."),
        ("h1", "18. Ending the agreement by us"),
        ("p", "18.1 We may end the agreement with 4 weeks' notice if, after working with you and any outside professionals, we cannot meet your child's needs safely. 18.2 We may end the agreement immediately if a parent or collector is abusive, threatening or violent towards staff, children or other parents, or as set out in clause 10.3."),
        ("h1", "19. Complaints"),
        ("p", "19.1 Please raise any concern first with your child's key person or the Nursery Manager; most concerns can be sorted out quickly. 19.2 A formal complaint can be made in writing to the Nursery Manager, who will acknowledge it within 2 working days and give you a full written reply within 14 days. 19.3 If you are not satisfied, you may ask the Director, Helen Marsh, to review it at director@copperleaf.example; she will reply within 14 days. 19.4 You may also contact the early years regulator at any time."),
        ("h1", "20. Changes to these terms"),
        ("p", "20.1 We may change these terms with at least one calendar month's written notice in the app. 20.2 If a change is to your disadvantage, you may end the agreement by giving notice before the change takes effect, without paying for the usual notice period."),
    ],
    "health/allergies-and-special-diets.docx": [
        ("title", "Allergies and special diets"),
        ("p", "This document explains how Copperleaf Nurseries keeps children with food allergies, intolerances and special diets safe, and what we need from you before your child starts. It applies in all four nurseries. General information about our meals and menus is in Meals, snacks and menus."),
        ("h1", "Allergy or intolerance?"),
        ("p", "We treat the two differently. A food allergy involves the immune system and can cause a severe reaction, including anaphylaxis. A food intolerance (for example lactose intolerance) is uncomfortable but not dangerous. Both need to be written down before your child's first settling-in session, but on different forms."),
        ("grid", [
            ["", "Food allergy", "Food intolerance or preference"],
            ["Form", "Allergy Care Plan", "Dietary Needs Form"],
            ["Who signs it", "You and your child's doctor, nurse or dietitian", "You only"],
            ["Review", "Every 12 months, and whenever anything changes", "When anything changes"],
            ["Meeting before starting", "Yes: you, the key person, the cook and the Nursery Manager", "No, unless you would like one"],
        ]),
        ("h1", "Keeping children with allergies safe at mealtimes"),
        ("p", "All four Copperleaf kitchens are nut-free: we do not use peanuts, tree nuts or any ingredient that may contain them. For other allergens, the cook prepares your child's meal separately, places it on a purple plate with a name card and the allergen printed on it, and two members of staff check the plate against the Allergy Care Plan before it is served. Children with allergies sit at the end of the table closest to an adult, and all children wash their hands before and after eating."),
        ("h1", "Adrenaline auto-injectors"),
        ("p", "If your child has been prescribed an adrenaline auto-injector, we need two in-date pens in nursery at all times. They are kept in the room in a labelled grab bag with a copy of the Allergy Care Plan and go with your child on every outing and fire drill. Your child cannot attend if there are fewer than two in-date pens in nursery. We check expiry dates monthly and remind you 4 weeks before a pen expires."),
        ("h1", "Milk alternatives"),
        ("p", "For children who cannot have cow's milk, we offer fortified oat milk at no extra cost. If your child needs a specialist formula (for example a hypoallergenic prescription formula), please supply it in an unopened tin labelled with your child's name."),
        ("h1", "If a reaction happens"),
        ("steps", [
            "Staff follow your child's Allergy Care Plan, giving antihistamine or an auto-injector as it says.",
            "If an auto-injector is used, or there are any signs of breathing difficulty, staff call 999 immediately.",
            "We phone you, then your emergency contacts.",
            "A member of staff who knows your child goes with them to hospital.",
            "Afterwards, the Nursery Manager meets you to review the plan within 5 working days.",
        ]),
        ("h1", "Celebrations and cooking activities"),
        ("p", "Because no food can be brought in from home, birthday and festival celebrations use food from our own kitchen. Cooking and messy play activities use only ingredients checked against every Allergy Care Plan in the room; playdough is made in-house and is wheat-free in any room with a child who has a wheat allergy."),
    ],
    "policies/safeguarding-policy.docx": [
        ("title", "Safeguarding and Child Protection Policy (summary for parents)"),
        ("p", "Copperleaf Nurseries Ltd. Policy SG-01, reviewed September 2026. This is the parents' summary of our full safeguarding policy, which you can ask to read at any nursery. Safeguarding means protecting children from harm, and it is everyone's responsibility: staff, students, volunteers, visitors and parents."),
        ("h1", "1. Our commitment"),
        ("p", "Every child at Copperleaf has the right to be safe. All staff, students and volunteers have an enhanced DBS check before they start and complete safeguarding training in their first week and every year after that. Students and volunteers are never left alone with a child."),
        ("h1", "2. Designated Safeguarding Leads"),
        ("p", "Each nursery has a Designated Safeguarding Lead (DSL), usually the Nursery Manager, and a deputy. The DSL is the person to speak to if you are worried about any child."),
        ("grid", [
            ["Nursery", "Designated Safeguarding Lead", "Deputy"],
            ["Riverside", "Priya Natarajan", "Owen Tallis"],
            ["Mill Lane", "Grace Okafor", "Hannah Pryce"],
            ["Hatherley Green", "Tom Aldridge", "Megan Shaw"],
            ["Station Road", "Leonie Barker", "Sam Whitcombe"],
        ]),
        ("p", "The group safeguarding line, answered by a DSL from 07:00 to 19:00 on weekdays, is 01 555 0150."),
        ("h1", "3. When we are worried"),
        ("p", "Staff record any concern about a child on the same day, using the child's words where the child has said something. The DSL decides what to do next. Usually we will talk to you first. We will not do so if talking to you could put the child at greater risk; in that case the DSL contacts Brackenford Children's Advice Line within 24 hours, or straight away if a child is in immediate danger."),
        ("h1", "4. Injuries that happen at home"),
        ("p", "Please tell us at drop-off about any bump, bruise or injury your child has had at home, and how it happened. Staff record it on an existing injury form, which you sign. This protects you, your child and our staff."),
        ("h1", "5. Mobile phones, cameras and smart watches"),
        ("p", "Staff phones and smart watches are kept in lockers and may not be used in rooms. Photos of children are taken only on nursery tablets. Parents and visitors are asked not to use their phones anywhere inside the nursery, including the entrance hall and the garden, and never to take photos of children other than their own. At events such as the Oaks graduation, we will tell you when photos are allowed."),
        ("h1", "6. Allegations about a member of staff"),
        ("p", "If you are worried about the behaviour of a member of staff, tell the Nursery Manager, or the Director if the concern is about the Nursery Manager. We report allegations to the Local Authority Designated Officer within 1 working day and follow their advice."),
        ("h1", "7. Uncollected children"),
        ("p", "If a child has not been collected and we have heard nothing 30 minutes after closing time, two members of staff stay with the child and keep trying parents and named collectors. If we still have no contact 1 hour after closing time, the DSL contacts Children's Social Care's out-of-hours team, as required."),
        ("h1", "8. Unexplained absence"),
        ("p", "If your child has not arrived by 10:00 and you have not told us why, we will phone you. If a child is absent without explanation for 3 consecutive days and we cannot reach you or your emergency contacts, the DSL will follow up with the council."),
        ("h1", "9. Whistleblowing"),
        ("p", "Staff may raise concerns about practice in the nursery with the Director or directly with the regulator, and will not be treated unfairly for doing so."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#b8622b")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Copperleaf Nurseries - help.copperleaf.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Copperleaf Nurseries",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Copperleaf Nurseries"
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
