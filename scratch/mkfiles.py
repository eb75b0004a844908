from PIL import Image
import io, struct, time
out = {}
# 1 GIF many frames large canvas
t=time.time()
frames = [Image.new("P", (4000, 4000), i % 2) for i in range(60)]
b = io.BytesIO(); frames[0].save(b, format="GIF", save_all=True, append_images=frames[1:], duration=10, optimize=False)
out["bigframes.gif"] = b.getvalue(); print("gif", len(b.getvalue()), time.time()-t)
# 2 JPEG with malformed EXIF orientation
im = Image.new("RGB", (20, 20), "red")
ex = Image.Exif(); ex[0x0112] = 6; ex[0x8769] = {0x9003: "x"}
b = io.BytesIO(); im.save(b, format="JPEG", exif=ex.tobytes()); good = b.getvalue()
out["exif_ok.jpg"] = good
# corrupt: craft APP1 with Exif header and garbage IFD
app1 = b"Exif\x00\x00" + b"MM\x00\x2a\x00\x00\x00\x08" + b"\x00\x01" + b"\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00" + b"\xff\xff\xff\xff"
app1b = b"Exif\x00\x00" + b"II\x2a\x00\x08\x00\x00\x00" + b"\x02\x00" + b"\x12\x01\x03\x00\x01\x00\x00\x00\x06\x00\x00\x00" + b"\x69\x87\x04\x00\x01\x00\x00\x00\xff\xff\xff\x7f" + b"\x00\x00\x00\x00"
for name, a in (("exif_bad1.jpg", app1), ("exif_bad2.jpg", app1b)):
    seg = b"\xff\xe1" + struct.pack(">H", len(a) + 2) + a
    b = io.BytesIO(); im.save(b, format="JPEG"); raw = b.getvalue()
    out[name] = raw[:2] + seg + raw[2:]
# 3 PNG 16-bit
b = io.BytesIO(); Image.new("I;16", (10, 10)).save(b, format="PNG"); out["i16.png"] = b.getvalue()
# 4 CMYK jpeg
b = io.BytesIO(); Image.new("CMYK", (10, 10)).save(b, format="JPEG"); out["cmyk.jpg"] = b.getvalue()
# 5 webp animated
fr = [Image.new("RGB", (50, 50), c) for c in ("red", "blue")]
b = io.BytesIO(); fr[0].save(b, format="WEBP", save_all=True, append_images=fr[1:]); out["anim.webp"] = b.getvalue()
# 6 truncated png
b = io.BytesIO(); Image.new("RGB", (500, 500), "green").save(b, format="PNG"); out["trunc.png"] = b.getvalue()[:200]
# 7 PDF with JavaScript via /OpenAction in page /AA + launch action in annotation
pdf = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /AA << /O << /S /JavaScript /JS (app.alert('page open')) >> >> /Annots [4 0 R] >> endobj
4 0 obj << /Type /Annot /Subtype /Link /Rect [0 0 200 200] /A << /S /Launch /F (cmd.exe) >> >> endobj
trailer << /Root 1 0 R >>
%%EOF"""
out["js_page.pdf"] = pdf
# 8 PDF deep nesting
deep = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /X " + b"[" * 50000 + b"]" * 50000 + b" >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"
out["deep.pdf"] = deep
# 9 PDF xref loop / self-referencing pages
loop = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"
out["loop.pdf"] = loop
import pickle; pickle.dump(out, open("files.pkl", "wb"))
