"""Build the PDF and DOCX documents of the IronVale help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
SOURCES holds the text of every binary document, so check_golden.py can check facts against it
without parsing PDF or DOCX. Output goes to ../docs/.
Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[header..], [row..]..])
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

SOURCES: dict[str, list[tuple[str, object]]] = {
    "personal-training/pt-pack-terms.pdf": [
        ("title", "Personal training pack terms"),
        ("p", "IronVale Fitness Clubs Ltd. These terms apply to all personal training (PT) packs bought on or after 1 July 2026. They are in addition to your membership terms. Prices and pack sizes are shown on the Personal training packs page."),
        ("h1", "1. Who can buy a pack"),
        ("p", "PT packs can only be bought by IronVale members with an active membership. A pack is personal to the member who bought it, except as described in section 6 (transfers). Before your first session your trainer will go through your health questionnaire with you and may ask for a doctor's approval before training you."),
        ("h1", "2. How long a pack lasts"),
        ("grid", [
            ["Pack", "Valid for", "Extension available"],
            ["Single session", "30 days from purchase", "No"],
            ["5 sessions", "3 months from purchase", "Yes, once, 1 month"],
            ["10 sessions", "6 months from purchase", "Yes, once, 1 month"],
            ["20 sessions", "12 months from purchase", "Yes, once, 1 month"],
        ]),
        ("p", "Sessions not used by the expiry date are lost and are not refunded. We send a reminder by email 14 days before a pack expires."),
        ("h1", "3. Extending a pack"),
        ("p", "You can extend a 5, 10 or 20 session pack once by 1 month for a fee of €20.00. Ask at the PT desk or call 01 555 0142 before the pack expires; we cannot extend a pack that has already expired. If you take a medical freeze of your membership, the expiry date of your pack moves back by the length of the freeze automatically and at no cost. A standard freeze does not change the expiry date."),
        ("h1", "4. Booking, cancelling and lateness"),
        ("bullets", [
            "Sessions last 55 minutes and can be booked up to 4 weeks ahead.",
            "Cancel or move a session at least 24 hours before it starts, or the session is taken from your pack.",
            "If you arrive late, your session still ends at the booked time.",
            "If your trainer is more than 10 minutes late, you get a free extra session added to your pack.",
            "If your trainer cancels, the session goes back into your pack.",
        ]),
        ("h1", "5. Refunds"),
        ("p", "You can get a full refund of a pack within 14 days of buying it, as long as you haven't used any sessions from it. The free taster session does not count as a used session."),
        ("p", "After 14 days, or once you have used a session, packs are not refundable, except in these cases:"),
        ("steps", [
            "You have a medical condition that stops you training until after the pack expires (a doctor's note is needed).",
            "You move home to an address more than 25 km from every IronVale club.",
            "Your trainer leaves IronVale and you don't want to continue with another trainer.",
        ]),
        ("p", "In cases 1 and 2 we refund the unused sessions at the per-session price of your pack, minus an admin fee of €25.00. In case 3 there is no admin fee. Cancelling your membership does not on its own give you a refund of a PT pack. Refunds go back to the card you paid with within 10 working days."),
        ("h1", "6. Transferring sessions"),
        ("p", "You can transfer all the remaining sessions in a pack to another IronVale member once per pack, free of charge, at the PT desk. Both of you need to be there, or the other member can confirm by email. The pack keeps its original expiry date."),
        ("h1", "7. Duo sessions"),
        ("p", "A Duo session is a session for two members with one trainer. One session is taken from the pack of the member who booked, and a Duo supplement of €15.00 is paid by card at the time of booking. Both people must be members."),
        ("h1", "8. Paying for a pack"),
        ("p", "Packs are paid by card in the app or at reception, not by Direct Debit. The 20-session pack can also be paid in 3 monthly card instalments of €240.00; the first instalment is taken when you buy, and the other two on the same date in the next two months. If an instalment fails, the pack is paused until it is paid."),
    ],
    "facilities/extras-price-list.pdf": [
        ("title", "Extras price list 2027"),
        ("p", "Valid at all IronVale clubs from 1 January 2027. This list covers extras you can buy on top of your membership. Monthly membership prices are on the Membership options page; personal training packs have their own price list."),
        ("h1", "Visits and passes"),
        ("grid", [
            ["Item", "Price", "Notes"],
            ["Guest pass (one visit)", "€12.00", "Full and Family members get 2 free a month"],
            ["7-day trial pass", "€25.00", "Non-members, once every 12 months"],
            ["Swim (Full (Core), Off-Peak, Student)", "€5.00", "Plus clubs only"],
            ["Spa session, up to 2 hours", "€8.00", "Includes the pool. Harwick Central and Southfield only, 18+"],
            ["Kids' Club, up to 90 minutes", "€4.00 per child", "Southfield only"],
            ["Children's swim lessons", "€70.00 per 10-week term", "Children of Family members, ages 4 to 10"],
        ]),
        ("h1", "Towels, lockers and kit"),
        ("grid", [
            ["Item", "Price", "Notes"],
            ["Small gym towel", "€1.00", "Per visit"],
            ["Large bath towel", "€2.50", "Per visit; free for Full (Plus) members"],
            ["Towel Pass", "€7.00 per month", "Unlimited large towels, added to your Direct Debit"],
            ["Hired towel not returned", "€15.00", ""],
            ["Standard rental locker", "€9.00 per month", "3-month minimum"],
            ["Large rental locker", "€14.00 per month", "Harwick Central and Southfield only"],
            ["Replacement rental locker key", "€20.00", ""],
            ["Padlock", "€7.00", "For padlock lockers at Eastgate"],
            ["Replacement membership card", "€5.00", "First card free"],
        ]),
        ("h1", "Health checks"),
        ("grid", [
            ["Item", "Price", "Notes"],
            ["Body composition scan", "€10.00", "Your first scan is free. Book at reception; takes 10 minutes"],
            ["Fitness MOT with a trainer (30 minutes)", "€20.00", "Includes blood pressure and a written plan"],
        ]),
        ("h1", "Parking"),
        ("grid", [
            ["Item", "Price", "Notes"],
            ["Tanner Street car park, all day (Harwick Central)", "€3.00", "Ticket validated at reception"],
        ]),
        ("h1", "Membership fees and charges (for reference)"),
        ("grid", [
            ["Charge", "Amount", "When it applies"],
            ["Joining fee (Off-Peak, Full)", "€35.00", "When you join"],
            ["Joining fee (Student)", "€15.00", "When you join"],
            ["Joining fee (Family)", "€50.00", "When you join"],
            ["Joining fee (rejoining within 6 months)", "€20.00", "When you rejoin"],
            ["Standard freeze", "€6.00 per month", "While frozen"],
            ["Student summer freeze", "€3.00 per month", "June to August"],
            ["Early exit fee (12-month contract)", "€75.00", "Leaving a contract early"],
            ["Failed payment fee", "€15.00", "When a Direct Debit is returned unpaid"],
            ["Visit during cooling-off", "€8.00 per visit", "Deducted from a cooling-off refund"],
            ["PT pack extension", "€20.00", "Once per pack, 1 month"],
        ]),
        ("p", "All prices include VAT. We may change these prices with 30 days' notice in the app and at reception."),
    ],
    "memberships/membership-terms.docx": [
        ("title", "IronVale membership terms"),
        ("p", "Version 9, effective 1 November 2026. These terms form your contract with IronVale Fitness Clubs Ltd. Please also read the Members' handbook, which contains the club rules. Where these terms say 'you', they mean the member named on the membership, or for a Family membership the lead member."),
        ("h1", "1. Your membership"),
        ("p", "Your membership lets you use the clubs, hours and facilities for your membership type, as shown on the Membership options page at the time you join. You must be 16 or over to hold a membership; under-18s must have a parent or guardian sign the terms. Your membership is personal and cannot be shared, lent or sold."),
        ("h1", "2. Contract types"),
        ("grid", [
            ["", "12-month contract", "Rolling monthly"],
            ["Minimum term", "12 months from your start date", "None"],
            ["Notice to cancel", "30 days, after the minimum term", "30 days"],
            ["Leaving early", "Early exit fee €75.00, or free in the cases in section 6", "Not applicable"],
            ["Price during the first 12 months", "Fixed", "Can change with 30 days' notice"],
        ]),
        ("h1", "3. Payments"),
        ("p", "Membership fees are paid monthly in advance by Direct Debit, or in one payment for a year if you chose an up-front membership. Extras you add to your membership, such as a rental locker or a Towel Pass, are added to your Direct Debit. See Payments and Direct Debit for what happens if a payment fails."),
        ("h1", "4. Price changes"),
        ("p", "We may change the price of a rolling monthly membership, or of a 12-month contract after the first 12 months, by giving you at least 30 days' notice by email. If we increase your price, you can cancel without any fee by giving notice before the new price applies; the usual 30 days' notice is reduced so that you never pay the new price. The price of an up-front membership never changes during the year you have paid for."),
        ("h1", "5. Cooling-off"),
        ("p", "You can cancel within 14 days of your join date for a full refund, including the joining fee. If you used a club during that time, we keep €8.00 per visit."),
        ("h1", "6. Ending a contract early without a fee"),
        ("bullets", [
            "You move to an address more than 25 km from every IronVale club.",
            "A medical condition stops you exercising for the rest of your minimum term.",
            "You are made redundant.",
            "Your home club closes permanently and you don't want to move to another club.",
            "We increase your price (see section 4).",
        ]),
        ("p", "In each case you must send us proof and give 30 days' notice."),
        ("h1", "7. Freezing"),
        ("p", "You can freeze your membership as set out in Freezing your membership. Freezing a 12-month contract extends the minimum term by the number of frozen months."),
        ("h1", "8. When we can end or suspend your membership"),
        ("p", "We can suspend your membership for up to 30 days, or end it, if you seriously or repeatedly break the Members' handbook. We can also end your membership if any payment has been unpaid for 60 days. If we end your membership because of a breach, we don't charge an early exit fee, but the joining fee is not refunded and any unpaid amounts remain payable."),
        ("h1", "9. Your belongings"),
        ("p", "Please use the lockers. We are not responsible for belongings left outside a locker. If belongings are stolen from a locked locker and there is a sign the locker was forced open, we will pay up to €250.00 per incident towards your loss once you give us a police report reference."),
        ("h1", "10. Changes to the clubs"),
        ("p", "We may change opening hours, the class timetable and the equipment in a club. If we permanently close your home club, we will give you at least 60 days' notice and you can move to another club or cancel without a fee."),
        ("h1", "11. Complaints and disputes"),
        ("p", "Please follow the complaints steps in the Members' handbook. These terms are governed by the law of the country where your home club is."),
    ],
    "payments/payments-and-direct-debit.docx": [
        ("title", "Payments and Direct Debit"),
        ("p", "How and when we take payments for your IronVale membership and extras, and what to do if a payment fails. For membership prices see Membership options; for one-off extras see the Extras price list."),
        ("h1", "What is paid how"),
        ("grid", [
            ["What you pay for", "How it's paid", "When"],
            ["Monthly membership", "Direct Debit", "The 1st or the 15th of each month"],
            ["Joining fee and first part-month", "Card", "When you join"],
            ["Rental locker, Towel Pass, extra child on Family", "Direct Debit, added to your membership payment", "Your payment date"],
            ["Freeze fee", "Direct Debit, instead of your membership payment", "Your payment date"],
            ["Up-front yearly membership", "Card", "When you join or renew"],
            ["Personal training packs", "Card", "When you buy"],
            ["Guest passes, swims, spa sessions, towels", "Card or phone, in the app or at reception", "When you buy"],
        ]),
        ("p", "We don't accept cash at any IronVale club."),
        ("h1", "Choosing or changing your payment date"),
        ("p", "You choose the 1st or the 15th of the month when you join. You can change your payment date once in any 12 months in the app under Me > Payments > Payment date. If the change leaves a gap, we take a part-month payment for the days in between."),
        ("h1", "Changing your bank details"),
        ("steps", [
            "Open the app and go to Me > Payments > Bank details.",
            "Enter the account holder's name and the new account details, and accept the Direct Debit mandate.",
            "Make the change at least 5 working days before your next payment date. If you change it later, that payment is still taken from your old account.",
        ]),
        ("h1", "If a payment fails"),
        ("steps", [
            "We email and text you on the day the Direct Debit is returned unpaid.",
            "We try again 5 days later. A failed payment fee of €15.00 is added to the retry.",
            "If the second attempt also fails, your entry pass stops working until you pay the amount owed in the app under Me > Payments > Pay now.",
            "If any amount is unpaid for 60 days, we end your membership and pass the debt to our collection agency, Calloway Recoveries.",
        ]),
        ("p", "We only charge the failed payment fee once per failed month, however many attempts are made. If the payment failed because of a mistake by us or your bank, call Member Services on 01 555 0140 and we'll remove the fee."),
        ("h1", "Refunds"),
        ("p", "Refunds go back to the card or bank account the payment came from, within 10 working days of being approved. Cooling-off refunds, refunds of unused paid guest passes and PT pack refunds are all made this way. We can't refund to a different card or account."),
        ("h1", "Statements and receipts"),
        ("p", "Every payment is listed in the app under Me > Payments > Statements, where you can download a PDF receipt. A VAT receipt with your company name on it can be requested from members@ironvale.example."),
        ("h1", "Direct Debit Guarantee"),
        ("p", "If an error is made in the amount or date of your Direct Debit, you are entitled to an immediate refund of the amount paid from your bank. You can cancel a Direct Debit at any time with your bank, but this does not cancel your membership."),
    ],
}


def plain_text(blocks: list[tuple[str, object]]) -> str:
    """Flatten a document's blocks to text, for checking golden facts."""
    lines: list[str] = []
    for kind, val in blocks:
        if kind == "grid":
            lines.extend(" | ".join(r) for r in val)  # type: ignore[union-attr]
        elif kind in ("bullets", "steps"):
            lines.extend(val)  # type: ignore[arg-type]
        else:
            lines.append(str(val))
    return "\n".join(lines)


def write_pdf(path: Path, blocks: list[tuple[str, object]]) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import (ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer,
                                    Table, TableStyle)

    st = getSampleStyleSheet()
    story: list = []
    style_for = {"title": st["Title"], "h1": st["Heading2"], "h2": st["Heading3"], "p": st["BodyText"]}
    for kind, val in blocks:
        if kind in style_for:
            story.append(Paragraph(escape(str(val)), style_for[kind]))
        elif kind in ("bullets", "steps"):
            items = [ListItem(Paragraph(escape(v), st["BodyText"])) for v in val]  # type: ignore[union-attr]
            if kind == "steps":
                story.append(ListFlowable(items, bulletType="1", start="1", leftIndent=14))
            else:
                story.append(ListFlowable(items, bulletType="bullet", leftIndent=14))
        elif kind == "grid":
            t = Table([[Paragraph(escape(c), st["BodyText"]) for c in row] for row in val], repeatRows=1)  # type: ignore[union-attr]
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#2b2d42")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 2.5 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def chrome(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(18 * mm, 9 * mm, "IronVale Fitness Clubs - help.ironvale.example")
        canvas.drawRightString(192 * mm, 9 * mm, f"{title} - page {doc.page}")
        canvas.restoreState()

    SimpleDocTemplate(str(path), pagesize=A4, title=title, author="IronVale Fitness Clubs",
                      leftMargin=18 * mm, rightMargin=18 * mm).build(story, onFirstPage=chrome, onLaterPages=chrome)


def write_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "IronVale Fitness Clubs"
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
            for v in val:  # type: ignore[union-attr]
                d.add_paragraph(v, style="List Number" if kind == "steps" else "List Bullet")
        elif kind == "grid":
            rows = list(val)  # type: ignore[arg-type]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, c in enumerate(row):
                    t.cell(i, j).text = c
                    if i == 0:
                        for run in t.cell(i, j).paragraphs[0].runs:
                            run.bold = True
    d.save(str(path))


def main() -> None:
    for rel, blocks in SOURCES.items():
        path = OUT / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        (write_pdf if rel.endswith(".pdf") else write_docx)(path, blocks)
        print("wrote", rel, len(plain_text(blocks).split()), "words")


if __name__ == "__main__":
    main()
