"""Build the PDF and DOCX help-centre documents for the Larkspur Fibre dataset.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
Outputs are written into ../docs/. Source text lives in DOCS below.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Block types: ("h1", text) ("h2", text) ("p", text) ("ul", [..]) ("ol", [..]) ("table", [[header..], [row..], ..])
DOCS = {
    "router/larkspur-hub-3-user-guide.pdf": [
        ("h1", "Larkspur Hub 3 and Hub 3 Pro User Guide"),
        ("p", "Document LF-HUB3-UG, issue 4, March 2026. This guide covers setting up and using the Larkspur Hub 3 router supplied with Fibre 150, Fibre 500 and Fibre 900, and the Larkspur Hub 3 Pro supplied with Fibre 2000. The router remains the property of Larkspur Fibre Ltd."),
        ("h2", "1. In the box"),
        ("ul", ["Larkspur Hub 3 or Hub 3 Pro router", "12V power adapter", "2 metre grey WAN cable (router to ONT)", "1.5 metre yellow Ethernet cable", "Quick start card"]),
        ("h2", "2. Specifications"),
        ("table", [
            ["Feature", "Hub 3", "Hub 3 Pro"],
            ["Wi-Fi standard", "Wi-Fi 6", "Wi-Fi 7"],
            ["Wi-Fi bands", "2.4 GHz and 5 GHz", "2.4 GHz, 5 GHz and 6 GHz"],
            ["WAN port", "2.5 Gb", "10 Gb"],
            ["LAN ports (yellow)", "4 x 1 Gb", "3 x 1 Gb, 1 x 10 Gb"],
            ["Phone port (green)", "1", "1"],
            ["USB port", "1 x USB 3.0", "1 x USB 3.0"],
            ["Power use (typical)", "11 W", "16 W"],
        ]),
        ("h2", "3. Setting up"),
        ("ol", [
            "Connect the grey WAN cable from the ONT to the grey WAN port on the router.",
            "Connect the power adapter and press the power button on the back.",
            "Wait up to 5 minutes until the Status light is solid white.",
            "Join the Wi-Fi network shown on the sticker on the base, using the Wi-Fi password on the sticker.",
        ]),
        ("h2", "4. Router settings page"),
        ("p", "Open a web browser on a connected device and go to http://192.168.1.254. Sign in with the admin password printed on the sticker on the base of the router. We recommend you change the admin password the first time you sign in. The settings page lets you change the Wi-Fi name and password, turn on guest Wi-Fi, set the lights, and view connected devices."),
        ("h2", "5. Wi-Fi bands"),
        ("p", "By default the router shows one Wi-Fi name and moves each device to the best band automatically (band steering). To show each band as a separate network, turn on Separate bands in Wireless > Bands, or in the My Larkspur app under Wi-Fi. The 5 GHz band is faster at short range; the 2.4 GHz band reaches further through walls."),
        ("h2", "6. WPS"),
        ("p", "To connect a device without typing the password, press the WPS button on the side of the router for 2 seconds. The Wi-Fi light flashes blue. Press the WPS button on your device within 2 minutes."),
        ("h2", "7. Placement"),
        ("ul", [
            "Place the router upright, in the open, about 1 metre off the floor.",
            "Keep it at least 1 metre from microwaves, cordless phone bases and baby monitors.",
            "Do not put it inside a cupboard or behind a TV.",
        ]),
        ("h2", "8. Safety and care"),
        ("p", "Use only the power adapter supplied. Operating temperature is 0 to 40 degrees C. Do not cover the air vents. Clean with a dry cloth only."),
        ("h2", "9. Warranty and returns"),
        ("p", "Larkspur replaces a faulty router free of charge for as long as you are a customer, provided the fault is not caused by accidental damage. If you leave Larkspur Fibre you must return the router within 30 days using the free returns label we send you. If it is not returned, a charge of £60.00 applies. Technical Support: 0300 555 0123."),
    ],
    "phone/home-phone-guide.pdf": [
        ("h1", "Larkspur Talk: Home Phone Guide"),
        ("p", "Larkspur Talk is our home phone service. It is a digital (VoIP) landline that runs over your Larkspur Fibre broadband connection. You can only have Larkspur Talk together with a Larkspur Fibre broadband plan."),
        ("h2", "1. Talk plans"),
        ("table", [
            ["Plan", "Monthly price", "UK landline and mobile calls", "International calls"],
            ["Talk Pay As You Go", "£0.00", "12p per minute", "From 20p per minute"],
            ["Talk Evenings and Weekends", "£5.00", "Free 7pm to 7am and all weekend", "From 20p per minute"],
            ["Talk Anytime", "£9.00", "Free at any time", "From 20p per minute"],
            ["Talk International", "£14.00", "Free at any time", "300 minutes to 50 countries"],
        ]),
        ("p", "Calls to 0800 and 0808 numbers are free on all plans. Calls to premium rate numbers are not included in any plan. Free calls are for calls up to 60 minutes; after 60 minutes, calls are charged at 12p per minute unless you hang up and redial."),
        ("h2", "2. Connecting your phone"),
        ("ol", [
            "Plug your phone (or cordless phone base) into the green Phone port on the back of your Larkspur Hub 3.",
            "If your phone has a BT-style plug, use the adapter supplied with your router.",
            "Wait 2 minutes and check for a dial tone.",
        ]),
        ("p", "Phone sockets on your walls are not connected to Larkspur Talk. Your phone must be plugged into the router."),
        ("h2", "3. Keeping your existing number"),
        ("p", "You can bring your number from another provider. Tell us when you order and do not cancel with your old provider. We arrange the transfer, which takes 7 working days from when your broadband is activated. During the transfer you get a temporary number."),
        ("h2", "4. Calling features"),
        ("table", [
            ["Feature", "Price", "How to use"],
            ["Caller display", "Free", "On by default"],
            ["Voicemail", "Free", "Dial 1505 to listen to messages"],
            ["Anonymous call reject", "Free", "Dial *227# to turn on"],
            ["Call barring (international and premium)", "Free", "My Larkspur > Phone > Call barring"],
            ["Call divert", "Free to set up, calls charged", "Dial *21* then the number then #"],
        ]),
        ("h2", "5. Emergency calls and power cuts"),
        ("p", "You can call 999 and 112 from Larkspur Talk. Because Larkspur Talk uses your broadband and router, it will not work during a power cut or broadband outage. Keep a charged mobile phone available for emergencies."),
        ("p", "If you have no mobile signal at home, rely on a telecare alarm, or are otherwise dependent on your landline, call 0300 555 0160 to register as a priority customer. We send you a free battery backup unit that keeps your router and phone working for at least 4 hours during a power cut."),
        ("h2", "6. Nuisance calls"),
        ("p", "Turn on anonymous call reject, and report persistent nuisance calls to the Nuisance Calls Team on 0300 555 0133. Do not give personal or card details to unexpected callers who claim to be from Larkspur."),
    ],
    "contracts/early-termination-fees.docx": [
        ("h1", "Early termination fees"),
        ("p", "If you end your Larkspur Fibre contract after the 14-day cooling-off period and before your minimum term ends, you pay an early termination fee (ETF). If you are still within the cooling-off period, see Cancel within the cooling-off period instead; no ETF applies there."),
        ("h2", "How the fee is worked out"),
        ("p", "The ETF is a fixed amount for each full month left in your minimum term. It is lower than your monthly price because it excludes costs we no longer have once you leave."),
        ("table", [
            ["Plan", "ETF per remaining month"],
            ["Fibre 150", "£19.00"],
            ["Fibre 500", "£25.00"],
            ["Fibre 900", "£33.00"],
            ["Fibre 2000", "£47.00"],
            ["Any Larkspur Talk plan (added)", "£4.00"],
            ["Static IP add-on", "No fee"],
        ]),
        ("h2", "Example"),
        ("p", "You are on Fibre 500 with Talk Anytime and leave with 6 full months of your 18-month minimum term remaining. Your ETF is 6 x £25.00 plus 6 x £4.00, a total of £174.00. Part months are not charged."),
        ("h2", "When no ETF applies"),
        ("ul", [
            "You cancel within the 14-day cooling-off period.",
            "You have finished your minimum term and are on a rolling monthly contract.",
            "You move to an address that is not on the Larkspur network and send proof of your new address.",
            "Your speed stays below your minimum guaranteed speed for 30 consecutive days after we have tried to fix it.",
            "The account holder has died. Call our Bereavement Team on 0300 555 0199.",
        ]),
        ("h2", "How to leave"),
        ("ol", [
            "Call the Cancellations Team on 0300 555 0111 or use www.larkspur.example/cancel.",
            "Give us 30 days' notice. You pay for your service until the notice period ends.",
            "We confirm your final date and ETF in writing.",
            "Return your router within 30 days of your final date using the free returns label.",
        ]),
        ("p", "If you are switching to another broadband provider on the same network technology, your new provider may arrange the switch for you. You still pay any ETF."),
        ("h2", "Your final bill"),
        ("p", "The ETF appears on your final bill, together with any charges up to your final date. The final bill is issued within 10 working days of your final date and paid by your usual method."),
    ],
    "services/parental-controls.docx": [
        ("h1", "SafeHome parental controls"),
        ("p", "SafeHome is Larkspur Fibre's free network filter. It blocks websites in chosen categories for every device connected to your home network, including phones, tablets, games consoles and smart TVs. No software needs installing on the devices."),
        ("h2", "Filter levels"),
        ("table", [
            ["Level", "Blocks", "Suggested for"],
            ["Off", "Nothing", "Adult-only homes"],
            ["Light", "Malware, phishing and adult content", "All households"],
            ["Moderate", "Light, plus gambling, violence and dating", "Homes with teenagers"],
            ["Strict", "Moderate, plus social media, chat and games sites", "Homes with young children"],
        ]),
        ("p", "New accounts start with SafeHome set to Light. You can change the level at any time."),
        ("h2", "Turn SafeHome on or change the level"),
        ("ol", [
            "Sign in to the My Larkspur app.",
            "Tap Wi-Fi > SafeHome.",
            "Enter your 4-digit SafeHome PIN. The first time, you are asked to create one.",
            "Choose a level and tap Save.",
        ]),
        ("p", "Changes can take up to 1 hour to apply to all devices. Restarting a device makes the change apply sooner."),
        ("h2", "Block or allow a specific website"),
        ("p", "In Wi-Fi > SafeHome > Custom list, you can add up to 100 websites to always block or always allow, whatever the level."),
        ("h2", "Bedtime and homework schedules"),
        ("p", "Use Wi-Fi > SafeHome > Schedules to pause internet access for chosen devices at set times, for example 21:00 to 07:00 on school nights. You can create up to 10 schedules. Paused devices can still connect to Wi-Fi but cannot reach the internet."),
        ("h2", "Forgotten SafeHome PIN"),
        ("p", "Tap Forgotten PIN in the app. We send a reset code to the mobile number on the account. Only the account holder can reset the PIN."),
        ("h2", "Limits"),
        ("ul", [
            "SafeHome only works on your Larkspur home network. It does not filter mobile data.",
            "It does not apply to the guest Wi-Fi network unless you turn on Filter guest Wi-Fi.",
            "No filter is perfect. Talk to your children about staying safe online.",
        ]),
    ],
}


def doc_text(blocks):
    """Plain-text rendering of a document's source (used for validation)."""
    out = []
    for kind, val in blocks:
        if kind in ("h1", "h2", "p"):
            out.append(val)
        elif kind in ("ul", "ol"):
            out.extend(val)
        elif kind == "table":
            out.extend(" | ".join(r) for r in val)
    return "\n".join(out)


def build_pdf(path, blocks):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import (ListFlowable, ListItem, Paragraph, SimpleDocTemplate,
                                    Spacer, Table, TableStyle)
    from xml.sax.saxutils import escape

    ss = getSampleStyleSheet()
    body = ss["BodyText"]
    story = []
    for kind, val in blocks:
        if kind == "h1":
            story.append(Paragraph(escape(val), ss["Title"]))
        elif kind == "h2":
            story.append(Paragraph(escape(val), ss["Heading2"]))
        elif kind == "p":
            story.append(Paragraph(escape(val), body))
        elif kind in ("ul", "ol"):
            items = [ListItem(Paragraph(escape(v), body)) for v in val]
            story.append(ListFlowable(items, bulletType="1" if kind == "ol" else "bullet",
                                      start="1" if kind == "ol" else None, leftIndent=12))
        elif kind == "table":
            data = [[Paragraph(escape(c), body) for c in row] for row in val]
            t = Table(data, repeatRows=1)
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#5b3f8c")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(v for k, v in blocks if k == "h1")

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Larkspur Fibre Ltd - help.larkspur.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Larkspur Fibre Ltd",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path, blocks):
    import docx
    d = docx.Document()
    d.core_properties.title = next(v for k, v in blocks if k == "h1")
    d.core_properties.author = "Larkspur Fibre Ltd"
    for kind, val in blocks:
        if kind == "h1":
            d.add_heading(val, level=1)
        elif kind == "h2":
            d.add_heading(val, level=2)
        elif kind == "p":
            d.add_paragraph(val)
        elif kind in ("ul", "ol"):
            style = "List Number" if kind == "ol" else "List Bullet"
            for v in val:
                d.add_paragraph(v, style=style)
        elif kind == "table":
            t = d.add_table(rows=len(val), cols=len(val[0]))
            t.style = "Table Grid"
            for i, row in enumerate(val):
                for j, c in enumerate(row):
                    t.cell(i, j).text = c
                    if i == 0:
                        for r in t.cell(i, j).paragraphs[0].runs:
                            r.bold = True
    d.save(str(path))


def main():
    for rel, blocks in DOCS.items():
        path = OUT / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if rel.endswith(".pdf"):
            build_pdf(path, blocks)
        else:
            build_docx(path, blocks)
        print("wrote", path.relative_to(HERE.parent), len(doc_text(blocks).split()), "words")


if __name__ == "__main__":
    main()
