"""Build the PDF and DOCX documents of the Harbourline Ferries help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
Each document is a list of blocks: (kind, payload) where kind is one of
h1, h2, p, ul, ol, table. The same source is used for validation (doc_text).
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(os.path.dirname(HERE), "docs")

FARES_PDF = [
    ("h1", "Fares and Timetable 2027"),
    ("p", "Harbourline Ferries Ltd · Quay House, Portmarren · www.harbourline.example · Reservations 0555 010 2200"),
    ("p", "These fares and sailing times are valid from 1 January 2027 to 31 December 2027. All fares are standard single fares per journey. A return costs the same as two singles. Saver fares, sold online only, can be up to 25% cheaper; Flexi fares cost 30% more than the standard fare but can be changed or cancelled free of charge."),
    ("h2", "1. Passenger and vehicle fares (standard single)"),
    ("table", [
        ["Route", "Adult", "Child (5-15)", "Car (up to 5 m)", "Motorbike", "Bicycle"],
        ["Portmarren - Skellan", "£9.50", "£4.75", "£42.00", "£21.00", "£4.00"],
        ["Portmarren - Ardhaven", "£16.00", "£8.00", "£68.00", "£34.00", "£4.00"],
        ["Skellan - Ardhaven", "£5.20", "£2.60", "£24.00", "£12.00", "Free"],
        ["Westerby - Lunn", "£38.00", "£19.00", "£129.00", "£64.00", "£4.00"],
    ]),
    ("ul", [
        "Car fares include the driver. Other vehicle occupants pay the passenger fare.",
        "Children under 5 travel free but must be included in the booking.",
        "Senior foot passengers aged 65 and over receive 20% off the adult fare on all routes except Westerby - Lunn.",
        "Vehicles longer than 5 m are charged an extra £9.00 per additional metre or part metre.",
        "Bicycles travel free on the Skellan - Ardhaven inter-island route to encourage cycle touring between the islands. Space is limited to 8 bikes per sailing on MV Corra Bell.",
        "Islander Card holders receive 40% off standard passenger and car fares on Portmarren - Skellan, Portmarren - Ardhaven and Skellan - Ardhaven.",
    ]),
    ("h2", "2. Cabins and seats on the Westerby - Lunn overnight sailing"),
    ("table", [
        ["Accommodation", "Price per cabin, per crossing"],
        ["2-berth inside cabin", "£65.00"],
        ["2-berth outside cabin (sea view)", "£85.00"],
        ["4-berth outside cabin", "£95.00"],
        ["Pet-friendly 2-berth cabin", "£75.00 (plus pet supplement)"],
        ["Adapted cabin (accessible)", "£65.00"],
        ["Reclining seat in the Quiet Lounge", "£14.00 per person"],
    ]),
    ("h2", "3. Timetable"),
    ("table", [
        ["Route", "Crossing time", "Summer (April - October)", "Winter (November - March)"],
        ["Portmarren - Skellan", "50 minutes", "Every 90 minutes, first 06:30, last 21:30", "5 return sailings daily, first 07:15, last 19:00"],
        ["Portmarren - Ardhaven", "1 hour 45 minutes", "4 return sailings daily, first 07:00, last 18:30", "2 return sailings daily"],
        ["Skellan - Ardhaven", "35 minutes", "6 return sailings daily", "3 return sailings daily, no Sunday service"],
        ["Westerby - Lunn", "5 hours 30 minutes", "Daily: dep. Westerby 21:00, arr. Lunn 02:30", "Monday, Wednesday, Friday and Sunday only"],
    ]),
    ("p", "On the Westerby - Lunn route, passengers with a cabin may stay on board after arrival at Lunn until 07:30. The return sailing departs Lunn at 10:30 and arrives at Westerby at 16:00 on the days listed above."),
    ("p", "Timetables may change at short notice because of weather, tides or vessel maintenance. Always check the Sailing Status page at status.harbourline.example on the day of travel. The Christmas Day service is limited to one return sailing on Portmarren - Skellan only."),
]

CONDITIONS_PDF = [
    ("h1", "Conditions of Carriage"),
    ("p", "Harbourline Ferries Ltd - Conditions of Carriage of Passengers, Vehicles and Luggage. Version 7, effective 1 March 2026."),
    ("h2", "1. Definitions"),
    ("p", "1.1 \"Carrier\" means Harbourline Ferries Ltd. 1.2 \"Passenger\" means any person carried under a ticket, including the driver of a vehicle. 1.3 \"Luggage\" means any article carried by a Passenger, including items inside a vehicle, but excluding live animals."),
    ("h2", "2. The contract"),
    ("p", "2.1 By making a booking, the Passenger accepts these Conditions. 2.2 These Conditions are supplemented by the fare rules published in the Harbourline Help Centre. Where the fare rules and these Conditions conflict, these Conditions prevail. 2.3 Nothing in these Conditions limits any statutory rights of the Passenger."),
    ("h2", "3. Tickets"),
    ("p", "3.1 A ticket is valid only for the Sailing, route and passengers shown on it. 3.2 Tickets are not transferable except through the Carrier's name change service. 3.3 Open return tickets are valid for 3 months from the date of the outward journey. 3.4 The Carrier may refuse carriage to any person who cannot produce a valid ticket or booking reference."),
    ("h2", "4. Check-in and boarding"),
    ("p", "4.1 Passengers must present themselves at check-in no later than the published check-in closing time for their route. 4.2 The Carrier may refuse boarding to any Passenger who arrives after check-in has closed, who appears to be under the influence of alcohol or drugs, or whose conduct is likely to endanger the vessel or other Passengers."),
    ("h2", "5. Passengers with reduced mobility"),
    ("p", "5.1 The Carrier will provide assistance to Passengers with reduced mobility in line with its accessibility policy. 5.2 Where, for reasons of safety, a Passenger cannot be carried without help that crew cannot provide, the Carrier may require that the Passenger travels with a companion."),
    ("h2", "6. Luggage and liability"),
    ("p", "6.1 The Carrier's liability for loss of or damage to cabin luggage is limited to £750 per Passenger. 6.2 Liability for loss of or damage to a vehicle, including its contents, is limited to £2,500 per vehicle. 6.3 Cash, jewellery, electronic devices and other valuables are carried at the Passenger's own risk unless deposited at the Information Desk against a receipt. 6.4 Visible damage must be reported before leaving the terminal. Any other claim must be notified in writing within 15 days of the Sailing."),
    ("h2", "7. Vehicles"),
    ("p", "7.1 The driver must declare the accurate length and height of the vehicle, including roof boxes, bike racks and trailers. 7.2 If a vehicle is larger than declared, the Carrier will charge the difference in fare plus an administration fee of £30, or may refuse carriage if no suitable space is available. 7.3 Vehicles must be left in gear with the handbrake applied and the alarm switched off. 7.4 Vehicles powered by LPG must be declared at booking."),
    ("h2", "8. Dangerous goods"),
    ("p", "8.1 Foot passengers may not carry fuel, gas cylinders or other dangerous goods. 8.2 Private vehicles may carry no more than 2 camping gas cylinders, each not exceeding 15 kg, with valves closed. 8.3 Spare fuel is limited to 10 litres per vehicle in an approved, sealed container. 8.4 Commercial dangerous goods must be pre-notified to the Freight desk."),
    ("h2", "9. Animals"),
    ("p", "9.1 Pets are carried in accordance with the Carrier's published pet guides. 9.2 The owner is responsible for the welfare and behaviour of the animal at all times. 9.3 The Carrier is not liable for illness of or injury to animals left in vehicles, save where caused by the Carrier's negligence."),
    ("h2", "10. Cancellation and delay by the Carrier"),
    ("p", "10.1 Weather and sea conditions. Where a Sailing is cancelled because of weather, sea state or tides, the Passenger may choose a free transfer or a full refund as set out in the Help Centre. The Carrier does not reimburse accommodation, meals or onward travel in these circumstances."),
    ("p", "10.2 Causes within the Carrier's control. Where a Sailing is cancelled because of a technical fault with the vessel or another cause within the Carrier's control, the Passenger may choose a free transfer or a full refund and, where an overnight stay becomes necessary, the Carrier will reimburse reasonable accommodation costs up to £80 per room per night, for a maximum of 3 nights, on production of receipts."),
    ("p", "10.3 Delay compensation. Where arrival is delayed for a cause within the Carrier's control, the Passenger is entitled to compensation of 25% of the single fare paid for a delay of 1 hour or more on crossings of under 2 hours, or of 2 hours or more on the Westerby - Lunn route. Compensation rises to 50% of the single fare for delays of double those periods. No compensation is payable for delays caused by weather."),
    ("p", "10.4 Compensation claims must be made within 3 months of the Sailing and are paid to the original card or, if the Passenger prefers, as a travel voucher worth an extra 10%."),
    ("h2", "11. Conduct on board"),
    ("p", "11.1 Smoking, including electronic cigarettes, is permitted only in the designated outside smoking area. 11.2 Passengers must follow the instructions of the master and crew."),
    ("h2", "12. Complaints"),
    ("p", "12.1 Complaints should be sent in writing to Customer Relations, Harbourline Ferries, Quay House, Portmarren, or by email to customer.relations@harbourline.example, within 2 months of the Sailing. 12.2 The Carrier will reply in full within 20 working days. 12.3 If the Passenger is not satisfied with the reply, the complaint may be referred to the Maritime Passenger Disputes Service, free of charge to the Passenger."),
]

PETS_CABINS_DOCX = [
    ("h1", "Pets in cabins on the Westerby – Lunn overnight sailing"),
    ("p", "Want your dog or cat with you overnight? On MV Lunn Star, the ship on our Westerby – Lunn route, you can share a pet-friendly cabin with your pet. Cabins are not available on our short crossings, so this service applies to the overnight route only. If your pet is staying in your car instead, see Travelling with your pet in your vehicle."),
    ("h2", "About the pet-friendly cabins"),
    ("ul", [
        "There are 8 pet-friendly cabins, all 2-berth, on Deck 7 next to the pet exercise deck.",
        "Each cabin has a washable hard floor, a pet bed, food and water bowls and puppy pads.",
        "The pet exercise deck at the rear of Deck 7 is open throughout the crossing.",
    ]),
    ("h2", "Prices"),
    ("p", "You pay the cabin price shown in our Fares and Timetable, plus a pet supplement of £20 per pet per crossing. Unlike pets that stay in your vehicle, which travel free, every pet in a cabin is charged the supplement."),
    ("p", "A cleaning charge of £60 is made if a cabin is left soiled or damaged."),
    ("h2", "Rules"),
    ("ol", [
        "A maximum of 2 pets may share a cabin.",
        "Only dogs and cats can stay in cabins. Other animals must travel in your vehicle or in the kennels.",
        "Pets must not be left alone in the cabin at any time. If you go to the restaurant, your pet must go to the kennels or stay with another adult in your cabin.",
        "Pets are not allowed in the restaurant, bar, café or lounges.",
        "Dogs must be on a lead whenever they are outside the cabin.",
    ]),
    ("h2", "How to book"),
    ("p", "Pet-friendly cabins cannot be booked online. Call our Pets Line on 0555 010 2244 at least 48 hours before departure. Because there are only 8 cabins, we recommend booking early, especially in summer."),
    ("h2", "Foot passengers without a pet cabin"),
    ("p", "If you are travelling on foot on the Westerby – Lunn route and have not booked a pet-friendly cabin, your pet must travel in the onboard kennels on Deck 3. Kennels cost £12 per pet per crossing and can be booked online. You can visit your pet at the kennels at any time by asking the Information Desk."),
    ("h2", "Assistance dogs"),
    ("p", "Assistance dogs may stay in any cabin, including adapted cabins, and no pet supplement is charged."),
    ("h2", "Cancelling"),
    ("p", "The pet supplement is refunded in full if you cancel more than 24 hours before departure, and if we cancel your sailing because of weather."),
]

PASSES_DOCX = [
    ("h1", "Season tickets and commuter passes"),
    ("p", "If you cross regularly for work, school or family, a Harbourline pass can save you a lot of money. Passes are available on the Portmarren – Skellan and Portmarren – Ardhaven routes. They are not sold for the Skellan – Ardhaven or Westerby – Lunn routes."),
    ("h2", "Types of pass and prices"),
    ("table", [
        ["Pass", "Route", "Price", "Validity"],
        ["10-journey carnet (foot)", "Portmarren – Skellan", "£72", "6 months from first use"],
        ["10-journey carnet (foot)", "Portmarren – Ardhaven", "£120", "6 months from first use"],
        ["Monthly foot pass", "Portmarren – Skellan", "£145", "1 month from chosen start date"],
        ["Monthly foot pass", "Portmarren – Ardhaven", "£230", "1 month from chosen start date"],
        ["Monthly car pass", "Portmarren – Skellan", "£520", "1 month from chosen start date"],
        ["Annual foot pass", "Portmarren – Skellan", "£1,450", "12 months"],
    ]),
    ("p", "Monthly and annual passes cover unlimited journeys on the named route. Each carnet journey is one single crossing. Islander Card holders get 30% off all passes."),
    ("h2", "Buying a pass"),
    ("ul", [
        "Buy online at book.harbourline.example/passes or at the Portmarren, Skellan or Ardhaven port office.",
        "The first time you buy, you need to upload or bring a passport-style photo. We issue a photo pass card which you reuse for future passes.",
        "Your pass card is also accepted as photo ID on all routes.",
    ]),
    ("h2", "Using your pass"),
    ("ul", [
        "Show your pass card at check-in. You do not need to book foot passenger sailings in advance.",
        "Car pass holders must reserve a vehicle space for each sailing, up to 7 days ahead. Reservations can be moved free of charge.",
        "Passes are personal and cannot be used by anyone else, including family members.",
    ]),
    ("h2", "Lost or stolen pass cards"),
    ("p", "Report a lost or stolen card immediately by calling 0555 010 2200 so we can block it. A replacement card costs £15 and any remaining pass is loaded onto the new card. Replacement cards are issued at port offices only."),
    ("h2", "Refunds"),
    ("ul", [
        "Carnets: refundable in full within 28 days of purchase if no journeys have been used. Once a journey has been used, carnets are non-refundable.",
        "Monthly passes: not refundable once the start date has passed.",
        "Annual passes: unused full months are refunded, minus a £25 administration fee.",
    ]),
    ("h2", "Weather disruption for pass holders"),
    ("p", "Because passes are not tied to particular sailings, pass holders do not receive weather refunds for individual cancelled sailings. Instead, if sailings on your route are disrupted on more than 5 days in a calendar month, monthly and annual pass holders receive a 10% discount on their next monthly pass or a 2-week extension to their annual pass."),
]

BINARIES = {
    "fares/fares-and-timetable-2027.pdf": FARES_PDF,
    "legal/conditions-of-carriage.pdf": CONDITIONS_PDF,
    "pets/pets-in-cabins.docx": PETS_CABINS_DOCX,
    "passes/commuter-passes.docx": PASSES_DOCX,
}


def doc_text(blocks):
    out = []
    for kind, payload in blocks:
        if kind in ("ul", "ol"):
            out.extend(payload)
        elif kind == "table":
            out.extend(" | ".join(r) for r in payload)
        else:
            out.append(payload)
    return "\n".join(out)


def build_pdf(path, blocks):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet, ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import (SimpleDocTemplate, Paragraph, Spacer, Table,
                                    TableStyle, ListFlowable, ListItem)
    from xml.sax.saxutils import escape

    # A TTF font is needed for the pound sign and en dashes.
    font, bold = "Helvetica", "Helvetica-Bold"
    for cand in ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]:
        if os.path.exists(cand):
            pdfmetrics.registerFont(TTFont("DejaVu", cand))
            pdfmetrics.registerFont(TTFont("DejaVu-Bold", cand.replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")))
            font, bold = "DejaVu", "DejaVu-Bold"
    ss = getSampleStyleSheet()
    body = ParagraphStyle("b", parent=ss["BodyText"], fontName=font, fontSize=10, leading=13)
    h1 = ParagraphStyle("h1", parent=ss["Heading1"], fontName=bold)
    h2 = ParagraphStyle("h2", parent=ss["Heading2"], fontName=bold, fontSize=12)
    cell = ParagraphStyle("c", parent=body, fontSize=8.5, leading=10.5)
    story = []
    for kind, payload in blocks:
        if kind == "h1":
            story.append(Paragraph(escape(payload), h1))
        elif kind == "h2":
            story.append(Paragraph(escape(payload), h2))
        elif kind == "p":
            story.append(Paragraph(escape(payload), body))
            story.append(Spacer(1, 4))
        elif kind in ("ul", "ol"):
            items = [ListItem(Paragraph(escape(t), body)) for t in payload]
            story.append(ListFlowable(items, bulletType="bullet" if kind == "ul" else "1",
                                      bulletFontName=font, leftIndent=12))
        elif kind == "table":
            data = [[Paragraph(escape(c), cell) for c in row] for row in payload]
            t = Table(data, repeatRows=1, hAlign="LEFT")
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9e6f2")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
            story.append(Spacer(1, 6))
    title = blocks[0][1]
    doc = SimpleDocTemplate(path, pagesize=A4, title=title, author="Harbourline Ferries Ltd",
                            leftMargin=18 * mm, rightMargin=18 * mm)
    doc.build(story)


def build_docx(path, blocks):
    import docx
    d = docx.Document()
    d.core_properties.title = blocks[0][1]
    d.core_properties.author = "Harbourline Ferries Ltd"
    for kind, payload in blocks:
        if kind == "h1":
            d.add_heading(payload, level=1)
        elif kind == "h2":
            d.add_heading(payload, level=2)
        elif kind == "p":
            d.add_paragraph(payload)
        elif kind == "ul":
            for t in payload:
                d.add_paragraph(t, style="List Bullet")
        elif kind == "ol":
            for t in payload:
                d.add_paragraph(t, style="List Number")
        elif kind == "table":
            t = d.add_table(rows=len(payload), cols=len(payload[0]))
            t.style = "Table Grid"
            for i, row in enumerate(payload):
                for j, c in enumerate(row):
                    t.cell(i, j).text = c
            for c in t.rows[0].cells:
                for r in c.paragraphs[0].runs:
                    r.bold = True
    d.save(path)


def main():
    for rel, blocks in BINARIES.items():
        path = os.path.join(DOCS, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if rel.endswith(".pdf"):
            build_pdf(path, blocks)
        else:
            build_docx(path, blocks)
        print("wrote", rel, len(doc_text(blocks).split()), "words")


if __name__ == "__main__":
    main()
