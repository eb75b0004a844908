"""Build the PDF and DOCX documents of the SaffronBox help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the
golden facts can be checked against it without parsing PDF or DOCX.
"""
from pathlib import Path

DOCS_DIR = Path(__file__).resolve().parent.parent / "docs"

# Each document is a list of (kind, value): kind is title, h1, h2, para, bullets, steps or table.
SOURCES: dict[str, list[tuple[str, object]]] = {
    "food/allergen-and-dietary-guide.pdf": [
        ("title", "Allergen and Dietary Guide"),
        ("para", "SaffronBox Meal Kits Ltd. Version 3.2, August 2026. Please read this guide before ordering if anyone in your household has a food allergy, an intolerance or coeliac disease."),
        ("h1", "1. The 14 major allergens"),
        ("para", "Every recipe card and every recipe in the app lists which of the 14 major allergens are in the recipe's ingredients, in bold in the ingredient list and in a Contains line at the bottom of the card."),
        ("table", [
            ["Allergen", "Where it often turns up in our recipes"],
            ["Celery", "Stock paste, Saffron Dust spice blend, soups"],
            ["Cereals containing gluten", "Pasta, noodles, breadcrumbs, flatbreads, soy sauce"],
            ["Crustaceans", "Prawns, prawn crackers"],
            ["Eggs", "Fresh pasta, mayonnaise, noodles"],
            ["Fish", "Fish fillets, fish sauce, Caesar dressing"],
            ["Lupin", "Some gluten-free flours"],
            ["Milk", "Cheese, yoghurt, butter, cream, pesto"],
            ["Molluscs", "Mussels, scallops, oyster sauce"],
            ["Mustard", "Dressings, Saffron Dust spice blend"],
            ["Nuts (tree nuts)", "Pesto, toppings, dessert crumbs"],
            ["Peanuts", "Satay sauce, some curry pastes"],
            ["Sesame", "Sesame oil, seeds, tahini, some flatbreads"],
            ["Soya", "Soy sauce, tofu, miso, edamame"],
            ["Sulphites", "Wine vinegars, dried fruit, some stock pastes"],
        ]),
        ("para", "Our house spice blend, Saffron Dust, contains mustard and celery. It is used in many recipes, so check the Contains line even on recipes that don't look spicy."),
        ("h1", "2. How we pack"),
        ("para", "All our ingredients are weighed and packed in shared kitchens in Dublin and Cork that handle all 14 allergens. We keep allergens apart as far as we can, but traces can get into other ingredients. For this reason we cannot say that any recipe is free from an allergen, and we do not sell certified gluten-free or nut-free recipes. Recipes where an ingredient supplier has told us about a cross-contact risk carry a May contain warning."),
        ("para", "We don't recommend SaffronBox for anyone with a severe allergy who has been told to avoid even traces of an allergen, or for anyone with coeliac disease."),
        ("h1", "3. Hiding recipes you can't eat"),
        ("steps", [
            "In the app or on the website, go to Account > Preferences > Dietary needs.",
            "Tick the allergens you want to avoid. You can also tick dislikes such as pork, mushrooms or coriander.",
            "Tap Save. Recipes that contain a ticked allergen are hidden from your menu and are never chosen for you.",
        ]),
        ("para", "Recipes with only a May contain warning for a ticked allergen are still shown, with an orange warning triangle, so you can decide for yourself."),
        ("h1", "4. Special diets"),
        ("bullets", [
            "Vegetarian: every recipe on the Veggie plan is vegetarian and may contain eggs and dairy. Vegetarian recipes on other plans are marked with a green V.",
            "Vegan: around 4 recipes each week are vegan and are marked with a leaf icon. There is no separate vegan plan.",
            "Pescatarian: tick Meat under Dislikes to hide meat recipes while keeping fish.",
            "Lower calorie: the Fit & Lean plan's recipes are all under 600 kcal per serving.",
        ]),
        ("h1", "5. Frequently asked questions"),
        ("h2", "Can I remove one ingredient from a recipe, like the nuts?"),
        ("para", "No. Ingredients are packed recipe by recipe and we can't leave out or swap single ingredients on request. You can leave an ingredient out when you cook, but traces may remain in other ingredients."),
        ("h2", "Will an ingredient substitution add an allergen?"),
        ("para", "No. If we have to substitute an ingredient, the substitute never contains one of the 14 major allergens that the original recipe didn't already contain."),
        ("h2", "Where can I see the full ingredients of a sauce or spice blend?"),
        ("para", "In the app, open the recipe, tap the ingredient and then Full ingredients. The same list is printed on the ingredient's packet."),
        ("h2", "Are the Market Extras covered by my allergen settings?"),
        ("para", "No. Your dietary settings only filter recipes. Check the allergens on each Market Extra before adding it; they are shown when you tap the item."),
        ("h2", "I think I've had a reaction to something in my box."),
        ("para", "Get medical help first. Then keep the packaging and call us on 01 555 0140, or email our allergen team at allergens@saffronbox.example. The allergen team replies within 2 working days, and sooner when there has been a reaction."),
        ("h2", "Is the Saffron Dust blend sold separately?"),
        ("para", "Yes, as a Market Extra. It contains mustard and celery."),
    ],
    "app/saffronbox-kitchen-app-guide.pdf": [
        ("title", "SaffronBox Kitchen app user guide"),
        ("para", "The SaffronBox Kitchen app is where you choose recipes, manage deliveries and cook step by step. This guide covers version 5 of the app for iPhone, iPad and Android."),
        ("h1", "Getting the app"),
        ("table", [
            ["Device", "Minimum version", "Where to get it"],
            ["iPhone and iPad", "iOS 16 or later", "App Store"],
            ["Android phones and tablets", "Android 10 or later", "Google Play"],
            ["Web browser", "Latest two versions of Chrome, Safari, Firefox or Edge", "www.saffronbox.example"],
        ]),
        ("para", "We support the current version of the app and the two before it. If your app is older than that, you'll be asked to update before you can choose recipes."),
        ("h1", "Cook Mode"),
        ("para", "Open any recipe in your box and tap Start cooking. Cook Mode shows one step at a time in large text and keeps your screen awake while you cook."),
        ("bullets", [
            "Swipe left or say \"Next step\" to move on. Voice control works hands-free once you allow microphone access.",
            "Tap a time in a step, such as 12 minutes, to start a timer. Up to 4 timers can run at once, and they keep running if you leave the app.",
            "Tap the scales icon to see ingredient amounts for the step.",
        ]),
        ("h1", "Your Cookbook"),
        ("para", "Cookbook > Cooked before lists every recipe you've received, so you can rate it or cook it again with your own shopping. Tap the heart on any recipe to save it to Cookbook > Favourites; you can save up to 500 favourites."),
        ("para", "For recipes you want to cook again, tap Shopping list to get the ingredients for the number of servings you choose, from 1 to 6, and send the list to your phone's notes or reminders app."),
        ("h1", "Cooking offline"),
        ("para", "In a kitchen with poor signal? Tap Download on a recipe to keep it on your phone. You can keep up to 20 recipes downloaded at a time; downloaded recipes are removed automatically 30 days after delivery unless you've saved them to Favourites."),
        ("h1", "Sharing with your household"),
        ("para", "Up to 4 people in your household can use the app with your account. Go to Profile > Household > Invite and send an invite to their email address. Household members can choose recipes, rate them and use Cook Mode. They can't see or change payment details, and they can't cancel or pause the subscription."),
        ("h1", "Settings"),
        ("table", [
            ["To do this", "Go to"],
            ["Switch between grams and cups/ounces", "Profile > Settings > Units"],
            ["Turn menu reminders on or off", "Profile > Settings > Notifications"],
            ["Use dark mode", "Profile > Settings > Appearance"],
            ["Change the app language (English or Irish)", "Profile > Settings > Language"],
            ["Free up space on your phone", "Profile > Settings > Storage > Clear recipe cache"],
        ]),
        ("para", "Menu reminders are sent 48 hours before each week's menu locks if you haven't chosen your recipes yet."),
        ("h1", "Troubleshooting"),
        ("h2", "The app shows an old menu or won't load recipes"),
        ("steps", [
            "Check you're connected to Wi-Fi or mobile data.",
            "Go to Profile > Settings > Storage > Clear recipe cache. Your downloaded recipes are removed but your favourites and ratings are kept.",
            "Close the app fully and open it again.",
            "If it still doesn't work, delete and reinstall the app, then sign in again.",
        ]),
        ("h2", "My recipe card is missing from the box"),
        ("para", "Every recipe card is in the app under the week's box. You can also print any card at www.saffronbox.example/cards by entering the 4-digit recipe number shown on the ingredient bags."),
        ("h2", "Voice control doesn't respond"),
        ("para", "Check that microphone access is allowed for SaffronBox Kitchen in your phone's settings, and that the microphone icon at the top of Cook Mode is green. Voice control works in English only."),
    ],
    "account/cancel-your-subscription.docx": [
        ("h1", "Cancelling your subscription"),
        ("para", "You can cancel your SaffronBox subscription at any time. There's no minimum term and no cancellation fee. This article is about stopping your weekly subscription; to cancel a one-off box or a gift card order, see Gift cards and one-off boxes."),
        ("h2", "Before you cancel"),
        ("para", "If you just need a break, you don't have to cancel: you can skip single weeks, or pause deliveries for 1 to 12 weeks. Your plan, preferences and any welcome discount stay in place."),
        ("h2", "How to cancel online"),
        ("steps", [
            "Sign in on the website or in the app.",
            "Go to Account > Subscription > Cancel plan.",
            "Tell us why you're leaving (optional, but it helps us improve).",
            "Tap Confirm cancellation. We'll send a confirmation email within 1 hour.",
        ]),
        ("para", "If you don't receive a confirmation email, your subscription has not been cancelled. Check your spam folder and then contact us."),
        ("h2", "Cancelling by phone"),
        ("para", "Call our Cancellations team on 01 555 0145, Monday to Friday 8:00 to 20:00 and Saturday 9:00 to 17:00. Please have your account email address ready. We'll never ask for your password."),
        ("h2", "Timing: which boxes will still come?"),
        ("para", "Cancelling stops every box that hasn't locked yet. A box that has already locked (at 23:59 five days before its delivery day) has been paid for and is already being packed, so it will still be delivered and it can't be refunded."),
        ("para", "Example: your delivery day is Friday. If you cancel on Sunday at 22:00, this Friday's box is stopped. If you cancel on Monday morning, this Friday's box still comes, and nothing after it."),
        ("h2", "What happens to your money"),
        ("table", [
            ["What you have", "What happens when you cancel"],
            ["Account credit", "Kept for 6 months after you cancel (or until it expires, if sooner), in case you come back"],
            ["Gift card balance", "Kept until the gift card's own expiry date"],
            ["Referral credit for a friend whose first box hasn't arrived yet", "Still added once their box is delivered"],
            ["Remaining welcome discount", "Lost; it is not paid out"],
            ["One-off orders already placed", "Not affected; they are delivered as ordered"],
        ]),
        ("para", "We don't take back any welcome discount you've already had, however soon you cancel."),
        ("h2", "Coming back"),
        ("para", "Sign in and tap Reactivate under Account > Subscription. Your address, preferences, favourites and order history will be there. The welcome offer isn't available again to anyone who has had a box in the last 12 months."),
        ("h2", "Cancelling is not closing your account"),
        ("para", "After you cancel, your account stays open so you can reactivate, buy gift cards or order one-off boxes. To have your account closed and your personal data deleted, email privacy@saffronbox.example."),
    ],
    "billing/refer-a-friend.docx": [
        ("h1", "Refer a friend"),
        ("para", "Know someone who'd like SaffronBox? Invite them with your personal link and you'll both save."),
        ("h2", "What you both get"),
        ("bullets", [
            "Your friend gets 50% off their first box and free delivery on that box.",
            "You get account credit once your friend's first box has been delivered.",
        ]),
        ("para", "Your friend's referral discount replaces the welcome offer; the two can't be combined."),
        ("h2", "How much credit you earn"),
        ("para", "The credit for each friend depends on how many friends you have already referred successfully in the same calendar year (January to December)."),
        ("table", [
            ["Successful referrals this calendar year", "Credit for each one"],
            ["1st to 5th", "€20"],
            ["6th to 10th", "€15"],
            ["11th to 15th", "€10"],
            ["16th and after", "No credit"],
        ]),
        ("para", "So the most you can earn from referrals in one calendar year is €225. Referral credit works like any other account credit: it is used automatically on your next box and expires 12 months after it was added."),
        ("h2", "How to invite someone"),
        ("steps", [
            "Open the app and go to Account > Refer friends.",
            "Tap Share my link, or copy your referral code (it starts with SB-).",
            "Send it to your friend by message or email.",
            "Your friend signs up with the link or enters the code before their first box locks.",
        ]),
        ("para", "You can follow each invite under Account > Refer friends: Invited, Signed up and Delivered. Credit appears within 3 days of your friend's first delivery."),
        ("h2", "Who counts as a new friend"),
        ("bullets", [
            "They must be 18 or over and new to SaffronBox.",
            "Their delivery address and payment card must not have been used for a SaffronBox box in the last 12 months.",
            "They must keep their first box; if it's cancelled before it locks, no credit is given.",
            "You can't refer yourself or someone at your own delivery address.",
        ]),
        ("h2", "Sharing responsibly"),
        ("para", "Share your link with people you know. Posting referral codes on coupon or deal websites isn't allowed and may lead to pending credit being cancelled."),
        ("h2", "Questions"),
        ("para", "My friend forgot to use my link. If their first box hasn't locked yet, they can enter your code under Account > Vouchers. After it locks, we can't add the referral."),
        ("para", "I've cancelled my subscription. Will I still get the credit? Yes, for friends who signed up before you cancelled, once their first box is delivered."),
    ],
}


def plain_text(blocks: list[tuple[str, object]]) -> str:
    """The document's text as a reader sees it; used by the golden-file check."""
    lines: list[str] = []
    for kind, value in blocks:
        if kind == "table":
            lines.extend(" | ".join(row) for row in value)  # type: ignore[union-attr]
        elif kind in ("bullets", "steps"):
            lines.extend(value)  # type: ignore[arg-type]
        else:
            lines.append(str(value))
    return "\n".join(lines)


def write_pdf(path: Path, blocks: list[tuple[str, object]]) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import (ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer,
                                    Table, TableStyle)

    styles = getSampleStyleSheet()
    style_for = {"title": styles["Title"], "h1": styles["Heading1"], "h2": styles["Heading3"],
                 "para": styles["BodyText"]}
    flow = []
    for kind, value in blocks:
        if kind in style_for:
            flow.append(Paragraph(escape(str(value)), style_for[kind]))
        elif kind in ("bullets", "steps"):
            items = [ListItem(Paragraph(escape(v), styles["BodyText"])) for v in value]  # type: ignore[union-attr]
            flow.append(ListFlowable(items, bulletType="1" if kind == "steps" else "bullet", leftIndent=14))
        elif kind == "table":
            rows = [[Paragraph(escape(c), styles["BodyText"]) for c in row] for row in value]  # type: ignore[union-attr]
            table = Table(rows, repeatRows=1)
            table.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#c9a227")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f4c430")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            flow.append(table)
        flow.append(Spacer(1, 2.5 * mm))
    title = str(blocks[0][1])

    def page_footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.drawString(18 * mm, 9 * mm, "SaffronBox Meal Kits Ltd  |  help.saffronbox.example  |  " + title)
        canvas.drawRightString(192 * mm, 9 * mm, "%d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="SaffronBox Meal Kits Ltd",
                            leftMargin=18 * mm, rightMargin=18 * mm)
    doc.build(flow, onFirstPage=page_footer, onLaterPages=page_footer)


def write_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    document = docx.Document()
    document.core_properties.author = "SaffronBox Customer Care"
    document.core_properties.title = str(blocks[0][1])
    for kind, value in blocks:
        if kind in ("h1", "title"):
            document.add_heading(str(value), level=1)
        elif kind == "h2":
            document.add_heading(str(value), level=2)
        elif kind == "para":
            document.add_paragraph(str(value))
        elif kind in ("bullets", "steps"):
            for item in value:  # type: ignore[union-attr]
                document.add_paragraph(item, style="List Number" if kind == "steps" else "List Bullet")
        elif kind == "table":
            rows = value  # type: ignore[assignment]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Light Grid Accent 1"
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
    document.save(str(path))


def main() -> None:
    for rel, blocks in SOURCES.items():
        out = DOCS_DIR / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        (write_pdf if rel.endswith(".pdf") else write_docx)(out, blocks)
        print(f"wrote docs/{rel}: {len(plain_text(blocks).split())} words")


if __name__ == "__main__":
    main()
