"""Build the PDF and DOCX documents of the Saltmarsh Marina help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below. Outputs go to ../docs/.
_build/check_golden.py reads the built files back with pypdf / python-docx.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "hire/day-boat-and-rib-hire.pdf": [
        ("title", "Day boat and RIB hire: prices, skippers and the rules"),
        ("p", "Saltmarsh Marina hire fleet, season 2026 (Easter to 31 October). There's no better way to see the Wrayford Estuary than from the water: seals on the sandbanks at low tide, egrets in the creeks, and the best crab sandwich on the coast at the Ferry Inn, which happens to have its own little landing stage. Our hire desk is on the quay next to the fuel pontoon, open 08:30 to 17:30 in season, phone 01 555 0151. Every hire starts with a 20-minute safety briefing, so please arrive 20 minutes before your start time."),
        ("h1", "1. The boats and what they cost"),
        ("grid", [
            ["Boat", "People", "Half day (4 hours)", "Full day (8 hours)", "Skipper"],
            ["Samphire, 5.2 m open day boat, 10 hp inboard", "up to 5", "£95", "£160", "Optional, £35 per hour"],
            ["Curlew, 6 m day boat with cuddy cabin, 20 hp", "up to 6", "£130", "£210", "Optional, £35 per hour"],
            ["Gannet, 6.5 m RIB, 115 hp outboard", "up to 8", "£220", "£360", "Included unless the driver holds RYA Powerboat Level 2"],
        ]),
        ("p", "Half days run from 09:00 to 13:00 or from 13:30 to 17:30; full days from 09:00 to 17:00. Fuel is included for Samphire and Curlew. For Gannet, we fill the tank before you go and charge the fuel used at the fuel pontoon price when you come back (a RIB with 115 horses is thirsty, so budget for it)."),
        ("h1", "2. Who can drive"),
        ("bullets", [
            "The person in charge of a day boat must be 18 or over. No experience needed: the briefing covers starting, steering, mooring and the rules of the road.",
            "Self-drive on Gannet is only for drivers aged 21 or over who show an RYA Powerboat Level 2 certificate (or equivalent) at the hire desk. Otherwise, a skipper drives and you enjoy the spray.",
            "Children under 16 wear a lifejacket at all times on every boat. On Gannet everyone wears a lifejacket, whatever their age. Lifejackets are provided free.",
            "Dogs are welcome on Samphire and Curlew (one well-behaved dog per boat), but not on Gannet.",
        ]),
        ("h1", "3. Where you can go"),
        ("p", "Day boats stay inside the estuary, between the marina and the Wrayford Point beacon. Don't go out over the bar in a day boat, however calm it looks: the bar can turn nasty in ten minutes on a falling tide against the wind. Gannet, with a qualified self-drive driver, may go up to 3 nautical miles offshore between Wrayford Point and Pendrick Head. Skippered trips go wherever the skipper thinks is safe and fun, which is usually the seals."),
        ("h1", "4. Deposit and damage"),
        ("p", "We take a security deposit on a card when you collect the boat: £200 for Samphire or Curlew, £500 for Gannet. It's a hold, not a payment, and we release it when the boat comes back undamaged; your bank may take a few days to show it. Our fleet insurance covers the boats, and the most you pay towards any damage you cause is the amount of the deposit. Hirers don't need their own boat insurance."),
        ("h1", "5. Coming back late"),
        ("p", "Please have the boat back on the hire pontoon at your finish time. Late returns cost £40 for each 30 minutes or part of 30 minutes, unless you're late because we asked you to wait for the tide or a skipper is aboard."),
        ("h1", "6. Booking and cancelling"),
        ("steps", [
            "Book online at www.saltmarsh-marina.example/hire or call the hire desk on 01 555 0151. You pay in full when you book.",
            "You get a confirmation email with your boat, start time and a link to the online safety video. Watching it shortens the briefing, not the fun.",
            "To cancel, reply to the confirmation email or ring the hire desk.",
        ]),
        ("grid", [
            ["When you cancel", "What you get back"],
            ["More than 72 hours before the start", "Full refund"],
            ["Between 24 and 72 hours before", "50% refund"],
            ["Less than 24 hours before, or no-show", "No refund"],
        ]),
        ("p", "If the Met Office inshore forecast for the estuary is Force 5 or above for your hire, or there's poor visibility, we cancel and you get a full refund or a free move to another day. That's our call, not yours, we're afraid; we'd rather have a disappointed customer than a rescued one."),
    ],
    "liveaboard/liveaboard-rules.pdf": [
        ("title", "Living aboard at Saltmarsh Marina"),
        ("p", "Liveaboard policy, version 4, April 2026. A handful of our berth holders live on their boats all year round, and they're some of the nicest neighbours you could ask for: they're the ones who notice when your cockpit cover has blown off at two in the morning. But a marina isn't a housing estate, the pontoons aren't built for everyone to live aboard, and the sewage system certainly isn't. So living aboard is by permit only, and we keep the numbers small."),
        ("h1", "1. How many and who"),
        ("p", "We issue no more than 12 liveaboard permits at any one time. To apply you must have held an annual berth with us for at least 12 months. If all 12 permits are taken, you can join the waiting list by paying a £50 refundable deposit at the office; the list is worked in date order and the deposit comes off your first month's fee."),
        ("p", "Living aboard means sleeping on your boat in the marina for more than 60 nights in any 12 months. Spending your summer weekends and the odd week aboard doesn't count, and you don't need a permit for that."),
        ("h1", "2. What it costs"),
        ("grid", [
            ["Charge", "Amount"],
            ["Liveaboard fee (on top of your annual berth)", "£140 per month per boat"],
            ["Second car park permit", "£18 per month"],
            ["Postal address service (post held at the office)", "Included"],
        ]),
        ("p", "The liveaboard fee covers the extra use of the showers, laundry room, waste and shared services. Electricity is still bought on prepaid cards like everyone else. Council tax is between you and Wrayford District Council; we can't give advice on it, but we will confirm your berth address in writing if the council asks."),
        ("h1", "3. The boat"),
        ("bullets", [
            "Your boat must have a working holding tank, and you must use the pump-out station. No discharge of toilet waste in the marina, ever.",
            "A carbon monoxide alarm and a smoke alarm must be fitted and working.",
            "Solid fuel stoves are allowed only with a properly installed, insulated flue and a carbon monoxide alarm in the same cabin.",
            "Gas installations must have been checked by a Gas Safe registered engineer within the last 2 years.",
            "We inspect every liveaboard boat once a year, in April, before renewing the permit.",
        ]),
        ("h1", "4. Living alongside your neighbours"),
        ("bullets", [
            "Quiet hours are 22:00 to 07:00. Music, generators and power tools off, please.",
            "Guests may stay with you for up to 14 nights in a row. Longer than that, they need to be registered at the office.",
            "Up to 2 pets per boat, on a lead on the pontoons.",
            "Bikes, barbecues, plant pots and washing lines stay on the boat, not on the pontoon finger.",
            "If you're away for more than 7 nights, tell the office so the duty hand knows to keep an eye on the boat.",
        ]),
        ("h1", "5. Permits and renewals"),
        ("p", "Permits run from 1 April to 31 March, the same as the annual berth contract, and are renewed after the April inspection. We may withdraw a permit with 28 days' notice if the rules in this policy are broken more than once, or straight away for anything dangerous. If you sell your boat, the permit doesn't go with it: a permit belongs to a person and a berth, not to a boat."),
        ("h1", "6. Mail and deliveries"),
        ("p", "Post for liveaboards is held in the office pigeonholes for collection during office hours. Parcels are signed for and kept for up to 14 days. We can't take food deliveries for you after the office closes, however hungry you are."),
    ],
    "insurance/insurance-requirements.docx": [
        ("title", "Insurance: what cover your boat needs at Saltmarsh"),
        ("p", "Every boat in the marina, afloat or ashore, must be insured. That includes visiting boats, boats on the hard for the winter, and the little tender tucked on the rack. This isn't us being bureaucratic for the fun of it: in a marina, one boat's fire or sinking can very quickly become everybody's problem, and the only thing that sorts that out quickly is a decent insurance policy."),
        ("h1", "1. Minimum cover"),
        ("grid", [
            ["Who", "Minimum third-party liability cover", "Other cover required"],
            ["Annual berth holders and boats on the hard", "£3,000,000", "Wreck removal and pollution cover"],
            ["Visiting boats", "£2,000,000", "Wreck removal cover"],
            ["Personal watercraft (jet skis)", "£3,000,000", "Wreck removal cover"],
            ["Contractors working in the marina", "£5,000,000 public liability", "Employer's liability if they have staff"],
        ]),
        ("p", "Third-party liability cover pays for damage you cause to other people's boats, the pontoons and people. Wreck removal cover pays to raise and remove your boat if she sinks in the marina or the channel, which is eye-wateringly expensive and which the harbour authority will insist on."),
        ("h1", "2. Showing us your certificate"),
        ("steps", [
            "Upload a copy of your insurance certificate in the berth holder portal under My boat > Documents, or email it to office@saltmarsh-marina.example.",
            "Do this before 1 April each year when your berth contract starts, and again within 14 days each time your policy renews.",
            "Check that the certificate shows your boat's name, the policy dates and the third-party limit. A schedule page is fine; we don't need the whole policy booklet.",
        ]),
        ("p", "Visitors: we may ask to see your certificate when you arrive. A photo on your phone is fine."),
        ("h1", "3. If we don't have a valid certificate"),
        ("p", "We send a reminder, and if we still don't have a certificate after 14 days, we charge an administration fee of £75 and may refuse to lift, move or launch the boat until it's sorted. A boat with no insurance can't stay in the marina, and we'll ask you to remove it."),
        ("h1", "4. What our insurance does and doesn't cover"),
        ("p", "Saltmarsh Marina has its own public liability insurance for things that are our fault, for example if a pontoon fitting fails because we didn't maintain it. Our insurance does not cover your boat, its contents or its engine against fire, theft, storm or accidents. That is what your own policy is for. If you think we've damaged your boat, tell the office in writing within 7 days of finding the damage, with photos, so we can pass it to our insurer."),
        ("h1", "5. Hire boats"),
        ("p", "If you hire a day boat or the RIB from us, you don't need your own insurance: our fleet policy covers the boat, and your maximum liability for damage is the security deposit."),
        ("h1", "6. Boats in the boatyard"),
        ("p", "When your boat is in the travel hoist slings, our insurance covers lifting accidents. Once she's blocked off on the hard, she's back on your policy. Some policies need you to tell your insurer when the boat is laid up ashore; check yours, because a few give you a discount for it."),
    ],
    "boatyard/winter-storage-agreement.docx": [
        ("title", "Winter storage on the hard: the agreement"),
        ("p", "This agreement covers boats stored ashore in the Saltmarsh Marina boatyard between 1 October and 31 March. The prices for lifting and hard standing are on the Lifting out and hard standing prices page; this document is about the rules of the yard, what's included and how to get your boat back in the water in spring. By booking a winter lift out you agree to these terms."),
        ("h1", "1. Paying for the winter"),
        ("p", "We take 50% of the estimated winter charges (lift out, hard standing to 31 March and relaunch) on the day of the lift out, and the rest before the relaunch. Boats still ashore after 31 March pay the summer hard standing rate from 1 April, by the week."),
        ("h1", "2. Stands and cradles"),
        ("grid", [
            ["Item", "Price for the winter season"],
            ["Boat stands (props), each", "£12"],
            ["Yard cradle hire, boats up to 10 m", "£85"],
            ["Yard cradle hire, boats over 10 m", "£130"],
            ["Storing your own cradle in the yard in summer", "£60"],
        ]),
        ("p", "Only the yard team may move or adjust stands and cradles. If you need a stand moved to reach the hull, ask us: it takes five minutes and we do it free of charge during yard hours."),
        ("h1", "3. Working on your boat yourself"),
        ("bullets", [
            "DIY work is allowed from 08:00 to 18:00 Monday to Friday and from 09:00 to 16:00 at weekends.",
            "No power tools on Sundays before 10:00, out of kindness to the liveaboards across the way.",
            "Sanding or scraping antifouling needs a ground sheet under the boat and a sander with dust extraction. Scrapings go in the hazardous waste bin, not the general skip.",
            "No spraying of paint or antifouling anywhere in the yard.",
            "Ladders must be taken down or locked to the boat at night.",
            "Nobody may sleep or stay overnight on a boat stored ashore, for safety and insurance reasons.",
        ]),
        ("h1", "4. Electricity on the hard"),
        ("p", "Yard power pillars have 16 amp sockets and take the same prepaid electricity cards as the pontoons. Leads must not run across roadways. Please don't leave heaters or dehumidifiers running unattended on the hard unless they're plugged into a pillar with an RCD and the lead is off the ground."),
        ("h1", "5. Booking your relaunch"),
        ("steps", [
            "Book your relaunch with the boatyard on 01 555 0134 or in the berth holder portal at least 14 days before the date you want. For a launch before Easter, book by 1 February; the March and April slots go fast.",
            "Have antifouling and any work finished at least 2 days before the launch, so the paint has time to cure and the yard can move the boat.",
            "Pay the balance of your winter charges. We can't launch a boat with an unpaid balance.",
            "Be at the hoist dock at your launch time to take the boat away. Relaunches, like lifts, happen within 2 hours either side of high water.",
        ]),
        ("p", "If you cancel a relaunch with less than 48 hours' notice, the same £60 cancellation fee applies as for a lift out."),
        ("h1", "6. Security"),
        ("p", "The boatyard is fenced, covered by CCTV and locked from 18:00 to 07:30. Yard gates use the same fob as the pontoon gates. Outboards, dinghies and valuables should be taken home or locked away; we are not responsible for loss from boats in the yard."),
    ],
}


def plain_text(blocks: list[tuple[str, object]]) -> str:
    """The document's text as one string."""
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1d4e6b")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Saltmarsh Marina - help.saltmarsh-marina.example - 01 555 0120")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Saltmarsh Marina",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Saltmarsh Marina"
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
