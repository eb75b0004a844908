"""Build the PDF and DOCX documents of the Larkfield Tutors help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "legal/larkfield-terms-of-service.docx": [
        ("title", "Larkfield Tutors: Terms of Service for students"),
        ("p", "Version 4.0, effective 1 October 2026. These terms are the agreement between you and Larkfield Tutors Ltd (\"Larkfield\", \"we\", \"us\") when you use Larkfield to learn. We have tried to write them in plain English. The help centre articles explain the same rules in more detail, but if there is ever a difference, these terms apply. Tutors who teach on Larkfield have a separate tutor agreement and the Tutor Handbook."),
        ("h1", "1. Definitions"),
        ("p", "\"Credit\" means a lesson credit bought in a pack or received through a subscription plan. \"Lesson\" means a live one-to-one video lesson booked through Larkfield. \"Tutor\" means an independent teacher who offers lessons on Larkfield. \"Course\" means an exam preparation course."),
        ("h1", "2. Who can use Larkfield"),
        ("p", "You must be at least 16 years old to open an account. Learners aged 7 to 15 may only take lessons through a child profile created by a parent or guardian aged 18 or over, who is responsible for the child's use of Larkfield."),
        ("h1", "3. Your account"),
        ("p", "You must give accurate details and keep your password secret. You are responsible for everything done with your account. One account is for one person, except for child profiles on a Family plan. Tell us straight away if you think someone else has used your account."),
        ("h1", "4. Our role and the tutors' role"),
        ("p", "Larkfield provides the platform, the video classroom, payments and support. Tutors are independent and are not our employees. Tutors decide how they teach and set their own rates. We check every tutor's identity and teaching background before they are approved, but we do not guarantee any particular learning result."),
        ("h1", "5. Credits"),
        ("p", "Credits are used to pay for lessons and group classes. Credits have no cash value except as described in clause 14 (Refunds). Credits are personal and cannot be sold or transferred to another account, except by sharing within a Family plan. Credits expire as set out in the help article on credit expiry: pack credits after 6 months, subscription credits after one rollover month, bonus credits after 60 days."),
        ("h1", "6. Subscription plans"),
        ("p", "Subscription plans renew automatically every month until you cancel. You authorise us to take the monthly price from your payment card on each billing date. If a payment fails, we will try again 3 times over 7 days; if it still fails, the plan is paused until you update your card, and no new credits are added."),
        ("h1", "7. Price changes"),
        ("p", "We may change the price of a subscription plan by giving you at least 30 days' notice by email. If you do not want to pay the new price, you can cancel before it takes effect. Price changes never affect credit packs you have already bought."),
        ("h1", "8. Trial lessons"),
        ("p", "Each account may take up to 3 trial lessons, each with a different tutor, at the trial price shown when booking. Trial lessons may be cancelled free of charge up to 4 hours before they start."),
        ("h1", "9. Booking lessons"),
        ("p", "A booking is confirmed when it appears in My lessons and you receive a confirmation email. Credits are reserved when you book and used when the lesson takes place. Lessons may be booked up to 8 weeks ahead and no later than 6 hours before the start."),
        ("h1", "10. Cancellations by you"),
        ("p", "You may cancel a lesson free of charge at least 24 hours before it starts. If you cancel between 12 and 24 hours before the start, half of the credits are returned. If you cancel less than 12 hours before the start, no credits are returned. You may use 2 \"life happens\" cancellations in each calendar year to cancel at any time with all credits returned."),
        ("h1", "11. Cancellations and no-shows by tutors"),
        ("p", "If a tutor cancels a lesson or does not join within 10 minutes of the start, all credits for the lesson are returned to you. If the tutor cancels less than 12 hours before the start or does not show up, we also add 1 bonus credit to your account."),
        ("h1", "12. Student no-shows"),
        ("p", "If you do not join a lesson within 15 minutes of the start, the tutor may mark you as absent and the lesson is treated as taken."),
        ("h1", "13. Exam preparation courses"),
        ("p", "Courses are paid for separately and are not paid with credits. A Larkfield course certificate is a certificate of completion of our course. It is not an official exam result, and Larkfield does not register you for any official exam. The rules on course attendance, certificates and course refunds are in the Exam preparation courses guide, which forms part of these terms."),
        ("h1", "14. Refunds"),
        ("p", "Unused pack credits may be refunded as set out in the help article on refunds: in full within 14 days of purchase if none have been used, and otherwise at the price paid per credit less an admin fee of 10%. Subscription payments are not refundable, except your first subscription payment if you cancel within 14 days and have booked no lessons. Bonus credits and expired credits are never refunded."),
        ("h1", "15. Your right to cancel (cooling-off)"),
        ("p", "If you live in the UK or the EU, you have a legal right to cancel a purchase within 14 days. By booking a lesson within those 14 days, you ask us to start providing the service straight away, and lessons already taken are deducted from any refund."),
        ("h1", "16. Acceptable use"),
        ("p", "You must treat tutors and other learners with respect. You must not record lessons with any tool other than the Larkfield recording feature, share a tutor's materials publicly, or pay a tutor outside Larkfield. Lessons arranged or paid for outside Larkfield are not covered by these terms or by our support."),
        ("h1", "17. Suspending or closing your account"),
        ("p", "We may suspend or close your account if you seriously or repeatedly break these terms. If we close your account without a breach by you, we refund your unused, unexpired pack credits in full. You may close your account at any time in Settings; please ask for any refund first."),
        ("h1", "18. Our liability"),
        ("p", "Nothing in these terms limits our liability for death or personal injury caused by our negligence, or for fraud. Otherwise, our total liability to you is limited to the greater of £100 or the amount you paid us in the 12 months before the claim. We are not responsible for problems caused by your own device or internet connection."),
        ("h1", "19. Changes to these terms"),
        ("p", "We may update these terms. We will email you at least 30 days before a change that affects you takes effect. If you do not agree with the change, you may close your account and ask for a refund of unused pack credits without the admin fee."),
        ("h1", "20. Complaints and governing law"),
        ("p", "If you are unhappy, please contact student support first on 01 555 0142 or at help@larkfield.example. If we cannot solve it, write to complaints@larkfield.example and a manager will reply within 10 working days. These terms are governed by the law of England and Wales, and you may also bring a claim in the courts of the country where you live."),
    ],
    "exams/exam-preparation-courses.pdf": [
        ("title", "Exam preparation courses: the complete guide"),
        ("p", "Edition 3, September 2026. Our exam preparation courses are for learners who have an official language exam coming up and want a clear, structured plan to get there. Each course is a series of one-to-one lessons with a tutor who knows the exam inside out, following a Larkfield syllabus, with practice papers, marked writing tasks and two full mock exams. This guide explains what each course includes, how much it costs, how to earn your course certificate and what happens if you need to stop."),
        ("h1", "1. Courses and prices"),
        ("grid", [
            ["Course", "Level", "Lessons (60 minutes each)", "Price"],
            ["IELTS Academic preparation", "B2 to C1", "10", "£295.00"],
            ["DELE B2 preparation (Spanish)", "B2", "12", "£330.00"],
            ["DELF B2 preparation (French)", "B2", "12", "£330.00"],
            ["Goethe-Zertifikat B1 preparation (German)", "B1", "12", "£310.00"],
        ]),
        ("p", "Courses are paid for by card in one payment and are not paid with lesson credits. The price includes all lessons, course materials and 2 mock exams marked by your tutor. It does not include the fee for the official exam itself. Larkfield does not register you for the official exam; you book it directly with an official test centre."),
        ("h1", "2. Before you start"),
        ("p", "Every course begins with a free 20-minute placement call with your course tutor to check that the course is right for your level. If the tutor thinks you are not ready yet, they will suggest a number of regular lessons first, and you can cancel the course with a full refund at that point."),
        ("h1", "3. Scheduling your lessons"),
        ("p", "You book course lessons with your course tutor in the same way as ordinary lessons, and the normal student cancellation rules apply: cancel at least 24 hours before to keep the lesson. All lessons must be taken within 16 weeks of the course start date. If you are ill or have another serious reason, we can extend this once by up to 4 weeks; ask before the 16 weeks end."),
        ("h1", "4. Mock exams"),
        ("p", "The course includes 2 full mock exams under timed conditions, usually one halfway through and one near the end. Your tutor marks them within 5 days and goes through the results with you in your next lesson."),
        ("h1", "5. Your course certificate"),
        ("p", "When you complete a course, you receive a Larkfield course certificate showing the course, the number of lessons attended and your mock exam results. To receive it you must:"),
        ("bullets", [
            "attend at least 80% of the course lessons (for example, 8 of 10 lessons, or 10 of 12), and",
            "complete both mock exams.",
        ]),
        ("p", "The certificate is sent as a PDF within 7 days of your last lesson and can also be downloaded from Profile > Certificates. A Larkfield course certificate shows that you completed our course. It is not an official exam result and does not replace an IELTS, DELE, DELF or Goethe certificate. It is also different from the free Larkfield level certificate you get from the Level Check."),
        ("h1", "6. Changing tutor"),
        ("p", "If things are not working with your course tutor, you can ask to change once during the course, free of charge. Write to help@larkfield.example and we will suggest other course tutors with free slots."),
        ("h1", "7. Cancelling a course and refunds"),
        ("steps", [
            "Within 14 days of buying a course, and before your first course lesson: full refund.",
            "After your first course lesson: we refund the lessons you have not taken, at the course price per lesson, minus £30.00 for course materials.",
            "After 8 weeks from the course start date: no refund, but you can still take your remaining lessons until the 16-week limit.",
        ]),
        ("p", "To cancel a course, call our billing team on 01 555 0163 or use Account > Courses > Cancel course."),
    ],
    "tutors/tutor-payouts.pdf": [
        ("title", "Tutor payouts guide"),
        ("p", "For tutors who teach on Larkfield. Edition 2, 2026. This guide explains how much you earn from each lesson, when and how we pay you, and what you need to do about tax. It is a companion to the Larkfield Tutor Handbook."),
        ("h1", "1. How your earnings are worked out"),
        ("p", "You set your own hourly rate. For each lesson, your earnings are your rate for the length of the lesson, minus the Larkfield commission. The commission pays for finding students, the classroom, payments and support, and it goes down as you teach more hours on Larkfield."),
        ("grid", [
            ["Hours taught on Larkfield (all time)", "Larkfield commission", "You keep"],
            ["0 to 100 hours", "20%", "80%"],
            ["101 to 400 hours", "15%", "85%"],
            ["More than 400 hours", "12%", "88%"],
        ]),
        ("p", "Trial lessons are paid at a flat £4.00 with no commission taken. Group classes are paid at the fixed group rate in the Tutor Handbook, with no commission. Payments for student no-shows and late cancellations are calculated in the same way as a lesson that took place."),
        ("h1", "2. When earnings become available"),
        ("p", "Earnings from a lesson become available 48 hours after the lesson ends. The delay gives students time to report a problem. If a student reports a problem, the earnings for that lesson are held until our team has looked into it, usually within 3 working days."),
        ("h1", "3. Payout day"),
        ("p", "We pay tutors every Wednesday. Everything that is available by 11:59pm UK time on the Tuesday is included. Your available balance must be at least £25.00 to be paid; smaller balances are carried over to the next week."),
        ("h1", "4. Payout methods"),
        ("grid", [
            ["Method", "Fee", "Time to arrive"],
            ["UK bank transfer", "Free", "1 working day"],
            ["International bank transfer", "£1.50 per payout", "Up to 3 working days"],
            ["PayMint wallet", "2% of the payout, at most £5.00", "Within 1 hour"],
        ]),
        ("p", "Choose or change your payout method in Settings > Payouts. A new payout method must be confirmed with two-step verification, and for your security the first payout to a new method is made 7 days after you add it."),
        ("h1", "5. Tax"),
        ("p", "Tutors are self-employed, and you are responsible for declaring your earnings and paying your own tax and social security contributions. We do not take tax off your payouts. We send every tutor an annual earnings statement for the tax year by 30 April, and you can download monthly statements at any time from Earnings > Statements."),
        ("h1", "6. Refunds and chargebacks"),
        ("p", "If Larkfield refunds a student for a lesson because you did not show up or did not teach the full lesson, the earnings for that lesson are taken back from your balance. Refunds we give for our own reasons, such as a classroom fault or a life happens cancellation, never reduce your earnings."),
        ("h1", "7. Questions about a payout"),
        ("p", "If a payout is missing or looks wrong, first check Earnings > Payouts for its status. If you still need help, contact tutor support on 01 555 0157 or at tutors@larkfield.example, quoting the payout reference beginning with PO-."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#5a3f8c")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Larkfield Tutors - help.larkfield.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Larkfield Tutors",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Larkfield Tutors"
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
