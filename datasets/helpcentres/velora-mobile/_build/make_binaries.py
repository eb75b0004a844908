"""Build the PDF and DOCX documents of the Velora Mobile help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "upgrades/upgrading-your-phone.pdf": [
        ("title", "Upgrading your phone with Velora"),
        ("p", "This guide explains when you can get a new phone on a handset plan, what it costs to upgrade early, and how trade-in works. It applies to handset plans only. SIM-only customers can buy a phone outright or add a Device Plan at any time in the app."),
        ("h1", "1. When can I upgrade?"),
        ("p", "You can upgrade for free once you have paid off your Device Plan, or in the last 3 months of your Airtime Plan, whichever comes first. The app shows your upgrade date under Plan > Upgrade."),
        ("grid", [
            ["Your situation", "Can I upgrade?", "What you pay"],
            ["Device Plan fully paid", "Yes", "Nothing extra"],
            ["Last 3 months of your Airtime Plan", "Yes", "The rest of your Device Plan, or keep paying it monthly"],
            ["Device Plan not paid, more than 3 months left on Airtime", "Yes, early upgrade", "The rest of your Device Plan plus an early upgrade fee of £30.00"],
            ["Overdue bill", "No", "Pay the overdue amount first"],
        ]),
        ("h1", "2. How to upgrade"),
        ("steps", [
            "Open My Velora and go to Plan > Upgrade. We show your options and what you still owe.",
            "Pick your new phone and Airtime Plan. A new credit check is done.",
            "Choose delivery (free, next working day) or collect in store.",
            "Move your data to the new phone. Your number and SIM stay the same.",
        ]),
        ("p", "Your new Airtime Plan starts on the day you upgrade and lasts 24 months. Your bill date doesn't change; your next bill is pro-rata."),
        ("h1", "3. Trade-in"),
        ("p", "Trade in your current phone when you upgrade and we take its value off your new Device Plan, spread equally over the months. Trade-in is different from Velora ReCycle, which pays you money."),
        ("grid", [
            ["Trade-in step", "Time limit"],
            ["Send your old phone after the new one arrives", "Within 14 days"],
            ["We check the phone", "Within 5 working days of receiving it"],
            ["If you don't send it", "We remove the trade-in discount and charge a £50.00 non-return fee"],
        ]),
        ("p", "A cracked screen lowers the trade-in value by 40%. Phones with activation lock on can't be traded in."),
        ("h1", "4. Keeping your old phone"),
        ("p", "If you don't trade in, your old phone is yours once its Device Plan is paid. Ask for a free unlock in the app so it works with any network's SIM."),
        ("h1", "5. Upgrading another line on your account"),
        ("p", "The account holder can upgrade any line. Authorised users can't upgrade lines, but they can check the upgrade date. Family plan lines keep their Family discount after an upgrade."),
    ],
    "insurance/velora-protect.docx": [
        ("title", "Velora Protect: phone insurance policy summary"),
        ("p", "Velora Protect is insurance for your phone, arranged by Velora Mobile and underwritten by Cobalt Bay Insurance plc. This summary is part of your policy. You can add Velora Protect within 30 days of getting your phone from Velora; phones bought elsewhere can't be covered."),
        ("h1", "1. Cover levels"),
        ("grid", [
            ["Cover", "Monthly price", "Accidental damage", "Breakdown after warranty", "Loss and theft"],
            ["Protect Essentials", "£7.00", "Yes", "Yes", "No"],
            ["Protect Complete", "£12.00", "Yes", "Yes", "Yes"],
        ]),
        ("h1", "2. Excess"),
        ("p", "The excess is the amount you pay towards each claim. It depends on the phone's value band and the kind of claim."),
        ("grid", [
            ["Phone value", "Screen repair", "Other damage", "Loss or theft"],
            ["Band A (under £400)", "£25", "£50", "£75"],
            ["Band B (£400 to £899)", "£25", "£75", "£125"],
            ["Band C (£900 and over)", "£50", "£100", "£150"],
        ]),
        ("h1", "3. Making a claim"),
        ("steps", [
            "Call 01 555 0163 or claim at protect.veloramobile.example within 30 days of the damage, loss or theft.",
            "For theft, report it to the police first and give us the crime reference number. Ask us to bar the phone on 01 555 0161.",
            "Pay the excess. We send a courier to collect a damaged phone.",
            "Repairs take up to 5 working days. Replacement phones arrive within 2 working days of approval.",
        ]),
        ("h1", "4. Limits"),
        ("bullets", [
            "You can make up to 2 claims in any 12 months.",
            "Screen repairs under Protect Essentials and Protect Complete count as a claim.",
            "Replacement phones may be refurbished to as-new standard, of the same model or one of similar value.",
        ]),
        ("h1", "5. What isn't covered"),
        ("bullets", [
            "Theft from an unattended vehicle unless it was locked and the phone was out of sight.",
            "Loss when the phone was left in a public place and not attended.",
            "Cosmetic damage like scratches that don't affect how the phone works.",
            "Phones that have been rooted, jailbroken or repaired by an unauthorised repairer.",
            "Accessories such as chargers, cases and headphones.",
        ]),
        ("h1", "6. Cancelling"),
        ("p", "You can cancel within the first 14 days and get a full refund if you haven't claimed. After that, cancel at any time with 30 days' notice by calling 01 555 0163. Cover ends when your plan ends or you leave Velora."),
    ],
    "billing/understanding-your-bill.pdf": [
        ("title", "Understanding your Velora bill"),
        ("p", "Your monthly bill is ready in the My Velora app on your bill date. We email you when it's ready. Paper bills cost £1.50 each; see Charges outside your plan."),
        ("h1", "1. Your bill date and when you pay"),
        ("p", "Your bill date is the day of the month your plan started. We take payment by Direct Debit 14 days after the bill date. You can change your payment date once every 6 months in the app under Bills > Payment date."),
        ("h1", "2. Sections of your bill"),
        ("grid", [
            ["Section", "What it shows", "Paid"],
            ["Monthly charges", "Your Airtime Plan or SIM-only plan for the month ahead, Device Plan, Velora Protect, recurring add-ons", "In advance"],
            ["Usage charges", "Anything outside your allowance from the month just ended: out-of-plan calls, roaming, premium numbers", "In arrears"],
            ["One-off charges and credits", "Boosters, paper bill, late payment fee, compensation credits, goodwill credits", "Once"],
            ["Third-party charges", "Apps, games and subscriptions billed to your Velora account by other companies", "In arrears"],
        ]),
        ("h1", "3. Why is my first bill higher?"),
        ("p", "Your first bill usually includes a part-month (pro-rata) charge for the days between joining and your first bill date, plus the full month ahead. For example, if you join on the 20th and your bill date is the 1st, you pay for 11 days plus the next month. Your second bill is your normal monthly price."),
        ("h1", "4. Why did my bill go up?"),
        ("bullets", [
            "The yearly price rise in April (a fixed £1.50 on monthly plans).",
            "Usage charges outside your allowance, especially roaming in Zone 2 or 3, or ship and plane networks.",
            "A Device Plan ending: this makes your bill go down, not up.",
            "A discount that has ended, such as a 6-month introductory discount.",
            "Third-party charges. Check the itemised section and use Third-party Bar to stop them.",
        ]),
        ("h1", "5. If you can't pay"),
        ("p", "Call Customer Care on 01 555 0160 before your payment date. We can set up a payment plan over up to 6 months. If a payment fails we try again 7 days later and add a £5.00 late payment fee. If a bill is still not paid 28 days after the payment date, we bar outgoing calls and data (you can still call 999 and 112)."),
        ("h1", "6. Questioning a charge"),
        ("p", "If you think a charge is wrong, tell us within 60 days of the bill date in the app (Bills > Question a charge) or on 01 555 0160. We hold that amount while we look into it, which takes up to 10 working days."),
        ("h1", "7. VAT"),
        ("p", "All prices include VAT at 20%. A VAT invoice is available in the app under Bills > Download."),
    ],
    "family/velora-family-plans.docx": [
        ("title", "Velora Family: several lines, one bill"),
        ("p", "Velora Family lets you put up to 6 monthly lines on one account with one bill payer. Every extra line gets a discount off its airtime price. SIM-only and handset plans can be mixed on the same Family account; PAYG lines can't be added."),
        ("h1", "Family discounts"),
        ("grid", [
            ["Line on the account", "Discount off that line's airtime price"],
            ["First line (the bill payer's)", "No discount"],
            ["Second line", "10%"],
            ["Third line", "15%"],
            ["Fourth, fifth and sixth lines", "20% each"],
        ]),
        ("p", "The discount doesn't apply to Device Plans, add-ons or Velora Protect. If a line leaves, the other lines keep their discounts as long as at least 2 lines remain."),
        ("h1", "Adding a line"),
        ("steps", [
            "The bill payer opens My Velora and goes to Family > Add a line.",
            "Choose a plan for the new line and whether to bring a number.",
            "A credit check is done on the bill payer for each new line.",
            "The SIM or eSIM is sent to the bill payer's address or email.",
        ]),
        ("h1", "Children's lines"),
        ("p", "Lines for children under 16 have Content Lock (adult content filter) on by default and a spending cap of £0. The bill payer can change these in Family > Manage lines. Children's lines can't buy Boosters without the bill payer approving it in the app."),
        ("h1", "Data Share"),
        ("p", "With Data Share, lines on Velora Plus or Velora Unlimited can give data to other lines on the same Family account, up to 20GB a month per line. Unlimited lines can share, but the data given is counted from their 30GB fair use when abroad."),
        ("h1", "Who can do what"),
        ("grid", [
            ["Action", "Bill payer", "Line user aged 16 or over", "Line user under 16"],
            ["See the whole bill", "Yes", "Only their own line", "No"],
            ["Change a line's plan", "Yes", "No", "No"],
            ["Set spending caps", "Yes", "No", "No"],
            ["Buy add-ons", "Yes", "Yes, within their cap", "Only with approval"],
            ["Get a porting code for their number", "Yes", "Yes", "No"],
        ]),
        ("h1", "Moving a line to its own account"),
        ("p", "A line user aged 18 or over can take their line onto their own account with the bill payer's permission. Ask in the app (Family > Move a line out). It takes up to 3 working days and the user passes their own credit check. Any Device Plan for that line moves with it."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#5a2d82")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Velora Mobile - help.veloramobile.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Velora Mobile",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Velora Mobile"
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
