"""Build the PDF and DOCX documents of the Fernleaf help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document is kept in SOURCES below, so the golden files can be
checked against it without parsing PDF or DOCX. Output goes to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "devices/fernleaf-glow-user-guide.pdf": [
        ("title", "Fernleaf Glow: your user guide"),
        ("p", "For Fernleaf Glow 6 and Fernleaf Glow 7 Pro. Guide version 2.4, September 2026. Thank you for choosing a Fernleaf Glow! We designed it to disappear in your hands, so that all that's left is you and the story. This guide walks you through setting it up, charging it, keeping it happy and fixing the little things that occasionally go wrong. For the warranty, Fernleaf Care and returning a device, see the separate Fernleaf Glow warranty and returns document."),
        ("h1", "1. Which Glow do I have?"),
        ("p", "Look on the back of the device: the model name is printed just above the serial number. You can also find it under Settings > Device > About."),
        ("grid", [
            ["", "Fernleaf Glow 6", "Fernleaf Glow 7 Pro"],
            ["Screen", "6-inch, 300 ppi, front light", "7-inch, 300 ppi, adjustable warm light"],
            ["Storage", "16 GB", "32 GB"],
            ["Water protection", "Splash resistant only", "IPX8: up to 2 metres of fresh water for 60 minutes"],
            ["Battery life", "Up to 5 weeks", "Up to 8 weeks"],
            ["Charging", "USB-C, full in about 3 hours", "USB-C, full in about 2.5 hours, or wireless charging"],
            ["Page-turn buttons", "No", "Yes"],
            ["Audiobooks (Bluetooth)", "No", "Yes"],
            ["Price", "€119.00", "€189.00"],
        ]),
        ("p", "Battery life is based on 30 minutes of reading a day with wireless off and the light at setting 12. Using the light at full brightness or listening to audiobooks will use the battery faster."),
        ("h1", "2. Setting up your Glow"),
        ("steps", [
            "Press and hold the power button on the bottom edge for 3 seconds until the Fernleaf leaf appears.",
            "Choose your language and connect to a Wi-Fi network. The Glow works with 2.4 GHz and 5 GHz networks, but not with Wi-Fi networks that need you to sign in on a web page, like some hotel networks.",
            "Sign in with your Fernleaf account, or scan the QR code with the Fernleaf app on your phone to sign in without typing.",
            "Your Glow downloads any updates and your most recent books. Leave it on Wi-Fi and charging for the first hour if you can.",
        ]),
        ("h1", "3. Charging"),
        ("p", "Use the USB-C cable in the box with any USB wall plug rated 5 W or more. The light next to the port glows amber while charging and turns green when full. The Glow 7 Pro also charges on any Qi wireless charging pad; wireless charging takes about 4 hours. Charge your Glow at temperatures between 0 and 35 °C. If the battery has run completely flat, the screen may show a battery picture with an exclamation mark: leave it on the charger for at least 30 minutes before you try to switch it on."),
        ("h1", "4. Reading and the front light"),
        ("p", "Tap the right side of the screen to turn the page forward and the left side to go back, or swipe. On the Glow 7 Pro you can also use the page-turn buttons, and swap which one goes forward under Settings > Reading > Buttons. Swipe down from the top to adjust the light: there are 24 brightness settings, and on the Glow 7 Pro the warmth slider goes from cool white to a deep amber that's kinder at bedtime. You can schedule the warm light to change automatically at sunset."),
        ("h1", "5. Listening on the Glow 7 Pro"),
        ("p", "Pair Bluetooth headphones or a speaker under Settings > Bluetooth. Audiobooks you own or borrow then play straight from your Glow. The Glow 6 doesn't support Bluetooth audio. Audiobooks take up much more space than e-books, so keep an eye on storage if you download lots."),
        ("h1", "6. Looking after your Glow"),
        ("bullets", [
            "Clean the screen with a dry, soft cloth. Don't use sprays or cleaning products.",
            "The Glow 7 Pro is fine in the bath or at the pool, but rinse it with fresh water after salt water or chlorinated water and let it dry before charging. The port must be completely dry before you plug a cable in.",
            "The Glow 6 is only splash resistant: a few drops of rain are fine, a dip in the bath is not.",
            "Avoid leaving your Glow in direct sunlight in a hot car: screens don't like temperatures above 45 °C.",
        ]),
        ("h1", "7. Restarting and resetting"),
        ("p", "A restart fixes most problems and doesn't delete anything. Press and hold the power button for 20 seconds until the screen goes blank, then let go and press it again for 3 seconds to switch back on."),
        ("p", "A factory reset deletes everything on the Glow and signs it out of your account. Your books are safe in your Fernleaf account and will download again when you sign back in, but personal settings on the device are lost. To factory reset, go to Settings > Device > Reset to factory settings and confirm with your Fernleaf password. Always do a factory reset before you give away or sell a Glow."),
        ("h1", "8. Troubleshooting"),
        ("grid", [
            ["What you see", "What to try"],
            ["Screen frozen, buttons do nothing", "Hold the power button for 40 seconds, then switch on again."],
            ["Faint shadows of the last page (ghosting)", "Settings > Display > Full page refresh, and choose every 6 pages or every page."],
            ["Won't switch on after running flat", "Leave on the charger for at least 30 minutes, then hold power for 3 seconds."],
            ["'Sync failed' message", "Check the Wi-Fi symbol at the top. Open Settings > Wi-Fi and reconnect, then pull down on the Library to sync."],
            ["A book won't open", "Press and hold the cover, choose Remove download, then tap the cover again to download it fresh."],
            ["Bluetooth headphones won't connect (Glow 7 Pro)", "Forget the headphones in Settings > Bluetooth, put them in pairing mode and pair again."],
            ["Battery drains in a few days", "Turn on Airplane mode when you're not downloading, and lower the light. If it keeps happening, contact Device support."],
        ]),
        ("p", "Still stuck? Our Device support team is available on 01 555 0147 from 8am to 8pm every day. Have your serial number ready (Settings > Device > About)."),
    ],
    "gift-cards/gift-card-terms.pdf": [
        ("title", "Fernleaf gift cards: terms and conditions"),
        ("p", "These terms apply to Fernleaf gift cards and e-gift cards bought from 1 March 2026 onwards. They don't apply to gift memberships (Gift Listen and Gift Unlimited), which have their own rules, or to Fernleaf Points vouchers. We've tried to write them in plain language, because terms and conditions don't have to be dull."),
        ("h1", "1. Buying a gift card"),
        ("p", "Physical gift cards are sold in all Fernleaf shops and at www.fernleaf.example/giftcards. E-gift cards are sold online only. A gift card can be loaded with any whole-euro amount from €10 to €250. Physical gift cards ordered online are posted free of charge with Standard delivery in a card envelope. E-gift cards are emailed to the recipient, usually within 15 minutes, and always within 24 hours, or on the date you choose."),
        ("h1", "2. How long a gift card lasts"),
        ("p", "Every gift card is valid for 24 months from the date it was bought. The expiry date is printed on physical cards and shown in the e-gift card email. Using the card does not extend its validity. Any balance left after the expiry date is lost, so we send a reminder to registered cards 30 days before they expire."),
        ("h1", "3. What you can spend it on"),
        ("grid", [
            ["You can use a gift card for", "You can't use a gift card for"],
            ["Print books online and in shops", "Monthly or annual membership fees (Unlimited, Listen)"],
            ["E-books and audiobooks bought with money", "Gift memberships"],
            ["Extra Listen credits", "Other gift cards"],
            ["Fernleaf Glow e-readers and accessories", "Delivery charges on their own"],
            ["Event tickets", "Payments to anyone outside Fernleaf"],
        ]),
        ("p", "You can use more than one gift card in one order online (up to 5) and pay any difference with another payment method. Gift cards can't be exchanged for cash, except where the law says otherwise."),
        ("h1", "4. Checking your balance"),
        ("p", "Check your balance at www.fernleaf.example/giftcards/balance with the 16-digit card number and 4-digit PIN, at any shop till, or in the app if you've added the card to your account under Account > Gift cards. Once added to an account, a card's balance can only be used by that account."),
        ("h1", "5. Lost or stolen cards"),
        ("p", "Treat a gift card like cash. If a card is lost or stolen, we can only replace it if it was registered to a Fernleaf account before it went missing; in that case call the gift card team on 01 555 0158 and we'll move the remaining balance to a new card. We can't replace unregistered cards."),
        ("h1", "6. Refunds and returns"),
        ("p", "You can cancel an e-gift card you bought online within 14 days of buying it, as long as none of it has been spent; we refund the card you paid with. Physical gift cards bought in a shop can't be refunded. If you return something you bought with a gift card, the refund goes back onto a gift card."),
        ("h1", "7. Buying for your business"),
        ("p", "Companies can order gift cards in bulk for staff rewards or customer thank-yous. Orders of 20 or more cards, or over €500 in total, get a 5% discount. Contact the gift card team on 01 555 0158, Monday to Friday 9am to 5pm."),
        ("h1", "8. Gift card scams"),
        ("p", "Gift cards are a favourite tool of scammers. Fernleaf, banks, the police and the tax office will never ask you to pay a bill or a fine with Fernleaf gift cards. If anyone asks you to buy gift cards and read out the numbers, it's a scam: please stop and call us on 01 555 0158."),
    ],
    "devices/glow-warranty-and-returns.docx": [
        ("title", "Fernleaf Glow warranty, Fernleaf Care and returns"),
        ("p", "This document explains what's covered if something goes wrong with your Fernleaf Glow e-reader or its accessories, what Fernleaf Care adds, and how to send a device back if you change your mind. For help using your Glow, see the Fernleaf Glow user guide. Your legal rights as a consumer are not affected by anything here; the warranty is on top of them."),
        ("h1", "1. Changed your mind? Returning a Glow"),
        ("p", "You can return a Fernleaf Glow bought from us within 14 days of delivery for a full refund, even if you've opened it and switched it on, as long as it's undamaged and comes back with everything that was in the box. This is different from print books, which you have 30 days to return. Before sending it back, please do a factory reset and remove the device from your account under Account > Devices; we can't refund a device that's still registered to an account."),
        ("steps", [
            "Go to Account > My orders, choose the order and tap Return items.",
            "Select the Glow and any accessories you're returning, and choose a reason.",
            "We email you a free Swiftpost returns label. Devices can't be returned to a Fernleaf shop.",
            "Pack the Glow in its original box, inside a sturdy outer box, and drop it at a Swiftpost point.",
        ]),
        ("p", "We refund you within 5 working days of receiving the device. If you bought Fernleaf Care with it, that's refunded too."),
        ("h1", "2. The Fernleaf warranty"),
        ("p", "Every new Fernleaf Glow comes with our free limited warranty against faults in materials and workmanship. The warranty starts on the day your Glow is delivered (or the day you bought it in a shop)."),
        ("grid", [
            ["Product", "Free warranty"],
            ["New Fernleaf Glow 6 or Glow 7 Pro", "2 years"],
            ["Certified refurbished Glow", "1 year"],
            ["Accessories (covers, chargers, cables, Fernleaf Sleep case)", "1 year"],
        ]),
        ("h2", "What the warranty covers"),
        ("bullets", [
            "Screen faults that appear without damage, such as lines, dead areas or a light that doesn't work.",
            "Buttons and the charging port failing in normal use.",
            "The battery, if it holds less than 80% of its original charge within the warranty period. You can check battery health under Settings > Device > Battery.",
            "Software problems that a factory reset doesn't fix.",
        ]),
        ("h2", "What it doesn't cover"),
        ("bullets", [
            "Accidental damage, such as a cracked screen from a drop or something heavy being put on it.",
            "Water damage to a Glow 6, which is only splash resistant. (Water damage to a Glow 7 Pro used within its IPX8 rating is covered.)",
            "Normal wear, such as scratches, scuffs or a faded cover.",
            "Damage from using a charger that isn't safety certified, or from opening the device.",
            "Lost or stolen devices.",
        ]),
        ("h1", "3. Fernleaf Care"),
        ("p", "Fernleaf Care is optional extra protection that adds accidental damage cover, including cracked screens and spills, and stretches your cover over the same period as the warranty. You can buy it with your Glow or add it within 30 days of the delivery date under Account > Devices > Add Fernleaf Care."),
        ("grid", [
            ["", "Fernleaf Glow 6", "Fernleaf Glow 7 Pro"],
            ["Price (one payment, covers 2 years)", "€24.99", "€34.99"],
            ["Excess per accidental damage claim", "€15.00", "€15.00"],
            ["Accidental damage claims", "Up to 2 in the 2 years", "Up to 2 in the 2 years"],
            ["Faults (same as warranty)", "No excess", "No excess"],
        ]),
        ("p", "Fernleaf Care stays with the device if you give it away, as long as the new owner registers it. It doesn't cover loss or theft. If you cancel Fernleaf Care within the first 30 days, you get a full refund; after that it can't be refunded."),
        ("h1", "4. Making a claim"),
        ("steps", [
            "Restart your Glow first (hold the power button for 20 seconds); it's amazing how often that fixes things.",
            "Contact Device support on 01 555 0147 (8am to 8pm every day) or through the app under Account > Help > My device.",
            "We'll try to fix the problem with you. If we can't, we send you a prepaid, padded box to post your Glow to us.",
            "For an accidental damage claim under Fernleaf Care, we take the €15.00 excess from your card when we confirm the claim.",
            "We send you a replacement Glow (new or certified refurbished, of the same model) within 5 working days of receiving yours.",
        ]),
        ("p", "A replacement Glow keeps the rest of the original warranty, or 90 days, whichever is longer. Your books are stored in your account, so once you sign in on the replacement, your library comes back."),
    ],
    "events/book-club-leaders-pack.docx": [
        ("title", "The Book Club Leader's Pack"),
        ("p", "So you run a book club! Or you're about to start one, in which case: brilliant, welcome, you're going to love it. This pack is for people who organise their own reading group, at home, at work, in the pub or anywhere else, and who'd like a bit of help from Fernleaf. It explains how to register your club, the group discount, free meeting space in our shops and our reading guides. If you're looking for the monthly book clubs that our own shops run, see Book clubs and events in our shops."),
        ("h1", "Registering your club"),
        ("p", "Registration is free. Any group of 4 or more readers can register, and the club leader needs a Fernleaf account. Go to www.fernleaf.example/bookclubs, tap Register a club and tell us your club's name, roughly how many members you have and the shop nearest to you. We'll confirm within 3 working days and give you a club number starting with BC, which you'll need for the discount and room bookings."),
        ("h1", "The club discount"),
        ("p", "When you order 6 or more copies of the same title in one order, you get 15% off all of those copies. The discount works online, where you enter your club number at checkout, and in our shops, where you show your club number at the till. It applies to print books and doesn't apply to e-books, audiobooks or signed editions. It can't be combined with student discount or promotional codes."),
        ("grid", [
            ["Copies of the same title in one order", "Club discount"],
            ["1 to 5", "No discount"],
            ["6 to 19", "15% off each copy"],
            ["20 or more", "15% off each copy, plus free Express delivery"],
        ]),
        ("p", "And a little thank-you for the organiser: after every 5 club orders of 6 or more copies, the club leader gets one free copy of the next book, added automatically to the fifth order's receipt as a voucher."),
        ("h1", "Meeting in a Fernleaf shop"),
        ("p", "Registered clubs can book a meeting room in any Fernleaf shop free of charge, outside our own event evenings. Rooms hold up to 12 people. You can book one meeting of up to 2 hours a month, at least 14 days ahead, through the club page or by calling the shops and events team on 01 555 0152. Please leave the room as you found it; tea and coffee are on us."),
        ("steps", [
            "Sign in and open your club page at www.fernleaf.example/bookclubs.",
            "Tap Book a room, choose a shop, a date and a 2-hour slot.",
            "You'll get an email confirmation. Show it to a bookseller when you arrive.",
            "If you need to cancel, please do so at least 48 hours before, so another club can use the room.",
        ]),
        ("p", "Clubs that don't turn up for two bookings without cancelling can't book rooms for the next 3 months."),
        ("h1", "Reading guides"),
        ("p", "We publish free reading guides for over 300 titles, with discussion questions, background on the author and suggestions for what to read next. Download them from the book's page (look for Reading guide under the description), or ask for printed copies when you collect your club order."),
        ("h1", "Questions club leaders ask"),
        ("p", "Can our club order e-books at a discount? Not at the moment, sorry; the club discount is for print books only. Can members pay separately? Yes: one member can place the order with the club number, or each member can order their own copy, but the 15% only applies when 6 or more copies are in a single order. Can we use a Reading Room in the app as well? Absolutely, and lots of clubs do, to keep chatting between meetings."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#3d6b35")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Fernleaf Books Ltd - help.fernleaf.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Fernleaf",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Fernleaf"
    for kind, val in blocks:
        if kind == "title":
            d.add_heading(str(val), level=0)
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
