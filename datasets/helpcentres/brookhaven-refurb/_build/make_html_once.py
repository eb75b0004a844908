"""One-off writer of the HTML help pages (kept for reference; the HTML files in docs/ are the source of truth)."""
import sys
from pathlib import Path
D = Path("/work/holdouts/brookhaven-refurb/docs")
HEAD = '''<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | Brookhaven Refurb Help</title>
<link rel="stylesheet" href="https://cdn.brookhaven-refurb.example/help/style.css">
<script src="https://cdn.brookhaven-refurb.example/help/app.js" defer></script>
</head>
<body>
<div class="cookie-banner" id="cookies" role="dialog" aria-label="Cookies">
  We use cookies to run our shop and show you offers. <a href="https://www.brookhaven-refurb.example/legal/cookies">Cookie policy</a>
  <button type="button">Accept all</button> <button type="button">Reject non-essential</button>
</div>
<header class="site-header">
  <a class="logo" href="https://www.brookhaven-refurb.example/">Brookhaven Refurb</a>
  <nav aria-label="Main">
    <a href="https://www.brookhaven-refurb.example/phones">Phones</a>
    <a href="https://www.brookhaven-refurb.example/laptops">Laptops</a>
    <a href="https://www.brookhaven-refurb.example/tablets">Tablets</a>
    <a href="https://www.brookhaven-refurb.example/trade-in">Trade-in</a>
    <a href="https://help.brookhaven-refurb.example/en">Help</a>
  </nav>
  <div class="basket"><a href="https://www.brookhaven-refurb.example/basket">Basket (0)</a></div>
</header>
<div class="promo-strip">Free UK delivery on every order &middot; 12-month warranty as standard</div>
'''
FOOT = '''<footer class="site-footer">
  <nav aria-label="Footer">
    <a href="https://www.brookhaven-refurb.example/about">About us</a> &middot;
    <a href="https://help.brookhaven-refurb.example/en/legal/terms-of-sale">Terms of sale</a> &middot;
    <a href="https://www.brookhaven-refurb.example/legal/privacy">Privacy</a> &middot;
    <a href="https://www.brookhaven-refurb.example/careers">Careers</a>
  </nav>
  <p>&copy; 2026 Brookhaven Refurb Ltd. Customer Care 01 555 0120.</p>
  <p class="newsletter">Get 5% off your first order when you join our newsletter. <a href="https://www.brookhaven-refurb.example/newsletter">Sign up</a></p>
</footer>
</body>
</html>
'''
CRUMB = '<nav class="breadcrumb" aria-label="Breadcrumb"><a href="https://help.brookhaven-refurb.example/en">Help</a> &rsaquo; {section} &rsaquo; {title}</nav>\n'
def article(rel, title, section, body, related):
    rel_html = "".join(f'    <li><a href="#">{r}</a></li>\n' for r in related)
    s = HEAD.format(title=title) + '<div class="layout">\n<main id="content">\n' + CRUMB.format(section=section, title=title) + f'<article>\n<h1>{title}</h1>\n{body}\n</article>\n</main>\n<aside class="related" aria-label="Related articles">\n  <h2>Related articles</h2>\n  <ul>\n{rel_html}  </ul>\n</aside>\n</div>\n' + FOOT
    (D / rel).write_text(s, encoding="utf-8")
def legacy(rel, title, body):
    s = HEAD.format(title=title) + f'<div class="wrapper">\n<div class="side"><div class="side-title">Popular</div><ul><li><a href="#">Track my order</a></li><li><a href="#">Start a return</a></li><li><a href="#">Report a fault</a></li></ul></div>\n<div class="content">\n<h1>{title}</h1>\n{body}\n</div>\n</div>\n' + FOOT
    (D / rel).write_text(s, encoding="utf-8")

article("grading/battery-health.html", "Battery health: our minimums", "Grading", """
<p>Every battery is tested before a device is sold. <strong>If it's below our minimum, we replace it.</strong> No exceptions.</p>
<p>Battery health is the battery's maximum capacity compared with when it was new.</p>
<h2>Our minimums at dispatch</h2>
<table>
<thead><tr><th>Device</th><th>Minimum battery health when you receive it</th><th>Covered by warranty if it falls below</th></tr></thead>
<tbody>
<tr><td>Phone</td><td>85%</td><td>80%</td></tr>
<tr><td>Tablet</td><td>85%</td><td>80%</td></tr>
<tr><td>Laptop</td><td>80%</td><td>70%</td></tr>
</tbody>
</table>
<p>The minimum is the same for Grades A, B and C.</p>
<h2>New Battery option</h2>
<p>On selected phones you can tick <strong>New Battery</strong> on the product page for <strong>£29.00</strong>. We fit a brand-new battery (100% health) before dispatch. It adds 1 working day to dispatch.</p>
<h2>How to check battery health</h2>
<ul>
<li><strong>iPhone:</strong> Settings &gt; Battery &gt; Battery Health &amp; Charging.</li>
<li><strong>Android:</strong> Settings &gt; Battery, or dial the manufacturer's diagnostics app.</li>
<li><strong>Mac:</strong> hold Option and click the battery icon, or System Information &gt; Power.</li>
<li><strong>Windows:</strong> run <code>powercfg /batteryreport</code> and compare full charge capacity with design capacity.</li>
</ul>
<h2>Below the minimum on arrival?</h2>
<p>Send us a screenshot within <strong>14 days</strong> of delivery. That counts as faulty on arrival: we replace the battery or the device free.</p>
<h2>Tips for a longer battery life</h2>
<ul>
<li>Avoid leaving the device in a hot car.</li>
<li>Use a certified charger.</li>
<li>Turn on optimised charging if your device has it.</li>
</ul>
""", ["Cosmetic grades explained", "Your 12-month warranty", "Faulty on arrival"])

legacy("warranty/care-plus-extension.html", "Care+ warranty extension (24 months)", """
<p>Want cover for longer? <strong>Brookhaven Care+</strong> extends your 12-month warranty to <strong>24 months in total</strong> from the delivery date.</p>
<p>Same cover as the standard warranty, just for longer: faults from normal use and batteries below the warranty level.</p>
<p><strong>Care+ is not insurance.</strong> It does not cover accidental damage, liquid damage, loss or theft.</p>
<h2>Prices (one-off payment)</h2>
<table>
<tr><th>Device price</th><th>Phone</th><th>Tablet</th><th>Laptop</th></tr>
<tr><td>Up to £300</td><td>£29.00</td><td>£35.00</td><td>£49.00</td></tr>
<tr><td>£300.01 to £700</td><td>£45.00</td><td>£49.00</td><td>£69.00</td></tr>
<tr><td>Over £700</td><td>£65.00</td><td>£69.00</td><td>£99.00</td></tr>
</table>
<h2>When can I buy it?</h2>
<ul>
<li>At checkout, or</li>
<li>in your account within <strong>30 days</strong> of delivery: Orders &gt; Add Care+.</li>
</ul>
<p>After 30 days Care+ can't be added.</p>
<h2>Cancelling Care+</h2>
<p>Cancel within <strong>14 days</strong> of buying it for a full refund. After that, Care+ can't be refunded, unless you return the device within 30 days of delivery, in which case Care+ is refunded with it.</p>
<h2>Extra with Care+</h2>
<ul>
<li><strong>Priority repairs:</strong> your device jumps the queue, usually back within <strong>5 working days</strong>.</li>
<li>A free courier collection from your home instead of a drop-off.</li>
</ul>
<p>Questions? Repairs Team, 01 555 0135.</p>
""")

article("returns/faulty-on-arrival.html", "Faulty on arrival", "Returns", """
<p>Device not working when it arrived? Sorry. We'll put it right fast.</p>
<p>This page is for faults you find in the <strong>first 14 days</strong> after delivery. After 14 days, faults are handled under the <a href="#">12-month warranty</a>. Just changed your mind? See <a href="#">30-day returns</a>.</p>
<h2>What counts as faulty on arrival</h2>
<ul>
<li>The device won't switch on or charge.</li>
<li>Something doesn't work: camera, speaker, Wi-Fi, keys, touch screen.</li>
<li>The battery health is below our minimum.</li>
<li>It's a different model, colour or storage size from your order.</li>
<li>It's damaged in transit (report transit damage within <strong>48 hours</strong> with photos of the box).</li>
</ul>
<h2>What we do</h2>
<ol>
<li>Report it in <strong>Orders &gt; Report a fault</strong> and tick <em>Arrived faulty</em>.</li>
<li>We arrange a free <strong>courier collection</strong> from your door, usually the next working day.</li>
<li>You choose: a <strong>replacement</strong> (sent the day your device reaches us) or a <strong>full refund</strong>, including delivery charges.</li>
</ol>
<p>No restocking fee ever applies to faulty items, including accessories.</p>
<p>Prefer to talk? Customer Care: <strong>01 555 0120</strong>.</p>
""", ["Returns: 30 days to change your mind", "Your 12-month warranty", "Battery health: our minimums"])

article("delivery/delivery-options.html", "Delivery options and countries", "Delivery", """
<p>We ship from our workshop in Brookhaven, UK. Orders placed by <strong>2pm</strong> on a working day leave the same day.</p>
<h2>UK delivery</h2>
<table>
<thead><tr><th>Option</th><th>Price</th><th>Arrives</th></tr></thead>
<tbody>
<tr><td>Standard tracked</td><td>Free</td><td>2 to 3 working days</td></tr>
<tr><td>Express (order by 2pm)</td><td>£4.99</td><td>Next working day</td></tr>
<tr><td>Saturday</td><td>£7.99</td><td>Saturday (order by 2pm Friday)</td></tr>
<tr><td>Highlands, islands and Northern Ireland</td><td>Free</td><td>3 to 5 working days</td></tr>
</tbody>
</table>
<h2>International delivery</h2>
<table>
<thead><tr><th>Country</th><th>Price</th><th>Arrives</th></tr></thead>
<tbody>
<tr><td>Ireland</td><td>£9.99</td><td>3 to 5 working days</td></tr>
<tr><td>France, Germany, Netherlands, Belgium</td><td>£12.99</td><td>4 to 6 working days</td></tr>
<tr><td>Spain, Portugal, Italy</td><td>£14.99</td><td>5 to 7 working days</td></tr>
<tr><td>Denmark, Sweden, Austria</td><td>£16.99</td><td>5 to 8 working days</td></tr>
</tbody>
</table>
<p>We can only deliver to the countries in these tables.</p>
<h2>Customs and duties</h2>
<p>EU orders are sent <strong>duties paid</strong>. The price you pay at checkout is the final price: no customs charges on delivery.</p>
<h2>Signing for your order</h2>
<ul>
<li>Every device needs a <strong>signature</strong>. We don't leave devices in a safe place.</li>
<li>Missed the courier? They try <strong>twice</strong>, then take it to a local pick-up point for <strong>7 days</strong>.</li>
<li>Not collected in time? It comes back to us and we refund you, minus any paid delivery charge.</li>
</ul>
<p>PO boxes and parcel lockers: not available for devices; accessories only.</p>
""", ["Your account and orders", "Returns: 30 days to change your mind"])

legacy("help/faq.html", "Frequently asked questions", """
<h2>Buying</h2>
<h3>Is refurbished the same as second-hand?</h3>
<p>No. Second-hand is sold as it is. Refurbished means tested on 70 points, wiped, graded and covered by a 12-month warranty.</p>
<h3>Which grade should I choose?</h3>
<p>All grades work the same. Grade A looks almost new, Grade C has visible marks and the best price.</p>
<h3>Will my phone work abroad?</h3>
<p>Yes, all our phones are unlocked. Check roaming charges with your network.</p>
<h3>Do laptops come with a charger?</h3>
<p>Yes. Phones and tablets come with a cable but no plug.</p>
<h2>Orders and delivery</h2>
<h3>When will my order ship?</h3>
<p>Same day if you order by 2pm on a working day.</p>
<h3>Can someone else sign for my parcel?</h3>
<p>Yes, anyone aged 16 or over at the address can sign.</p>
<h3>My tracking hasn't updated.</h3>
<p>Allow up to 12 hours. Still nothing after 2 working days? Call 01 555 0120.</p>
<h2>Warranty, returns and repairs</h2>
<h3>How long is the warranty?</h3>
<p>12 months, or 24 months with Care+.</p>
<h3>I cracked my screen. Is that covered?</h3>
<p>No, accidental damage isn't covered by the warranty or Care+. Book a paid repair.</p>
<h3>Do I pay return postage?</h3>
<p>Not in the UK. Returns from outside the UK are at your cost, unless the item is faulty.</p>
<h3>Can I swap my device for a different grade?</h3>
<p>Return it within 30 days for a refund and place a new order.</p>
<h2>Trade-in</h2>
<h3>How long is my quote valid?</h3>
<p>14 days from the day you get it.</p>
<h3>Can I trade in a device with a cracked screen?</h3>
<p>Yes, choose "Broken" as the condition.</p>
<h3>When do I get paid?</h3>
<p>Within 2 working days of the final price being agreed.</p>
""")
