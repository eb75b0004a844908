import io, sys, time, pickle
sys.path.insert(0, "/work/wt-tester")
from pypdf import PdfWriter
from pypdf.generic import NameObject, DictionaryObject, TextStringObject, ArrayObject, FloatObject
w = PdfWriter()
page = w.add_blank_page(200, 200)
js = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert('page open action ran')")})
page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): js})
annot = DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
    NameObject("/Rect"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(200), FloatObject(200)]),
    NameObject("/A"): DictionaryObject({NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("cmd.exe")})})
page[NameObject("/Annots")] = ArrayObject([w._add_object(annot)])
# embedded file
w.add_attachment("invoice.exe", b"MZ fake executable")
b = io.BytesIO(); w.write(b); data = b.getvalue()
from bot.attachments.scrub import scrub
out = scrub(data, "application/pdf")
print("in", len(data), "out", len(out))
for k in (b"/JavaScript", b"/Launch", b"/AA", b"/EmbeddedFile", b"invoice.exe", b"MZ fake"):
    print(k, k in data, "->", k in out)
files = pickle.load(open("files.pkl", "rb")); files["js_page.pdf"] = data; pickle.dump(files, open("files.pkl", "wb"))
# CPU time of the GIF scrub
import resource
t = time.process_time(); scrub(files["bigframes.gif"], "image/gif"); print("gif scrub CPU s", time.process_time() - t)
