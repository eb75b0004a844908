"""Build the PDF and DOCX documents of the Hearthwell help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "cover/heatcover-policy-terms.pdf": [
        ("title", "HeatCover policy terms and conditions"),
        ("p", "Policy wording HC-T7, effective 1 October 2026. These terms apply to HeatCover Essential, HeatCover Plus and HeatCover Complete. The insurance element of HeatCover is underwritten by Fenwick Mutual Insurance; the repairs are carried out by Hearthwell Home Services Ltd. Please read these terms together with your schedule, which shows your plan, your excess, your add-ons and your policy year."),
        ("h1", "1. Definitions"),
        ("bullets", [
            "1.1 'Policy year' means each period of 12 months starting on the start date or renewal date shown in your schedule.",
            "1.2 'Emergency' means a sudden and unexpected event that causes complete loss of heating, complete loss of hot water, an uncontrollable water leak or, on HeatCover Complete only, a blocked only toilet or complete loss of electricity at the property.",
            "1.3 'Excess' means the amount you pay towards each claim before we carry out the repair.",
            "1.4 'Call-out limit' means the most we will pay, including parts, labour and VAT, for one claim.",
            "1.5 'Beyond economic repair' means that, in our engineer's reasonable opinion, the cost of the repair is more than the value of the boiler, or the parts needed are no longer available.",
            "1.6 'You' means the person named in the schedule, who must own the property and live in it or let it.",
        ]),
        ("h1", "2. Start of cover and waiting period"),
        ("bullets", [
            "2.1 Cover begins on the start date in your schedule.",
            "2.2 You may not make a claim during the first 30 days after the start date (the waiting period), except for the annual service.",
            "2.3 Clause 2.2 does not apply if we installed your boiler within the 12 months before the start date.",
            "2.4 If, at our first visit, we find that the boiler was not in working order at the start date, we may cancel the policy and refund all premiums paid.",
        ]),
        ("h1", "3. What is covered"),
        ("p", "3.1 We will repair the items covered by your plan, as set out in HeatCover plans and prices, following a breakdown, up to the call-out limit for each claim. 3.2 On HeatCover Complete, the total we will pay in one policy year for plumbing, drains and home electrics claims together is limited to £3,000. 3.3 The number of call-outs in each policy year is limited to 2 on Essential and 4 on Plus."),
        ("h1", "4. Excess"),
        ("p", "4.1 You must pay the excess shown in your schedule for each claim, by card, when the visit is booked. 4.2 Only one excess is payable for each claim, however many visits the repair needs. 4.3 If you chose the zero-excess option, no excess is payable."),
        ("h1", "5. Our repairs"),
        ("bullets", [
            "5.1 We decide how to repair the fault. We may use new or reconditioned parts of the same quality.",
            "5.2 If the same fault returns within 90 days of our repair, we will repair it again without a further excess.",
            "5.3 We will not remove fitted kitchen units, tiling or flooring to reach a part, and we will not reinstate decoration after a repair.",
        ]),
        ("h1", "6. Boiler beyond economic repair"),
        ("bullets", [
            "6.1 If your boiler is beyond economic repair, we will tell you in writing within 5 working days of the engineer's visit.",
            "6.2 If your boiler has been covered by us for at least 12 consecutive months, we will contribute £300 (HeatCover Plus) or £500 (HeatCover Complete) towards a new boiler installed by Hearthwell. HeatCover Essential does not include a contribution.",
            "6.3 The contribution is valid for 90 days from the date of our letter and cannot be exchanged for cash.",
            "6.4 After a boiler is found beyond economic repair, no further boiler claims can be made under the policy. You may cancel and receive a refund of premiums for the remaining full months, or transfer the policy to your new boiler.",
        ]),
        ("h1", "7. What is not covered"),
        ("bullets", [
            "7.1 Faults that existed before the start date or that began during the waiting period.",
            "7.2 Damage caused by sludge or scale where our engineer has recorded in writing that your system needs cleaning and you have not had it cleaned within 6 months.",
            "7.3 Insulating or re-routing a condensate pipe. Thawing a frozen condensate pipe is covered.",
            "7.4 Damage caused deliberately, by neglect, or by repairs or alterations not carried out by a Gas Safety Register engineer.",
            "7.5 Boilers with an output above 60 kW, and properties used mainly for business.",
            "7.6 Cosmetic parts such as casings and covers, unless they affect the safe working of the boiler.",
            "7.7 Any appliance our engineer has labelled as unsafe and that has been used again before repair.",
            "7.8 Loss or damage caused as a result of a breakdown, such as water damage to floors or redecoration.",
            "7.9 Frost damage at a property left unoccupied for more than 60 consecutive days.",
        ]),
        ("h1", "8. Making a claim"),
        ("p", "8.1 You must tell us about a breakdown as soon as possible, and in any case within 7 days of discovering it. 8.2 Claims are made through MyHearthwell or the 24-hour Emergency Line on 01 555 0199. 8.3 You must give our engineer safe and reasonable access to the property."),
        ("h1", "9. Cancellation"),
        ("bullets", [
            "9.1 You may cancel within 14 days of the later of the start date or receiving your policy documents and receive a full refund, less the cost of any claim made.",
            "9.2 You may cancel at any time after that without a cancellation fee. Refunds are made as set out in Cancelling your HeatCover.",
            "9.3 We may cancel the policy by giving you 14 days' written notice if you give us false information, behave in a threatening or abusive way towards our staff, or fail to pay premiums.",
        ]),
        ("h1", "10. Renewal"),
        ("p", "10.1 We will write to you at least 21 days before the end of each policy year with the price and terms for the next policy year. 10.2 Unless you tell us otherwise, the policy will renew automatically. 10.3 You may cancel within 14 days after the renewal date and receive a full refund of the premium for the new policy year, provided no claim has been made since the renewal date."),
        ("h1", "11. Complaints"),
        ("bullets", [
            "11.1 Contact Customer Care on 01 555 0120 or write to complaints@hearthwell.example.",
            "11.2 We will acknowledge your complaint within 3 working days and send a final response within 8 weeks.",
            "11.3 If you are not satisfied with our final response, or we have not sent one within 8 weeks, you may refer your complaint free of charge to the Home Services Ombudsman within 6 months of our final response.",
        ]),
        ("h1", "12. Law and language"),
        ("p", "12.1 These terms are governed by the law of the country where the property is located. 12.2 We will communicate with you in English. Large print, braille and audio versions are available from the Priority Care Team on 01 555 0145."),
    ],
    "installation/boiler-finance.docx": [
        ("title", "Boiler and heat pump finance"),
        ("p", "Spread the cost of a new Hearthwell boiler or heat pump. Finance is provided by Meadowgate Finance Ltd, a lender; Hearthwell Home Services Ltd is a credit broker, not a lender, and works only with Meadowgate Finance. Finance is only available for boiler and heat pump installations. It can't be used for HeatCover, servicing or repairs."),
        ("h1", "Finance options"),
        ("grid", [
            ["Option", "Interest", "Length", "Minimum spend", "Minimum deposit"],
            ["Interest-free", "0% APR", "24 months", "£1,500", "10%"],
            ["Low monthly payments", "9.9% APR representative", "36, 60, 84 or 120 months", "£1,000", "No deposit"],
            ["Buy now, pay later", "0% for the first 12 months, then 9.9% APR", "Up to 48 months after the first 12", "£2,000", "10%"],
        ]),
        ("h2", "Representative example"),
        ("p", "Amount of credit £3,000.00 over 60 months at 9.9% APR representative (fixed). 60 monthly payments of £62.97. Total amount payable £3,778.34."),
        ("p", "For buy now, pay later, if you pay the full amount of credit within the first 12 months, you pay no interest at all."),
        ("h1", "Who can apply"),
        ("bullets", [
            "You must be aged 18 or over and own the property where the boiler or heat pump will be installed.",
            "You must have lived in the UK for at least 3 years.",
            "You must be employed for at least 16 hours a week, self-employed, or retired with a regular pension income.",
            "You must have a bank account that accepts Direct Debits.",
        ]),
        ("h1", "How to apply"),
        ("steps", [
            "Accept your quote in MyHearthwell and choose Pay with finance.",
            "Complete the application on the Meadowgate Finance website. Most people get a decision within a few minutes.",
            "Sign your credit agreement online. If you pay a deposit, it is taken by card when you sign.",
            "We book your installation. Your first monthly payment is taken about 1 month after installation.",
        ]),
        ("h1", "Heat pumps and the Clean Heat Grant"),
        ("p", "For heat pumps, the £7,500 Clean Heat Grant is taken off the price first, and you borrow only the rest. The minimum spend is worked out after the grant."),
        ("h1", "Changing your mind"),
        ("p", "You have 14 days from the day after you sign your credit agreement to withdraw from it, without giving a reason. If you withdraw, you must repay any money already paid to Hearthwell on your behalf, plus interest for the days you had it. Withdrawing from the credit agreement does not cancel your boiler order: to cancel the order itself, see the New boiler guide."),
        ("h1", "Paying off early"),
        ("p", "You can repay all or part of your loan at any time without a fee. Call Meadowgate Finance on 01 555 0168 for a settlement figure."),
        ("h1", "If you have trouble paying"),
        ("p", "Missed payments can make it harder to get credit in future. Contact Meadowgate Finance on 01 555 0168 as soon as you think you may miss a payment. Your boiler is not taken back if you fall behind."),
    ],
    "smart-thermostat/hearthstat-user-guide.pdf": [
        ("title", "HearthStat smart thermostat: user guide"),
        ("p", "Model HS-3. For HearthStat thermostats fitted by Hearthwell. Keep this guide with your boiler manual."),
        ("h1", "1. Specifications"),
        ("grid", [
            ["Item", "HearthStat HS-3"],
            ["Power", "2 x AA batteries (thermostat); mains (receiver)"],
            ["Battery life", "About 12 months"],
            ["Wireless range to receiver", "Up to 30 m indoors"],
            ["Wi-Fi", "2.4 GHz only"],
            ["Temperature setting range", "5 to 30 degrees C"],
            ["Frost protection (default)", "7 degrees C"],
            ["Warranty", "2 years"],
        ]),
        ("h1", "2. How it works"),
        ("p", "The HearthStat has two parts: the thermostat, which you place in your main living area, and the receiver, which our engineer wires next to your boiler. The thermostat measures the temperature and tells the receiver to switch the heating on or off. The Hearthwell app talks to the receiver through your home Wi-Fi."),
        ("h1", "3. Connecting to the app"),
        ("steps", [
            "Open the Hearthwell app and go to Home > HearthStat > Add.",
            "Hold the dial down for 5 seconds until PAIR flashes on the thermostat screen.",
            "Choose your home Wi-Fi network (2.4 GHz) and enter its password.",
            "Wait for the tick on the screen. This can take up to 2 minutes.",
        ]),
        ("h1", "4. Schedules, boost and holiday mode"),
        ("bullets", [
            "You can set up to 6 heating periods a day, each with its own temperature.",
            "Boost: press the dial twice to turn the heating on for 1 hour, whatever the schedule. Press twice again to cancel.",
            "Hot water boost (system and regular boilers only): hold the back button for 3 seconds for 30 minutes of hot water.",
            "Holiday mode: in the app choose Home > HearthStat > Away, and the dates. Heating stays at the frost protection temperature until the day you come back.",
        ]),
        ("h1", "5. Open window detection"),
        ("p", "If the room temperature falls by 2 degrees C within 3 minutes, the HearthStat assumes a window is open and switches the heating off for 20 minutes. You can turn this off in the app under Settings > Open window."),
        ("h1", "6. Child lock"),
        ("p", "Hold the dial and the back button together for 3 seconds. A padlock shows on the screen. Do the same to unlock."),
        ("h1", "7. Error codes on the thermostat screen"),
        ("grid", [
            ["Code", "Meaning", "What to do"],
            ["H1", "No connection to the receiver", "Move the thermostat closer to the boiler, or check the receiver light is green."],
            ["H2", "Batteries low", "Fit 2 new AA batteries within the next 7 days."],
            ["H3", "Temperature sensor fault", "Remove the batteries for 1 minute and refit. If H3 stays, book a repair."],
            ["H4", "Wi-Fi connection lost", "Heating still follows your schedule. Restart your router, then wait 10 minutes."],
            ["H5", "Boiler not responding", "Check the boiler display for an F or D code and follow the boiler instructions."],
        ]),
        ("h1", "8. Factory reset"),
        ("p", "Hold the dial down for 15 seconds until RESET shows. All schedules are deleted and you will need to connect to the app again. Do not confuse this with pairing (5 seconds)."),
        ("h1", "9. Help and repairs"),
        ("p", "A HearthStat fitted by Hearthwell is covered as a boiler control on every HeatCover plan. Without cover, call Customer Care on 01 555 0120. A HearthStat can be added to any boiler for £179 fitted."),
    ],
    "landlords/landlord-gas-safety-records.docx": [
        ("title", "Landlord Gas Safety Records"),
        ("p", "For landlords and letting agents. A Landlord Gas Safety Record is the certificate that shows a Gas Safety Register engineer has checked every gas appliance, pipe and flue at a property you let. By law you must have one for each rented home."),
        ("h1", "Your legal duties in brief"),
        ("bullets", [
            "Have every gas appliance, fitting and flue checked every 12 months.",
            "Give a copy of the record to existing tenants within 28 days of the check.",
            "Give a copy to new tenants before they move in.",
            "Keep each record for at least 2 years.",
        ]),
        ("h1", "Prices"),
        ("grid", [
            ["Service", "Price"],
            ["Landlord Gas Safety Record (boiler and up to 2 other gas appliances)", "£79"],
            ["Each extra gas appliance (for example a gas fire or hob)", "£15"],
            ["Landlord Gas Safety Record with a boiler service on the same visit", "£129"],
            ["Included every year with HeatCover Plus or Complete", "£6.00 a month add-on"],
        ]),
        ("p", "Landlords with 5 or more properties booked with us get 10% off Landlord Gas Safety Records. Ask the Landlord Team on 01 555 0152."),
        ("h1", "Timing and keeping your renewal date"),
        ("p", "You can have the check done up to 2 months before your current record expires and keep the original expiry date: the new record then runs for 12 months from the old expiry date, not from the day of the check. If the check is more than 2 months early, the new record runs for 12 months from the check. We remind you 8 weeks before each record expires."),
        ("h1", "Access and tenants"),
        ("steps", [
            "Book online in MyHearthwell (Landlord account) or call the Landlord Team on 01 555 0152.",
            "Give us the tenant's phone number and we arrange the time with them directly.",
            "We send the tenant a reminder the day before. An adult must let the engineer in.",
            "If the engineer can't get in, the missed appointment fee of £35 applies. We will try up to 3 times and keep a record of each attempt, which shows you took reasonable steps.",
        ]),
        ("h1", "If an appliance fails the check"),
        ("p", "If an appliance is 'Immediately Dangerous', the engineer disconnects it with the permission of the person at the property and labels it. If it is 'At Risk', the engineer switches it off and advises that it is not used. We tell you and the tenant straight away and give you a repair price. The record shows the result for each appliance."),
        ("h1", "Getting your record"),
        ("p", "We email the record to you within 24 hours of the check, and to the tenant if you ask us to. Records for the last 2 years are also in your Landlord account under Documents."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#a0522d")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Hearthwell Home Services - help.hearthwell.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Hearthwell Home Services",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Hearthwell Home Services"
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
